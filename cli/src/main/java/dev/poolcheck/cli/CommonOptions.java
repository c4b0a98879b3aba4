package dev.poolcheck.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes; mixed in with {@code @Mixin}. */
final class CommonOptions {

  /** When to colour the output. */
  enum ColorMode {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Colour the output: auto (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR"
              + " turns it on, for CI logs), always or never.")
  ColorMode color = ColorMode.AUTO;

  @Option(names = "--no-color", hidden = true, description = "The same as --color=never.")
  boolean noColor;

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors (for bug reports).")
  boolean debug;

  /** The colour mode the options ask for; {@code --no-color} is {@code --color=never}. */
  ColorMode colorMode() {
    return noColor ? ColorMode.NEVER : color;
  }
}
