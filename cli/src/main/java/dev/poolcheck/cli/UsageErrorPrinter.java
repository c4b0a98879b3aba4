package dev.poolcheck.cli;

import dev.poolcheck.engine.report.PrintableText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as one line that says what was wrong and what to do next, instead of
 * picocli's default of the whole usage help:
 *
 * <pre>
 * Unknown option: '--formt'. Did you mean --format? Try 'poolcheck check --help'.
 * </pre>
 */
final class UsageErrorPrinter implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    if (Arrays.asList(args).contains("--debug")) {
      ex.printStackTrace(err);
    }
    StringBuilder line = new StringBuilder(sentence(message(ex)));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" Did you mean ")
            .append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
            .append('?');
      }
    }
    line.append(" Try '").append(command.getCommandSpec().qualifiedName()).append(" --help'.");
    err.println(command.getColorScheme().errorText(PrintableText.escape(line.toString())));
    err.flush();
    return ExitCodes.TOOL_ERROR;
  }

  /** Picocli's message, except that an unknown subcommand is called one. */
  private static String message(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "Unknown command: '" + unmatched.getUnmatched().get(0) + "'";
    }
    return ex.getMessage();
  }

  /** Ends a message with a full stop unless it already ends with punctuation. */
  static String sentence(String message) {
    String trimmed = message == null ? "Invalid usage" : message.strip();
    if (trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!")) {
      return trimmed;
    }
    return trimmed + ".";
  }
}
