package dev.poolcheck.engine.rego;

import static dev.poolcheck.engine.rego.TestPools.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInPoliciesTest {

  private static BuiltInPolicies policies;
  private static ExecutorService threads;

  @BeforeAll
  static void load() {
    policies = BuiltInPolicies.load();
    threads = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
  }

  static Stream<String> ruleIds() {
    return policies().rules().stream().map(r -> r.descriptor().id());
  }

  private static BuiltInPolicies policies() {
    return policies != null ? policies : BuiltInPolicies.load();
  }

  private static Rule rule(String id) {
    return policies.rules().stream()
        .filter(r -> r.descriptor().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> pointers(List<Violation> violations) {
    return violations.stream().map(Violation::pointer).sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void firesAtTheExpectedPointersOnItsBadFixture(String id) throws IOException {
    Path dir = REPO.resolve("fixtures/rules").resolve(id);
    List<String> expected =
        Files.readAllLines(dir.resolve("bad.expected.txt")).stream()
            .filter(l -> !l.isBlank())
            .sorted()
            .toList();
    List<Violation> found = rule(id).check(TestPools.ruleFixture(dir, "bad"), TestPools.context());
    assertEquals(expected, pointers(found));
    found.forEach(v -> assertEquals(Violation.PointerSpace.CANONICAL, v.space()));
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void staysQuietOnItsGoodFixture(String id) {
    Path dir = REPO.resolve("fixtures/rules").resolve(id);
    assertEquals(
        List.of(), rule(id).check(TestPools.ruleFixture(dir, "good"), TestPools.context()));
  }

  @Test
  void readsTheRuleMetadataFromTheMetadataBlocks() {
    RuleDescriptor d = rule("extension-customscript-reserved").descriptor();
    assertEquals("CustomScript extensions are reserved by Azure Batch", d.title());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("0.1.0", d.since());
    assertEquals(RuleDescriptor.builtInHelpUri(d.id()), d.helpUri());
    assertEquals(RuleDescriptor.Origin.BUILT_IN, d.origin());
    assertTrue(d.description().contains("reserved for the Azure Batch service"), d.description());
  }

  @Test
  void quotesTheReservationAndSuggestsAStartTask() {
    PoolDocument pool =
        TestPools.canonical(
            """
            {"scope": "pool", "virtualMachineConfiguration": {"extensions": [
              {"name": "setup", "publisher": "Microsoft.Compute", "type": "CustomScriptExtension"}]}}
            """);
    List<Violation> found =
        rule("extension-customscript-reserved").check(pool, TestPools.context());
    assertEquals(1, found.size());
    String message = found.get(0).message();
    assertTrue(
        message.contains(
            "\"The CustomScript extension type is reserved for the Azure Batch service and can't be"
                + " overridden.\""),
        message);
    assertTrue(message.contains("startTask"), message);
    assertTrue(message.startsWith("extension 'setup'"), message);
  }

  @Test
  void configuredExtensionsExtendTheDefaultAllowList() {
    PoolDocument pool =
        TestPools.canonical(
            """
            {"scope": "pool", "virtualMachineConfiguration": {"extensions": [
              {"name": "nw", "publisher": "Microsoft.Azure.NetworkWatcher",
               "type": "NetworkWatcherAgentLinux"},
              {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}]}}
            """);
    Rule notAllowed = rule("extension-not-allowed");
    assertEquals(1, notAllowed.check(pool, TestPools.context()).size());
    RuleContext configured =
        TestPools.context(
            "{\"allowedExtensions\": [{\"publisher\": \"microsoft.azure.networkwatcher\","
                + " \"type\": \"networkwatcheragentlinux\"}]}");
    assertEquals(List.of(), notAllowed.check(pool, configured));
  }

  @Test
  void defaultAllowListIsTheUnionOfTheSourceDocumentsAndTheCurrentList() {
    JsonNode list = policies.defaultData().path("allowedExtensions");
    Set<String> pairs = new TreeSet<>();
    Set<String> unverified = new TreeSet<>();
    list.forEach(
        e -> {
          assertTrue(e.path("source").isTextual(), e.toString());
          assertTrue(e.path("verified").isBoolean(), e.toString());
          String pair = e.path("publisher").asText() + "/" + e.path("type").asText();
          pairs.add(pair);
          if (!e.path("verified").asBoolean()) {
            unverified.add(pair);
          }
        });
    assertEquals(
        Set.of(
            "Microsoft.Azure.KeyVault/KeyVaultForLinux",
            "Microsoft.Azure.KeyVault/KeyVaultForWindows",
            "Microsoft.EnterpriseCloud.Monitoring/OmsAgentForLinux",
            "Microsoft.EnterpriseCloud.Monitoring/MicrosoftMonitoringAgent",
            "Microsoft.Azure.Security.Monitoring/AzureSecurityLinuxAgent",
            "Microsoft.Azure.Security.Monitoring/AzureSecurityWindowsAgent",
            "Microsoft.Powershell/DSC",
            "Microsoft.Azure.Diagnostics/IaaSDiagnostics",
            "Microsoft.HpcCompute/AmdGpuDriverWindows",
            "Microsoft.HpcCompute/NvidiaGpuDriverWindows",
            "Microsoft.HpcCompute/NvidiaGpuDriverLinux",
            "Microsoft.Azure.Security/IaaSAntimalware",
            "Microsoft.Azure.Monitor/AzureMonitorLinuxAgent",
            "Microsoft.Azure.Monitor/AzureMonitorWindowsAgent"),
        pairs);
    // FACTS.md §4: the Security Pack comes from public code, the other four from general knowledge.
    assertEquals(
        Set.of(
            "Microsoft.Azure.Security.Monitoring/AzureSecurityLinuxAgent",
            "Microsoft.Azure.Security.Monitoring/AzureSecurityWindowsAgent",
            "Microsoft.Powershell/DSC",
            "Microsoft.Azure.Diagnostics/IaaSDiagnostics",
            "Microsoft.HpcCompute/AmdGpuDriverWindows",
            "Microsoft.HpcCompute/NvidiaGpuDriverWindows",
            "Microsoft.HpcCompute/NvidiaGpuDriverLinux",
            "Microsoft.Azure.Security/IaaSAntimalware"),
        unverified);
  }

  @Test
  void appendsTheUsersAllowListAfterTheDefaultsOnceEach() {
    com.fasterxml.jackson.databind.node.ObjectNode configured = TestPools.JSON.createObjectNode();
    JsonNode firstDefault = policies.defaultData().path("allowedExtensions").get(0);
    configured
        .putArray("allowedExtensions")
        .add(firstDefault.deepCopy())
        .addObject()
        .put("publisher", "Contoso.Monitoring")
        .put("type", "ContosoAgent");
    int defaults = policies.defaultData().path("allowedExtensions").size();

    JsonNode list = policies.effectiveData(configured, null).path("allowedExtensions");

    assertEquals(defaults + 1, list.size(), "a default the user repeats is not added twice");
    assertEquals("Contoso.Monitoring", list.get(defaults).path("publisher").asText());
    assertEquals(defaults, policies.defaultData().path("allowedExtensions").size());
  }

  @Test
  void keysTheMergedAllowListForLookUpAndKeepsTheConfigurationFromSettingTheKeys() {
    com.fasterxml.jackson.databind.node.ObjectNode configured = TestPools.JSON.createObjectNode();
    configured
        .putArray("allowedExtensions")
        .addObject()
        .put("publisher", "Contoso.Monitoring")
        .put("type", "ContosoAgent");
    // A configuration cannot smuggle in its own keys: poolcheck.* is the engine's.
    configured.putObject("poolcheck").putObject("allowedExtensionKeys").put("evil/agent", true);

    JsonNode keys =
        policies.effectiveData(configured, null).path("poolcheck").path("allowedExtensionKeys");

    assertTrue(keys.path("contoso.monitoring/contosoagent").asBoolean(), keys.toString());
    assertTrue(keys.path("microsoft.azure.keyvault/keyvaultforlinux").asBoolean(), keys.toString());
    assertTrue(keys.path("evil/agent").isMissingNode(), keys.toString());
    assertEquals(policies.defaultData().path("allowedExtensions").size() + 1, keys.size());
    PoolDocument pool =
        TestPools.canonical(
            """
            {"scope": "pool", "virtualMachineConfiguration": {"extensions": [
              {"name": "c", "publisher": "CONTOSO.Monitoring", "type": "contosoagent"},
              {"name": "e", "publisher": "Evil", "type": "Agent"}]}}
            """);
    RuleContext context = TestPools.context(configured.toString());
    List<dev.poolcheck.engine.rule.Violation> found =
        rule("extension-not-allowed").check(pool, context);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("Evil/Agent"), found.toString());
  }

  @Test
  void givesThePoliciesTheRunDateAsAnIsoString() {
    JsonNode data =
        policies.effectiveData(
            TestPools.JSON.createObjectNode().put("poolcheck", "ignored"),
            java.time.LocalDate.of(2027, 1, 5));
    assertEquals("2027-01-05", data.path("poolcheck").path("asOf").asText());
    assertTrue(data.path("allowedExtensions").isArray());
  }

  @Test
  void judgesARetirementAgainstTheRunDateWithAPerFindingSeverity() {
    PoolDocument pool =
        TestPools.canonical(
            """
            {"scope": "pool", "virtualMachineConfiguration": {
              "imageReference": {"publisher": "canonical", "offer": "0001-com-ubuntu-server-jammy",
                                 "sku": "22_04-lts", "version": "latest"},
              "nodeAgentSkuId": "batch.node.ubuntu 22.04"}}
            """);
    Rule retired = rule("pool-image-retired");
    assertEquals(Severity.ERROR, retired.descriptor().severity());
    assertEquals(List.of(), retired.check(pool, contextOn(java.time.LocalDate.of(2026, 6, 30))));
    List<Violation> warned = retired.check(pool, contextOn(java.time.LocalDate.of(2026, 11, 27)));
    assertEquals(1, warned.size());
    assertEquals(Severity.WARNING, warned.get(0).severity());
    assertEquals("/virtualMachineConfiguration/nodeAgentSkuId", warned.get(0).pointer());
    List<Violation> failed = retired.check(pool, contextOn(java.time.LocalDate.of(2027, 7, 1)));
    assertEquals(Severity.ERROR, failed.get(0).severity());
  }

  @Test
  void reportsTheRemovedUbuntu1804AgentOfTheSourceDocument() {
    PoolDocument pool =
        TestPools.canonical(
            """
            {"kind": "management", "scope": "pool", "id": "test1", "vmSize": "STANDARD_DS2_V2",
             "virtualMachineConfiguration": {
              "imageReference": {"publisher": "canonical", "offer": "ubuntuserver",
                                 "sku": "18.04-lts", "version": "latest"},
              "nodeAgentSkuId": "batch.node.ubuntu 18.04"}}
            """);
    List<Violation> found = rule("pool-image-retired").check(pool, TestPools.context());
    assertEquals(1, found.size());
    assertEquals(Severity.ERROR, found.get(0).severity());
    assertTrue(found.get(0).message().contains("'batch.node.ubuntu 18.04' is retired"));
  }

  private static RuleContext contextOn(java.time.LocalDate asOf) {
    return new RuleContext(asOf, TestPools.JSON.createObjectNode());
  }

  @Test
  void poolLevelRuleDoesNotFireOnANodeExtension() {
    PoolDocument extension =
        TestPools.canonical(
            """
            {"scope": "extension", "cloudServiceConfiguration": {"extensions": [
              {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux"}]}}
            """);
    assertEquals(
        List.of(),
        rule("extensions-require-vm-configuration").check(extension, TestPools.context()));
  }

  @Test
  void evaluatesFromSeveralThreadsAtOnce() throws Exception {
    Rule customScript = rule("extension-customscript-reserved");
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int extensions = i % 5;
      results.add(
          threads.submit(
              () -> customScript.check(poolWith(extensions), TestPools.context()).size()));
    }
    for (int i = 0; i < 40; i++) {
      assertEquals(i % 5, results.get(i).get());
    }
  }

  private static PoolDocument poolWith(int customScripts) {
    String extensions =
        Stream.generate(() -> "{\"name\": \"s\", \"type\": \"CustomScript\"}")
            .limit(customScripts)
            .collect(Collectors.joining(","));
    return TestPools.canonical(
        "{\"scope\": \"pool\", \"virtualMachineConfiguration\": {\"extensions\": ["
            + extensions
            + "]}}");
  }

  @Test
  void bundleInTheJarIsBuiltFromThePoliciesFolderInThisBuild() throws IOException {
    Path rego = REPO.resolve("policies/rego");
    Set<String> sources;
    FileTime newestSource;
    try (Stream<Path> files = Files.walk(rego)) {
      List<Path> policyFiles =
          files
              .filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego"))
              .toList();
      sources =
          policyFiles.stream()
              .map(p -> "rego/" + rego.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
      newestSource =
          policyFiles.stream()
              .map(BuiltInPoliciesTest::modified)
              .max(FileTime::compareTo)
              .orElseThrow();
    }
    byte[] bundle;
    try (InputStream in =
        BuiltInPolicies.class.getResourceAsStream(BuiltInPolicies.RESOURCES + "builtin.tar.gz")) {
      bundle = in.readAllBytes();
    }
    Map<String, byte[]> entries =
        TarArchive.read(new GZIPInputStream(new ByteArrayInputStream(bundle)));
    Set<String> bundled =
        entries.keySet().stream()
            .filter(n -> n.endsWith(".rego"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(sources, bundled);
    Path built =
        Path.of(
            BuiltInPolicies.class
                .getResource(BuiltInPolicies.RESOURCES + "builtin.tar.gz")
                .getPath());
    assertTrue(
        modified(built).compareTo(newestSource) >= 0,
        "the bundle is older than the policies: rebuild the engine");
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
