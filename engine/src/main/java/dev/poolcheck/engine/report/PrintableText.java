package dev.poolcheck.engine.report;

/**
 * Makes text from a repository safe to print where a person or a CI runner reads it line by line
 * (the text report, Maven log lines, JUnit bodies, Azure Pipelines logs, stderr). Key names, values
 * and file names are written by whoever opened the pull request: a line break followed by {@code
 * ##vso[...]} or {@code ::warning} would be a CI command, an ESC sequence could erase lines or
 * paint a fake "No problems", a bidi override could reorder what is shown.
 *
 * <p>Every C0 control but tab, DEL, every C1 control, the Unicode line and paragraph separators and
 * the bidi controls are written as visible escapes ({@code \n}, {@code \x1b}, {@code \u202e}), so
 * one finding stays one line and no character reaches the terminal that acts instead of showing.
 * Formats with their own escaping (JSON, SARIF, XML attributes, GitHub's {@code %0A}) keep it; this
 * is for human formats.
 */
public final class PrintableText {

  private PrintableText() {}

  /** The text with every control character written as a visible escape. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    int i = 0;
    while (i < text.length() && !isUnsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    b.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c <= 0xff) {
        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  /**
   * Whether a character acts on a terminal or a log reader instead of showing: C0 controls except
   * tab, DEL, C1 controls, line and paragraph separators, bidi marks, embeddings, overrides and
   * isolates.
   */
  public static boolean isUnsafe(char c) {
    return (c < 0x20 && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
