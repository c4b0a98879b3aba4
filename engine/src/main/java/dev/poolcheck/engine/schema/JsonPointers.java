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

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
