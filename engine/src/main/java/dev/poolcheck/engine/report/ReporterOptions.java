package dev.poolcheck.engine.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a front end tells every reporter: whether the output is a colour terminal, which poolcheck
 * is writing the report, and where files are, for the CI formats that name files relative to the
 * repository root.
 *
 * @param color whether to use ANSI colours (only the text format uses them)
 * @param toolVersion the poolcheck version, as the front end knows it
 * @param baseDir the directory that relative file names in findings are relative to (the request's
 *     {@code baseDir}); relative itself, it is taken from the process working directory
 * @param sourceRoot the repository root ({@code %SRCROOT%} in SARIF, {@code GITHUB_WORKSPACE} for
 *     annotations); relative, it is resolved against {@code baseDir}
 * @param quiet only the findings (and tool errors): no summary or count table (the text format)
 */
public record ReporterOptions(
    boolean color, String toolVersion, Path baseDir, Path sourceRoot, boolean quiet) {

  /** The name reports give the tool. */
  public static final String TOOL_NAME = "poolcheck";

  public ReporterOptions {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
  }

  /** Options that print the summary. */
  public ReporterOptions(boolean color, String toolVersion, Path baseDir, Path sourceRoot) {
    this(color, toolVersion, baseDir, sourceRoot, false);
  }

  /** The same options with colour on or off (colour suits a terminal, not a file). */
  public ReporterOptions withColor(boolean on) {
    return new ReporterOptions(on, toolVersion, baseDir, sourceRoot, quiet);
  }

  /** Options for files named relative to the working directory, which is also the root. */
  public ReporterOptions(boolean color, String toolVersion) {
    this(color, toolVersion, Path.of(""), Path.of(""));
  }

  /** No colour, files relative to the working directory; for files, pipes and tests. */
  public static ReporterOptions plain(String toolVersion) {
    return new ReporterOptions(false, toolVersion);
  }

  SourceRoot root() {
    return new SourceRoot(sourceRoot, baseDir);
  }
}
