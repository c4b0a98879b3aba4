package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPoliciesTest {

  @TempDir Path temp;

  private static final PoolDocument POOL =
      TestPools.canonical(
          """
          {"scope": "pool", "id": "batch-1", "vmSize": "STANDARD_A1",
           "virtualMachineConfiguration": {"extensions": [
             {"name": "a", "publisher": "P", "type": "T"}, {"name": "b", "publisher": "P", "type": "U"}]}}
          """);

  static Path fixture(String name) {
    try {
      return Path.of(
          UserPoliciesTest.class.getResource("/fixtures/policies/" + name + ".tar.gz").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Rule rule(List<Rule> rules, String id) {
    return rules.stream().filter(r -> r.descriptor().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void denyAndWarnBecomeErrorAndWarningRules() {
    List<Rule> rules = UserPolicies.load(List.of(fixture("conftest-style")), null, 1);
    assertEquals(
        List.of("conftest-style-deny", "conftest-style-warn"),
        rules.stream().map(r -> r.descriptor().id()).sorted().toList());
    RuleDescriptor deny = rule(rules, "conftest-style-deny").descriptor();
    assertEquals(Severity.ERROR, deny.severity());
    assertEquals(RuleDescriptor.Origin.USER_POLICY, deny.origin());
    assertEquals(Severity.WARNING, rule(rules, "conftest-style-warn").descriptor().severity());
  }

  @Test
  void stringResultsPointAtThePoolAndObjectsAtTheirPointer() {
    Rule deny =
        rule(
            UserPolicies.load(List.of(fixture("conftest-style")), "main", 1),
            "conftest-style-deny");
    List<Violation> found =
        deny.check(POOL, TestPools.context()).stream()
            .sorted(java.util.Comparator.comparing(Violation::pointer))
            .toList();
    assertEquals(
        List.of(
            Violation.at("", "vmSize STANDARD_A1 is not allowed in this team"),
            Violation.at("/startTask", "the pool needs a start task")),
        found);
  }

  @Test
  void honoursTheBundleData() {
    Rule warn =
        rule(
            UserPolicies.load(List.of(fixture("conftest-style")), "main", 1),
            "conftest-style-warn");
    assertEquals(
        List.of(Violation.at("", "pool 'batch-1' has more than 1 extensions")),
        warn.check(POOL, TestPools.context()));
  }

  @Test
  void readsRulesFromTheConfiguredNamespace() {
    List<Rule> rules = UserPolicies.load(List.of(fixture("namespaced")), "acme.pools", 1);
    assertEquals(
        List.of("namespaced-violation"), rules.stream().map(r -> r.descriptor().id()).toList());
    assertEquals(
        List.of(Violation.at("/id", "pool ids must start with 'acme-'")),
        rules.get(0).check(POOL, TestPools.context()));
  }

  @Test
  void bundleWithoutDenyWarnOrViolationIsAnErrorNamingIt() {
    Path bundle = fixture("no-rules");
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> UserPolicies.load(List.of(bundle), null, 1));
    assertTrue(e.getMessage().contains(bundle.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("main/deny"), e.getMessage());
    assertTrue(e.getMessage().contains("main/allow"), e.getMessage());
  }

  @Test
  void wrongNamespaceIsAnErrorNamingTheBundle() {
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> UserPolicies.load(List.of(fixture("namespaced")), "main", 1));
    assertTrue(e.getMessage().contains("acme/pools/violation"), e.getMessage());
  }

  @Test
  void aPolicyThatAbortsIsAnErrorNamingTheBundle() {
    Rule deny = UserPolicies.load(List.of(fixture("aborting")), null, 1).get(0);
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> deny.check(POOL, TestPools.context()));
    assertTrue(e.getMessage().contains("aborting.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("main/deny"), e.getMessage());
  }

  @Test
  void garbageIsABrokenBundleError() throws IOException {
    Path bundle = Files.writeString(temp.resolve("policy.tar.gz"), "not a bundle");
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> UserPolicies.load(List.of(bundle), null, 1));
    assertTrue(
        e.getMessage().startsWith("policy bundle " + bundle + " cannot be used"), e.getMessage());
  }

  @Test
  void truncatedArchiveIsABrokenBundleError() throws IOException {
    byte[] whole = Files.readAllBytes(fixture("conftest-style"));
    Path bundle = Files.write(temp.resolve("cut.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> UserPolicies.load(List.of(bundle), null, 1));
    assertTrue(e.getMessage().contains(bundle.toString()), e.getMessage());
  }

  @Test
  void corruptWasmModuleIsABrokenBundleError() throws IOException {
    Path bundle =
        Files.write(temp.resolve("policy.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 42});
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> UserPolicies.load(List.of(bundle), null, 1));
    assertTrue(e.getMessage().contains(bundle.toString()), e.getMessage());
  }

  @Test
  void missingFileIsAnErrorNamingItAndSayingWhatToDo() {
    Path bundle = temp.resolve("nowhere.tar.gz");
    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> UserPolicies.load(List.of(bundle), null, 1));
    assertTrue(e.getMessage().contains(bundle + " does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("opa build -t wasm"), e.getMessage());
  }

  @Test
  void loadsABarePolicyWasm() throws IOException {
    Map<String, byte[]> entries =
        TarArchive.read(
            new GZIPInputStream(
                new ByteArrayInputStream(Files.readAllBytes(fixture("namespaced")))));
    Path wasm = Files.write(temp.resolve("Acme_Rules.wasm"), entries.get("policy.wasm"));
    List<Rule> rules = UserPolicies.load(List.of(wasm), "acme.pools", 1);
    assertEquals("acme-rules-violation", rules.get(0).descriptor().id());
    assertEquals(1, rules.get(0).check(POOL, TestPools.context()).size());
  }

  /**
   * Issue 11: the user bundles' instances (at most one per thread and bundle) share one overall
   * memory cap of 1 GiB, each getting at least 64 MiB; before, each had 512 MiB (8 GiB in all with
   * 8 threads and 2 bundles). The run's thread count reaches the limits through the registry.
   */
  @Test
  void userBundlesShareOneOverallMemoryCap() {
    assertEquals(512, PolicyLimits.forUserBundles(1, 1).maxMemoryMiB());
    assertEquals(512, PolicyLimits.forUserBundles(1, 2).maxMemoryMiB());
    assertEquals(256, PolicyLimits.forUserBundles(2, 2).maxMemoryMiB());
    assertEquals(128, PolicyLimits.forUserBundles(8, 1).maxMemoryMiB());
    assertEquals(64, PolicyLimits.forUserBundles(8, 2).maxMemoryMiB());
    assertEquals(64, PolicyLimits.forUserBundles(64, 10).maxMemoryMiB(), "never below the floor");

    List<Path> bundles = List.of(fixture("conftest-style"), fixture("aborting"));
    List<Rule> userRules =
        dev.poolcheck.engine.api.RuleRegistry.create(
                List.of(), List.of(), bundles, null, 1, getClass().getClassLoader(), 8)
            .rules()
            .stream()
            .filter(r -> r.descriptor().origin() == RuleDescriptor.Origin.USER_POLICY)
            .toList();
    assertTrue(userRules.size() >= 2, userRules::toString);
    for (Rule r : userRules) {
      PolicyLimits limits = UserPolicies.limitsOf(r).orElseThrow();
      assertEquals(64, limits.maxMemoryMiB(), r::toString);
      assertEquals(PolicyLimits.defaults().timeBudget(), limits.timeBudget());
    }
    List<Rule> oneThread = UserPolicies.load(List.of(fixture("conftest-style")), null, 1, 1);
    assertEquals(512, UserPolicies.limitsOf(oneThread.get(0)).orElseThrow().maxMemoryMiB());
  }
}
