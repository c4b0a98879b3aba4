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
    boolean color = shell.colorWanted(java.util.Arrays.asList(args).contains("--no-color"));
    commandLine.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** One subcommand per class. */
  static CommandLine commandLine(Shell shell, PoolChecker checker) {
    CommandLine commandLine = new CommandLine(new PoolcheckCommand());
    commandLine.addSubcommand(new CommandLine.HelpCommand());
    commandLine.addSubcommand(new CheckCommand(shell, checker));
    commandLine.addSubcommand(new RulesCommand());
    commandLine.addSubcommand(new ExplainCommand());
    commandLine.setParameterExceptionHandler(new UsageErrorPrinter());
    commandLine.setExecutionExceptionHandler(new InternalErrorPrinter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
