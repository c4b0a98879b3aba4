package dev.poolcheck.engine.api;

import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rego.UserPolicies;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * All the rules of one run and the descriptors of every finding id: the built-in Rego rules, Java
 * rules from {@link RuleProvider} plugins, the user's policy bundles, and the rules and descriptors
 * the caller adds (schema checks, loader finding ids). An id defined twice is a configuration error
 * naming both places.
 */
public final class RuleRegistry {

  private final List<Rule> rules;
  private final List<RuleDescriptor> descriptors;
  private final BuiltInPolicies builtIns;

  private RuleRegistry(List<Rule> rules, List<RuleDescriptor> descriptors, BuiltInPolicies b) {
    this.rules = rules;
    this.descriptors = descriptors;
    this.builtIns = b;
  }

  /**
   * Collects the rules of a run, with plugins found through the thread's context class loader.
   *
   * @param extraRules rules made elsewhere in the engine, such as the schema checks
   * @param extraDescriptors finding ids reported without a rule, such as the loader's {@code
   *     syntax-error}
   * @param userBundles policy bundles from the configuration or command line
   * @param namespace the Rego package of the user's rules, {@code main} when null
   * @param expectedDocuments how many pools the run will probably check (picks how policies run)
   * @throws PoolcheckException when an id is defined twice or a bundle or plugin cannot be loaded
   */
  public static RuleRegistry create(
      List<Rule> extraRules,
      List<RuleDescriptor> extraDescriptors,
      List<Path> userBundles,
      String namespace,
      long expectedDocuments) {
    return create(
        extraRules,
        extraDescriptors,
        userBundles,
        namespace,
        expectedDocuments,
        Thread.currentThread().getContextClassLoader());
  }

  /** As {@link #create(List, List, List, String, long)}, finding plugins in {@code plugins}. */
  public static RuleRegistry create(
      List<Rule> extraRules,
      List<RuleDescriptor> extraDescriptors,
      List<Path> userBundles,
      String namespace,
      long expectedDocuments,
      ClassLoader plugins) {
    return create(
        extraRules, extraDescriptors, userBundles, namespace, expectedDocuments, plugins, 1);
  }

  /**
   * As {@link #create(List, List, List, String, long, ClassLoader)}, for a run with {@code threads}
   * worker threads: the user bundles' memory caps are shared out so that all their instances stay
   * under one overall cap ({@code PolicyLimits.forUserBundles}).
   */
  public static RuleRegistry create(
      List<Rule> extraRules,
      List<RuleDescriptor> extraDescriptors,
      List<Path> userBundles,
      String namespace,
      long expectedDocuments,
      ClassLoader plugins,
      int threads) {
    Map<String, String> origins = new LinkedHashMap<>();
    List<Rule> rules = new ArrayList<>();
    List<RuleDescriptor> descriptors = new ArrayList<>();

    BuiltInPolicies builtIns = BuiltInPolicies.load(expectedDocuments);
    for (Rule rule : builtIns.rules()) {
      add(rule, rule.toString(), origins, rules, descriptors);
    }
    for (Rule rule : pluginRules(plugins)) {
      add(
          rule,
          "plugin rule " + rule.getClass().getName() + where(rule),
          origins,
          rules,
          descriptors);
    }
    for (Rule rule : extraRules) {
      add(rule, "engine rule " + rule.getClass().getName(), origins, rules, descriptors);
    }
    for (RuleDescriptor descriptor : extraDescriptors) {
      register(descriptor.id(), "engine finding id " + descriptor.id(), origins);
      descriptors.add(descriptor);
    }
    for (Rule rule : UserPolicies.load(userBundles, namespace, expectedDocuments, threads)) {
      add(rule, rule.toString(), origins, rules, descriptors);
    }
    rules.sort(Comparator.comparing(r -> r.descriptor().id()));
    descriptors.sort(Comparator.comparing(RuleDescriptor::id));
    return new RuleRegistry(List.copyOf(rules), List.copyOf(descriptors), builtIns);
  }

  /** The rules to run, sorted by id. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every finding id this run can report (rules and rule-less ids), sorted by id. */
  public List<RuleDescriptor> descriptors() {
    return descriptors;
  }

  private static void add(
      Rule rule,
      String origin,
      Map<String, String> origins,
      List<Rule> rules,
      List<RuleDescriptor> descriptors) {
    register(rule.descriptor().id(), origin, origins);
    rules.add(rule);
    descriptors.add(rule.descriptor());
  }

  private static void register(String id, String origin, Map<String, String> origins) {
    String earlier = origins.putIfAbsent(id, origin);
    if (earlier != null) {
      throw new PoolcheckException(
          "rule id '"
              + id
              + "' is defined twice: by "
              + earlier
              + " and by "
              + origin
              + ". Rule ids must be unique; rename or remove one of them.");
    }
  }

  private static List<Rule> pluginRules(ClassLoader loader) {
    List<Rule> rules = new ArrayList<>();
    try {
      for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
        rules.addAll(provider.rules());
      }
    } catch (ServiceConfigurationError e) {
      throw new PoolcheckException("a rule plugin cannot be loaded: " + e.getMessage(), e);
    }
    return rules;
  }

  private static String where(Rule rule) {
    var source = rule.getClass().getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? "" : " (" + source.getLocation() + ")";
  }
}
