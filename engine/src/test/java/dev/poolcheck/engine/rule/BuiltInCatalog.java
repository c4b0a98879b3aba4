package dev.poolcheck.engine.rule;

import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rego.EvaluationMode;
import dev.poolcheck.engine.schema.ApiVersionFindings;
import dev.poolcheck.engine.schema.SchemaRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every built-in id with where it is defined: Rego rules, Java rules and the finding ids the engine
 * reports without a rule (such as {@code syntax-error}). The catalog meta-test and the docs
 * generator both work from this list, so a new rule of any kind is covered.
 */
final class BuiltInCatalog {

  /**
   * One built-in id.
   *
   * @param descriptor its metadata
   * @param source the file that defines it, relative to the repository root
   * @param rule the rule, absent for rule-less finding ids
   * @param rego whether the rule is a Rego policy
   */
  record Entry(RuleDescriptor descriptor, String source, Optional<Rule> rule, boolean rego) {}

  private BuiltInCatalog() {}

  static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    BuiltInPolicies policies = BuiltInPolicies.load(EvaluationMode.INTERPRETED);
    Map<String, String> sources = policies.sources();
    for (Rule r : policies.rules()) {
      out.add(
          new Entry(
              r.descriptor(),
              "policies/" + sources.get(r.descriptor().id()),
              Optional.of(r),
              true));
    }
    for (Rule r : SchemaRules.all()) {
      out.add(new Entry(r.descriptor(), javaSource(r.getClass()), Optional.of(r), false));
    }
    for (RuleDescriptor d : DocumentFindings.descriptors()) {
      out.add(new Entry(d, javaSource(DocumentFindings.class), Optional.empty(), false));
    }
    for (RuleDescriptor d : ApiVersionFindings.descriptors()) {
      out.add(new Entry(d, javaSource(ApiVersionFindings.class), Optional.empty(), false));
    }
    out.sort(Comparator.comparing(e -> e.descriptor().id()));
    return out;
  }

  private static String javaSource(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return "engine/src/main/java/" + top.getName().replace('.', '/') + ".java";
  }
}
