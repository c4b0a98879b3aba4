package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;
import static dev.poolcheck.engine.normalise.CanonicalParts.segment;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ARM deployment templates: every {@code Microsoft.Batch/batchAccounts/pools} resource, at the top
 * level, nested as {@code pools} under an account, or inside a nested deployment's template. Each
 * pool resource has the management-plane shape. ARM expressions stay strings (unknown values).
 */
final class ArmTemplateNormaliser implements PoolNormaliser {

  static final String POOL_TYPE = "Microsoft.Batch/batchAccounts/pools";
  static final String ACCOUNT_TYPE = "Microsoft.Batch/batchAccounts";
  private static final String DEPLOYMENT_TYPE = "Microsoft.Resources/deployments";

  @Override
  public DocumentKind kind() {
    return DocumentKind.ARM_TEMPLATE;
  }

  @Override
  public boolean recognises(JsonNode root) {
    JsonNode schema = root.get("$schema");
    JsonNode resources = root.get("resources");
    boolean hasResources = resources != null && (resources.isArray() || resources.isObject());
    return (schema != null && schema.asText().contains("deploymentTemplate"))
        || (hasResources && root.has("contentVersion"));
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    List<String> pointers = new ArrayList<>();
    collectPools(root.get("resources"), "/resources", false, pointers);
    List<PoolDocument> pools = new ArrayList<>();
    for (String p : pointers) {
      pools.add(
          ManagementNormaliser.pool(
              doc, root.at(JsonPointer.compile(p)), p, DocumentKind.ARM_TEMPLATE, findings));
    }
    if (pointers.isEmpty()) {
      findings.add(
          KindDetection.notAPool(
              doc,
              "not a pool definition: the ARM template declares no "
                  + POOL_TYPE
                  + " resource (top level, or 'pools' nested under "
                  + ACCOUNT_TYPE
                  + ")"));
    }
    return pools;
  }

  /**
   * Whether a value is an ARM template expression ({@code "[parameters('x')]"}); {@code "[["}
   * escapes a literal bracket.
   */
  static boolean isExpression(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String s = value.textValue().strip();
    return s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");
  }

  /** {@code account/pool} names of top-level ARM resources name the pool by their last part. */
  static JsonNode poolName(JsonNode name) {
    if (!name.isTextual() || isExpression(name)) {
      return name;
    }
    String s = name.textValue();
    int slash = s.lastIndexOf('/');
    return slash < 0 ? name : NODES.textNode(s.substring(slash + 1));
  }

  /** Collects pool resources: full type anywhere, or {@code pools} nested under an account. */
  private static void collectPools(
      JsonNode resources, String pointer, boolean underAccount, List<String> found) {
    if (resources == null) {
      return;
    }
    // languageVersion 2.0 templates hold resources in an object keyed by symbolic name.
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (resources.isArray()) {
      for (int i = 0; i < resources.size(); i++) {
        entries.add(Map.entry(String.valueOf(i), resources.get(i)));
      }
    } else if (resources.isObject()) {
      resources.properties().forEach(entries::add);
    }
    for (Map.Entry<String, JsonNode> e : entries) {
      JsonNode r = e.getValue();
      if (!r.isObject()) {
        continue;
      }
      String p = pointer + segment(e.getKey());
      String type = r.path("type").asText("");
      if (POOL_TYPE.equalsIgnoreCase(type) || (underAccount && "pools".equalsIgnoreCase(type))) {
        found.add(p);
        continue;
      }
      collectPools(
          r.get("resources"), p + "/resources", ACCOUNT_TYPE.equalsIgnoreCase(type), found);
      if (DEPLOYMENT_TYPE.equalsIgnoreCase(type)) {
        collectPools(
            r.path("properties").path("template").get("resources"),
            p + "/properties/template/resources",
            false,
            found);
      }
    }
  }
}
