package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.report.Finding;
import dev.poolcheck.engine.report.Severity;
import dev.poolcheck.engine.report.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PoolExtractorTest {

  private final PoolExtractor extractor = new PoolExtractor();

  private Extraction extract(String fixture) {
    return extractor.extract(Fixtures.single(fixture), Optional.empty());
  }

  private static PoolDocument onlyPool(Extraction e) {
    assertEquals(1, e.pools().size(), () -> "pools: " + e.pools());
    return e.pools().get(0);
  }

  /** Every canonical pointer to a value, depth first. */
  private static List<String> pointers(JsonNode node, String at) {
    List<String> all = new ArrayList<>();
    all.add(at);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        all.addAll(
            pointers(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        all.addAll(pointers(node.get(i), at + "/" + i));
      }
    }
    return all;
  }

  // --- detection -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "seed/put-body-completed.json, MANAGEMENT",
    "management/pool-keyvault-linux.json, MANAGEMENT",
    "management/pool-keyvault-linux.yaml, MANAGEMENT",
    "data-plane/pool-ubuntu.json, DATA_PLANE",
    "data-plane/pool-gallery-image.yaml, DATA_PLANE",
    "arm/template-top-level-pool.json, ARM_TEMPLATE",
    "arm/template-nested-pool.json, ARM_TEMPLATE",
    "seed/get-node-extension.json, NODE_EXTENSION",
    "node-extension/get-extension-succeeded.json, NODE_EXTENSION",
    "node-extension/get-extension-succeeded.yaml, NODE_EXTENSION"
  })
  void detectsTheKindOfEachGoodFixture(String fixture, DocumentKind kind) {
    Extraction e = extract(fixture);
    assertEquals(Optional.of(kind), e.kind());
    assertTrue(e.findings().isEmpty(), () -> e.findings().toString());
    assertTrue(Fixtures.single(fixture).problems().isEmpty());
    for (PoolDocument pool : e.pools()) {
      assertEquals(kind.id(), pool.canonical().get("kind").textValue());
      assertEquals(kind, pool.kind());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"other/package.json", "other/kubernetes-deployment.yaml"})
  void reportsFilesOfNoKnownKindOnceAsInfo(String fixture) {
    Extraction e = extract(fixture);
    assertTrue(e.kind().isEmpty());
    assertTrue(e.pools().isEmpty());
    assertEquals(1, e.findings().size());
    Finding f = e.findings().get(0);
    assertEquals("not-a-pool-definition", f.ruleId());
    assertEquals(Severity.INFO, f.severity());
    assertEquals("", f.pointer());
    assertEquals(SourceRange.FILE_START, f.range());
    assertEquals(fixture, f.file());
  }

  @ParameterizedTest
  @CsvSource({
    "seed/put-body-as-printed.json, syntax-error, 50",
    "management/pool-duplicate-key.json, duplicate-key, 16",
    "management/pool-missing-brace.yaml, syntax-error, 4",
    "data-plane/pool-trailing-comma.json, syntax-error, 10",
    "data-plane/pool-duplicate-key.yaml, duplicate-key, 10",
    "arm/template-truncated.json, syntax-error, 11",
    "arm/template-no-pool.json, not-a-pool-definition, 1",
    "node-extension/get-extension-failed.json, extension-status-failed, 5",
    "node-extension/get-extension-failed.yaml, extension-status-failed, 5",
    "node-extension/get-extension-settings-broken.json, settings-not-json, 18",
    "other/package.json, not-a-pool-definition, 1",
    "other/kubernetes-deployment.yaml, not-a-pool-definition, 1",
    "other/empty.json, not-a-pool-definition, 1"
  })
  void badFixturesGiveTheirFinding(String fixture, String ruleId, int line) {
    ParsedDocument doc = Fixtures.single(fixture);
    List<Finding> all = new ArrayList<>(doc.problems());
    all.addAll(extractor.extract(doc, Optional.empty()).findings());
    assertTrue(
        all.stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.line() == line),
        () -> fixture + ": " + all);
    assertTrue(all.stream().allMatch(f -> f.file().equals(fixture)));
  }

  @Test
  void forcedKindSkipsDetection() {
    ParsedDocument doc =
        Fixtures.one("p.json", "{\"id\": \"x\", \"displayName\": \"no vmSize yet\"}");
    assertTrue(extractor.extract(doc, Optional.empty()).kind().isEmpty());
    Extraction forced = extractor.extract(doc, Optional.of(DocumentKind.DATA_PLANE));
    assertEquals(Optional.of(DocumentKind.DATA_PLANE), forced.kind());
    assertEquals("x", onlyPool(forced).canonical().get("id").textValue());
    assertTrue(forced.findings().isEmpty());
  }

  @Test
  void leavesUnparsedDocumentsToTheLoaderFindings() {
    Extraction e =
        extractor.extract(Fixtures.single("seed/put-body-as-printed.json"), Optional.empty());
    assertTrue(e.kind().isEmpty());
    assertTrue(e.pools().isEmpty());
    assertTrue(e.findings().isEmpty());
  }

  @Test
  void treatsOnlyTheSecondDocumentOfAStreamAsNoPool() {
    List<ParsedDocument> docs = Fixtures.load("other/multi-document.yaml");
    assertEquals(
        Optional.of(DocumentKind.DATA_PLANE),
        extractor.extract(docs.get(0), Optional.empty()).kind());
    Extraction second = extractor.extract(docs.get(1), Optional.empty());
    assertEquals("not-a-pool-definition", second.findings().get(0).ruleId());
    assertEquals(12, second.findings().get(0).line());
  }

  // --- normalisation: every canonical pointer leads back to a written value ---------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed/put-body-completed.json",
        "management/pool-keyvault-linux.json",
        "management/pool-keyvault-linux.yaml",
        "data-plane/pool-ubuntu.json",
        "data-plane/pool-gallery-image.yaml",
        "arm/template-top-level-pool.json",
        "arm/template-nested-pool.json",
        "seed/get-node-extension.json",
        "node-extension/get-extension-succeeded.json",
        "node-extension/get-extension-succeeded.yaml"
      })
  void mapsEveryCanonicalPointerBackToTheSource(String fixture) {
    ParsedDocument doc = Fixtures.single(fixture);
    for (PoolDocument pool : extractor.extract(doc, Optional.empty()).pools()) {
      JsonNode root = doc.root().orElseThrow();
      for (String p : pointers(pool.canonical(), "")) {
        if (p.equals("/kind") || p.equals("/scope")) {
          continue;
        }
        String source = pool.pointers().toSource(p);
        assertTrue(doc.positions().value(source).isPresent(), fixture + ": " + p + " -> " + source);
        JsonNode canonical = pool.canonical().at(p);
        if (canonical.isValueNode()
            && !p.endsWith("/resourceId")
            && !source.startsWith("/vmExtension/settings/")) {
          // Values are copied unchanged (stringified settings are parsed from the string).
          assertEquals(canonical, root.at(source), fixture + ": " + p + " -> " + source);
        }
      }
    }
  }

  @Test
  void normalisesAManagementBody() {
    PoolDocument pool = onlyPool(extract("management/pool-keyvault-linux.json"));
    JsonNode c = pool.canonical();
    assertEquals("", pool.sourcePointer());
    assertEquals("pool", c.get("scope").textValue());
    assertEquals("render-pool", c.get("id").textValue());
    assertEquals("/name", pool.pointers().toSource("/id"));
    assertEquals("STANDARD_D4S_V5", c.get("vmSize").textValue());
    assertEquals("/properties/vmSize", pool.pointers().toSource("/vmSize"));
    assertEquals(
        "batch.node.ubuntu 24.04", c.at("/virtualMachineConfiguration/nodeAgentSkuId").textValue());
    assertEquals(
        "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId",
        pool.pointers()
            .toSource(
                "/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId"));
    String identity =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/batch-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pool-identity";
    assertEquals("UserAssigned", c.at("/identity/type").textValue());
    assertEquals(identity, c.at("/identity/userAssignedIdentities/0/resourceId").textValue());
    assertEquals(
        "/identity/userAssignedIdentities/" + identity.replace("/", "~1"),
        pool.pointers().toSource("/identity/userAssignedIdentities/0/resourceId"));
    assertTrue(c.path("properties").isMissingNode());
    assertTrue(c.path("deploymentConfiguration").isMissingNode());
  }

  @Test
  void normalisesADataPlaneBody() {
    PoolDocument pool = onlyPool(extract("data-plane/pool-gallery-image.yaml"));
    JsonNode c = pool.canonical();
    assertEquals("gallery-pool", c.get("id").textValue());
    assertEquals(
        "batch.node.ubuntu 24.04", c.at("/virtualMachineConfiguration/nodeAgentSkuId").textValue());
    assertTrue(c.at("/virtualMachineConfiguration/nodeAgentSKUId").isMissingNode());
    assertEquals(
        "/virtualMachineConfiguration/nodeAgentSKUId",
        pool.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
    assertTrue(
        c.at("/virtualMachineConfiguration/imageReference/id").textValue().endsWith("1.4.0"));
    assertEquals(
        "/virtualMachineConfiguration/imageReference/virtualMachineImageId",
        pool.pointers().toSource("/virtualMachineConfiguration/imageReference/id"));
    assertEquals("/autoScaleFormula", pool.pointers().toSource("/autoScaleFormula"));
  }

  @Test
  void movesDataPlaneCertificateReferencesToCertificates() {
    ParsedDocument doc =
        Fixtures.one(
            "p.json",
            "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\", \"certificateReferences\":"
                + " [{\"thumbprint\": \"abc\", \"thumbprintAlgorithm\": \"sha1\"}]}");
    PoolDocument pool = onlyPool(extractor.extract(doc, Optional.empty()));
    assertEquals("abc", pool.canonical().at("/certificates/0/thumbprint").textValue());
    assertEquals(
        "/certificateReferences/0/thumbprint",
        pool.pointers().toSource("/certificates/0/thumbprint"));
  }

  @Test
  void findsTopLevelArmPoolsAndKeepsExpressions() {
    PoolDocument pool = onlyPool(extract("arm/template-top-level-pool.json"));
    JsonNode c = pool.canonical();
    assertEquals("/resources/0", pool.sourcePointer());
    assertEquals("arm", c.get("kind").textValue());
    assertEquals("2025-06-01", c.get("apiVersion").textValue());
    assertEquals("/resources/0/apiVersion", pool.pointers().toSource("/apiVersion"));
    assertEquals("[parameters('vmSize')]", c.get("vmSize").textValue());
    assertTrue(PoolExtractor.isArmExpression(c.get("vmSize")));
    assertTrue(PoolExtractor.isArmExpression(c.get("id")));
    assertEquals(
        "[variables('identityId')]",
        c.at("/identity/userAssignedIdentities/0/resourceId").textValue());
    assertEquals(
        "/resources/0/properties/deploymentConfiguration/virtualMachineConfiguration/imageReference",
        pool.pointers().toSource("/virtualMachineConfiguration/imageReference"));
  }

  @Test
  void findsPoolsNestedUnderABatchAccount() {
    PoolDocument pool = onlyPool(extract("arm/template-nested-pool.json"));
    assertEquals("/resources/0/resources/0", pool.sourcePointer());
    assertEquals("windows-pool", pool.canonical().get("id").textValue());
    assertEquals(
        "/resources/0/resources/0/properties/scaleSettings/fixedScale/targetDedicatedNodes",
        pool.pointers().toSource("/scaleSettings/fixedScale/targetDedicatedNodes"));
  }

  @Test
  void findsPoolsInSymbolicResourcesNestedDeploymentsAndFullTypes() {
    String template =
        "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"languageVersion\": \"2.0\", \"contentVersion\": \"1.0.0.0\", \"resources\": {"
            + "\"account\": {\"type\": \"Microsoft.Batch/batchAccounts\", \"name\": \"acct\","
            + "  \"resources\": [{\"type\": \"Microsoft.Batch/batchAccounts/pools\", \"name\": \"a\"}]},"
            + "\"pool\": {\"type\": \"Microsoft.Batch/batchAccounts/pools\", \"name\": \"acct/b\"},"
            + "\"other\": {\"type\": \"Microsoft.Storage/storageAccounts\", \"name\": \"s\","
            + "  \"resources\": [{\"type\": \"pools\", \"name\": \"not-a-pool\"}]},"
            + "\"nested\": {\"type\": \"Microsoft.Resources/deployments\", \"name\": \"d\","
            + "  \"properties\": {\"template\": {\"resources\": ["
            + "    {\"type\": \"Microsoft.Batch/batchAccounts/pools\", \"name\": \"acct/c\"}]}}}}}";
    Extraction e = extractor.extract(Fixtures.one("t.json", template), Optional.empty());
    assertEquals(
        List.of("a", "b", "c"),
        e.pools().stream().map(p -> p.canonical().get("id").textValue()).toList());
    assertEquals(
        List.of(
            "/resources/account/resources/0",
            "/resources/pool",
            "/resources/nested/properties/template/resources/0"),
        e.pools().stream().map(PoolDocument::sourcePointer).toList());
  }

  @Test
  void reportsArmTemplatesWithoutPools() {
    Extraction e = extract("arm/template-no-pool.json");
    assertEquals(Optional.of(DocumentKind.ARM_TEMPLATE), e.kind());
    assertTrue(e.pools().isEmpty());
    assertEquals("not-a-pool-definition", e.findings().get(0).ruleId());
  }

  // --- node-extension responses ----------------------------------------------------------

  @Test
  void normalisesTheSeedNodeExtensionResponse() {
    Extraction e = extract("seed/get-node-extension.json");
    PoolDocument pool = onlyPool(e);
    JsonNode c = pool.canonical();
    assertEquals("extension", c.get("scope").textValue());
    JsonNode ext = c.at("/virtualMachineConfiguration/extensions/0");
    assertEquals("KVExtensions", ext.get("name").textValue());
    assertTrue(ext.get("settings").isObject());
    String canonical =
        "/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId";
    assertEquals("885b1a3d-f13c-4030-afcf-922f05044d78dc", c.at(canonical).textValue());
    String source = pool.pointers().toSource(canonical);
    assertEquals("/vmExtension/settings/authenticationSettings/msiClientId", source);
    SourceRange at = pool.source().positions().value(source).orElseThrow();
    assertEquals(9, at.start().line());
    assertTrue(at.start().column() > 500, at.toString());
    assertTrue(e.findings().isEmpty(), () -> e.findings().toString());
  }

  @Test
  void reportsFailedExtensionStatuses() {
    Extraction e = extract("node-extension/get-extension-failed.json");
    assertEquals(1, e.findings().size(), () -> e.findings().toString());
    Finding f = e.findings().get(0);
    assertEquals("extension-status-failed", f.ruleId());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("/instanceView/statuses/0", f.pointer());
    assertEquals(SourceRange.of(5, 7, 10, 8), f.range());
    assertTrue(f.message().contains("ProvisioningState/failed/-1"), f.message());
    assertTrue(f.message().contains("'kvcerts'"), f.message());
  }

  @Test
  void reportsUnparseableSettingsAndKeepsTheString() {
    Extraction e = extract("node-extension/get-extension-settings-broken.json");
    List<String> ids = e.findings().stream().map(Finding::ruleId).sorted().toList();
    assertEquals(List.of("extension-status-failed", "settings-not-json"), ids);
    Finding settings =
        e.findings().stream().filter(f -> f.ruleId().equals("settings-not-json")).findFirst().get();
    assertEquals("/vmExtension/settings", settings.pointer());
    assertEquals(18, settings.line());
    assertTrue(
        onlyPool(e)
            .canonical()
            .at("/virtualMachineConfiguration/extensions/0/settings")
            .isTextual());
  }

  @Test
  void reportsSettingsStringsThatHoldNoObject() {
    ParsedDocument doc =
        Fixtures.one("p.json", "{\"vmExtension\": {\"name\": \"x\", \"settings\": \"[1, 2]\"}}");
    Extraction e = extractor.extract(doc, Optional.empty());
    assertEquals("settings-not-json", e.findings().get(0).ruleId());
    assertEquals(SourceRange.of(1, 43, 1, 51), e.findings().get(0).range());
  }
}
