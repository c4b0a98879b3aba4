package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.model.Finding;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Looks inside a document of no known kind for an object that is a pool body in the wrong place
 * (wrapped in an extra {@code "parameters"} object, under an unexpected key), so the user hears
 * where the pool was found and where poolcheck reads it, instead of a silent skip.
 */
final class MisplacedPool {

  /** How deep to look: a wrapper or two is a mistake; deeper is some other kind of file. */
  private static final int MAX_DEPTH = 3;

  private MisplacedPool() {}

  /** A warning for the first pool body found below the root, if any. */
  static Optional<Finding> find(ParsedDocument doc, JsonNode root) {
    return search(root, "", 0)
        .map(
            hit ->
                DocumentFindings.finding(
                    DocumentFindings.POOL_DEFINITION_MISPLACED,
                    message(hit),
                    doc.source().name(),
                    hit.pointer(),
                    doc.positions().locate(hit.pointer())));
  }

  record Hit(String pointer, String shape, String members) {}

  private static Optional<Hit> search(JsonNode node, String pointer, int depth) {
    if (depth > 0 && node.isObject()) {
      Optional<String> shape = shape(node);
      if (shape.isPresent()) {
        return Optional.of(new Hit(pointer, shape.get(), members(node)));
      }
    }
    if (depth >= MAX_DEPTH || !node.isObject()) {
      return Optional.empty();
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Optional<Hit> hit = search(e.getValue(), pointer + segment(e.getKey()), depth + 1);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> shape(JsonNode node) {
    if (new ManagementNormaliser().recognises(node)) {
      return Optional.of("management-plane");
    }
    if (node.has("virtualMachineConfiguration")
        || (node.has("vmSize") && (node.has("id") || node.has("targetDedicatedNodes")))) {
      return Optional.of("data-plane");
    }
    return Optional.empty();
  }

  private static String members(JsonNode node) {
    StringBuilder out = new StringBuilder();
    JsonNode shown = node.path("properties").isObject() ? node.get("properties") : node;
    String prefix = shown == node ? "" : "properties.";
    Iterator<String> names = shown.fieldNames();
    int n = 0;
    while (names.hasNext() && n < 4) {
      out.append(n == 0 ? "" : ", ").append(prefix).append(names.next());
      n++;
    }
    if (names.hasNext()) {
      out.append(", ...");
    }
    return out.toString();
  }

  private static String message(Hit hit) {
    String where =
        hit.shape().equals("management-plane")
            ? "at the top of the file ({\"properties\": {\"vmSize\": ...}})"
            : "at the top of the file ({\"id\": ..., \"vmSize\": ..., \"virtualMachineConfiguration\": ...})";
    return "found what looks like a "
        + hit.shape()
        + " pool body at `"
        + hit.pointer()
        + "` ("
        + hit.members()
        + "), but poolcheck reads pool properties "
        + where
        + ", in an ARM template's resources, in an Azure REST API example's parameters, or in a"
        + " Batch template's pool; this file was not checked: move the pool body to one of those"
        + " places";
  }
}
