package dev.poolcheck.engine.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of document poolcheck recognises. */
public enum DocumentKind {
  /** Body of {@code PUT .../batchAccounts/{a}/pools/{p}}: fields under {@code properties}. */
  MANAGEMENT("management"),
  /** Data-plane pool body ({@code id}, {@code vmSize}, {@code virtualMachineConfiguration}). */
  DATA_PLANE("data-plane"),
  /** ARM deployment template declaring {@code Microsoft.Batch/batchAccounts/pools}. */
  ARM_TEMPLATE("arm"),
  /** Response of {@code GET .../pools/{p}/nodes/{n}/extensions/{e}}. */
  NODE_EXTENSION("node-extension"),
  /**
   * Azure REST API example file: request parameters and responses, each body holding a pool is
   * checked (as a management, data-plane or node-extension pool).
   */
  AZURE_REST_EXAMPLE("azure-rest-example"),
  /** One ARM pool resource on its own ({@code type}, {@code apiVersion}, {@code properties}). */
  ARM_RESOURCE("arm-resource"),
  /** Batch CLI-extension or BatchExplorer pool template: a data-plane pool under {@code pool}. */
  BATCH_TEMPLATE("batch-template"),
  /** Terraform {@code .tf} file declaring {@code resource "azurerm_batch_pool"} blocks. */
  TERRAFORM("terraform"),
  /** {@code terraform show -json} output (a plan or a state) with {@code azurerm_batch_pool}. */
  TERRAFORM_PLAN("terraform-plan");

  private final String id;

  DocumentKind(String id) {
    this.id = id;
  }

  /** The name used on the command line ({@code --kind}) and in reports. */
  public String id() {
    return id;
  }

  public static Optional<DocumentKind> parse(String text) {
    return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(text)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(DocumentKind::id).collect(Collectors.joining(", "));
  }
}
