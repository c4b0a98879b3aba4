package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Set;

/**
 * Terraform {@code .tf} files (read by the HCL loader into the shape of Terraform's JSON syntax,
 * nested blocks as lists): every {@code resource "azurerm_batch_pool" "<name>"} block is one pool,
 * mapped by {@link TerraformPools}. References and interpolations are unknown values ({@code
 * ${...}} strings). See docs/terraform.md.
 */
final class TerraformNormaliser implements PoolNormaliser {

  /** Top-level block types of the Terraform language. */
  private static final Set<String> BLOCK_TYPES =
      Set.of(
          "resource",
          "data",
          "variable",
          "locals",
          "output",
          "module",
          "provider",
          "terraform",
          "moved",
          "import",
          "removed",
          "check",
          "ephemeral");

  @Override
  public DocumentKind kind() {
    return DocumentKind.TERRAFORM;
  }

  /** A document whose members are all Terraform top-level blocks, with at least one resource. */
  @Override
  public boolean recognises(JsonNode root) {
    if (!root.path("resource").isObject()) {
      return false;
    }
    for (var it = root.fieldNames(); it.hasNext(); ) {
      if (!BLOCK_TYPES.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    List<PoolDocument> pools = TerraformPools.fromConfiguration(doc, kind(), findings);
    if (pools.isEmpty()) {
      findings.add(
          KindDetection.notAPool(
              doc,
              "not a pool definition: the Terraform file declares no resource \""
                  + TerraformPools.RESOURCE_TYPE
                  + "\""));
    }
    return pools;
  }
}
