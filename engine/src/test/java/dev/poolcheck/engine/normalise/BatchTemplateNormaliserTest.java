package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link BatchTemplateNormaliser} on Batch CLI-extension and BatchExplorer templates. */
class BatchTemplateNormaliserTest {

  @Test
  void readsTheDataPlanePoolOfACliExtensionTemplate() {
    Extraction e = extract("real-world/batch-cli-extensions/hello-world-pool.json");
    assertEquals(Optional.of(DocumentKind.BATCH_TEMPLATE), e.kind());
    PoolDocument pool = onlyPool(e);
    assertEquals(DocumentKind.DATA_PLANE, pool.kind());
    assertEquals("/pool/properties", pool.sourcePointer());
    assertEquals("2022-06-01", pool.canonical().path("apiVersion").asText());
    assertEquals("/pool/apiVersion", pool.pointers().toSource("/apiVersion"));
    assertEquals("[parameters('vmSize')]", pool.canonical().path("vmSize").asText());
    assertEquals(
        "batch.node.ubuntu 18.04",
        pool.canonical().at("/virtualMachineConfiguration/nodeAgentSkuId").asText());
    assertEquals(
        "/pool/properties/virtualMachineConfiguration/nodeAgentSKUId",
        pool.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
    assertEquals("batch-template", pool.canonical().at("/source/form").asText());
  }

  @Test
  void replacesAWholeValueVariableAndPointsIntoTheVariable() {
    PoolDocument pool =
        onlyPool(extract("real-world/batchexplorer/blender-render-linux-pool.template.json"));
    assertEquals("/pool", pool.sourcePointer());
    assertEquals(
        "batch.node.ubuntu 16.04",
        pool.canonical().at("/virtualMachineConfiguration/nodeAgentSkuId").asText());
    assertEquals(
        "/variables/osType/nodeAgentSKUId",
        pool.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
    assertEquals(
        "/variables/osType/imageReference/sku",
        pool.pointers().toSource("/virtualMachineConfiguration/imageReference/sku"));
    assertEquals("/pool/vmSize", pool.pointers().toSource("/vmSize"));
  }

  @Test
  void keepsAVariableThatHoldsAnExpressionUnknown() {
    PoolDocument pool =
        onlyPool(
            extract(
                Fixtures.one(
                    "t.json",
                    "{\"parameters\": {}, \"variables\": {\"vm\": {\"nodeAgentSKUId\":"
                        + " \"[parameters('agent')]\"}}, \"pool\": {\"id\": \"p\", \"vmSize\":"
                        + " \"standard_d2s_v5\", \"virtualMachineConfiguration\":"
                        + " \"[variables('vm')]\"}}")));
    assertTrue(pool.canonical().path("virtualMachineConfiguration").isTextual());
  }
}
