package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ArmResourceNormaliser}: a bare ARM pool resource is an ARM pool. */
class ArmResourceNormaliserTest {

  private static final String RESOURCE =
      "{\"type\": \"Microsoft.Batch/batchAccounts/pools\", \"apiVersion\": \"2024-07-01\","
          + " \"name\": \"acct/pool1\", \"dependsOn\": [], \"properties\": {\"vmSize\":"
          + " \"Standard_D2s_v5\"}}";

  @Test
  void aBareResourceIsAnArmPool() {
    Extraction e = extract(Fixtures.one("pool.json", RESOURCE));
    assertEquals(Optional.of(DocumentKind.ARM_RESOURCE), e.kind());
    PoolDocument pool = onlyPool(e);
    assertEquals(DocumentKind.ARM_TEMPLATE, pool.kind());
    assertEquals("arm", pool.canonical().path("kind").asText());
    assertEquals("2024-07-01", pool.canonical().path("apiVersion").asText());
    assertEquals("/apiVersion", pool.pointers().toSource("/apiVersion"));
    assertEquals("pool1", pool.canonical().path("id").asText());
    assertEquals("arm-resource", pool.canonical().at("/source/form").asText());
  }

  @Test
  void thePoolTypeWithoutApiVersionIsAManagementBody() {
    Extraction e =
        extract(
            Fixtures.one(
                "get.json",
                "{\"type\": \"Microsoft.Batch/batchAccounts/pools\", \"name\": \"p\","
                    + " \"properties\": {\"vmSize\": \"Standard_D2s_v5\"}}"));
    assertEquals(Optional.of(DocumentKind.MANAGEMENT), e.kind());
  }
}
