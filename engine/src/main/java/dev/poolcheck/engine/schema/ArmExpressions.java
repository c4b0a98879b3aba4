package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.path.NodePath;

/**
 * ARM template expressions: a string that starts with {@code [} but not {@code [[} (which escapes a
 * literal bracket); and strings holding {@code ${...}}: Terraform references, interpolations and
 * function calls (docs/terraform.md), or placeholders of templated JSON. Their value is only known
 * at deployment, so no schema error applies to them or to anything below them.
 */
final class ArmExpressions {

  private ArmExpressions() {}

  static boolean isExpression(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String s = value.asText();
    // Terraform references and interpolations (and templated JSON) hold "${...}": as unknown.
    return (s.startsWith("[") && !s.startsWith("[[")) || s.contains("${");
  }

  /** Whether {@code path} runs through (or ends at) an expression inside {@code root}. */
  static boolean onPath(JsonNode root, NodePath path) {
    JsonNode node = root;
    if (isExpression(node)) {
      return true;
    }
    for (int i = 0; i < path.getNameCount() && node != null; i++) {
      Object element = path.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
      if (isExpression(node)) {
        return true;
      }
    }
    return false;
  }
}
