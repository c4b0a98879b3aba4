package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.document.PositionIndex;
import dev.poolcheck.engine.document.SourceFile;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The schema checks judge a pool by the api-version it is checked against (canonical {@code
 * resolvedApiVersion}) and by its role (request or response). The version differences used here are
 * the real ones of the spec excerpts (schemas/generator/specs/SOURCES.txt).
 */
class VersionedSchemaChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MANAGEMENT_2024 =
      """
      {"properties": {
        "vmSize": "STANDARD_D2S_V3",
        "targetNodeCommunicationMode": "Simplified",
        "resourceTags": {"team": "render"},
        "applicationLicenses": ["maya"],
        "deploymentConfiguration": {"virtualMachineConfiguration": {
          "imageReference": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
          "nodeAgentSkuId": "batch.node.ubuntu 24.04",
          "dataDisks": [{"lun": 0, "diskSizeGB": 128, "storageAccountType": "Premium_LRS"}]
        }}
      }}
      """;

  @Test
  void propertiesOfTheCheckedVersionAreNotFindings() {
    assertEquals(List.of(), findings(DocumentKind.MANAGEMENT, MANAGEMENT_2024, "2024-07-01", null));
  }

  @Test
  void propertiesRemovedSinceAreExplainedWithTheVersionNotAsTypos() {
    List<String> found = findings(DocumentKind.MANAGEMENT, MANAGEMENT_2024, "2026-08-01", null);
    assertEquals(
        List.of(
            "schema-unknown-property /properties/applicationLicenses: `applicationLicenses` was"
                + " removed in api-version 2025-06-01 (the document is checked against 2026-08-01);"
                + " remove it, or target api-version 2024-07-01 where it still exists",
            "schema-unknown-property"
                + " /properties/deploymentConfiguration/virtualMachineConfiguration/dataDisks/0/storageAccountType:"
                + " `storageAccountType` was removed in api-version 2026-08-01 (the document is"
                + " checked against 2026-08-01); remove it, or target api-version 2025-06-01 where"
                + " it still exists",
            "schema-unknown-property /properties/resourceTags: `resourceTags` was removed in"
                + " api-version 2025-06-01 (the document is checked against 2026-08-01); remove it,"
                + " or target api-version 2024-07-01 where it still exists",
            "schema-unknown-property /properties/targetNodeCommunicationMode:"
                + " `targetNodeCommunicationMode` was removed in api-version 2025-06-01 (the"
                + " document is checked against 2026-08-01); remove it, or target api-version"
                + " 2024-07-01 where it still exists"),
        found);
    assertTrue(found.stream().noneMatch(m -> m.contains("did you mean")), found::toString);
  }

  @Test
  void aPropertyAddedLaterSaysSo() {
    String body =
        "{\"properties\": {\"vmSize\": \"s\", \"upgradePolicy\": {\"mode\": \"manual\"}}}";
    assertEquals(
        List.of(
            "schema-unknown-property /properties/upgradePolicy: `upgradePolicy` was added in"
                + " api-version 2024-07-01 (the document is checked against 2024-02-01); target"
                + " api-version 2024-07-01 or later, or remove it"),
        findings(DocumentKind.MANAGEMENT, body, "2024-02-01", null));
  }

  @Test
  void suggestionsStayAtTheSameLevel() {
    // resourceTag is one edit from resourceTags, which 2026-08-01 no longer has; resourceFiles is
    // inside startTask: neither is suggested.
    String body = "{\"properties\": {\"vmSize\": \"s\", \"resourceTag\": {}}}";
    List<String> found = findings(DocumentKind.MANAGEMENT, body, "2026-08-01", null);
    assertEquals(1, found.size(), found::toString);
    assertFalse(found.get(0).contains("resourceFiles"), found.get(0));
    assertFalse(found.get(0).contains("startTask"), found.get(0));
  }

  @Test
  void theDeclaredVersionIsUsedWhenTheEngineSetNone() {
    ObjectNode canonical = JsonNodeFactory.instance.objectNode().put("apiVersion", "2024-07-01");
    assertEquals(List.of(), findings(DocumentKind.MANAGEMENT, MANAGEMENT_2024, canonical));
  }

  @Test
  void azBatchPoolShowOutputIsAResponse() {
    // The shape `az batch pool show` prints (data plane CloudPool): read-only and response-only
    // members are expected, the user account's password is never returned.
    String show =
        """
        {"id": "p1", "url": "https://acct.westus.batch.azure.com/pools/p1", "eTag": "0x8D",
         "lastModified": "2024-01-01T00:00:00Z", "creationTime": "2024-01-01T00:00:00Z",
         "state": "active", "stateTransitionTime": "2024-01-01T00:00:00Z",
         "allocationState": "steady", "allocationStateTransitionTime": "2024-01-01T00:00:00Z",
         "vmSize": "standard_d2s_v3", "currentDedicatedNodes": 2, "currentLowPriorityNodes": 0,
         "targetDedicatedNodes": 2, "enableAutoScale": false, "taskSlotsPerNode": 1,
         "currentNodeCommunicationMode": "simplified",
         "userAccounts": [{"name": "ops", "elevationLevel": "admin"}],
         "virtualMachineConfiguration": {
           "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server",
                              "version": "latest", "exactVersion": "24.04.202401010"},
           "nodeAgentSKUId": "batch.node.ubuntu 24.04"}}
        """;
    for (String version : List.of("2024-07-01.20.0", "2025-06-01.21.0")) {
      assertEquals(List.of(), findings(DocumentKind.DATA_PLANE, show, version, null), version);
    }
  }

  @Test
  void aManagementResponseExpectsReadOnlyMembersButARequestStillGetsTheWarning() {
    String get =
        """
        {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Batch/batchAccounts/a/pools/p",
         "name": "p", "type": "Microsoft.Batch/batchAccounts/pools", "etag": "W/\\"0x8D\\"",
         "properties": {"vmSize": "STANDARD_D2S_V3", "provisioningState": "Succeeded",
           "allocationState": "Steady", "currentDedicatedNodes": 1,
           "userAccounts": [{"name": "ops"}]}}
        """;
    assertEquals(List.of(), findings(DocumentKind.MANAGEMENT, get, "2026-08-01", "response"));
    List<String> request = findings(DocumentKind.MANAGEMENT, get, "2026-08-01", null);
    assertTrue(
        request.stream().anyMatch(m -> m.startsWith("schema-read-only-property /etag")),
        request::toString);
    assertTrue(
        request.stream()
            .anyMatch(m -> m.startsWith("schema-required-property /properties/userAccounts/0")),
        request::toString);
  }

  @Test
  void dataPlaneVersionsFollowTheirOwnSpecs() {
    String body =
        "{\"id\": \"p\", \"vmSize\": \"s\", \"cloudServiceConfiguration\": {\"osFamily\": \"6\"}}";
    assertEquals(List.of(), findings(DocumentKind.DATA_PLANE, body, "2024-02-01.19.0", null));
    List<String> newest = findings(DocumentKind.DATA_PLANE, body, "2025-06-01.21.0", null);
    assertEquals(1, newest.size(), newest::toString);
    assertTrue(newest.get(0).contains("was removed in api-version 2024-07-01.20.0"), newest.get(0));
  }

  private static List<String> findings(
      DocumentKind kind, String text, String resolvedVersion, String role) {
    ObjectNode canonical = JsonNodeFactory.instance.objectNode();
    canonical.put("resolvedApiVersion", resolvedVersion);
    if (role != null) {
      canonical.put("documentRole", role);
    }
    return findings(kind, text, canonical);
  }

  private static List<String> findings(DocumentKind kind, String text, JsonNode canonical) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test input", e);
    }
    SourceFile file = new SourceFile("test.json", Optional.empty(), text, SourceFile.Format.JSON);
    ParsedDocument parsed =
        new ParsedDocument(file, 0, Optional.of(root), new PositionIndex(), List.of());
    PoolDocument pool = new PoolDocument(parsed, kind, "", canonical, new PointerMap());
    RuleContext context =
        new RuleContext(LocalDate.of(2026, 11, 27), JsonNodeFactory.instance.objectNode());
    List<String> out = new ArrayList<>();
    for (Rule rule : SchemaRules.poolBody()) {
      for (Violation v : rule.check(pool, context)) {
        out.add(rule.descriptor().id() + " " + v.pointer() + ": " + v.message());
      }
    }
    out.sort(String::compareTo);
    return out;
  }
}
