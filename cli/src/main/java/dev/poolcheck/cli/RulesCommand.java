package dev.poolcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.RuleDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poolcheck rules}: lists the rule catalog (built-in rules and Java plugins). */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "List the rules poolcheck checks.",
    description = {
      "Lists every rule id with its default severity and title: the built-in rules, the ids the"
          + " engine reports itself (such as syntax-error) and Java plugin rules on the class path."
          + " 'poolcheck explain RULE' prints a rule's page."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:the catalog was listed", ExitCodes.TOOL_ERROR_TEXT})
final class RulesCommand implements Callable<Integer> {

  /** Output formats of the catalog. */
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES}: text (default) or json.",
      defaultValue = "text")
  Format format;

  /**
   * One rule in {@code rules --format json}, serialised by Jackson as it stands.
   *
   * @param origin where the rule comes from: {@code built-in-rego}, {@code engine}, ...
   */
  record Entry(
      String id, String severity, String title, String since, String origin, String helpUri) {
    static Entry of(RuleDescriptor d) {
      return new Entry(
          d.id(),
          d.severity().id(),
          d.title(),
          d.since(),
          d.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          d.helpUri());
    }
  }

  /** The whole catalog: {@code {"rules": [...]}}. */
  record Catalog(List<Entry> rules) {}

  @Override
  public Integer call() throws IOException {
    List<RuleDescriptor> catalog = Poolcheck.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(json.writeValueAsString(new Catalog(catalog.stream().map(Entry::of).toList())));
    } else {
      int width = catalog.stream().mapToInt(d -> d.id().length()).max().orElse(10);
      for (RuleDescriptor d : catalog) {
        out.printf("%-" + width + "s  %-7s  %s%n", d.id(), d.severity().id(), d.title());
      }
    }
    out.flush();
    return ExitCodes.CLEAN;
  }
}
