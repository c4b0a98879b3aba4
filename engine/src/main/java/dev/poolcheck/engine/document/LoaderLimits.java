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

  /**
   * 2 MiB files, depth 1000, 32 Mi-character strings, 50 aliases. The file cap bounds the time one
   * file can take: the built-in policies parse their input inside wasm, which took 26 s for a 1 MiB
   * pool, 33 s for 2 MiB and 92 s (and a stopped policy) for 4 MiB on the shared 2-core machine
   * under load (issue 11; a 120 MB file took 523 s). Pool definitions are kilobytes; the largest
   * ARM templates poolcheck has seen stay well under 1 MiB.
   */
  public static LoaderLimits defaults() {
    return new LoaderLimits(2L * 1024 * 1024, 1000, 32 * 1024 * 1024, 50);
  }

  /** The defaults with a larger file cap, for callers that read trusted large inputs. */
  public static LoaderLimits withMaxBytes(long maxBytes) {
    LoaderLimits d = defaults();
    return new LoaderLimits(maxBytes, d.maxNestingDepth(), d.maxStringLength(), d.maxYamlAliases());
  }
}
