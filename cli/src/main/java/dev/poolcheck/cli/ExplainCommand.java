package dev.poolcheck.cli;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.schema.NearestName;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolcheck explain RULE}: prints the documentation page of a rule. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Explain a rule: why it exists, a bad and a good example.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:the page was printed", "2:no rule has that id"})
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RULE", description = "A rule id, as 'poolcheck rules' lists them.")
  String ruleId;

  @Override
  public Integer call() {
    Optional<String> page = Poolcheck.helpPage(ruleId);
    if (page.isPresent()) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(page.get());
      out.flush();
      return ExitCodes.CLEAN;
    }
    List<RuleDescriptor> catalog = Poolcheck.catalog();
    Optional<RuleDescriptor> known =
        catalog.stream().filter(d -> d.id().equals(ruleId)).findFirst();
    PrintWriter err = spec.commandLine().getErr();
    if (known.isPresent()) {
      // A plugin rule: no packaged page, but its metadata and link.
      RuleDescriptor d = known.get();
      spec.commandLine()
          .getOut()
          .printf(
              "# %s%n%n%s (%s)%n%n%s%n%nMore: %s%n",
              d.id(), d.title(), d.severity().id(), d.description(), d.helpUri());
      spec.commandLine().getOut().flush();
      return ExitCodes.CLEAN;
    }
    Optional<String> nearest =
        NearestName.suggest(ruleId, catalog.stream().map(RuleDescriptor::id).toList());
    err.printf(
        "poolcheck: no rule '%s'%s. Run 'poolcheck rules' to list them.%n",
        ruleId, nearest.map(n -> "; did you mean '" + n + "'?").orElse(""));
    err.flush();
    return ExitCodes.TOOL_ERROR;
  }
}
