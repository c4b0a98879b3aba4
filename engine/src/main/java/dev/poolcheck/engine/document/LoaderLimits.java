package dev.poolcheck.engine.document;

/**
 * Bounds that keep hostile inputs from exhausting time or memory. Exceeding one gives an {@code
 * unreadable-input} finding, never an exception.
 *
 * @param maxBytes largest file read, in bytes
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value or key, in characters
 * @param maxYamlAliases most YAML aliases ({@code *name}) expanded per file
 */
public record LoaderLimits(
    long maxBytes, int maxNestingDepth, int maxStringLength, int maxYamlAliases) {

  public LoaderLimits {
    if (maxBytes < 1 || maxNestingDepth < 1 || maxStringLength < 1 || maxYamlAliases < 0) {
      throw new IllegalArgumentException("loader limits must be positive");
    }
  }

  /** 128 MiB files (a 50 MB file loads), depth 1000, 32 Mi-character strings, 50 aliases. */
  public static LoaderLimits defaults() {
    return new LoaderLimits(128L * 1024 * 1024, 1000, 32 * 1024 * 1024, 50);
  }
}
