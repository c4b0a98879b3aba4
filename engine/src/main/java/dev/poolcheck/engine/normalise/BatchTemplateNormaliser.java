package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;
import static dev.poolcheck.engine.normalise.CanonicalParts.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Batch CLI-extension pool template ({@code az batch pool create --template}: {@code
 * {"parameters": {...}, "pool": {"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion",
 * "properties": {...}}}}) or a BatchExplorer pool template ({@code {"parameters", "variables",
 * "pool": {...}}}). The pool is a data-plane body (data-plane spelling: {@code nodeAgentSKUId},
 * {@code targetDedicatedNodes}); {@code [parameters('x')]} expressions are unknown values as in
 * ARM. A whole value {@code [variables('x')]} whose variable holds no expression is replaced by the
 * variable, so what it declares (an image, a retired node agent) is judged where the variable is
 * written.
 */
final class BatchTemplateNormaliser implements PoolNormaliser {

  private static final Pattern VARIABLE =
      Pattern.compile("^\\s*\\[\\s*variables\\(\\s*'([^']+)'\\s*\\)\\s*\\]\\s*$");

  @Override
  public DocumentKind kind() {
    return DocumentKind.BATCH_TEMPLATE;
  }

  @Override
  public boolean recognises(JsonNode root) {
    JsonNode pool = root.path("pool");
    if (!pool.isObject() || !(root.path("parameters").isObject() || root.has("variables"))) {
      return false;
    }
    boolean wrapped =
        ArmTemplateNormaliser.POOL_TYPE.equalsIgnoreCase(pool.path("type").asText())
            && pool.path("properties").isObject();
    return wrapped || new DataPlaneNormaliser().recognises(pool) || pool.has("id");
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    JsonNode pool = root.path("pool");
    boolean wrapped = pool.path("properties").isObject();
    JsonNode body = wrapped ? pool.get("properties") : pool;
    String p = wrapped ? "/pool/properties" : "/pool";
    if (!body.isObject()) {
      findings.add(
          KindDetection.notAPool(
              doc, "not a pool definition: the template's pool holds no object to check"));
      return List.of();
    }
    Map<String, String> substituted = new TreeMap<>();
    JsonNode resolved = resolveVariables(body, p, root.path("variables"), substituted);
    PoolDocument normalised = DataPlaneNormaliser.pool(doc, resolved, p, findings);
    PoolDocument result =
        substituted.isEmpty()
            ? normalised
            : new PoolDocument(
                doc,
                normalised.kind(),
                normalised.sourcePointer(),
                normalised.canonical(),
                rewrite(normalised.pointers(), substituted));
    ObjectNode source = NODES.objectNode().put("form", "batch-template");
    return List.of(
        PoolProvenance.stamp(
            result,
            wrapped ? pool.get("apiVersion") : null,
            "/pool/apiVersion",
            PoolProvenance.REQUEST,
            PoolProvenance.CREATE,
            source));
  }

  /**
   * A copy of {@code node} in which every whole-value {@code [variables('x')]} whose variable holds
   * no expression is replaced by the variable; {@code substituted} records source pointer of the
   * reference to source pointer of the variable.
   */
  private static JsonNode resolveVariables(
      JsonNode node, String p, JsonNode variables, Map<String, String> substituted) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.textValue());
      if (m.matches() && variables.has(m.group(1)) && !holdsExpression(variables.get(m.group(1)))) {
        substituted.put(p, "/variables" + segment(m.group(1)));
        return variables.get(m.group(1)).deepCopy();
      }
      return node;
    }
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.properties()
          .forEach(
              e ->
                  copy.set(
                      e.getKey(),
                      resolveVariables(
                          e.getValue(), p + segment(e.getKey()), variables, substituted)));
      return copy;
    }
    if (node.isArray()) {
      var copy = NODES.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(resolveVariables(node.get(i), p + "/" + i, variables, substituted));
      }
      return copy;
    }
    return node;
  }

  private static boolean holdsExpression(JsonNode value) {
    if (value.isTextual()) {
      String s = value.textValue().strip();
      return s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");
    }
    for (JsonNode child : value) {
      if (holdsExpression(child)) {
        return true;
      }
    }
    return false;
  }

  /** The same map with source pointers inside a substituted reference moved to the variable. */
  private static PointerMap rewrite(PointerMap pointers, Map<String, String> substituted) {
    PointerMap out = new PointerMap();
    pointers
        .entries()
        .forEach(
            (canonical, source) -> {
              String moved = source;
              for (Map.Entry<String, String> s : substituted.entrySet()) {
                String ref = s.getKey();
                if (source.equals(ref) || source.startsWith(ref + "/")) {
                  moved = s.getValue() + source.substring(ref.length());
                }
              }
              out.map(canonical, moved);
            });
    return out;
  }
}
