package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ArmTemplateNormaliser}: what it reads and where each canonical value comes from. */
class ArmTemplateNormaliserTest {

  @Test
  void findsTopLevelArmPoolsAndKeepsExpressions() {
    PoolDocument pool = onlyPool(extract("arm/template-top-level-pool.json"));
    JsonNode c = pool.canonical();
    assertEquals("/resources/0", pool.sourcePointer());
    assertEquals("arm", c.get("kind").textValue());
    assertEquals("2025-06-01", c.get("apiVersion").textValue());
    assertEquals("/resources/0/apiVersion", pool.pointers().toSource("/apiVersion"));
    assertEquals("[parameters('vmSize')]", c.get("vmSize").textValue());
    assertTrue(ArmTemplateNormaliser.isExpression(c.get("vmSize")));
    assertTrue(ArmTemplateNormaliser.isExpression(c.get("id")));
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
    Extraction e = extract(Fixtures.one("t.json", template));
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
}
