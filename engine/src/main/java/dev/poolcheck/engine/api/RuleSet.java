package dev.poolcheck.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.config.Configuration;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.schema.ApiVersionFindings;
import dev.poolcheck.engine.schema.NearestName;
import dev.poolcheck.engine.schema.SchemaRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of one run: everything in the registry that the configuration leaves enabled, the
 * descriptors of every id the run can report, and the rule data from the configuration. It is the
 * one place that applies {@code rules: {id: off}}: disabled rules do not run, and findings of
 * disabled ids the engine reports without a rule (loader, extractor) are dropped through {@link
 * #reports}.
 *
 * @param disabled the ids the configuration turns off
 */
record RuleSet(
    List<Rule> rules, List<RuleDescriptor> descriptors, JsonNode data, Set<String> disabled) {

  RuleSet {
    disabled = Set.copyOf(disabled);
  }

  /** Whether findings of {@code ruleId} are reported in this run. */
  boolean reports(String ruleId) {
    return !disabled.contains(ruleId);
  }

  /** A URL scheme as a path element: {@code https://h/p} becomes the path {@code https:/h/p}. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

  /**
   * The URL a user meant when the path holds one, even after a front end resolved it against a
   * folder ({@code /work/https:/example.com/p.tar.gz}); a Windows drive has a one-letter scheme.
   */
  static Optional<String> asUrl(Path path) {
    for (int i = 0; i < path.getNameCount() - 1; i++) {
      String name = path.getName(i).toString();
      if (SCHEME.matcher(name).matches()) {
        return Optional.of(
            name + "//" + path.subpath(i + 1, path.getNameCount()).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  /**
   * A rule id in {@code rules:} or {@code suppressions:} that no rule has would silently do
   * nothing: a misspelled {@code off} leaves the rule on, a misspelled suppression suppresses
   * nothing. It is an error that suggests the nearest id.
   */
  static void checkRuleIds(Configuration config, List<RuleDescriptor> descriptors) {
    java.util.Set<String> known = new java.util.TreeSet<>();
    descriptors.forEach(d -> known.add(d.id()));
    List<String> named = new ArrayList<>(config.rules().keySet());
    config.suppressions().forEach(s -> named.add(s.rule()));
    for (String id : named) {
      if (!known.contains(id)) {
        String file = config.file().map(Path::toString).orElse("the configuration");
        throw new PoolcheckException(
            file
                + ": no rule has the id '"
                + id
                + "'"
                + NearestName.suggest(id, known).map(n -> "; did you mean '" + n + "'?").orElse("")
                + " (poolcheck rules lists every id)");
      }
    }
  }

  /**
   * The finding ids the engine reports without a rule: the loader's, the extractor's, the
   * api-version notes.
   */
  static List<RuleDescriptor> builtInFindings() {
    List<RuleDescriptor> out = new ArrayList<>(DocumentFindings.descriptors());
    out.addAll(ApiVersionFindings.descriptors());
    return List.copyOf(out);
  }

  static RuleSet create(CheckRequest request, Configuration config, long expectedDocuments) {
    List<Path> bundles = new ArrayList<>();
    for (Path p : request.policies()) {
      Path bundle = request.baseDir().resolve(p);
      Optional<String> url = asUrl(bundle);
      if (url.isPresent() && !Files.exists(bundle)) {
        throw new PoolcheckException(
            "policy '"
                + url.get()
                + "' is a URL, and poolcheck never downloads anything; fetch the bundle"
                + " beforehand (for example in a CI step) and give the local file");
      }
      bundles.add(bundle);
    }
    bundles.addAll(config.policies());
    RuleRegistry registry =
        RuleRegistry.create(
            SchemaRules.all(),
            builtInFindings(),
            bundles,
            request.namespace(),
            expectedDocuments,
            Thread.currentThread().getContextClassLoader(),
            request.threads());
    checkRuleIds(config, registry.descriptors());
    Set<String> disabled =
        registry.descriptors().stream()
            .map(RuleDescriptor::id)
            .filter(id -> !config.isEnabled(id))
            .collect(Collectors.toSet());
    List<Rule> enabled =
        registry.rules().stream().filter(r -> !disabled.contains(r.descriptor().id())).toList();
    // Users' data goes on top of the policies' own defaults inside the Rego adapter.
    JsonNode data = config.ruleData();
    return new RuleSet(enabled, registry.descriptors(), data, disabled);
  }
}
