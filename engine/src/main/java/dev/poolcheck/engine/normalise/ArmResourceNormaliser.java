package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;

/**
 * A bare ARM pool resource, as in a template's {@code resources} but on its own: {@code {"type":
 * "Microsoft.Batch/batchAccounts/pools", "apiVersion", "name", "properties"}}. It is an ARM pool
 * (only {@code properties} and {@code identity} are the pool's; {@code apiVersion}, {@code
 * dependsOn} and the like are ARM's), not a management body with unknown members. A body with the
 * pool type but no {@code apiVersion} is a management GET response and stays with {@link
 * ManagementNormaliser}.
 */
final class ArmResourceNormaliser implements PoolNormaliser {

  @Override
  public DocumentKind kind() {
    return DocumentKind.ARM_RESOURCE;
  }

  @Override
  public boolean recognises(JsonNode root) {
    return ArmTemplateNormaliser.POOL_TYPE.equalsIgnoreCase(root.path("type").asText())
        && root.has("apiVersion")
        && root.path("properties").isObject();
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    PoolDocument pool =
        ManagementNormaliser.pool(doc, root, "", DocumentKind.ARM_TEMPLATE, findings);
    return List.of(
        PoolProvenance.stamp(
            pool,
            null,
            "/apiVersion",
            PoolProvenance.REQUEST,
            PoolProvenance.CREATE,
            NODES.objectNode().put("form", "arm-resource")));
  }
}
