package dev.poolcheck.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process was started with: its streams, working directory and environment variables, and
 * whether standard output is a terminal. Commands take everything from here, never from {@link
 * System}, so that tests can run them in-process with their own streams.
 *
 * @param in standard input, read when a path is {@code -}
 * @param out standard output: reports and help
 * @param err standard error: usage errors and tool errors
 * @param workingDir the directory relative paths are resolved against
 * @param env environment variables ({@code NO_COLOR})
 * @param terminal whether {@link #out} is an interactive terminal
 */
public record Shell(
    InputStream in,
    PrintStream out,
    PrintStream err,
    Path workingDir,
    Map<String, String> env,
    boolean terminal) {

  public Shell {
    env = Map.copyOf(env);
    workingDir = workingDir.toAbsolutePath();
  }

  /** The real process, with the given streams; output is a terminal only if it is the console. */
  public static Shell of(PrintStream out, PrintStream err, InputStream in) {
    return new Shell(
        in, out, err, Path.of(""), System.getenv(), out == System.out && System.console() != null);
  }

  /**
   * Whether to colour standard output. {@code always} and {@code never} decide alone; {@code auto}
   * is off when {@code NO_COLOR} is set and not empty (https://no-color.org), else on when {@code
   * FORCE_COLOR} is set and not empty (https://force-color.org; CI logs show colours but are not
   * terminals), else on only on a terminal.
   */
  boolean colorWanted(CommonOptions.ColorMode mode) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> {
        if (isSet("NO_COLOR")) {
          yield false;
        }
        yield isSet("FORCE_COLOR") || terminal;
      }
    };
  }

  private boolean isSet(String name) {
    String value = env.get(name);
    return value != null && !value.isEmpty();
  }

  /** The terminal width for text laid out to fit: {@code COLUMNS} when set, else 100. */
  int width() {
    try {
      return Integer.parseInt(env.getOrDefault("COLUMNS", "100").trim());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
