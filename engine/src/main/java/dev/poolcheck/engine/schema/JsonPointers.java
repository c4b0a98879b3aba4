package dev.poolcheck.engine.schema;

import com.networknt.schema.path.NodePath;

/** RFC 6901 pointers from networknt paths. */
final class JsonPointers {

  private JsonPointers() {}

  /** The JSON Pointer of a networknt path ({@code ""} for the root). */
  static String of(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(escape(String.valueOf(path.getElement(i))));
    }
    return sb.toString();
  }

  /** The unescaped tokens of a pointer ({@code []} for the root). */
  static java.util.List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
        .map(JsonPointers::unescape)
        .toList();
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
