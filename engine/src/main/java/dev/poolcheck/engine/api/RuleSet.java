package dev.poolcheck.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.poolcheck.engine.config.Configuration;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleDescriptor;
import dev.poolcheck.engine.rule.RuleRegistry;
import dev.poolcheck.engine.schema.SchemaRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one run: everything in the registry that the configuration leaves enabled, the
 * descriptors of every id the run can report, and the rule data from the configuration.
 */
record RuleSet(List<Rule> rules, List<RuleDescriptor> descriptors, JsonNode data) {

  static RuleSet create(CheckRequest request, Configuration config, long expectedDocuments) {
    List<Path> bundles = new ArrayList<>();
    request.policies().forEach(p -> bundles.add(request.baseDir().resolve(p)));
    bundles.addAll(config.policies());
    RuleRegistry registry =
        RuleRegistry.create(
            SchemaRules.all(),
            DocumentFindings.descriptors(),
            bundles,
            request.namespace(),
            expectedDocuments);
    List<Rule> enabled =
        registry.rules().stream().filter(r -> config.isEnabled(r.descriptor().id())).toList();
    // Users' data goes on top of the policies' own defaults inside the Rego adapter.
    JsonNode data = config.ruleData(JsonNodeFactory.instance.objectNode());
    return new RuleSet(enabled, registry.descriptors(), data);
  }
}
