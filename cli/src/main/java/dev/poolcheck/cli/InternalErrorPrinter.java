package dev.poolcheck.cli;

import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.report.PrintableText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown while a command ran into a message and exit code 2. A {@link
 * PoolcheckException} carries a message for the user and is printed as it is; anything else is a
 * bug in poolcheck and says so. Stack traces are shown only with {@code --debug}.
 */
final class InternalErrorPrinter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    boolean debug = debugRequested(parseResult);
    if (debug) {
      ex.printStackTrace(err);
    }
    String message;
    if (ex instanceof PoolcheckException) {
      message = "poolcheck: " + UsageErrorPrinter.sentence(ex.getMessage());
    } else {
      message =
          "poolcheck: internal error: "
              + ex
              + (debug
                  ? ""
                  : ". Run again with --debug to see the stack trace, and please report it.");
    }
    err.println(command.getColorScheme().errorText(PrintableText.escape(message)));
    err.flush();
    return ExitCodes.TOOL_ERROR;
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
