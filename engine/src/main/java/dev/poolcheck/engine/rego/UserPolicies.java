package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own policies, following conftest's conventions: in package {@code main} (or the
 * namespace given), {@code deny} and {@code violation} give errors and {@code warn} warnings; each
 * returns strings or objects with {@code msg} and an optional canonical {@code pointer}. The bundle
 * must be built with {@code opa build -t wasm -e main/deny -e main/warn} (the rules it defines), so
 * that the entrypoints are compiled in; its {@code data.json} files are given to the policy.
 */
public final class UserPolicies {

  /** The package conftest looks in. */
  public static final String DEFAULT_NAMESPACE = "main";

  private static final List<Kind> KINDS =
      List.of(
          new Kind("deny", Severity.ERROR),
          new Kind("violation", Severity.ERROR),
          new Kind("warn", Severity.WARNING));

  private record Kind(String rule, Severity severity) {}

  private UserPolicies() {}

  /** As {@link #load(List, String, long)} for a small run (policies are interpreted). */
  public static List<Rule> load(List<Path> bundles, String namespace) {
    return load(bundles, namespace, 1);
  }

  /**
   * Loads each bundle ({@code .tar.gz} from {@code opa build -t wasm}, or a bare {@code
   * policy.wasm}) and returns one rule per entrypoint found. Each bundle's first policy instance is
   * created here, so a broken bundle fails now, with its name.
   *
   * @param bundles the bundle files, as the user gave them
   * @param namespace the Rego package holding the rules, {@code main} when null or blank
   * @param expectedDocuments how many pools the run will probably check; picks the {@link
   *     EvaluationMode}
   * @return rules with ids {@code <bundle-name>-<rule>}, for example {@code team-policy-deny}
   * @throws PoolcheckException for an unreadable bundle or one without any deny, warn or violation
   */
  public static List<Rule> load(List<Path> bundles, String namespace, long expectedDocuments) {
    return load(bundles, namespace, expectedDocuments, PolicyLimits.defaults());
  }

  /**
   * As {@link #load(List, String, long)}, for a run with {@code threads} worker threads: each
   * instance's memory cap is {@link PolicyLimits#forUserBundles(int, int)}, so that all instances
   * together stay under one overall cap.
   */
  public static List<Rule> load(
      List<Path> bundles, String namespace, long expectedDocuments, int threads) {
    return load(
        bundles,
        namespace,
        expectedDocuments,
        PolicyLimits.forUserBundles(threads, bundles.size()));
  }

  /**
   * As {@link #load(List, String, long)}, with the given bounds on each evaluation.
   *
   * @param limits time budget and memory cap of each evaluation of each bundle
   */
  public static List<Rule> load(
      List<Path> bundles, String namespace, long expectedDocuments, PolicyLimits limits) {
    String pkg = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.strip();
    String prefix = pkg.replace('.', '/') + "/";
    EvaluationMode mode = EvaluationMode.forExpectedEvaluations(expectedDocuments);
    List<Rule> rules = new ArrayList<>();
    for (Path path : bundles) {
      WasmBundle bundle = WasmBundle.read(path);
      PolicyInstances instances =
          new PolicyInstances(bundle.name(), () -> PolicyModule.of(bundle, mode), limits, true);
      Map<String, Integer> entrypoints = instances.entrypoints();
      String dataJson = bundle.data().toString();
      List<Rule> found = new ArrayList<>();
      for (Kind kind : KINDS) {
        String entrypoint = prefix + kind.rule();
        if (entrypoints.containsKey(entrypoint)) {
          found.add(new UserRule(descriptor(path, kind), bundle, instances, entrypoint, dataJson));
        }
      }
      if (found.isEmpty()) {
        throw new PoolcheckException(
            "policy bundle "
                + path
                + " has none of the entrypoints "
                + prefix
                + "deny, "
                + prefix
                + "warn or "
                + prefix
                + "violation (it has "
                + String.join(", ", entrypoints.keySet())
                + "). Build it with opa build -t wasm -e "
                + prefix
                + "deny (one -e per rule it defines), or set the policy namespace.");
      }
      rules.addAll(found);
    }
    return rules;
  }

  private static RuleDescriptor descriptor(Path bundle, Kind kind) {
    String id = stem(bundle) + "-" + kind.rule();
    return new RuleDescriptor(
        id,
        kind.rule() + " rules of policy bundle " + bundle.getFileName(),
        kind.severity(),
        bundle.toUri().toString(),
        "",
        "User policy from " + bundle + ".",
        RuleDescriptor.Origin.USER_POLICY);
  }

  /**
   * The bundle's file name without its extension, in kebab case: {@code Team_Policy.tar.gz} ->
   * team-policy.
   */
  static String stem(Path bundle) {
    String name = bundle.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz|\\.wasm)$", "");
    String kebab =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return kebab.isEmpty() ? "policy" : kebab;
  }

  /** The limits a user rule's instances run under; empty for any other rule. For tests. */
  static java.util.Optional<PolicyLimits> limitsOf(Rule rule) {
    return rule instanceof UserRule u
        ? java.util.Optional.of(u.instances().limits())
        : java.util.Optional.empty();
  }

  private record UserRule(
      RuleDescriptor descriptor,
      WasmBundle bundle,
      PolicyInstances instances,
      String entrypoint,
      String dataJson)
      implements Rule {

    @Override
    public List<Violation> check(PoolDocument pool, RuleContext context) {
      JsonNode result = instances.evaluate(entrypoint, dataJson, pool.canonical()).orElse(null);
      return RegoFindings.toViolations(result, "policy bundle " + bundle.name() + " " + entrypoint);
    }

    @Override
    public String toString() {
      return "policy bundle " + bundle.name() + " (" + entrypoint + ")";
    }
  }
}
