package dev.poolcheck.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.config.Configuration.Suppression;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Finding.Status;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationApplyTest {

  @TempDir Path dir;

  private Configuration config(String yaml) throws IOException {
    return Configuration.load(Files.writeString(dir.resolve(".poolcheck.yaml"), yaml));
  }

  private static Finding finding(String rule, Severity severity, String file, String pointer) {
    return new Finding(rule, severity, "message of " + rule, file, pointer, SourceRange.at(3, 5));
  }

  @Test
  void overridesTheSeverityOfOneRuleOnly() throws IOException {
    Configuration config = config("rules:\n  a-rule: info\n");
    Finding a = finding("a-rule", Severity.ERROR, "p.json", "/x");
    Finding b = finding("b-rule", Severity.ERROR, "p.json", "/x");

    List<Finding> out = config.apply(List.of(a, b));

    assertEquals(List.of(a.withSeverity(Severity.INFO), b), out);
  }

  @Test
  void dropsFindingsOfDisabledRules() throws IOException {
    Configuration config = config("rules:\n  a-rule: off\n");
    Finding a = finding("a-rule", Severity.ERROR, "p.json", "/x");
    Finding b = finding("b-rule", Severity.WARNING, "p.json", "/x");

    assertEquals(List.of(b), config.apply(List.of(a, b)));
  }

  @Test
  void suppressesEveryFindingOfTheRuleInMatchingFilesWhenNoPointerIsGiven() throws IOException {
    Configuration config =
        config(
            """
            suppressions:
              - rule: a-rule
                file: "pools/old/*.json"
                reason: migrated next quarter
            """);
    Finding inOld1 = finding("a-rule", Severity.ERROR, "pools/old/one.json", "/x");
    Finding inOld2 = finding("a-rule", Severity.ERROR, "pools/old/two.json", "/y/z");
    Finding nested = finding("a-rule", Severity.ERROR, "pools/old/deeper/three.json", "/x");
    Finding otherRule = finding("b-rule", Severity.ERROR, "pools/old/one.json", "/x");
    Finding otherDir = finding("a-rule", Severity.ERROR, "pools/new/one.json", "/x");

    List<Finding> out = config.apply(List.of(inOld1, inOld2, nested, otherRule, otherDir));

    assertEquals(
        List.of(Status.SUPPRESSED, Status.SUPPRESSED, Status.ACTIVE, Status.ACTIVE, Status.ACTIVE),
        out.stream().map(Finding::status).toList());
  }

  @Test
  void suppressesOnlyAtAndBelowThePointerWhenOneIsGiven() throws IOException {
    Configuration config =
        config(
            """
            suppressions:
              - rule: a-rule
                file: p.json
                pointer: /properties/foo
                reason: kept for the migration script
            """);
    Finding at = finding("a-rule", Severity.WARNING, "p.json", "/properties/foo");
    Finding below = finding("a-rule", Severity.WARNING, "p.json", "/properties/foo/0");
    Finding sibling = finding("a-rule", Severity.WARNING, "p.json", "/properties/foobar");
    Finding parent = finding("a-rule", Severity.WARNING, "p.json", "/properties");

    List<Finding> out = config.apply(List.of(at, below, sibling, parent));

    assertEquals(
        List.of(Status.SUPPRESSED, Status.SUPPRESSED, Status.ACTIVE, Status.ACTIVE),
        out.stream().map(Finding::status).toList());
  }

  @Test
  void matchesGlobsAcrossDirectoriesWithDoubleStarAndIgnoresALeadingDotSlash() throws IOException {
    Configuration config =
        config(
            """
            suppressions:
              - {rule: a-rule, file: "**/*.yaml", reason: generated}
            """);
    Finding deep = finding("a-rule", Severity.ERROR, "./a/b/c.yaml", "");
    Finding windows = finding("a-rule", Severity.ERROR, "a\\b.yaml", "");
    Finding topLevel = finding("a-rule", Severity.ERROR, "c.yaml", "");

    List<Finding> out = config.apply(List.of(deep, windows, topLevel));

    // java.nio globs: "**/" needs at least one directory, so a top-level file does not match.
    assertEquals(
        List.of(Status.SUPPRESSED, Status.SUPPRESSED, Status.ACTIVE),
        out.stream().map(Finding::status).toList());
  }

  @Test
  void matchesTopLevelAndNestedFilesWithAGroupOfGlobs() throws IOException {
    Configuration config =
        config("suppressions: [{rule: a-rule, file: '{*.json,**/*.json}', reason: r}]\n");
    Finding top = finding("a-rule", Severity.ERROR, "c.json", "");
    Finding nested = finding("a-rule", Severity.ERROR, "a/b/c.json", "");
    Finding yaml = finding("a-rule", Severity.ERROR, "a/c.yaml", "");

    assertEquals(
        List.of(Status.SUPPRESSED, Status.SUPPRESSED, Status.ACTIVE),
        config.apply(List.of(top, nested, yaml)).stream().map(Finding::status).toList());
  }

  @Test
  void appliesTheSeverityOverrideToSuppressedFindingsToo() throws IOException {
    Configuration config =
        config(
            """
            rules: {a-rule: warning}
            suppressions: [{rule: a-rule, file: "*", reason: r}]
            """);
    Finding f = finding("a-rule", Severity.ERROR, "p.json", "/x");

    assertEquals(
        List.of(f.withSeverity(Severity.WARNING).withStatus(Status.SUPPRESSED)),
        config.apply(List.of(f)));
  }

  @Test
  void leavesBaselinedFindingsAsTheyAre() throws IOException {
    Configuration config = config("suppressions: [{rule: a-rule, file: '*', reason: r}]\n");
    Finding f = finding("a-rule", Severity.ERROR, "p.json", "/x").withStatus(Status.BASELINED);

    assertEquals(List.of(f), config.apply(List.of(f)));
  }

  @Test
  void namesTheSuppressionThatCoversAFinding() throws IOException {
    Configuration config =
        config(
            """
            suppressions:
              - {rule: a-rule, file: other.json, reason: not this one}
              - {rule: a-rule, file: p.json, pointer: /x, reason: approved in SEC-1}
            """);
    Finding covered = finding("a-rule", Severity.ERROR, "p.json", "/x/y");
    Finding notCovered = finding("a-rule", Severity.ERROR, "p.json", "/z");

    assertEquals(
        Optional.of("approved in SEC-1"), config.suppressionOf(covered).map(Suppression::reason));
    assertEquals(Optional.empty(), config.suppressionOf(notCovered));
  }

  @Test
  void emptyConfigurationChangesNothing() {
    Finding f = finding("a-rule", Severity.ERROR, "p.json", "/x");

    assertEquals(List.of(f), Configuration.empty().apply(List.of(f)));
  }

  @Test
  void appendsAllowedExtensionsAfterTheDefaults() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode defaults =
        json.readTree(
            """
            {"allowedExtensions": [{"publisher": "Microsoft.Azure.Monitor", "type": "AMA"}],
             "retirements": {"x": "2025-01-01"}}
            """);
    Configuration config =
        config(
            """
            allowedExtensions:
              - {publisher: Contoso.Monitoring, type: ContosoAgent}
              - {publisher: Microsoft.Azure.Monitor, type: AMA}
            """);

    JsonNode data = config.ruleData(defaults);

    assertEquals(
        json.readTree(
            """
            {"allowedExtensions": [{"publisher": "Microsoft.Azure.Monitor", "type": "AMA"},
                                   {"publisher": "Contoso.Monitoring", "type": "ContosoAgent"}],
             "retirements": {"x": "2025-01-01"}}
            """),
        data);
    assertEquals(1, defaults.get("allowedExtensions").size(), "defaults must not change");
  }

  @Test
  void addsAnAllowListWhenTheDefaultsHaveNone() throws IOException {
    Configuration config = config("allowedExtensions: [{publisher: P, type: T}]\n");

    JsonNode data = config.ruleData(null);

    assertEquals(
        "[{\"publisher\":\"P\",\"type\":\"T\"}]", data.get("allowedExtensions").toString());
  }

  @Test
  void returnsTheDefaultsWhenNothingIsAllowedInAddition() throws IOException {
    JsonNode defaults = new ObjectMapper().readTree("{\"allowedExtensions\": []}");

    JsonNode data = Configuration.empty().ruleData(defaults);

    assertEquals(defaults, data);
  }
}
