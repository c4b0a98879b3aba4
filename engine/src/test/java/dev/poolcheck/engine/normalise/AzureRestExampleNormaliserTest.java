package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link AzureRestExampleNormaliser} on Azure's own example files (fixtures/real-world/specs). */
class AzureRestExampleNormaliserTest {

  private static final String MGMT = "real-world/specs/mgmt/";
  private static final String DATA = "real-world/specs/data-plane/";

  @Test
  void checksTheRequestBodyAndTheResponseBodyOfACreateExample() {
    Extraction e = extract(MGMT + "2026-08-01/PoolCreate_MinimalVirtualMachineConfiguration.json");
    assertEquals(Optional.of(DocumentKind.AZURE_REST_EXAMPLE), e.kind());
    List<PoolDocument> pools = e.pools();
    assertEquals(2, pools.size());
    PoolDocument request = pools.get(0);
    PoolDocument response = pools.get(1);
    assertEquals(DocumentKind.MANAGEMENT, request.kind());
    assertEquals("/parameters/parameters", request.sourcePointer());
    assertEquals("request", request.canonical().path("documentRole").asText());
    assertEquals("create", request.canonical().path("operation").asText());
    assertEquals("2026-08-01", request.canonical().path("apiVersion").asText());
    assertEquals("/parameters/api-version", request.pointers().toSource("/apiVersion"));
    assertEquals("testpool", request.canonical().path("id").asText());
    assertEquals("/parameters/poolName", request.pointers().toSource("/id"));
    assertEquals(
        "/parameters/parameters/properties/deploymentConfiguration/virtualMachineConfiguration"
            + "/nodeAgentSkuId",
        request.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
    assertEquals("azure-rest-example", request.canonical().at("/source/form").asText());
    assertEquals("Pool_Create", request.canonical().at("/source/operationId").asText());

    assertEquals("/responses/200/body", response.sourcePointer());
    assertEquals("response", response.canonical().path("documentRole").asText());
    assertTrue(response.canonical().path("operation").isMissingNode());
    assertEquals("2026-08-01", response.canonical().path("apiVersion").asText());
    assertEquals("200", response.canonical().at("/source/status").asText());
    assertEquals("/responses/200/body/properties/vmSize", response.pointers().toSource("/vmSize"));
  }

  @Test
  void anUpdateExampleIsAnUpdate() {
    PoolDocument request = extract(MGMT + "2026-08-01/PoolUpdate_ResizePool.json").pools().get(0);
    assertEquals("update", request.canonical().path("operation").asText());
  }

  @Test
  void aGetExampleHasOnlyAResponse() {
    List<PoolDocument> pools = extract(MGMT + "2024-07-01/PoolGet.json").pools();
    assertEquals(1, pools.size());
    assertEquals("response", pools.get(0).canonical().path("documentRole").asText());
    assertEquals("2024-07-01", pools.get(0).canonical().path("apiVersion").asText());
  }

  @Test
  void readsADataPlaneCreateBodyUnderPool() {
    Extraction e = extract(DATA + "2024-07-01.20.0/PoolAdd_VirtualMachineConfiguration.json");
    assertEquals(1, e.pools().size(), "the 201 response has no body");
    PoolDocument pool = e.pools().get(0);
    assertEquals(DocumentKind.DATA_PLANE, pool.kind());
    assertEquals("/parameters/pool", pool.sourcePointer());
    assertEquals("create", pool.canonical().path("operation").asText());
    assertEquals("2024-07-01.20.0", pool.canonical().path("apiVersion").asText());
    assertEquals(
        "/parameters/pool/virtualMachineConfiguration/nodeAgentSKUId",
        pool.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
  }

  @Test
  void readsADataPlaneUpdateBodyUnderItsOwnParameterName() {
    PoolDocument pool = extract(DATA + "2024-07-01.20.0/PoolUpdate.json").pools().get(0);
    assertEquals("/parameters/poolUpdatePropertiesParameter", pool.sourcePointer());
    assertEquals("update", pool.canonical().path("operation").asText());
  }

  @Test
  void everyItemOfAListResponseIsItsOwnDocument() {
    List<PoolDocument> pools =
        extract(DATA + "2025-06-01.21.0/Nodes_ListNodeExtensions.json").pools();
    assertEquals(2, pools.size());
    for (int i = 0; i < 2; i++) {
      PoolDocument pool = pools.get(i);
      assertEquals(DocumentKind.NODE_EXTENSION, pool.kind());
      assertEquals("/responses/200/body/value/" + i, pool.sourcePointer());
      assertEquals(
          "/responses/200/body/value/" + i + "/vmExtension/type",
          pool.pointers().toSource("/virtualMachineConfiguration/extensions/0/type"));
    }
    assertEquals(
        "GenevaMonitoring",
        pools.get(1).canonical().at("/virtualMachineConfiguration/extensions/0/type").asText());
  }

  @Test
  void anExampleWithoutAPoolBodyIsNotAPoolDefinition() {
    Extraction e =
        extract(
            Fixtures.one(
                "PoolDelete.json",
                "{\"parameters\": {\"api-version\": \"2025-06-01\", \"poolName\": \"p\"},"
                    + " \"responses\": {\"200\": {}, \"204\": {}}}"));
    assertEquals(List.of(), e.pools());
    assertEquals("not-a-pool-definition", e.findings().get(0).ruleId());
  }

  @Test
  void operationComesFromTheOperationIdElseTheFileName() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode none = json.readTree("{}");
    assertEquals(
        "create",
        AzureRestExampleNormaliser.operation(
            json.readTree("{\"operationId\": \"Pools_CreatePool\"}"), "x.json"));
    assertEquals(
        "update",
        AzureRestExampleNormaliser.operation(
            json.readTree("{\"operationId\": \"Pool_Update\"}"), "x.json"));
    assertNull(
        AzureRestExampleNormaliser.operation(
            json.readTree("{\"operationId\": \"Pool_Get\"}"), "PoolCreate_x.json"));
    assertEquals("create", AzureRestExampleNormaliser.operation(none, "a/b/PoolAdd_OSDisk.json"));
    assertEquals("update", AzureRestExampleNormaliser.operation(none, "PoolUpdate.json"));
    assertNull(AzureRestExampleNormaliser.operation(none, "PoolGet_Basic.json"));
  }
}
