package dev.poolcheck.engine.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts the canonical pool given to rules at a fixed depth. The wasm policies recurse once per level
 * ({@code walk}, JSON parsing), and 185 levels of nesting in extension settings exhausted the wasm
 * call stack, which stopped every built-in rule for that pool without a word. Below {@link
 * #MAX_DEPTH} levels a subtree is replaced by a string saying so; the run says it once per pool.
 */
final class DepthCap {

  /** Deepest level rules see; real pool definitions stay under 15. */
  static final int MAX_DEPTH = 64;

  static final String CUT = "(cut by poolcheck: nested deeper than " + MAX_DEPTH + " levels)";

  private DepthCap() {}

  /** The canonical pointer of the first subtree that lies deeper than the cap, if any. */
  static Optional<String> firstTooDeep(JsonNode node) {
    // Pointers are built only for the rare tree that is too deep: building one per node cost more
    // than the rest of the walk (docs/performance.md).
    return deeperThanCap(node, 0) ? firstTooDeep(node, JsonPointer.empty(), 0) : Optional.empty();
  }

  private static boolean deeperThanCap(JsonNode node, int depth) {
    if (!node.isContainerNode()) {
      return false;
    }
    if (depth >= MAX_DEPTH) {
      return true;
    }
    for (JsonNode child : node) {
      if (deeperThanCap(child, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> firstTooDeep(JsonNode node, JsonPointer at, int depth) {
    if (!node.isContainerNode()) {
      return Optional.empty();
    }
    if (depth >= MAX_DEPTH) {
      return Optional.of(at.toString());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<String> found =
            firstTooDeep(e.getValue(), at.appendProperty(e.getKey()), depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = firstTooDeep(node.get(i), at.appendIndex(i), depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A copy of the tree with every container below {@link #MAX_DEPTH} levels replaced by {@link
   * #CUT}.
   */
  static JsonNode cut(JsonNode node) {
    return cut(node, 0);
  }

  private static JsonNode cut(JsonNode node, int depth) {
    if (!node.isContainerNode()) {
      return node;
    }
    if (depth >= MAX_DEPTH) {
      return JsonNodeFactory.instance.textNode(CUT);
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> out.set(e.getKey(), cut(e.getValue(), depth + 1)));
      return out;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    node.forEach(item -> out.add(cut(item, depth + 1)));
    return out;
  }
}
