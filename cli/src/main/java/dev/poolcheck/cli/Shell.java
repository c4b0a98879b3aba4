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
   * Whether to colour output: only on a terminal, and not when the user asked for no colour with
   * {@code --no-color} or a non-empty {@code NO_COLOR} (https://no-color.org).
   */
  public boolean colorWanted(boolean noColorOption) {
    String noColor = env.get("NO_COLOR");
    return terminal && !noColorOption && (noColor == null || noColor.isEmpty());
  }
}
