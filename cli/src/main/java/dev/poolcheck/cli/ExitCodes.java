package dev.poolcheck.cli;

import dev.poolcheck.engine.model.CheckResult;

/** The exit codes, as every command's {@code --help} lists them. */
final class ExitCodes {

  static final int CLEAN = CheckResult.EXIT_CLEAN;
  static final int FINDINGS = CheckResult.EXIT_FINDINGS;
  static final int TOOL_ERROR = CheckResult.EXIT_TOOL_ERROR;

  static final String HEADING = "%nExit codes:%n";

  // Separate constants, because annotations cannot take an array constant.
  static final String CLEAN_TEXT = "0:no finding at or above --fail-on";
  static final String FINDINGS_TEXT = "1:findings at or above --fail-on (default: error)";
  static final String TOOL_ERROR_TEXT =
      "2:poolcheck could not do its job: usage error, bad option, unreadable path, invalid"
          + " configuration or policy";

  private ExitCodes() {}
}
