package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.PoolDocument;
import org.junit.jupiter.api.Test;

/** {@link ManagementNormaliser}: what it reads and where each canonical value comes from. */
class ManagementNormaliserTest {

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
}
