package dev.poolcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or json.",
      defaultValue = "text")
  Format format;

  @Override
  public Integer call() throws IOException {
    List<RuleDescriptor> catalog = Poolcheck.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode rules = json.createArrayNode();
      for (RuleDescriptor d : catalog) {
        ObjectNode r = rules.addObject();
        r.put("id", d.id());
        r.put("severity", d.severity().id());
        r.put("title", d.title());
        r.put("since", d.since());
        r.put("origin", d.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        r.put("helpUri", d.helpUri());
      }
      ObjectNode root = json.createObjectNode();
      root.set("rules", rules);
      out.println(json.writeValueAsString(root));
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
