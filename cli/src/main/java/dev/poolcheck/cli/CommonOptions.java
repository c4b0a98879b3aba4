package dev.poolcheck.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes; mixed in with {@code @Mixin}. */
final class CommonOptions {

  @Option(
      names = "--no-color",
      description =
          "Do not colour the output (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors (for bug reports).")
  boolean debug;
}
