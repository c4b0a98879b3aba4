package dev.poolcheck.engine.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KindDetectionTest {

  private final KindDetection extractor = new KindDetection();

  private static Extraction extract(String fixture) {
    return NormaliserFixtures.extract(fixture);
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
    "node-extension/get-extension-succeeded.yaml, NODE_EXTENSION",
    "terraform/render-pools.tf, TERRAFORM",
    "terraform/plan-modules.json, TERRAFORM_PLAN",
    "terraform/state.json, TERRAFORM_PLAN"
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
    assertEquals("x", NormaliserFixtures.onlyPool(forced).canonical().get("id").textValue());
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
        "node-extension/get-extension-succeeded.yaml",
        "terraform/render-pools.tf",
        "terraform/plan-modules.json",
        "terraform/provider-examples/docs-batch-pool-example.tf",
        "rules/keyvault-initial-sync-disabled/bad.terraform.tf"
      })
  void mapsEveryCanonicalPointerBackToTheSource(String fixture) {
    ParsedDocument doc = Fixtures.single(fixture);
    for (PoolDocument pool : extractor.extract(doc, Optional.empty()).pools()) {
      JsonNode root = doc.root().orElseThrow();
      for (String p : pointers(pool.canonical(), "")) {
        if (p.equals("/kind") || p.equals("/scope") || p.startsWith("/source")) {
          continue; // made by the normaliser, not copied
        }
        String source = pool.pointers().toSource(p);
        assertTrue(doc.positions().value(source).isPresent(), fixture + ": " + p + " -> " + source);
        JsonNode canonical = pool.canonical().at(p);
        if (canonical.isValueNode()
            && !p.endsWith("/resourceId")
            && !source.startsWith("/vmExtension/settings/")
            && !source.contains("/settings_json/")
            && !p.matches("/(metadata|startTask/environmentSettings)/\\d+/name")) {
          // Terraform: settings_json strings are parsed; map keys become {name, value} items.
          // Values are copied unchanged (stringified settings are parsed from the string).
          assertEquals(canonical, root.at(source), fixture + ": " + p + " -> " + source);
        }
      }
    }
  }
}
