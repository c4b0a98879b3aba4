package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.normalise.KindDetection;
import dev.poolcheck.engine.rego.PolicyLimits;
import dev.poolcheck.engine.rego.UserPolicies;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User policies that loop, allocate without end or abort are stopped, reported with the bundle and
 * the document, and do not stop the other rules or files.
 */
class FaultyPolicyTest {

  private static final String POOL =
      """
      {"id": "p1", "vmSize": "STANDARD_D2S_V5",
       "virtualMachineConfiguration": {
         "imageReference": {"publisher": "canonical", "offer": "0001-com-ubuntu-server-jammy",
                            "sku": "22_04-lts", "version": "latest"},
         "nodeAgentSKUId": "batch.node.ubuntu 22.04"}}
      """;

  @TempDir Path dir;

  private static PoolDocument pool() {
    var doc =
        new DocumentLoader(LoaderLimits.defaults())
            .load("pool.json", Optional.empty(), POOL.getBytes(StandardCharsets.UTF_8))
            .get(0);
    return new KindDetection().extract(doc, Optional.of(DocumentKind.DATA_PLANE)).pools().get(0);
  }

  private static RuleContext context() {
    return new RuleContext(Workspace.AS_OF, new ObjectMapper().createObjectNode());
  }

  private static Rule deny(String bundle, PolicyLimits limits) {
    return UserPolicies.load(List.of(Workspace.policy(bundle)), "main", 1, limits).stream()
        .filter(r -> r.descriptor().id().endsWith("-deny"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void loopingPolicyIsStoppedWhenItsTimeBudgetRunsOut() {
    Rule rule = deny("looping", new PolicyLimits(Duration.ofMillis(500), Duration.ZERO, 256));
    PoolDocument pool = pool();
    PoolcheckException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> assertThrows(PoolcheckException.class, () -> rule.check(pool, context())));
    assertTrue(e.getMessage().contains("looping.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("time budget of 500 ms"), e.getMessage());
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak");
  }

  @Test
  void memoryHungryPolicyIsStoppedAtItsMemoryCap() {
    Rule rule = deny("memory-hungry", new PolicyLimits(Duration.ofSeconds(60), Duration.ZERO, 8));
    PoolDocument pool = pool();
    PoolcheckException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> assertThrows(PoolcheckException.class, () -> rule.check(pool, context())));
    assertTrue(e.getMessage().contains("memory-hungry.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("memory cap of 8 MiB"), e.getMessage());
  }

  /**
   * A rule stopped once is disabled for the rest of the run (issue 11: one budget, not one per
   * pool); the bundle's other rules still evaluate.
   */
  @Test
  void aRuleStoppedOnceIsDisabledAndTheBundlesOtherRulesStillRun() {
    Rule rule = deny("looping", new PolicyLimits(Duration.ofMillis(300), Duration.ZERO, 256));
    Rule warn =
        UserPolicies.load(
                List.of(Workspace.policy("looping")),
                "main",
                1,
                new PolicyLimits(Duration.ofMillis(300), Duration.ZERO, 256))
            .stream()
            .filter(r -> r.descriptor().id().endsWith("-warn"))
            .findFirst()
            .orElseThrow();
    PoolDocument pool = pool();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          assertThrows(PoolcheckException.class, () -> rule.check(pool, context()));
          assertThrows(PoolcheckException.class, () -> rule.check(pool, context()));
        });
    assertEquals(1, warn.check(pool, context()).size());
  }

  @Test
  void faultyPoliciesAreReportedWithBundleAndFileWhileEverythingElseIsChecked() {
    Workspace.write(dir.resolve("a.json"), POOL);
    Workspace.write(dir.resolve("b.json"), POOL.replace("\"p1\"", "\"p2\""));
    CheckResult r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120),
            () ->
                new Poolcheck()
                    .check(
                        Workspace.request(dir, "a.json", "b.json")
                            .threads(2)
                            .policies(
                                List.of(
                                    Workspace.policy("looping"),
                                    Workspace.policy("aborting"),
                                    Workspace.policy("conftest-style")))
                            .build()));
    for (String file : List.of("a.json", "b.json")) {
      for (String bundle : List.of("looping", "aborting")) {
        List<ToolError> about =
            r.errors().stream()
                .filter(e -> e.message().contains(bundle + ".tar.gz"))
                .filter(e -> e.message().contains(file))
                .toList();
        assertEquals(1, about.size(), () -> bundle + " on " + file + ": " + r.errors());
      }
      // The other rules of the faulty bundles, the other bundles and the built-ins still ran.
      assertEquals(
          1,
          Workspace.inFile(r, file).stream()
              .filter(f -> f.ruleId().equals("looping-warn"))
              .count());
      assertFalse(
          Workspace.withRule(r, "conftest-style-deny").stream()
              .noneMatch(f -> f.file().equals(file)));
    }
    assertTrue(
        r.errors().stream()
            .anyMatch(e -> e.message().contains("time budget") && e.message().contains("looping")),
        r.errors()::toString);
    assertEquals(CheckResult.EXIT_TOOL_ERROR, r.exitCode());
    for (String report : Workspace.reports(r).values()) {
      assertFalse(report.contains("\tat "), "no stack trace in a report");
      assertTrue(report.contains("looping"), report);
    }
  }
}
