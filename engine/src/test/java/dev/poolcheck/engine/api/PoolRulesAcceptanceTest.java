package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool rules of the rule pack, run through the whole engine on the repository's fixtures. */
class PoolRulesAcceptanceTest {

  private final Poolcheck poolcheck = new Poolcheck();

  private static List<Finding> withRule(CheckResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }

  @Test
  void completedSeedPutBodyReportsTheRemovedUbuntu1804NodeAgent() {
    CheckResult r =
        poolcheck.check(FixtureRepository.request("fixtures/seed/put-body-completed.json").build());
    List<Finding> retired = withRule(r, "pool-image-retired");
    assertEquals(1, retired.size(), () -> r.findings().toString());
    Finding f = retired.get(0);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(
        "/properties/deploymentConfiguration/virtualMachineConfiguration/nodeAgentSkuId",
        f.pointer());
    assertEquals(17, f.line());
    assertTrue(f.message().contains("'batch.node.ubuntu 18.04' is retired"), f.message());
  }

  @Test
  void ubuntu2204IsQuietThenAWarningThenAnErrorAsTheRunDateMoves(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("pool.yaml"),
        """
        id: jammy
        vmSize: STANDARD_D2S_V5
        virtualMachineConfiguration:
          imageReference:
            publisher: canonical
            offer: 0001-com-ubuntu-server-jammy
            sku: 22_04-lts
            version: latest
          nodeAgentSKUId: batch.node.ubuntu 22.04
        targetDedicatedNodes: 1
        """);
    CheckRequest.Builder b = CheckRequest.builder(dir).path("pool.yaml").threads(1);
    // Retiring after 2027-06-30 (Azure/Batch#200): a warning from a year before.
    assertTrue(retired(b.asOf(LocalDate.of(2026, 6, 30))).isEmpty());
    List<Finding> soon = retired(b.asOf(LocalDate.of(2026, 7, 1)));
    assertEquals(1, soon.size());
    assertEquals(Severity.WARNING, soon.get(0).severity());
    assertEquals(9, soon.get(0).line());
    assertEquals(Severity.ERROR, retired(b.asOf(LocalDate.of(2027, 7, 1))).get(0).severity());
  }

  private List<Finding> retired(CheckRequest.Builder b) {
    return withRule(poolcheck.check(b.build()), "pool-image-retired");
  }

  @Test
  void secretValuesNeverReachAMessage() {
    // The workspace key written in the fixtures of extension-secret-in-settings.
    String secret = "bm90LWEtcmVhbC13b3Jrc3BhY2Uta2V5LWZvci10ZXN0cw==";
    CheckResult r =
        poolcheck.check(
            FixtureRepository.request("fixtures/rules/extension-secret-in-settings").build());
    assertFalse(withRule(r, "extension-secret-in-settings").isEmpty());
    for (Finding f : r.findings()) {
      assertFalse(f.message().contains(secret), f.ruleId() + " printed the secret");
      assertFalse(f.message().contains(secret.substring(0, 12)), f.ruleId() + " printed part");
    }
  }
}
