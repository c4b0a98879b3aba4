package dev.poolcheck.engine.document;

import dev.poolcheck.engine.model.SourcePosition;
import java.util.Arrays;

/**
 * Turns character offsets into 1-based line and column. Lines end at {@code \n}, {@code \r\n}
 * (counted once) or a lone {@code \r} (old Mac files), as editors count them and as in {@link
 * SourceFile#line}. Also converts the code-point offsets SnakeYAML reports into character offsets,
 * which differ only after a character outside the BMP.
 */
final class LineStarts {

  private final int[] starts;
  private final int length;

  /** Code-point indices of supplementary characters, ascending; empty for most files. */
  private final int[] supplementaryCodePoints;

  LineStarts(String text) {
    // One pass, one charAt per character (this ran twice per file, through isBreak).
    int[] breaks = new int[64];
    int lines = 1;
    boolean surrogates = false;
    int size = text.length();
    for (int i = 0; i < size; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == size || text.charAt(i + 1) != '\n'))) {
        if (lines == breaks.length) {
          breaks = Arrays.copyOf(breaks, lines * 2);
        }
        breaks[lines++] = i + 1;
      } else if (Character.isHighSurrogate(c)) {
        surrogates = true;
      }
    }
    starts = Arrays.copyOf(breaks, lines);
    length = text.length();
    if (surrogates) {
      int[] found = new int[16];
      int n = 0;
      int cp = 0;
      for (int i = 0; i < text.length(); cp++) {
        int c = text.codePointAt(i);
        if (Character.isSupplementaryCodePoint(c)) {
          if (n == found.length) {
            found = Arrays.copyOf(found, n * 2);
          }
          found[n++] = cp;
        }
        i += Character.charCount(c);
      }
      supplementaryCodePoints = Arrays.copyOf(found, n);
    } else {
      supplementaryCodePoints = new int[0];
    }
  }

  /**
   * Whether the character at {@code i} ends a line: a {@code \n}, or a {@code \r} not followed by
   * {@code \n} (in {@code \r\n} the {@code \n} ends the line).
   */
  static boolean isBreak(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
  }

  /** The index of the first line-ending character at or after {@code from}, or -1. */
  static int nextBreak(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (isBreak(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The position of a character offset (clamped to the text). */
  SourcePosition position(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int line = lineIndex(o);
    return new SourcePosition(line + 1, o - starts[line] + 1);
  }

  /**
   * Offsets arrive mostly in ascending order while a document is read, so the line of the previous
   * lookup is tried first. The hint is only a guess, checked before use, so sharing it between
   * threads is harmless.
   */
  private int hint;

  private int lineIndex(int o) {
    int h = hint;
    for (int k = h; k < Math.min(h + 3, starts.length); k++) {
      if (o >= starts[k] && (k + 1 == starts.length || o < starts[k + 1])) {
        hint = k;
        return k;
      }
    }
    int i = Arrays.binarySearch(starts, o);
    int line = i >= 0 ? i : -i - 2;
    hint = line;
    return line;
  }

  /** The character offset of a code-point offset. */
  int charOffset(int codePointOffset) {
    if (supplementaryCodePoints.length == 0) {
      return codePointOffset;
    }
    int i = Arrays.binarySearch(supplementaryCodePoints, codePointOffset);
    int before = i >= 0 ? i : -i - 1;
    return codePointOffset + before;
  }

  /** The character offset of a 1-based position. */
  int offset(SourcePosition p) {
    int line = Math.min(p.line(), starts.length) - 1;
    return Math.min(starts[line] + p.column() - 1, length);
  }
}
