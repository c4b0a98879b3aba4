package dev.poolcheck.engine.document;

import java.util.Optional;

/**
 * Maps each character of a decoded string value to the offset in the source text where it is
 * written, by re-reading the literal: escapes ({@code \r\n}, {@code \"}, {@code \u0041}) cover
 * several source characters. Handles JSON and YAML double-quoted literals on one line, YAML
 * single-quoted and plain scalars on one line, and YAML literal blocks ({@code |}). The result is
 * checked by rebuilding the value from the source; anything else gives no map, and positions fall
 * back to the start of the string.
 */
final class StringLiteral {

  private StringLiteral() {}

  /**
   * @param text the source text
   * @param start offset where the literal (including any quote or block indicator) starts
   * @param value the decoded string
   * @return {@code map[i]} = source offset of character {@code i}; {@code map[value.length()]} =
   *     offset just after the last character
   */
  static Optional<int[]> offsets(String text, int start, String value) {
    if (start >= text.length()) {
      return Optional.empty();
    }
    char first = text.charAt(start);
    int[] map = new int[value.length() + 1];
    StringBuilder rebuilt = new StringBuilder(value.length());
    boolean ok;
    if (first == '"') {
      ok = doubleQuoted(text, start + 1, map, rebuilt);
    } else if (first == '\'') {
      ok = singleQuoted(text, start + 1, map, rebuilt);
    } else if (first == '|') {
      ok = literalBlock(text, start, map, rebuilt, value.length());
    } else {
      ok = plain(text, start, map, rebuilt, value.length());
    }
    return ok && rebuilt.toString().equals(value) ? Optional.of(map) : Optional.empty();
  }

  private static boolean doubleQuoted(String text, int i, int[] map, StringBuilder out) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return put(map, out.length(), i);
      }
      if (c == '\n' || c == '\r') {
        return false; // folded YAML lines: not simple
      }
      if (!put(map, out.length(), i)) {
        return false;
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= text.length()) {
        return false;
      }
      char e = text.charAt(i + 1);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 6 > text.length()) {
            return false;
          }
          try {
            out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
          } catch (NumberFormatException x) {
            return false;
          }
          i += 4;
        }
        default -> {
          return false;
        }
      }
      i += 2;
    }
    return false;
  }

  private static boolean singleQuoted(String text, int i, int[] map, StringBuilder out) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return false;
      }
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          if (!put(map, out.length(), i)) {
            return false;
          }
          out.append('\'');
          i += 2;
          continue;
        }
        return put(map, out.length(), i);
      }
      if (!put(map, out.length(), i)) {
        return false;
      }
      out.append(c);
      i++;
    }
    return false;
  }

  private static boolean plain(String text, int i, int[] map, StringBuilder out, int length) {
    for (int k = 0; k < length; k++, i++) {
      if (i >= text.length() || text.charAt(i) == '\n' || !put(map, k, i)) {
        return false;
      }
      out.append(text.charAt(i));
    }
    return put(map, length, i);
  }

  /** {@code |} blocks: content lines keep their text after the block's indentation. */
  private static boolean literalBlock(
      String text, int start, int[] map, StringBuilder out, int length) {
    int i = text.indexOf('\n', start);
    if (i < 0) {
      return false;
    }
    i++;
    int indent = -1;
    while (out.length() < length && i < text.length()) {
      int lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      String line = text.substring(i, lineEnd);
      if (indent < 0) {
        indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
          indent++;
        }
        if (indent == 0) {
          return false;
        }
      }
      int contentEnd = line.endsWith("\r") ? line.length() - 1 : line.length();
      for (int k = Math.min(indent, contentEnd); k < contentEnd && out.length() < length; k++) {
        if (!put(map, out.length(), i + k)) {
          return false;
        }
        out.append(line.charAt(k));
      }
      if (out.length() < length) {
        if (!put(map, out.length(), i + contentEnd)) {
          return false;
        }
        out.append('\n');
      }
      i = lineEnd + 1;
    }
    int last = out.length() == 0 ? i : map[out.length() - 1] + 1;
    return put(map, out.length(), last);
  }

  private static boolean put(int[] map, int index, int offset) {
    if (index >= map.length) {
      return false;
    }
    map[index] = offset;
    return true;
  }
}
