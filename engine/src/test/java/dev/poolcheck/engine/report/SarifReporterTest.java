package dev.poolcheck.engine.report;

import static dev.poolcheck.engine.report.CiReportScenarios.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReporterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SarifReporter reporter = new SarifReporter(Path.of(""), "0.1.0");

  private static Options approval() {
    return new Options().forFile().withExtension(".sarif.json");
  }

  @Test
  void writesEmptyRunWithEveryRule() {
    Approvals.verify(render(reporter, CiReportScenarios.empty()), approval());
  }

  @Test
  void writesOneFinding() {
    Approvals.verify(render(reporter, CiReportScenarios.oneFinding()), approval());
  }

  @Test
  void writesManyFindingsInSeveralFiles() {
    Approvals.verify(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()), approval());
  }

  @Test
  void writesToolErrorsAsNotifications() {
    Approvals.verify(render(reporter, CiReportScenarios.toolError()), approval());
  }

  @Test
  void marksSuppressedAndBaselinedFindingsAsSuppressed() {
    Approvals.verify(render(reporter, CiReportScenarios.suppressedAndBaselined()), approval());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.poolcheck.engine.report.CiReportScenarios#all")
  void outputIsValidAgainstOfficialSarifSchema(String scenario, CheckResult result) {
    List<Error> errors = ReportSchemas.sarif(render(reporter, result), InputFormat.JSON);
    assertEquals(List.of(), errors, scenario);
  }

  @Test
  void schemaValidationRejectsAnUnknownLevel() throws IOException {
    ObjectNode log = (ObjectNode) sarif(CiReportScenarios.oneFinding());
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
    assertFalse(ReportSchemas.sarif(log).isEmpty(), "the schema check must be able to fail");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.poolcheck.engine.report.CiReportScenarios#all")
  void listsEveryRuleOnceAndEveryRuleIndexPointsAtItsRule(String scenario, CheckResult result)
      throws IOException {
    JsonNode run = sarif(result).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> assertTrue(ids.add(r.get("id").asText()), "duplicate " + r));
    for (CheckedRule rule : CheckedRule.of(result)) {
      assertTrue(ids.contains(rule.id()), rule.id());
    }
    for (JsonNode r : run.get("results")) {
      JsonNode rule = rules.get(r.get("ruleIndex").asInt());
      assertEquals(r.get("ruleId"), rule.get("id"), scenario);
    }
  }

  @Test
  void describesRulesForCodeScanning() throws IOException {
    JsonNode rule = sarif(CiReportScenarios.empty()).at("/runs/0/tool/driver/rules/1");
    assertEquals("extension-customscript-reserved", rule.get("id").asText());
    assertEquals("ExtensionCustomscriptReserved", rule.get("name").asText());
    assertEquals(
        CiReportScenarios.CUSTOM_SCRIPT.title(), rule.at("/shortDescription/text").asText());
    assertEquals(
        CiReportScenarios.CUSTOM_SCRIPT.description(), rule.at("/fullDescription/text").asText());
    assertEquals(CiReportScenarios.CUSTOM_SCRIPT.helpUri(), rule.get("helpUri").asText());
    assertTrue(rule.at("/help/text").asText().contains(CiReportScenarios.CUSTOM_SCRIPT.helpUri()));
    assertEquals("error", rule.at("/defaultConfiguration/level").asText());
  }

  @Test
  void leavesOutHelpUriOfARuleWithoutDocumentation() throws IOException {
    RuleDescriptor undocumented =
        new RuleDescriptor(
            "team-tags-required",
            "Pool carries the team's tags",
            Severity.WARNING,
            "",
            "",
            "",
            RuleDescriptor.Origin.USER_POLICY);
    CheckResult result =
        new CheckResult(
            List.of(),
            List.of(),
            List.of(),
            List.of(undocumented),
            SourceExcerpts.none(),
            Severity.ERROR);

    String sarif = render(reporter, result);
    JsonNode rule = JSON.readTree(sarif).at("/runs/0/tool/driver/rules/0");

    assertTrue(rule.path("helpUri").isMissingNode(), rule.toString());
    assertEquals("Pool carries the team's tags", rule.at("/help/text").asText());
    assertEquals(List.of(), ReportSchemas.sarif(sarif, InputFormat.JSON));
  }

  @Test
  void fingerprintDoesNotDependOnTheLine() {
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    Finding moved =
        new Finding(
            finding.ruleId(),
            finding.severity(),
            finding.message(),
            finding.file(),
            finding.pointer(),
            SourceRange.of(40, 3, 40, 17));
    assertEquals(
        SarifReporter.fingerprint(finding, "pools/gpu.json"),
        SarifReporter.fingerprint(moved, "pools/gpu.json"));
    assertNotEquals(
        SarifReporter.fingerprint(finding, "pools/gpu.json"),
        SarifReporter.fingerprint(finding, "pools/cpu.json"));
  }

  @Test
  void writesRepositoryRelativeUrisUnderSrcroot(@TempDir Path repo) throws IOException {
    Path file = repo.resolve("pools").resolve("gpu.json");
    Files.createDirectories(file.getParent());
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    finding.message(),
                    file.toString(),
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            CiReportScenarios.RULES,
            SourceExcerpts.none(),
            Severity.ERROR);

    JsonNode location =
        sarif(new SarifReporter(repo, null), result)
            .at("/runs/0/results/0/locations/0/physicalLocation");

    assertEquals("pools/gpu.json", location.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
    assertEquals(14, location.at("/region/startLine").asInt());
    assertEquals(21, location.at("/region/startColumn").asInt());
    assertEquals(14, location.at("/region/endLine").asInt());
    assertEquals(35, location.at("/region/endColumn").asInt());
  }

  @Test
  void writesAbsoluteUriForFileOutsideTheRoot(@TempDir Path dir) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path outside = dir.resolve("elsewhere.json");
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    finding.message(),
                    outside.toString(),
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            CiReportScenarios.RULES,
            SourceExcerpts.none(),
            Severity.ERROR);

    JsonNode artifact =
        sarif(new SarifReporter(repo, null), result)
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");

    assertEquals(outside.toUri().toASCIIString(), artifact.get("uri").asText());
    assertTrue(artifact.path("uriBaseId").isMissingNode());
  }

  @Test
  void percentEncodesSpacesInUris() throws IOException {
    JsonNode results = sarif(CiReportScenarios.manyFindingsInSeveralFiles()).at("/runs/0/results");
    Set<String> uris = new HashSet<>();
    results.forEach(
        r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
    assertTrue(uris.contains("templates/arm%20pool.json"), uris.toString());
  }

  @Test
  void keepsAColonInTheFirstSegmentFromReadingAsAScheme() {
    assertEquals("./c:d/pool.json", SourceRoot.toUriReference("c:d/pool.json"));
    assertEquals("pools/a%20b.json", SourceRoot.toUriReference("pools/a b.json"));
  }

  @Test
  void writesStandardInputWithoutBaseId() throws IOException {
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    finding.message(),
                    "-",
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            List.of(),
            SourceExcerpts.none(),
            Severity.ERROR);

    JsonNode artifact =
        sarif(result).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");

    assertEquals("stdin", artifact.get("uri").asText());
    assertTrue(artifact.path("uriBaseId").isMissingNode());
  }

  @Test
  void outputIsDeterministic() {
    CheckResult result = CiReportScenarios.manyFindingsInSeveralFiles();
    assertEquals(render(reporter, result), render(reporter, result));
  }

  private JsonNode sarif(CheckResult result) throws IOException {
    return sarif(reporter, result);
  }

  private static JsonNode sarif(SarifReporter reporter, CheckResult result) throws IOException {
    return JSON.readTree(render(reporter, result));
  }

  /** The rule ids a result needs in the rule table: those that ran and those findings name. */
  private record CheckedRule(String id) {
    static Set<CheckedRule> of(CheckResult result) {
      Set<CheckedRule> rules = new HashSet<>();
      result.rules().forEach(r -> rules.add(new CheckedRule(r.id())));
      result.findings().forEach(f -> rules.add(new CheckedRule(f.ruleId())));
      return rules;
    }
  }

  @Test
  void keepsTheMostSevereResultsWithinGithubsLimitAndSaysSo() throws Exception {
    java.util.List<dev.poolcheck.engine.model.Finding> findings = new java.util.ArrayList<>();
    int n = SarifReporter.MAX_RESULTS + 1_000;
    for (int i = 0; i < n; i++) {
      // Every 50th finding is an error, the rest info; the errors must all survive.
      dev.poolcheck.engine.model.Severity severity =
          i % 50 == 0
              ? dev.poolcheck.engine.model.Severity.ERROR
              : dev.poolcheck.engine.model.Severity.INFO;
      findings.add(
          new dev.poolcheck.engine.model.Finding(
              "r",
              severity,
              "m",
              String.format("f%06d.json", i),
              "",
              dev.poolcheck.engine.model.SourceRange.FILE_START));
    }
    CheckResult many =
        new CheckResult(
            findings,
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            dev.poolcheck.engine.model.SourceExcerpts.none(),
            dev.poolcheck.engine.model.Severity.ERROR);
    java.io.StringWriter out = new java.io.StringWriter();
    new SarifReporter(java.nio.file.Path.of(""), "1").write(many, out);
    com.fasterxml.jackson.databind.JsonNode run =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.toString())
            .get("runs")
            .get(0);
    com.fasterxml.jackson.databind.JsonNode results = run.get("results");
    assertEquals(SarifReporter.MAX_RESULTS, results.size());
    long errors = 0;
    String previous = "";
    for (com.fasterxml.jackson.databind.JsonNode r : results) {
      errors += r.get("level").asText().equals("error") ? 1 : 0;
      String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertTrue(uri.compareTo(previous) > 0, "report order kept: " + uri);
      previous = uri;
    }
    assertEquals((n + 49) / 50, errors, "every error is kept");
    com.fasterxml.jackson.databind.JsonNode note =
        run.at("/invocations/0/toolExecutionNotifications/0");
    assertEquals("warning", note.get("level").asText());
    assertTrue(note.at("/message/text").asText().contains("25,000 most severe of 26,000"));
    assertTrue(SarifReporter.truncation(many).isPresent());
    assertTrue(SarifReporter.truncation(CiReportScenarios.oneFinding()).isEmpty());
  }

  @Test
  void dropsTheLeastSevereResultsUntilTheGzippedFileFitsTheSizeLimit() throws IOException {
    int n = 300;
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Severity severity =
          i % 10 == 0 ? Severity.ERROR : i % 3 == 0 ? Severity.WARNING : Severity.INFO;
      findings.add(
          new Finding(
              "r" + (i % 7),
              severity,
              "message " + Integer.toHexString(i * 0x9E3779B1), // varied, so gzip cannot fold it
              String.format("pools/f%04d.json", i),
              "/properties/p" + i,
              SourceRange.of(1 + i % 40, 3, 1 + i % 40, 9)));
    }
    CheckResult result =
        new CheckResult(
            findings,
            List.of(),
            List.of(),
            CiReportScenarios.RULES,
            SourceExcerpts.none(),
            Severity.ERROR);
    SourceRoot root = SourceRoot.of(Path.of(""));
    SarifReporter unlimited = new SarifReporter(root, "1");
    String full = render(unlimited, result);
    assertTrue(unlimited.lastTruncation().isEmpty());
    long limit = SarifReporter.gzipSize(full) / 2;

    SarifReporter limited = new SarifReporter(root, "1", limit);
    String sarif = render(limited, result);

    assertTrue(SarifReporter.gzipSize(sarif) <= limit, "fits " + limit);
    assertEquals(List.of(), ReportSchemas.sarif(sarif, InputFormat.JSON));
    JsonNode run = JSON.readTree(sarif).at("/runs/0");
    JsonNode results = run.get("results");
    int kept = results.size();
    assertTrue(kept > 0 && kept < n, "kept " + kept);
    // The kept results are exactly the most severe ones, in report order.
    List<String> expected =
        SarifReporter.kept(findings, SarifReporter.severityOrder(findings), kept).stream()
            .map(f -> f.file())
            .toList();
    List<String> actual = new java.util.ArrayList<>();
    results.forEach(
        r -> actual.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
    assertEquals(expected, actual);
    assertEquals(
        n / 10, actual.stream().filter(u -> Integer.parseInt(u, 7, 11, 10) % 10 == 0).count());
    // Binary search keeps as many as fit, not a fraction of them (a result is ~1% of the limit).
    assertTrue(SarifReporter.gzipSize(sarif) > limit * 0.9, "uses the room under " + limit);
    JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
    assertEquals("warning", note.get("level").asText());
    assertEquals("results-truncated", note.at("/descriptor/id").asText());
    String text = note.at("/message/text").asText();
    assertTrue(text.contains(kept + " most severe of 300 findings"), text);
    assertTrue(text.contains("gzip-compressed"), text);
    assertEquals(java.util.Optional.of(text), limited.lastTruncation());
    assertEquals(sarif, render(new SarifReporter(root, "1", limit), result), "deterministic");
  }

  @Test
  void sizeLimitOfCodeScanningIsTenMegabytesGzipped() {
    assertEquals(10_000_000L, SarifReporter.MAX_GZIP_BYTES);
  }
}
