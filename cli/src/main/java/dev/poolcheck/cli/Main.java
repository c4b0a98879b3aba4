package dev.poolcheck.cli;

import dev.poolcheck.engine.api.Poolcheck;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * The {@code poolcheck} command line. {@link #run} returns the exit code instead of exiting, so
 * that tests (and anything embedding poolcheck) never hit {@link System#exit}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("check")) {
      // Schemas and the policy instance get ready on other threads while the arguments are parsed
      // and the inputs collected (about a third of a cold single-file run, docs/performance.md).
      Poolcheck.warmUp();
    }
    System.exit(run(args, System.out, System.err, System.in));
  }

  /**
   * Runs {@code poolcheck} with the given arguments and streams.
   *
   * @return the exit code: 0 clean, 1 findings at or above {@code --fail-on}, 2 could not check
   */
  public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    return run(args, Shell.of(out, err, in), new Poolcheck()::check);
  }

  /** Runs {@code poolcheck} in the given shell, checking with {@code checker}. */
  public static int run(String[] args, Shell shell, PoolChecker checker) {
    CommandLine commandLine = commandLine(shell, checker);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(shell.out(), StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(shell.err(), StandardCharsets.UTF_8), true);
    commandLine.setOut(out).setErr(err);
    boolean color = shell.colorWanted(colorMode(args));
    commandLine.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The colour mode the arguments ask for, read before parsing so that help and usage errors are
   * coloured (or not) as the command's output would be.
   */
  static CommonOptions.ColorMode colorMode(String[] args) {
    CommonOptions.ColorMode mode = CommonOptions.ColorMode.AUTO;
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--no-color")) {
        value = "never";
      } else if (args[i].startsWith("--color=")) {
        value = args[i].substring("--color=".length());
      } else if (args[i].equals("--color") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].equals("--")) {
        break;
      }
      if (value != null) {
        try {
          mode = CommonOptions.ColorMode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // The parser reports the bad value.
        }
      }
    }
    return mode;
  }

  /** One subcommand per class. */
  static CommandLine commandLine(Shell shell, PoolChecker checker) {
    CommandLine commandLine = new CommandLine(new PoolcheckCommand());
    commandLine.addSubcommand(new CommandLine.HelpCommand());
    commandLine.addSubcommand(new CheckCommand(shell, checker));
    commandLine.addSubcommand(new RulesCommand());
    commandLine.addSubcommand(new ExplainCommand(shell));
    commandLine.addSubcommand("completion", new CompletionCommand());
    commandLine.setParameterExceptionHandler(new UsageErrorPrinter());
    commandLine.setExecutionExceptionHandler(new InternalErrorPrinter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
