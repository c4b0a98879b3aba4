package dev.poolcheck.engine.normalise;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How findings about a Terraform pool speak Terraform: its resource address and argument names. */
public final class TerraformNames {

  private TerraformNames() {}

  /** The resource address of a Terraform pool, absent for other kinds. */
  public static Optional<String> address(PoolDocument pool) {
    if (pool.kind() != DocumentKind.TERRAFORM && pool.kind() != DocumentKind.TERRAFORM_PLAN) {
      return Optional.empty();
    }
    String a = pool.canonical().path("source").path("address").asText("");
    return a.isEmpty() ? Optional.empty() : Optional.of(a);
  }

  /**
   * REST property names that rules write in messages, and the Terraform argument each comes from,
   * so a message about a {@code .tf} file or a plan speaks its language.
   */
  private static final Map<String, String> TERRAFORM_NAMES =
      Map.ofEntries(
          Map.entry("nodeAgentSkuId", "node_agent_sku_id"),
          Map.entry("nodeAgentSKUId", "node_agent_sku_id"),
          Map.entry("typeHandlerVersion", "type_handler_version"),
          Map.entry("autoUpgradeMinorVersion", "auto_upgrade_minor_version"),
          Map.entry("enableAutomaticUpgrade", "automatic_upgrade_enabled"),
          Map.entry("provisionAfterExtensions", "provision_after_extensions"),
          Map.entry("protectedSettings", "protected_settings"),
          Map.entry("userAssignedIdentities", "identity_ids"),
          Map.entry("imageReference", "storage_image_reference"),
          Map.entry("vmSize", "vm_size"),
          Map.entry("startTask", "start_task"),
          Map.entry("certificateReferences", "certificate"),
          Map.entry("taskSlotsPerNode", "max_tasks_per_node"),
          Map.entry("windowsConfiguration", "windows"),
          Map.entry("enableAutomaticUpdates", "enable_automatic_updates"));

  private static final Pattern REST_NAME =
      Pattern.compile("\\b(" + String.join("|", TERRAFORM_NAMES.keySet()) + ")\\b");

  /**
   * A rule's message for a Terraform pool: REST names replaced by the Terraform arguments they come
   * from, prefixed by the resource address ({@code module.batch.azurerm_batch_pool.gpu: ...}).
   */
  public static String message(String address, String message) {
    Matcher m = REST_NAME.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(TERRAFORM_NAMES.get(m.group(1))));
    }
    m.appendTail(out);
    String text = out.toString();
    return text.startsWith(address + ":") ? text : address + ": " + text;
  }
}
