package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine picks the api-version a document is checked against, end to end. */
class ApiVersionChoiceTest {

  private final Poolcheck poolcheck = new Poolcheck();

  private static String arm(String apiVersion, String properties) {
    return """
        {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "%s",
           "name": "acct/pool", "properties": %s}]}
        """
        .formatted(apiVersion, properties);
  }

  private static final String OLD_PROPERTIES =
      "{\"vmSize\": \"STANDARD_D2S_V3\", \"targetNodeCommunicationMode\": \"Simplified\"}";

  @Test
  void anUnshippedVersionIsCheckedAgainstTheNearestShippedOneWithOneNote(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("t.json"), arm("2022-10-01", OLD_PROPERTIES));
    CheckResult r = check(dir, null);
    List<Finding> notes = withRule(r, "api-version-not-shipped");
    assertEquals(1, notes.size(), r.findings()::toString);
    Finding note = notes.get(0);
    assertEquals(Severity.INFO, note.severity());
    assertEquals("/resources/0/apiVersion", note.pointer());
    assertEquals(3, note.line());
    assertTrue(
        note.message().contains("checked against 2023-05-01, the oldest shipped"), note.message());
    // 2023-05-01 has targetNodeCommunicationMode: no schema finding.
    assertEquals(List.of(), withRule(r, "schema-unknown-property"));
  }

  @Test
  void aMalformedVersionIsAWarningAndTheNewestIsUsed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.json"), arm("latest", OLD_PROPERTIES));
    CheckResult r = check(dir, null);
    List<Finding> invalid = withRule(r, "api-version-invalid");
    assertEquals(1, invalid.size(), r.findings()::toString);
    assertEquals(Severity.WARNING, invalid.get(0).severity());
    assertTrue(invalid.get(0).message().contains("`latest`"), invalid.get(0).message());
    List<Finding> unknown = withRule(r, "schema-unknown-property");
    assertEquals(1, unknown.size(), r.findings()::toString);
    assertTrue(unknown.get(0).message().contains("removed in api-version 2025-06-01"));
  }

  @Test
  void theDocumentsVersionWinsOverTheRequestedOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.json"), arm("2024-07-01", OLD_PROPERTIES));
    CheckResult r = check(dir, "2026-08-01");
    assertEquals(List.of(), withRule(r, "schema-unknown-property"));
    assertEquals(List.of(), withRule(r, "api-version-not-shipped"));
  }

  @Test
  void theRequestedVersionAppliesToDocumentsThatDeclareNone(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("pool.json"), "{\"properties\": " + OLD_PROPERTIES.replace("}", "}}"));
    assertEquals(1, withRule(check(dir, null), "schema-unknown-property").size());
    assertEquals(List.of(), withRule(check(dir, "2024-07-01"), "schema-unknown-property"));
  }

  @Test
  void theConfigurationsVersionAppliesWhenTheCommandLineGivesNone(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("pool.json"), "{\"properties\": " + OLD_PROPERTIES.replace("}", "}}"));
    Files.writeString(dir.resolve(".poolcheck.yaml"), "apiVersion: 2023-11-01\n");
    assertEquals(List.of(), withRule(check(dir, null), "schema-unknown-property"));
    // Requested 2024-10-01 is not shipped: checked against 2024-07-01 with one note on the pool.
    CheckResult r = check(dir, "2024-10-01");
    List<Finding> notes = withRule(r, "api-version-not-shipped");
    assertEquals(1, notes.size(), r.findings()::toString);
    assertTrue(notes.get(0).message().contains("--api-version"), notes.get(0).message());
  }

  @Test
  void aMalformedConfigurationVersionIsAConfigurationError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pool.json"), "{\"id\": \"p\", \"vmSize\": \"x\"}");
    Files.writeString(dir.resolve(".poolcheck.yaml"), "apiVersion: latest\n");
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> check(dir, null));
  }

  private CheckResult check(Path dir, String apiVersion) {
    CheckRequest.Builder b =
        CheckRequest.builder(dir).asOf(FixtureRepository.AS_OF).path(".").threads(1);
    if (apiVersion != null) {
      b.apiVersion(apiVersion);
    }
    return poolcheck.check(b.build());
  }

  private static List<Finding> withRule(CheckResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }
}
