package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in Rego rules: {@code policies/rego} compiled into one wasm module at build time, with
 * the rules' {@code # METADATA} blocks read by {@code opa inspect}. All rules are evaluated
 * together once per pool ({@code data.poolcheck.entry.rules}, the deny set of every package that
 * has findings); each rule picks its own part, and a package that is not there has none.
 *
 * <p>Besides the rule data, the policies see the run date ({@code --as-of}) as {@code
 * data.poolcheck.asOf}, an ISO date ({@code "2026-11-27"}) that compares correctly as a string, so
 * rules about retirement dates never read the clock. A finding may carry its own {@code severity}
 * (see {@link RegoFindings}).
 *
 * <p>The module is compiled to JVM classes when poolcheck is built (Chicory's build-time compiler,
 * see engine/pom.xml) and run by our own host of OPA's wasm ABI ({@link OpaInstance}). Loading
 * reads only the metadata and the data; the policy instances are created when the first pool is
 * checked, or ahead of it by {@link #prepare()}.
 */
public final class BuiltInPolicies {

  static final String RESOURCES = "/dev/poolcheck/policies/";
  static final String ENTRYPOINT = "poolcheck/entry/rules";
  private static final String RULES_PREFIX = "data.poolcheck.rules.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<BuiltInRule> rules;
  private final ObjectNode defaultData;
  private final PolicyInstances instances;
  private final AtomicReference<SerializedData> lastData = new AtomicReference<>();

  /** The data last serialized, for the configuration and date it was made from. */
  private record SerializedData(JsonNode configured, LocalDate asOf, String json) {}

  private BuiltInPolicies(WasmBundle bundle, JsonNode metadata) {
    this.defaultData = bundle.data();
    this.instances =
        new PolicyInstances(
            bundle.name(), BuiltInPolicies::compiledModule, PolicyLimits.defaults(), false);
    this.rules = new ArrayList<>();
    for (JsonNode entry : metadata.path("annotations")) {
      JsonNode annotations = entry.path("annotations");
      String path = path(entry.path("path"));
      JsonNode custom = annotations.path("custom");
      if (!path.startsWith(RULES_PREFIX) || !"package".equals(annotations.path("scope").asText())) {
        continue;
      }
      if (!custom.path("id").isTextual()) {
        // A build-time mistake; RuleCatalogTest loads every policy and fails on it.
        throw new IllegalStateException(path + " has no custom.id in its METADATA block");
      }
      String id = custom.path("id").asText();
      Severity severity =
          Severity.parse(custom.path("severity").asText())
              .orElseThrow(() -> new IllegalStateException("rule " + id + " has no severity"));
      RuleDescriptor descriptor =
          new RuleDescriptor(
              id,
              annotations.path("title").asText(),
              severity,
              RuleDescriptor.builtInHelpUri(id),
              custom.path("since").asText(),
              annotations.path("description").asText(),
              RuleDescriptor.Origin.BUILT_IN);
      String source = entry.path("location").path("file").asText();
      rules.add(new BuiltInRule(descriptor, path.substring(RULES_PREFIX.length()), source));
    }
    rules.sort(Comparator.comparing(r -> r.descriptor().id()));
  }

  /**
   * Loads the built-in policies from the class path.
   *
   * @param expectedDocuments how many pools the run will probably check; no longer used: the
   *     policies are compiled to JVM classes at build time, which is the faster way for any run
   * @throws PoolcheckException when the jar was built without the policies
   */
  public static BuiltInPolicies load(long expectedDocuments) {
    return load();
  }

  // The built-in policies never change within a JVM. Keeping them (and so their instances) lets a
  // process that checks several times, such as a multi-module Maven build, pay for instances once.
  private static volatile BuiltInPolicies loaded;

  /** The built-in policies, loaded once per JVM. */
  public static BuiltInPolicies load() {
    BuiltInPolicies policies = loaded;
    if (policies == null) {
      synchronized (BuiltInPolicies.class) {
        policies = loaded;
        if (policies == null) {
          policies = read();
          loaded = policies;
        }
      }
    }
    return policies;
  }

  private static BuiltInPolicies read() {
    byte[] bundle = resource("builtin.tar.gz");
    try {
      JsonNode metadata = JSON.readTree(resource("metadata.json"));
      return new BuiltInPolicies(WasmBundle.read("built-in policies", bundle), metadata);
    } catch (IOException e) {
      throw new PoolcheckException("the built-in rule metadata is unreadable", e);
    }
  }

  /**
   * Creates the first policy instance now (on the calling thread), so that the first pool checked
   * does not wait for it. Safe to call from a thread of its own while the run starts.
   */
  public void prepare() {
    instances.prepare();
  }

  /** One rule per Rego package under {@code poolcheck.rules}, sorted by id. */
  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  /** Where each rule is defined: id to its {@code .rego} file under {@code policies/rego}. */
  public Map<String, String> sources() {
    Map<String, String> sources = new java.util.TreeMap<>();
    rules.forEach(r -> sources.put(r.descriptor().id(), r.source));
    return sources;
  }

  /**
   * The rule data the policies ship with ({@code policies/rego/data.json}), for example the default
   * {@code allowedExtensions}. A copy: callers may change it.
   */
  public ObjectNode defaultData() {
    return defaultData.deepCopy();
  }

  /**
   * The data the policies see: the defaults with the configuration's data on top, and {@code
   * poolcheck.asOf} (absent when {@code asOf} is null). Lists given for {@code allowedExtensions}
   * extend the default list; other keys replace the default. The configuration cannot set {@code
   * poolcheck}: the run date comes only from {@code asOf}.
   */
  ObjectNode effectiveData(JsonNode configured, LocalDate asOf) {
    ObjectNode data = defaultData();
    if (configured != null && configured.isObject()) {
      configured
          .properties()
          .iterator()
          .forEachRemaining(
              field -> {
                JsonNode current = data.get(field.getKey());
                if (field.getKey().equals("allowedExtensions")
                    && current instanceof ArrayNode defaults
                    && field.getValue().isArray()) {
                  // The one merge of the allow-list: users' entries after the defaults, once each.
                  for (JsonNode entry : field.getValue()) {
                    if (!contains(defaults, entry)) {
                      defaults.add(entry);
                    }
                  }
                } else {
                  data.set(field.getKey(), field.getValue());
                }
              });
    }
    ObjectNode poolcheck = data.putObject("poolcheck");
    if (asOf != null) {
      poolcheck.put("asOf", asOf.toString());
    }
    // The merged allow-list keyed "publisher/type" in lower case, made once per run: the rule
    // extension-not-allowed looks pairs up here instead of lowering the whole list per pool.
    ObjectNode keys = poolcheck.putObject("allowedExtensionKeys");
    for (JsonNode entry : data.path("allowedExtensions")) {
      if (entry.path("publisher").isTextual() && entry.path("type").isTextual()) {
        keys.put(
            entry.get("publisher").asText().toLowerCase(Locale.ROOT)
                + "/"
                + entry.get("type").asText().toLowerCase(Locale.ROOT),
            true);
      }
    }
    return data;
  }

  private static boolean contains(ArrayNode list, JsonNode entry) {
    for (JsonNode existing : list) {
      if (existing.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The serialized data for a context; the same configuration and date are serialized only once.
   */
  private String dataJson(RuleContext context) {
    SerializedData last = lastData.get();
    if (last != null
        && last.configured() == context.data()
        && Objects.equals(last.asOf(), context.asOf())) {
      return last.json();
    }
    String json = effectiveData(context.data(), context.asOf()).toString();
    lastData.set(new SerializedData(context.data(), context.asOf(), json));
    return json;
  }

  private JsonNode evaluate(PoolDocument pool, RuleContext context) {
    return context.memo(
        BuiltInPolicies.class.getName() + "@" + System.identityHashCode(this),
        () ->
            instances
                .evaluate(ENTRYPOINT, dataJson(context), pool.canonical())
                .orElseGet(JSON::createObjectNode));
  }

  private static PolicyModule compiledModule() {
    try {
      return PolicyModule.builtIn();
    } catch (IllegalStateException e) {
      throw new PoolcheckException(
          "the compiled built-in policies are missing from this build of poolcheck ("
              + PolicyModule.BUILT_IN_CLASS
              + "); it was built with -Dpoolcheck.skipOpa=true. Rebuild without it.",
          e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = BuiltInPolicies.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new PoolcheckException(
            "the built-in policies are missing from this build of poolcheck ("
                + RESOURCES
                + name
                + "); it was built with -Dpoolcheck.skipOpa=true. Rebuild without it.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PoolcheckException("cannot read the built-in policies: " + e.getMessage(), e);
    }
  }

  private static String path(JsonNode terms) {
    List<String> parts = new ArrayList<>();
    terms.forEach(t -> parts.add(t.path("value").asText()));
    return String.join(".", parts);
  }

  /** One Rego package: its {@code deny} set becomes the rule's violations. */
  private final class BuiltInRule implements Rule {
    private final RuleDescriptor descriptor;
    private final String packageName;
    private final String source;

    BuiltInRule(RuleDescriptor descriptor, String packageName, String source) {
      this.descriptor = descriptor;
      this.packageName = packageName;
      this.source = source;
    }

    @Override
    public RuleDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public List<dev.poolcheck.engine.rule.Violation> check(PoolDocument pool, RuleContext context) {
      JsonNode all = evaluate(pool, context);
      return RegoFindings.toViolations(
          all.path(packageName).path("deny"), "built-in rule " + descriptor.id());
    }

    @Override
    public String toString() {
      return "built-in policy " + source;
    }
  }
}
