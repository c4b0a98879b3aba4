package dev.poolcheck.engine.document;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The decoded text of one input.
 *
 * @param name the file as the user named it ({@code -} for stdin); used in every finding
 * @param path where it was read from, absent for stdin
 * @param text the decoded content, without a byte order mark
 * @param format how to parse it
 */
public record SourceFile(String name, Optional<Path> path, String text, Format format) {

  /** The syntaxes poolcheck reads. */
  public enum Format {
    JSON,
    YAML,
    /** HCL native syntax: Terraform {@code .tf} and {@code .tfvars} files. */
    HCL;

    /**
     * Picks the format from a file name: {@code .yaml}/{@code .yml} is YAML, {@code .tf}/{@code
     * .tfvars} is HCL, anything else JSON.
     */
    public static Format fromName(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".tf") || lower.endsWith(".tfvars")) {
        return HCL;
      }
      return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    }
  }

  /** The text of a 1-based line without its line terminator, or empty past the end. */
  public String line(int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = LineStarts.nextBreak(text, start);
      if (nl < 0) {
        return "";
      }
      start = nl + 1;
    }
    int end = LineStarts.nextBreak(text, start);
    String s = end < 0 ? text.substring(start) : text.substring(start, end);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
