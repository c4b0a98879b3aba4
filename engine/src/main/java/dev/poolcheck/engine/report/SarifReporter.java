package dev.poolcheck.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes SARIF 2.1.0 as GitHub code scanning accepts it: every rule once in {@code
 * tool.driver.rules}, results with repository-relative locations under {@code %SRCROOT%}, and
 * fingerprints that survive edits that only move a finding to another line.
 *
 * <p>Suppressed and baselined findings are kept (counted, never silently dropped) with an accepted
 * {@code suppressions} entry, which SARIF viewers take as "do not show"; baselined ones also carry
 * {@code baselineState: unchanged}. Tool errors become {@code toolExecutionNotifications} of the
 * one invocation, which then is not {@code executionSuccessful}.
 */
public final class SarifReporter implements Reporter {

  /** The key of our fingerprint in {@code partialFingerprints}; bump the version if it changes. */
  public static final String FINGERPRINT_KEY = "poolcheckFinding/v1";

  static final String SRCROOT = "%SRCROOT%";
  private static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String INFORMATION_URI = "https://github.com/poolcheck/poolcheck";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SourceRoot sourceRoot;
  private final Optional<String> toolVersion;
  private final long maxGzipBytes;

  /** Why the last {@link #write} left findings out, if it did; a reporter serves one write. */
  private Optional<String> lastTruncation = Optional.empty();

  /**
   * @param sourceRoot the repository root that {@code %SRCROOT%} stands for; relative file names
   *     and a relative root are resolved against the working directory
   * @param toolVersion the poolcheck version to record, or {@code null} to leave it out
   */
  public SarifReporter(Path sourceRoot, String toolVersion) {
    this(SourceRoot.of(sourceRoot), toolVersion);
  }

  SarifReporter(SourceRoot sourceRoot, String toolVersion) {
    this(sourceRoot, toolVersion, MAX_GZIP_BYTES);
  }

  /** For tests: a smaller file-size limit than code scanning's, so that a few findings pass it. */
  SarifReporter(SourceRoot sourceRoot, String toolVersion, long maxGzipBytes) {
    this.sourceRoot = Objects.requireNonNull(sourceRoot, "sourceRoot");
    this.toolVersion = Optional.ofNullable(toolVersion);
    if (maxGzipBytes <= 0) {
      throw new IllegalArgumentException("maxGzipBytes must be positive: " + maxGzipBytes);
    }
    this.maxGzipBytes = maxGzipBytes;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String defaultFileName() {
    return "poolcheck.sarif";
  }

  /**
   * GitHub code scanning rejects a run with more results than this ("SARIF results exceed limit",
   * docs.github.com,
   * code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit: results per run
   * 25,000; also rules per run 25,000, locations per result 1,000, tags per rule 20, runs per file
   * 20, of which poolcheck writes one run, one location per result and at most 3 tags per rule).
   */
  public static final int MAX_RESULTS = 25_000;

  /**
   * GitHub code scanning rejects a SARIF file larger than 10 MB once gzip-compressed ("For each
   * gzip-compressed SARIF file, SARIF upload supports a maximum size of 10 MB", docs.github.com,
   * code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning;
   * "SARIF file is too large", .../troubleshooting-sarif-uploads/file-too-large). Read as decimal
   * megabytes, the smaller reading, and measured with the JDK's default deflate level, which is the
   * default of gzip and of the zlib the upload action compresses with.
   */
  public static final long MAX_GZIP_BYTES = 10_000_000L;

  /**
   * Why a SARIF report of {@code result} holds fewer results than findings because of code
   * scanning's limit of {@link #MAX_RESULTS} results per run, when it does. The file-size limit
   * depends on the serialised report; {@link #lastTruncation()} tells about both.
   */
  public static Optional<String> truncation(CheckResult result) {
    int all = result.findings().size();
    if (all <= MAX_RESULTS) {
      return Optional.empty();
    }
    return Optional.of(countNote(MAX_RESULTS, all));
  }

  private static String countNote(int kept, int all) {
    return String.format(
        Locale.ROOT,
        "the SARIF report holds the %,d most severe of %,d findings: GitHub code scanning"
            + " rejects a run with more than %,d results; every finding is in the other formats",
        kept,
        all,
        MAX_RESULTS);
  }

  private static String sizeNote(int kept, int all, long maxGzipBytes) {
    return String.format(
        Locale.ROOT,
        "the SARIF report holds the %,d most severe of %,d findings: GitHub code scanning"
            + " rejects a SARIF file larger than %s gzip-compressed; every finding is in the other"
            + " formats",
        kept,
        all,
        maxGzipBytes == MAX_GZIP_BYTES
            ? "10 MB"
            : String.format(Locale.ROOT, "%,d bytes", maxGzipBytes));
  }

  /**
   * Why the last {@link #write} of this reporter held fewer results than findings (the result count
   * or the file-size limit), or empty when it held them all or nothing was written yet.
   */
  public Optional<String> lastTruncation() {
    return lastTruncation;
  }

  /**
   * The findings in the order they are given up last: active before suppressed and baselined, then
   * errors, warnings, info, then report order. A report keeps a prefix of this list.
   */
  static List<Integer> severityOrder(List<Finding> findings) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort(
        java.util.Comparator.<Integer, Boolean>comparing(i -> !findings.get(i).active())
            .thenComparing(i -> findings.get(i).severity(), java.util.Comparator.reverseOrder())
            .thenComparing(i -> i));
    return order;
  }

