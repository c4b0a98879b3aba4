package dev.poolcheck.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.RegularFiles;
import dev.poolcheck.engine.model.FailOn;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings of a {@code .poolcheck.yaml}: which rules run and at what severity, extensions
 * allowed besides the built-in list, extra policy bundles, paths not to check, and findings
 * accepted on purpose. The layout is documented in {@code docs/configuration.md} and checked
 * against {@code schemas/config.schema.json}.
 *
 * @param file the file this was read from; absent for {@link #empty()}
 * @param rules per-rule setting by rule id; rules not named here run at their default severity
 * @param allowedExtensions extensions the user allows in addition to the built-in allow-list
 * @param policies local policy bundles, resolved against the directory of {@link #file}
 * @param excludes glob patterns of files or folders not to check, as written
 * @param suppressions findings accepted on purpose, each with its reason
 * @param failOn the severity threshold for a failing run, when the file sets one
 * @param apiVersion the api-version for documents that declare none, when the file sets one
 */
public record Configuration(
    Optional<Path> file,
    Map<String, RuleSetting> rules,
    List<AllowedExtension> allowedExtensions,
    List<Path> policies,
    List<String> excludes,
    List<Suppression> suppressions,
    Optional<FailOn> failOn,
    Optional<String> apiVersion) {

  /** The names searched for, in this order, in each directory by {@link #find}. */
  public static final List<String> FILE_NAMES = List.of(".poolcheck.yaml", ".poolcheck.yml");

  private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  /** What the configuration says about one rule. */
  public enum RuleSetting {
    /** The rule does not run. */
    OFF,
    /** The rule runs at its default severity (the same as not naming it). */
    ON,
    ERROR,
    WARNING,
    INFO;

    public boolean enabled() {
      return this != OFF;
    }

    /** The severity this setting forces, if any. */
    public Optional<Severity> severity() {
      return Severity.parse(name());
    }

    /** Reads a schema-valid value: a setting name, or a boolean ({@code false} is off). */
    static RuleSetting of(JsonNode value) {
      if (value.isBoolean()) {
        return value.booleanValue() ? ON : OFF;
      }
      return valueOf(value.asText().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A VM extension the user allows, identified as Azure does by publisher and type.
   *
   * @param publisher for example {@code Microsoft.Azure.Monitor}
   * @param type for example {@code AzureMonitorLinuxAgent}
   */
  public record AllowedExtension(String publisher, String type) {
    public AllowedExtension {
      Objects.requireNonNull(publisher, "publisher");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * Findings of one rule, in files matching a glob, optionally at or below one pointer, accepted on
   * purpose. Matching findings are still reported, with status {@link Finding.Status#SUPPRESSED}.
   *
   * @param rule the rule id
   * @param file a glob matched against the finding's file as reported (see {@code FileGlob})
   * @param pointer a JSON Pointer into the file as written; the suppression covers the finding at
   *     that value and every finding below it
   * @param reason why the finding is accepted
   */
  public record Suppression(String rule, String file, Optional<String> pointer, String reason) {
    public Suppression {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(reason, "reason");
    }

    boolean covers(Finding finding, FileGlob glob) {
      return finding.ruleId().equals(rule)
          && glob.matches(finding.file())
          && pointer.map(p -> isAtOrBelow(finding.pointer(), p)).orElse(true);
    }

    private static boolean isAtOrBelow(String pointer, String ancestor) {
      return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }
  }

  public Configuration {
    Objects.requireNonNull(file, "file");
    rules = Map.copyOf(rules);
    allowedExtensions = List.copyOf(allowedExtensions);
    policies = List.copyOf(policies);
    excludes = List.copyOf(excludes);
    suppressions = List.copyOf(suppressions);
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  /** No configuration file: every rule at its default severity, nothing suppressed. */
  public static Configuration empty() {
    return withoutSettings(Optional.empty());
  }

  private static Configuration withoutSettings(Optional<Path> file) {
    return new Configuration(
        file,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Looks for {@code .poolcheck.yaml} (then {@code .poolcheck.yml}) in {@code startDir} and each of
   * its parents up to the file system root, and returns the first one found.
   */
  public static Optional<Path> find(Path startDir) {
    for (Path dir = startDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      for (String name : FILE_NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads and validates a configuration file.
   *
   * @throws PoolcheckException when the file cannot be read or is not valid; the message holds one
   *     line {@code file:line:col: what is wrong} per problem
   */
  public static Configuration load(Path file) {
    String name = file.toString();
    PositionedTree tree = PositionedTree.yaml(name, read(file, name));
    JsonNode root = tree.root();
    if (root.isMissingNode() || root.isNull()) {
      return withoutSettings(Optional.of(file));
    }
    List<ConfigProblem> problems = ConfigSchema.validate(tree);
    if (problems.isEmpty()) {
      Configuration config = fromTree(file, tree, problems);
      if (problems.isEmpty()) {
        return config;
      }
    }
    throw new PoolcheckException(ConfigProblem.render(name, problems));
  }

  /** Whether the rule runs; every rule runs unless the configuration turns it off. */
  public boolean isEnabled(String ruleId) {
    return rules.getOrDefault(ruleId, RuleSetting.ON).enabled();
  }

  /** The severity the configuration forces on the rule's findings, if it sets one. */
  public Optional<Severity> severityFor(String ruleId) {
    return rules.getOrDefault(ruleId, RuleSetting.ON).severity();
  }

  /**
   * The configuration's rule data for {@link dev.poolcheck.engine.rule.RuleContext}: {@code
   * allowedExtensions} holds the user's allow-list entries, when there are any. The policies merge
   * it onto their own defaults (the built-in Rego adapter appends the list to its default list).
   */
  public JsonNode ruleData() {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (!allowedExtensions.isEmpty()) {
      ArrayNode list = data.putArray("allowedExtensions");
      for (AllowedExtension extension : allowedExtensions) {
        list.addObject().put("publisher", extension.publisher()).put("type", extension.type());
      }
    }
    return data;
  }

  /**
   * Applies the configuration to a run's findings, keeping their order: severity overrides are
   * applied, then active findings a suppression covers are marked {@link Finding.Status#SUPPRESSED}
   * (rules turned off never get here: the run's rule set neither runs them nor keeps their
   * findings). Suppressed findings stay in the list so they are counted.
   */
  public List<Finding> apply(List<Finding> findings) {
    List<FileGlob> globs = suppressions.stream().map(s -> FileGlob.of(s.file())).toList();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      Finding f = severityFor(finding.ruleId()).map(finding::withSeverity).orElse(finding);
      if (f.active() && isSuppressed(f, globs)) {
        f = f.withStatus(Finding.Status.SUPPRESSED);
      }
      out.add(f);
    }
    return out;
  }

  private boolean isSuppressed(Finding finding, List<FileGlob> globs) {
    for (int i = 0; i < suppressions.size(); i++) {
      if (suppressions.get(i).covers(finding, globs.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(ArrayNode list, JsonNode entry) {
    for (JsonNode item : list) {
      if (item.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /** The largest configuration read; real ones are a few KiB. */
  static final long MAX_BYTES = 1L << 20;

  private static String read(Path file, String name) {
    try {
      String text = utf8(RegularFiles.read(file, MAX_BYTES));
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new PoolcheckException(name + ": configuration file not found", e);
    } catch (RegularFiles.Refused e) {
      throw new PoolcheckException(name + ": not read as a configuration: it " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new PoolcheckException(name + ": not UTF-8 text; save the file as UTF-8", e);
    } catch (IOException e) {
      throw new PoolcheckException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Strict UTF-8: malformed bytes are an error, never replaced. */
  static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }

  /** Builds the configuration from a schema-valid tree, adding what the schema cannot check. */
  private static Configuration fromTree(Path file, PositionedTree tree, List<ConfigProblem> out) {
    JsonNode root = tree.root();

    Map<String, RuleSetting> rules = new TreeMap<>();
    for (Map.Entry<String, JsonNode> rule : root.path("rules").properties()) {
      rules.put(rule.getKey(), RuleSetting.of(rule.getValue()));
    }

    List<AllowedExtension> allowed = new ArrayList<>();
    for (JsonNode e : root.path("allowedExtensions")) {
      allowed.add(new AllowedExtension(e.get("publisher").asText(), e.get("type").asText()));
    }

    Path dir = file.toAbsolutePath().normalize().getParent();
    List<Path> policies = new ArrayList<>();
    JsonNode policyList = root.path("policies");
    for (int i = 0; i < policyList.size(); i++) {
      policy(policyList.get(i).asText(), "/policies/" + i, dir, tree, out).ifPresent(policies::add);
    }

    List<String> excludes = new ArrayList<>();
    JsonNode excludeList = root.path("exclude");
    for (int i = 0; i < excludeList.size(); i++) {
      String glob = excludeList.get(i).asText();
      checkGlob(glob, "/exclude/" + i, tree, out);
      excludes.add(glob);
    }

    List<Suppression> suppressions = new ArrayList<>();
    JsonNode suppressionList = root.path("suppressions");
    for (int i = 0; i < suppressionList.size(); i++) {
      JsonNode s = suppressionList.get(i);
      checkGlob(s.get("file").asText(), "/suppressions/" + i + "/file", tree, out);
      suppressions.add(
          new Suppression(
              s.get("rule").asText(),
              s.get("file").asText(),
              Optional.ofNullable(s.get("pointer")).map(JsonNode::asText),
              s.get("reason").asText().strip()));
    }

    Optional<FailOn> failOn = FailOn.parse(root.path("failOn").asText(null));
    Optional<String> apiVersion =
        Optional.ofNullable(root.get("apiVersion"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText);
    return new Configuration(
        Optional.of(file), rules, allowed, policies, excludes, suppressions, failOn, apiVersion);
  }

  private static Optional<Path> policy(
      String entry, String pointer, Path dir, PositionedTree tree, List<ConfigProblem> out) {
    if (URL.matcher(entry).matches()) {
      out.add(
          new ConfigProblem(
              tree.valueAt(pointer),
              "policy '"
                  + entry
                  + "' is a URL, and poolcheck never downloads anything; fetch the bundle"
                  + " beforehand (for example in a CI step) and list the local file"));
      return Optional.empty();
    }
    try {
      Path resolved = dir.resolve(entry).normalize();
      if (!Files.isRegularFile(resolved)) {
        out.add(
            new ConfigProblem(
                tree.valueAt(pointer),
                "policy bundle '"
                    + entry
                    + "' not found (looked for "
                    + resolved
                    + "); paths are relative to the configuration file"));
        return Optional.empty();
      }
      return Optional.of(resolved);
    } catch (InvalidPathException e) {
      out.add(new ConfigProblem(tree.valueAt(pointer), "'" + entry + "' is not a valid path"));
      return Optional.empty();
    }
  }

  private static void checkGlob(
      String glob, String pointer, PositionedTree tree, List<ConfigProblem> out) {
    try {
      FileGlob.of(glob);
    } catch (IllegalArgumentException e) {
      out.add(new ConfigProblem(tree.valueAt(pointer), e.getMessage()));
    }
  }
}
