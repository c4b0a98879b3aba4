package dev.poolcheck.engine.report;

/**
 * Makes control characters in text from the checked files visible before a reporter writes it into
 * a line-based format (log commands, annotations), so that a crafted value cannot start a new
 * command, move the cursor or colour the log: every character {@link PrintableText#isUnsafe} names
 * (C0 and C1 controls, DEL, line and paragraph separators, bidi controls) but line feed and
 * carriage return, which each format escapes its own way, becomes {@code \\uXXXX}.
 */
final class ControlCharacters {

  private ControlCharacters() {}

  static String visible(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = PrintableText.isUnsafe(c) && c != '\n' && c != '\r';
      if (control) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