  /** The {@code count} most severe findings (see {@link #severityOrder}), in report order. */
  static List<Finding> kept(List<Finding> findings, List<Integer> order, int count) {
    if (count >= findings.size()) {
      return findings;
    }
    return order.subList(0, count).stream().sorted().map(findings::get).toList();
  }

  /**
   * The findings a report keeps by count: all of them, or the {@link #MAX_RESULTS} most severe
   * (active before suppressed and baselined, then errors, warnings, info), in report order.
   */
  static List<Finding> kept(List<Finding> findings) {
    if (findings.size() <= MAX_RESULTS) {
      return findings;
    }
    return kept(findings, severityOrder(findings), MAX_RESULTS);
  }

  /**
   * Writes the report, keeping at most {@link #MAX_RESULTS} results and, when the file would be
   * larger than the size limit gzip-compressed, the largest number of most severe results that fits
   * (binary search over the count; the same result always gives the same file). What was left out
   * is recorded as a {@code toolExecutionNotifications} warning and in {@link #lastTruncation()}.
   */
  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    List<Finding> findings = result.findings();
    int all = findings.size();
    int byCount = Math.min(all, MAX_RESULTS);
    List<Integer> order = severityOrder(findings);
    Optional<String> note = truncation(result);
    String text = render(result, kept(findings, order, byCount), note);
    if (byCount > 0 && gzipSize(text) > maxGzipBytes) {
      // The largest count below byCount whose report fits: lo always fits (or is 0, which then
      // is written however large the rule table makes it). The last fitting render is kept.
      int lo = 0;
      int hi = byCount - 1;
      String best = render(result, List.of(), Optional.of(sizeNote(0, all, maxGzipBytes)));
      while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        String candidate =
            render(
                result, kept(findings, order, mid), Optional.of(sizeNote(mid, all, maxGzipBytes)));
        if (gzipSize(candidate) <= maxGzipBytes) {
          lo = mid;
          best = candidate;
        } else {
          hi = mid - 1;
        }
      }
      note = Optional.of(sizeNote(lo, all, maxGzipBytes));
      text = best;
    }
    lastTruncation = note;
    out.write(text);
  }

  /** The size of {@code text} as UTF-8, gzip-compressed at the default level. */
  static long gzipSize(String text) {
    long[] count = {0};
    java.io.OutputStream counter =
        new java.io.OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(counter, 65536)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("counting bytes cannot fail", e);
    }
    return count[0];
  }

  private String render(CheckResult result, List<Finding> kept, Optional<String> truncation)
      throws IOException {
    Map<String, RuleDescriptor> rules = rulesById(result);
    List<String> ruleIds = new ArrayList<>(rules.keySet());

    ObjectNode log = NODES.objectNode();
    log.put("$schema", SCHEMA_URI);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "poolcheck");
    driver.put("informationUri", INFORMATION_URI);
    toolVersion.ifPresent(
        v -> {
          driver.put("version", v);
          driver.put("semanticVersion", v);
        });
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.values().forEach(r -> ruleNodes.add(rule(r)));

    // No originalUriBaseIds: code scanning resolves %SRCROOT% to the checkout itself, and an
    // absolute path here would make the output depend on the machine.
    run.put("columnKind", "utf16CodeUnits");

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", result.errors().isEmpty());
    invocation.put("exitCode", result.exitCode());
    if (!result.errors().isEmpty() || truncation.isPresent()) {
      ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
      for (ToolError error : result.errors()) {
        ObjectNode n = notifications.addObject();
        n.put("level", "error");
        n.putObject("message").put("text", error.source() + ": " + error.message());
        n.putObject("properties").put("source", error.source());
      }
      truncation.ifPresent(
          text -> {
            ObjectNode n = notifications.addObject();
            n.put("level", "warning");
            n.putObject("message").put("text", text);
            n.putObject("descriptor").put("id", "results-truncated");
          });
    }

    ArrayNode results = run.putArray("results");
    for (Finding finding : kept) {
      results.add(result(finding, ruleIds.indexOf(finding.ruleId())));
    }

    java.io.StringWriter out = new java.io.StringWriter();
    JsonGenerator generator = MAPPER.getFactory().createGenerator(out);
    generator.setPrettyPrinter(prettyPrinter());
    MAPPER.writeTree(generator, log);
    generator.flush();
    out.write('\n');
    return out.toString();
  }

  /**
   * The rules that ran plus any rule a finding names that did not come with a descriptor (the
   * loader's and extractor's built-in ids), by id, so that every {@code ruleIndex} resolves.
   */
  private static Map<String, RuleDescriptor> rulesById(CheckResult result) {
    Map<String, RuleDescriptor> rules = new TreeMap<>();
    result.rules().forEach(r -> rules.put(r.id(), r));
    for (Finding f : result.findings()) {
      rules.computeIfAbsent(
          f.ruleId(),
          id ->
              new RuleDescriptor(
                  id,
                  id,
                  f.severity(),
                  RuleDescriptor.builtInHelpUri(id),
                  "",
                  "",
                  RuleDescriptor.Origin.BUILT_IN));
    }
    return rules;
  }

  private static ObjectNode rule(RuleDescriptor rule) {
    ObjectNode node = NODES.objectNode();
    node.put("id", rule.id());
    node.put("name", pascalCase(rule.id()));
    node.putObject("shortDescription").put("text", rule.title());
    String full = rule.description().isBlank() ? rule.title() : rule.description();
    node.putObject("fullDescription").put("text", full);
    ObjectNode help;
    // A user policy may come without a documentation link; an empty helpUri is not a URI.
    if (rule.helpUri().isBlank()) {
      help = node.putObject("help");
      help.put("text", full);
      help.put("markdown", full);
    } else {
      node.put("helpUri", rule.helpUri());
      help = node.putObject("help");
      help.put("text", full + "\n\nSee " + rule.helpUri());
      help.put("markdown", full + "\n\nSee [" + rule.id() + "](" + rule.helpUri() + ").");
    }
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    ObjectNode properties = node.putObject("properties");
    properties
        .putArray("tags")
        .add("azure-batch")
        .add(rule.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (!rule.since().isBlank()) {
      properties.put("since", rule.since());
    }
    return node;
  }

  private ObjectNode result(Finding finding, int ruleIndex) {
    ObjectNode node = NODES.objectNode();
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", ruleIndex);
    node.put("level", level(finding.severity()));
    node.putObject("message").put("text", finding.message());

    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    Optional<String> relative = sourceRoot.relativize(finding.file());
    if (relative.isPresent()) {
      artifact.put("uri", SourceRoot.toUriReference(relative.get()));
      artifact.put("uriBaseId", SRCROOT);
    } else {
      artifact.put("uri", sourceRoot.absoluteUri(finding.file()).orElse("stdin"));
    }
    SourceRange range = finding.range();
    ObjectNode region = physical.putObject("region");
    region.put("startLine", range.start().line());
    region.put("startColumn", range.start().column());
    region.put("endLine", range.end().line());
    region.put("endColumn", range.end().column());

    node.putObject("partialFingerprints")
        .put(FINGERPRINT_KEY, fingerprint(finding, relative.orElse(finding.file())));

    switch (finding.status()) {
      case ACTIVE -> {}
      case SUPPRESSED ->
          node.putArray("suppressions")
              .addObject()
              .put("kind", "external")
              .put("status", "accepted")
              .put("justification", "suppressed in the poolcheck configuration");
      case BASELINED -> {
        node.put("baselineState", "unchanged");
        node.putArray("suppressions")
            .addObject()
            .put("kind", "external")
            .put("status", "accepted")
            .put("justification", "recorded in the poolcheck baseline");
      }
    }
    node.putObject("properties").put("pointer", finding.pointer());
    return node;
  }

  /**
   * A hash of what identifies a finding independent of where it sits: rule, file, pointer, message.
   * Moving a pool definition down a few lines keeps the alert.
   */
  static String fingerprint(Finding finding, String file) {
    String key =
        String.join("\u0000", finding.ruleId(), file, finding.pointer(), finding.message());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** {@code extension-customscript-reserved} becomes {@code ExtensionCustomscriptReserved}. */
  static String pascalCase(String kebab) {
    StringBuilder name = new StringBuilder(kebab.length());
    boolean upper = true;
    for (char c : kebab.toCharArray()) {
      if (c == '-' || c == '_' || c == '.') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    // Fixed "\n" line ends and "key": value spacing, whatever the platform.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    return printer;
  }
}
