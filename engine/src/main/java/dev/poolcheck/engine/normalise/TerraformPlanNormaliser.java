package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;

/**
 * {@code terraform show -json} output: a plan ({@code resource_changes}, else {@code
 * planned_values}) or a state ({@code values}), with the {@code azurerm_batch_pool} resources of
 * every module as pools, mapped by {@link TerraformPools} and named by their resource address.
 */
final class TerraformPlanNormaliser implements PoolNormaliser {

  @Override
  public DocumentKind kind() {
    return DocumentKind.TERRAFORM_PLAN;
  }

  @Override
  public boolean recognises(JsonNode root) {
    return TerraformPools.isPlanOrState(root);
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    List<PoolDocument> pools = TerraformPools.fromPlan(doc, kind(), findings);
    if (pools.isEmpty()) {
      findings.add(
          KindDetection.notAPool(
              doc,
              "not a pool definition: the Terraform plan or state holds no "
                  + TerraformPools.RESOURCE_TYPE
                  + " resource that will exist"));
    }
    return pools;
  }
}
