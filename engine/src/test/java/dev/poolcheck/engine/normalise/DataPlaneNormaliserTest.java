package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import org.junit.jupiter.api.Test;

/** {@link DataPlaneNormaliser}: what it reads and where each canonical value comes from. */
class DataPlaneNormaliserTest {

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
    PoolDocument pool = onlyPool(extract(doc));
    assertEquals("abc", pool.canonical().at("/certificates/0/thumbprint").textValue());
    assertEquals(
        "/certificateReferences/0/thumbprint",
        pool.pointers().toSource("/certificates/0/thumbprint"));
  }
}
