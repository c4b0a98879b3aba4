package dev.poolcheck.engine.report;

import java.util.Objects;

/**
 * What a front end tells every reporter: whether the output is a colour terminal and which
 * poolcheck is writing the report (JSON and SARIF name the tool and its version).
 *
 * @param color whether to use ANSI colours (only the text format uses them)
 * @param toolVersion the poolcheck version, as the front end knows it
 */
public record ReporterOptions(boolean color, String toolVersion) {

  /** The name reports give the tool. */
  public static final String TOOL_NAME = "poolcheck";

  public ReporterOptions {
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** No colour; for files, pipes and tests. */
  public static ReporterOptions plain(String toolVersion) {
    return new ReporterOptions(false, toolVersion);
  }
}
