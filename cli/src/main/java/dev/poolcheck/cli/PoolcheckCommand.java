package dev.poolcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code poolcheck} command. It only holds the subcommands, which {@link Main} adds
 * one per class; run without one, it is a usage error.
 */
@Command(
    name = "poolcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    header = "Lint Azure Batch pool definitions.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.CLEAN_TEXT, ExitCodes.FINDINGS_TEXT, ExitCodes.TOOL_ERROR_TEXT},
    footerHeading = "%nRun 'poolcheck COMMAND --help' for a command's options.%n")
final class PoolcheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command, for example 'check'");
  }
}
