package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolcheckTest {

  private final Poolcheck poolcheck = new Poolcheck();

  private static List<Finding> withRule(CheckResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }

  @Test
  void reportsParseErrorAtEndOfTruncatedSeedBody() {
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("fixtures/seed/put-body-as-printed.json").build());
    List<Finding> syntax = withRule(r, "syntax-error");
    assertEquals(1, syntax.size(), () -> r.findings().toString());
    Finding f = syntax.get(0);
    assertEquals(50, f.line());
    assertEquals(10, f.column());
    assertTrue(f.message().contains("add '}}'"), f.message());
    assertEquals(1, r.exitCode());
  }

  @Test
  void missingPathIsAToolErrorButTheOtherFilesAreStillChecked() {
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("no/such/file.json", "fixtures/seed/put-body-as-printed.json")
                .build());
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).message().contains("no such file"));
    assertFalse(withRule(r, "syntax-error").isEmpty());
    assertEquals(2, r.exitCode());
  }

  @Test
  void folderWalkHonoursIncludesAndExcludesAndSortsOutput() {
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("fixtures")
                .includes(List.of("**/*.yaml"))
                .excludes(List.of("**/other/**"))
                .build());
    assertFalse(r.documents().isEmpty());
    assertTrue(r.documents().stream().allMatch(d -> d.file().endsWith(".yaml")));
    assertTrue(r.documents().stream().noneMatch(d -> d.file().contains("/other/")));
    List<Finding> sorted = r.findings().stream().sorted(Finding.ORDER).toList();
    assertEquals(sorted, r.findings());
  }

  @Test
  void outputIsTheSameOnOneThreadAndOnSeveral() {
    CheckResult one = poolcheck.check(FixtureRepository.request("fixtures").threads(1).build());
    CheckResult two = poolcheck.check(FixtureRepository.request("fixtures").threads(4).build());
    assertEquals(one.findings(), two.findings());
    assertEquals(one.documents(), two.documents());
  }

  @Test
  void readsStdinUnderTheGivenName() {
    String yaml = "id: p1\nvmSize: STANDARD_D2S_V5\nvirtualMachineConfig: {}\n";
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("-")
                .stdin(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "pool.yaml")
                .build());
    assertEquals("pool.yaml", r.documents().get(0).file());
    assertEquals("data-plane", r.documents().get(0).kind());
    Finding typo = withRule(r, "schema-unknown-property").get(0);
    assertEquals(3, typo.line());
    assertTrue(typo.message().contains("virtualMachineConfiguration"), typo.message());
  }

  @Test
  void forcedKindOverridesDetection() {
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("fixtures/other/package.json")
                .kind(DocumentKind.DATA_PLANE)
                .build());
    assertEquals("data-plane", r.documents().get(0).kind());
    assertTrue(withRule(r, "not-a-pool-definition").isEmpty());
  }

  @Test
  void configDisablesRulesOverridesSeverityAndCountsSuppressions(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("pool.json"),
        "{\"id\": \"p\", \"vmSize\": \"x\", \"virtualMachineConfig\": {}, \"displayNam\": \"d\"}");
    Files.writeString(
        dir.resolve(".poolcheck.yaml"),
        """
        rules:
          schema-required-property: off
          schema-unknown-property: error
        suppressions:
          - rule: schema-unknown-property
            file: pool.json
            pointer: /displayNam
            reason: kept for a migration script
        """);
    CheckResult r =
        poolcheck.check(
            CheckRequest.builder(dir).asOf(FixtureRepository.AS_OF).path("pool.json").build());
    assertTrue(withRule(r, "schema-required-property").isEmpty());
    List<Finding> unknown = withRule(r, "schema-unknown-property");
    assertEquals(2, unknown.size(), unknown::toString);
    assertTrue(unknown.stream().allMatch(f -> f.severity() == Severity.ERROR));
    assertEquals(1, r.summary().suppressed());
    assertEquals(1, r.summary().error());
    assertEquals(1, r.exitCode());
  }

  @Test
  void commandLineFailOnWinsOverTheConfigFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pool.json"), "{\"id\": \"p\", \"vmSize\": \"x\", \"extra\": 1}");
    Files.writeString(dir.resolve(".poolcheck.yaml"), "failOn: warning\n");
    CheckRequest.Builder b =
        CheckRequest.builder(dir).asOf(FixtureRepository.AS_OF).path("pool.json");
    CheckResult fromConfig = poolcheck.check(b.build());
    assertEquals(Severity.WARNING, fromConfig.failOn());
    CheckResult fromCli = poolcheck.check(b.failOn(Severity.ERROR).build());
    assertEquals(Severity.ERROR, fromCli.failOn());
  }

  @Test
  void baselineTurnsTodaysFindingsIntoBaselinedOnes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pool.json"), "{\"id\": \"p\", \"vmSize\": \"x\", \"extra\": 1}");
    Path baseline = dir.resolve("baseline.json");
    CheckResult first =
        poolcheck.check(
            CheckRequest.builder(dir).path("pool.json").writeBaseline(baseline).build());
    assertFalse(first.findings().isEmpty());
    CheckResult second =
        poolcheck.check(CheckRequest.builder(dir).path("pool.json").baseline(baseline).build());
    assertEquals(0, second.summary().error() + second.summary().warning());
    assertEquals(first.findings().size(), second.summary().baselined());
    assertEquals(0, second.exitCode());
  }

  @Test
  void invalidConfigurationIsAPoolcheckExceptionWithPosition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".poolcheck.yaml"), "rules:\n  extension-not-allowed: maybe\n");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class, () -> poolcheck.check(CheckRequest.builder(dir).build()));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
  }

  @Test
  void secretsNeverAppearInMessagesOrExcerpts(@TempDir Path dir) throws IOException {
    String secret = "c2VjcmV0LXdvcmtzcGFjZS1rZXktdmFsdWU9PQ";
    Files.writeString(
        dir.resolve("pool.json"),
        """
        {"id": "p", "vmSize": "STANDARD_D2S_V5", "virtualMachineConfiguration": {
          "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
          "nodeAgentSKUId": "batch.node.ubuntu 24.04",
          "extensions": [{"name": "oms", "publisher": "Microsoft.EnterpriseCloud.Monitoring",
            "type": "OmsAgentForLinux", "typeHandlerVersion": "1.17",
            "settings": {"workspaceId": "5e2b6f1c-3d4a-4b8e-9f0a-1c2d3e4f5a6b"},
            "protectedSettings": {"workspaceKey": "%s"}, "settingz": {}}]}}
        """
            .formatted(secret));
    CheckResult r = poolcheck.check(CheckRequest.builder(dir).path("pool.json").build());
    // The typo sits on the secret's line, so its excerpt must show the line with the secret masked.
    Finding typo = withRule(r, "schema-unknown-property").get(0);
    String excerpt = r.excerpts().line(typo.file(), typo.line()).orElseThrow();
    assertTrue(excerpt.contains("\"workspaceKey\": \"****"), excerpt);
    for (Finding f : r.findings()) {
      assertFalse(f.message().contains(secret), f.message());
      for (int line = 1; line <= 8; line++) {
        r.excerpts()
            .line(f.file(), line)
            .ifPresent(text -> assertFalse(text.contains(secret), text));
      }
    }
  }

  private static Path fixtureBundle(String name) {
    return FixtureRepository.ROOT.resolve(
        "engine/target/test-classes/fixtures/policies/" + name + ".tar.gz");
  }

  @Test
  void userBundleReportsDenyAndWarnWithSourcePositions(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("pool.yaml"),
        """
        name: team-pool
        properties:
          vmSize: STANDARD_A1
          deploymentConfiguration:
            virtualMachineConfiguration:
              imageReference: {publisher: canonical, offer: ubuntu-24_04-lts, sku: server}
              nodeAgentSkuId: batch.node.ubuntu 24.04
        """);
    CheckResult r =
        poolcheck.check(
            CheckRequest.builder(dir)
                .asOf(FixtureRepository.AS_OF)
                .path("pool.yaml")
                .policies(List.of(fixtureBundle("conftest-style")))
                .build());
    List<Finding> deny = withRule(r, "conftest-style-deny");
    assertEquals(2, deny.size(), r.findings()::toString);
    // The start-task result names a canonical pointer that does not exist: reported at the pool.
    // The string result has no pointer: reported at the pool, too.
    assertTrue(deny.stream().allMatch(f -> f.severity() == Severity.ERROR));
    assertTrue(deny.stream().anyMatch(f -> f.message().contains("STANDARD_A1")), deny::toString);
    assertTrue(r.rules().stream().anyMatch(d -> d.id().equals("conftest-style-warn")));
    assertEquals(1, r.exitCode());
  }

  @Test
  void userBundlePointerMapsBackToTheValueInTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("pool.json"),
        """
        {"vmSize": "STANDARD_D2S_V5",
         "id": "p",
         "virtualMachineConfiguration": {
           "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
           "nodeAgentSKUId": "batch.node.ubuntu 24.04"}}
        """);
    CheckResult r =
        poolcheck.check(
            CheckRequest.builder(dir)
                .asOf(FixtureRepository.AS_OF)
                .path("pool.json")
                .policies(List.of(fixtureBundle("namespaced")))
                .namespace("acme.pools")
                .build());
    Finding f = withRule(r, "namespaced-violation").get(0);
    assertEquals("/id", f.pointer());
    assertEquals(2, f.line());
    assertEquals(8, f.column());
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void configuredAllowedExtensionSilencesExtensionNotAllowed(@TempDir Path dir) throws IOException {
    String pool =
        """
        {"id": "p", "vmSize": "STANDARD_D2S_V5",
         "virtualMachineConfiguration": {
           "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
           "nodeAgentSKUId": "batch.node.ubuntu 24.04",
           "extensions": [{"name": "agent", "publisher": "Contoso.Monitoring",
                           "type": "ContosoAgent", "typeHandlerVersion": "1.0"}]}}
        """;
    Files.writeString(dir.resolve("pool.json"), pool);
    CheckRequest request =
        CheckRequest.builder(dir).asOf(FixtureRepository.AS_OF).path("pool.json").build();
    Finding notAllowed = withRule(poolcheck.check(request), "extension-not-allowed").get(0);
    assertEquals(6, notAllowed.line());
    assertEquals("/virtualMachineConfiguration/extensions/0/type", notAllowed.pointer());

    Files.writeString(
        dir.resolve(".poolcheck.yaml"),
        "allowedExtensions:\n  - {publisher: contoso.monitoring, type: contosoagent}\n");
    assertTrue(withRule(poolcheck.check(request), "extension-not-allowed").isEmpty());
  }
}
