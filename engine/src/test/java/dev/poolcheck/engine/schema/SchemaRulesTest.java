package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first example of the seed document, with its missing closing braces added. */
  static final String SEED_PUT_BODY =
      """
      {
          "name": "test1",
          "type": "Microsoft.Batch/batchAccounts/pools",
          "properties": {
              "vmSize": "STANDARD_DS2_V2",
              "taskSchedulingPolicy": {"nodeFillType": "Pack"},
              "deploymentConfiguration": {
                  "virtualMachineConfiguration": {
                      "imageReference": {
                          "publisher": "canonical", "offer": "ubuntuserver",
                          "sku": "18.04-lts", "version": "latest"
                      },
                      "nodeAgentSkuId": "batch.node.ubuntu 18.04",
                      "extensions": [
                          {
                              "name": "secretext",
                              "type": "KeyVaultForLinux",
                              "publisher": "Microsoft.Azure.KeyVault",
                              "typeHandlerVersion": "1.0",
                              "autoUpgradeMinorVersion": true,
                              "settings": {
                                  "secretsManagementSettings": {
                                      "pollingIntervalInS": "300",
                                      "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault",
                                      "requireInitialSync": true,
                                      "observedCertificates": [
                                          "https://testkvwestus2.vault.azure.net/secrets/authsecreat"
                                      ]
                                  },
                                  "authenticationSettings": {
                                      "msiEndpoint": "http://169.254.169.254/metadata/identity",
                                      "msiClientId": "885b1a3d-f13c-4030-afcf-9f05044d78dc"
                                  }
                              },
                              "protectedSettings":{}
                          }
                      ]
                  }
              },
              "scaleSettings": {
                  "fixedScale": {
                      "targetDedicatedNodes": 1,
                      "targetLowPriorityNodes": 0,
                      "resizeTimeout": "PT15M"
                  }
              }
          }
      }
      """;

  /** The second example of the seed document: a node extension GET response. */
  static final String SEED_NODE_EXTENSION =
      """
      {
        "odata.metadata":"https://testwestus2batch.westus2.batch.azure.com/$metadata#extensions/@Element",
        "instanceView":{"name":"secretext","statuses":[{"code":"ProvisioningState/succeeded","level":0,
          "displayStatus":"Provisioning succeeded","message":"Successfully started Key Vault extension service."}]},
        "vmExtension":{
          "name":"KVExtensions","publisher":"Microsoft.Azure.KeyVault","type":"KeyVaultForLinux",
          "typeHandlerVersion":"1.0","autoUpgradeMinorVersion":true,
          "settings":"{\\r\\n  \\"secretsManagementSettings\\": {\\r\\n    \\"pollingIntervalInS\\": \\"300\\"\\r\\n  }\\r\\n}"
        }
      }
      """;

  static final String DATA_PLANE_BODY =
      """
      {
        "id": "pool1",
        "vmSize": "standard_d2s_v5",
        "virtualMachineConfiguration": {
          "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
          "nodeAgentSKUId": "batch.node.ubuntu 24.04",
          "extensions": [{"name": "kv", "publisher": "Microsoft.Azure.KeyVault",
            "type": "KeyVaultForLinux", "typeHandlerVersion": "3.0",
            "settings": {"secretsManagementSettings": {"pollingIntervalInS": "3600",
              "observedCertificates": ["https://kv.vault.azure.net/secrets/c"]}}}]
        },
        "targetDedicatedNodes": 2,
        "resizeTimeout": "PT15M",
        "taskSchedulingPolicy": {"nodeFillType": "spread"}
      }
      """;

  static final String ARM_TEMPLATE =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"vmSize": {"type": "string"}},
        "resources": [
          {"type": "Microsoft.Batch/batchAccounts", "apiVersion": "2024-07-01", "name": "acct",
           "location": "westeurope"},
          {
            "type": "Microsoft.Batch/batchAccounts/pools",
            "apiVersion": "2025-06-01",
            "name": "[concat('acct', '/pool1')]",
            "dependsOn": ["[resourceId('Microsoft.Batch/batchAccounts', 'acct')]"],
            "identity": {"type": "UserAssigned", "userAssignedIdentities": {
              "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]": {}}},
            "properties": {
              "vmSize": "[parameters('vmSize')]",
              "taskSlotsPerNode": "[parameters('slots')]",
              "deploymentConfiguration": {
                "virtualMachineConfiguration": {
                  "imageReference": "[variables('image')]",
                  "nodeAgentSkuId": "batch.node.ubuntu 22.04"
                }
              },
              "scaleSettings": {"fixedScale": {"targetDedicatedNodes": 1, "resizeTimeout": "[variables('t')]"}}
            }
          }
        ]
      }
      """;

  // --- management plane

  @Test
  void seedPutBodyHasNoSchemaFindings() {
    assertEquals(List.of(), findings(DocumentKind.MANAGEMENT, SEED_PUT_BODY, ""));
  }

  @Test
  void officialExtensionsExampleValidates() {
    // Request body of examples/2025-06-01/PoolCreate_VirtualMachineConfiguration_Extensions.json
    // (Azure/azure-rest-api-specs, see FACTS.md §1.5).
    String body =
        """
        {"properties": {
          "deploymentConfiguration": {"virtualMachineConfiguration": {
            "imageReference": {"offer": "0001-com-ubuntu-server-focal", "publisher": "Canonical",
                               "sku": "20_04-lts"},
            "nodeAgentSkuId": "batch.node.ubuntu 20.04",
            "extensions": [{"name": "batchextension1", "type": "KeyVaultForLinux",
              "autoUpgradeMinorVersion": true, "enableAutomaticUpgrade": true,
              "publisher": "Microsoft.Azure.KeyVault",
              "settings": {"authenticationSettingsKey": "authenticationSettingsValue",
                           "secretsManagementSettingsKey": "secretsManagementSettingsValue"},
              "typeHandlerVersion": "2.0"}]}},
          "scaleSettings": {"autoScale": {"evaluationInterval": "PT5M",
                                          "formula": "$TargetDedicatedNodes=1"}},
          "vmSize": "STANDARD_D4"}}
        """;
    assertEquals(List.of(), findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void explicitNullIsReadAsNotGivenButOtherWrongTypesAreReported() {
    // Azure's own PoolCreate_SecurityProfile example writes "secureBootEnabled": null.
    String body =
        """
        {"properties": {"vmSize": "STANDARD_D2S_V5", "deploymentConfiguration": {
          "virtualMachineConfiguration": {
            "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
            "nodeAgentSkuId": "batch.node.ubuntu 24.04",
            "securityProfile": {"securityType": "trustedLaunch",
              "uefiSettings": {"secureBootEnabled": null, "vTpmEnabled": "yes"}}}}}}
        """;
    assertEquals(
        List.of(
            "schema-invalid-value /properties/deploymentConfiguration/virtualMachineConfiguration"
                + "/securityProfile/uefiSettings/vTpmEnabled: `vTpmEnabled` must be a boolean, not"
                + " a string"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void aRequiredPropertyWrittenInAnotherCaseIsNotCalledMissing() {
    // Azure's PoolCreate_DualStackNetworking (management 2025-06-01) sends the data-plane spelling
    // nodeAgentSKUId; its response returns the value under nodeAgentSkuId.
    String body =
        """
        {"properties": {"vmSize": "STANDARD_D2S_V5", "deploymentConfiguration": {
          "virtualMachineConfiguration": {
            "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"},
            "nodeAgentSKUId": "batch.node.ubuntu 24.04"}},
          "networkConfiguration": {"endpointConfiguration": {"inboundNATPools": []}}}}
        """;
    assertEquals(
        List.of(
            "schema-unknown-property /properties/deploymentConfiguration/virtualMachineConfiguration"
                + "/nodeAgentSKUId: `nodeAgentSKUId` is written in another letter case than the API"
                + " spec's `nodeAgentSkuId`: write it that way (the spec does not say whether"
                + " property names are matched case-insensitively)",
            "schema-unknown-property /properties/networkConfiguration/endpointConfiguration"
                + "/inboundNATPools: `inboundNATPools` is written in another letter case than the"
                + " API spec's `inboundNatPools`: write it that way (the spec does not say whether"
                + " property names are matched case-insensitively)"),
        findings(DocumentKind.MANAGEMENT, body, ""));
    // Truly absent, it is still missing.
    String absent =
        """
        {"properties": {"vmSize": "STANDARD_D2S_V5", "deploymentConfiguration": {
          "virtualMachineConfiguration": {
            "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server"}}}}}
        """;
    assertEquals(
        List.of(
            "schema-required-property /properties/deploymentConfiguration/virtualMachineConfiguration:"
                + " `virtualMachineConfiguration` is missing the required property `nodeAgentSkuId`;"
                + " add it"),
        findings(DocumentKind.MANAGEMENT, absent, ""));
  }

  @Test
  void reportsWrongTypeAndWarnsAboutTheCaseOfAnEnumWithoutClaimingCaseSensitivity() {
    String body =
        """
        {"properties": {"vmSize": 5, "taskSchedulingPolicy": {"nodeFillType": "spread"},
          "scaleSettings": {"fixedScale": {"resizeTimeout": "15 minutes"}}}}
        """;
    assertEquals(
        List.of(
            "schema-invalid-value /properties/scaleSettings/fixedScale/resizeTimeout:"
                + " `resizeTimeout` must be an ISO 8601 duration such as `PT15M` (found \"15 minutes\")",
            "schema-enum-case /properties/taskSchedulingPolicy/nodeFillType:"
                + " `nodeFillType` is written `spread`; the API spec spells it `Spread`: write it"
                + " that way (the spec does not say whether other casings are accepted)",
            "schema-invalid-value /properties/vmSize: `vmSize` must be a string, not an integer"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void reportsMissingRequiredPropertyAtItsParent() {
    String body =
        """
        {"properties": {"vmSize": "STANDARD_D2S_V5", "deploymentConfiguration": {
          "virtualMachineConfiguration": {"imageReference": {"publisher": "canonical"},
            "extensions": [{"name": "kv", "type": "KeyVaultForLinux"}]}}}}
        """;
    assertEquals(
        List.of(
            "schema-required-property /properties/deploymentConfiguration/virtualMachineConfiguration:"
                + " `virtualMachineConfiguration` is missing the required property `nodeAgentSkuId`;"
                + " add it",
            "schema-required-property"
                + " /properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0:"
                + " `extensions[0]` is missing the required property `publisher`; add it"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void suggestsTheNearestPropertyNameForATypo() {
    String body =
        "{\"properties\": {\"vmSize\": \"STANDARD_D2S_V5\", \"virtualMachineConfig\": {}}}";
    assertEquals(
        List.of(
            "schema-unknown-property /properties/virtualMachineConfig: `virtualMachineConfig` is"
                + " not a pool property; did you mean `virtualMachineConfiguration` inside"
                + " `deploymentConfiguration`?"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void suggestsTheSiblingNameForATruncatedDataPlaneProperty() {
    String body = "{\"id\": \"p\", \"vmSize\": \"s\", \"virtualMachineConfig\": {}}";
    assertEquals(
        List.of(
            "schema-unknown-property /virtualMachineConfig: `virtualMachineConfig` is not a pool"
                + " property; did you mean `virtualMachineConfiguration`?"),
        findings(DocumentKind.DATA_PLANE, body, ""));
  }

  @Test
  void suggestsNameInsideNestedObject() {
    String body =
        """
        {"properties": {"scaleSettings": {"fixedScale": {"targetDedicatedNode": 1}}}}
        """;
    assertEquals(
        List.of(
            "schema-unknown-property /properties/scaleSettings/fixedScale/targetDedicatedNode:"
                + " `targetDedicatedNode` is not a property of `fixedScale`; did you mean"
                + " `targetDedicatedNodes`?"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void warnsAboutReadOnlyPropertiesFromAGetResponseButNotNameAndType() {
    String body =
        """
        {"name": "p", "type": "Microsoft.Batch/batchAccounts/pools", "id": "/subscriptions/x",
         "etag": "W/\\"0x8D4\\"",
         "properties": {"vmSize": "STANDARD_D4", "allocationState": "Resizing",
                        "currentDedicatedNodes": 0}}
        """;
    List<String> found = findings(DocumentKind.MANAGEMENT, body, "");
    assertEquals(
        List.of("/etag", "/id", "/properties/allocationState", "/properties/currentDedicatedNodes"),
        found.stream().map(f -> f.split(" ")[1].replace(":", "")).toList());
    assertTrue(
        found.stream().allMatch(f -> f.startsWith("schema-read-only-property ")), found::toString);
    assertTrue(found.get(0).contains("comes from a GET response"), found.get(0));
  }

  // --- data plane

  @Test
  void dataPlaneBodyWithNestedExtensionSettingsHasNoFindings() {
    assertEquals(List.of(), findings(DocumentKind.DATA_PLANE, DATA_PLANE_BODY, ""));
  }

  @Test
  void reportsEachKindOfProblemInDataPlaneBody() {
    String body =
        """
        {"vmSize": "standard_d2s_v5", "enableAutoScale": "yes", "targetDedicatedNode": 1,
         "virtualMachineConfiguration": {"imageReference": {"exactVersion": "1.0.0"},
                                         "nodeAgentSKUId": "batch.node.ubuntu 24.04"}}
        """;
    assertEquals(
        List.of(
            "schema-required-property : the pool body is missing the required property `id`; add it",
            "schema-invalid-value /enableAutoScale: `enableAutoScale` must be a boolean, not a string",
            "schema-unknown-property /targetDedicatedNode: `targetDedicatedNode` is not a pool"
                + " property; did you mean `targetDedicatedNodes`?",
            "schema-read-only-property /virtualMachineConfiguration/imageReference/exactVersion:"
                + " `exactVersion` is read-only: it comes from a GET response and is ignored or"
                + " rejected when a pool is created; remove it"),
        findings(DocumentKind.DATA_PLANE, body, ""));
  }

  @Test
  void openDataPlaneEnumsAcceptOtherValues() {
    String body =
        """
        {"id": "p", "vmSize": "s", "taskSchedulingPolicy": {"nodeFillType": "Spread"}}
        """;
    assertEquals(List.of(), findings(DocumentKind.DATA_PLANE, body, ""));
  }

  // --- ARM templates

  @Test
  void armExpressionsAreNeverTypeErrors() {
    assertEquals(List.of(), findings(DocumentKind.ARM_TEMPLATE, ARM_TEMPLATE, "/resources/1"));
  }

  @Test
  void armPropertiesGivenAsOneExpressionAreNotChecked() {
    String template =
        """
        {"resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "2025-06-01",
          "name": "a/p", "properties": "[variables('p')]"}]}
        """;
    assertEquals(List.of(), findings(DocumentKind.ARM_TEMPLATE, template, "/resources/0"));
  }

  @Test
  void reportsProblemsInArmPoolResourceAtSourcePointers() {
    String template =
        """
        {"resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "2025-06-01",
          "name": "a/p", "location": "westeurope", "condition": true, "copy": {"name": "c", "count": 2},
          "identity": {"type": "SystemAssigned"},
          "properties": {"vmSize": "[parameters('vmSize')]", "vmsize": "x",
            "interNodeCommunication": "enabled", "provisioningState": "Succeeded",
            "taskSchedulingPolicy": {}}}]}
        """;
    assertEquals(
        List.of(
            "schema-invalid-value /resources/0/identity/type: `type` must be one of `UserAssigned`,"
                + " `None` (found \"SystemAssigned\")",
            "schema-enum-case /resources/0/properties/interNodeCommunication:"
                + " `interNodeCommunication` is written `enabled`; the API spec spells it `Enabled`:"
                + " write it that way (the spec does not say whether other casings are accepted)",
            "schema-read-only-property /resources/0/properties/provisioningState:"
                + " `provisioningState` is read-only: it comes from a GET response and is ignored or"
                + " rejected when a pool is created; remove it",
            "schema-required-property /resources/0/properties/taskSchedulingPolicy:"
                + " `taskSchedulingPolicy` is missing the required property `nodeFillType`; add it",
            "schema-unknown-property /resources/0/properties/vmsize: `vmsize` is written in"
                + " another letter case than the API spec's `vmSize`: write it that way (the spec"
                + " does not say whether property names are matched case-insensitively)"),
        findings(DocumentKind.ARM_TEMPLATE, template, "/resources/0"));
  }

  // --- node extension responses

  @Test
  void seedNodeExtensionResponseWithStringSettingsHasNoFindings() {
    assertEquals(List.of(), findings(DocumentKind.NODE_EXTENSION, SEED_NODE_EXTENSION, ""));
  }

  @Test
  void reportsProblemsInNodeExtensionVmExtension() {
    String response =
        """
        {"vmExtension": {"name": "kv", "type": "KeyVaultForLinux", "autoUpgradeMinorVersion": "true",
                         "typeHandlerVerison": "1.0", "settings": "{}"}}
        """;
    assertEquals(
        List.of(
            "schema-required-property /vmExtension: `vmExtension` is missing the required property"
                + " `publisher`; add it",
            "schema-invalid-value /vmExtension/autoUpgradeMinorVersion: `autoUpgradeMinorVersion`"
                + " must be a boolean, not a string",
            "schema-unknown-property /vmExtension/typeHandlerVerison: `typeHandlerVerison` is not a"
                + " property of `vmExtension`; did you mean `typeHandlerVersion`?"),
        findings(DocumentKind.NODE_EXTENSION, response, ""));
  }

  // --- secrets

  @Test
  void neverQuotesValuesUnderProtectedSettingsOrLongStrings() {
    String body =
        """
        {"properties": {"vmSize": "STANDARD_D4", "userAccounts": [
           {"name": "u", "password": "hunter2", "elevationLevel": "root"}],
         "deploymentConfiguration": {"virtualMachineConfiguration": {
           "imageReference": {}, "nodeAgentSkuId": "n",
           "extensions": [{"name": "e", "publisher": "p", "type": "t",
             "protectedSettings": "s3cr3t-value"}]}},
         "scaleSettings": {"autoScale": {"formula": "f",
           "evaluationInterval": "this-is-a-long-value-that-might-be-a-token-1234567890"}}}}
        """;
    List<String> found = findings(DocumentKind.MANAGEMENT, body, "");
    assertEquals(3, found.size(), found::toString);
    String all = String.join("\n", found);
    assertFalse(all.contains("s3cr3t"), all);
    assertFalse(all.contains("might-be-a-token"), all);
    assertTrue(all.contains("(found \"root\")"), all);
  }

  // --- sharing

  @Test
  void rulesShareOneValidationPerPool() {
    PoolDocument pool = pool(DocumentKind.MANAGEMENT, SEED_PUT_BODY, "");
    RuleContext context =
        new RuleContext(LocalDate.of(2026, 11, 27), JsonNodeFactory.instance.objectNode());
    for (Rule rule : SchemaRules.poolBody()) {
      rule.check(pool, context);
    }
    List<?> shared = context.memo(SchemaRule.MEMO_KEY, () -> null);
    assertEquals(List.of(), shared);
  }

  @Test
  void descriptorsCarryTheBuiltInIdsAndSeverities() {
    assertEquals(
        List.of(
            "schema-invalid-value:ERROR",
            "schema-required-property:ERROR",
            "schema-unknown-property:WARNING",
            "schema-read-only-property:WARNING",
            "schema-enum-case:WARNING",
            "extension-settings-invalid:ERROR",
            "extension-version-unknown:WARNING",
            "keyvault-setting-deprecated:WARNING"),
        SchemaRules.all().stream()
            .map(r -> r.descriptor().id() + ":" + r.descriptor().severity())
            .toList());
    assertEquals(
        SchemaRules.descriptors(), SchemaRules.all().stream().map(Rule::descriptor).toList());
  }

  @Test
  void sharedSchemasGiveTheSameFindingsOnManyThreads() {
    String body = "{\"properties\": {\"vmSize\": 5, \"virtualMachineConfig\": {}}}";
    List<String> expected = findings(DocumentKind.MANAGEMENT, body, "");
    assertEquals(2, expected.size(), expected::toString);
    List<List<String>> parallel =
        java.util.stream.IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> findings(DocumentKind.MANAGEMENT, body, ""))
            .toList();
    assertTrue(parallel.stream().allMatch(expected::equals), parallel::toString);
  }

  // --- helpers

  @Test
  void anEnumValueThatIsWrongInAnyCaseIsStillAnError() {
    String body = "{\"properties\": {\"taskSchedulingPolicy\": {\"nodeFillType\": \"Fill\"}}}";
    assertEquals(
        List.of(
            "schema-invalid-value /properties/taskSchedulingPolicy/nodeFillType:"
                + " `nodeFillType` must be one of `Spread`, `Pack` (found \"Fill\")"),
        findings(DocumentKind.MANAGEMENT, body, ""));
  }

  @Test
  void stringifiedSettingsInAPoolBodyAreNotASchemaTypeError() {
    // Azure's PoolAdd_VirtualMachineConfigurationWithExtensions example (2023-05-01.17.0): the
    // normaliser reports the string form once as extension-settings-stringified.
    String body =
        """
        {"id": "pool2", "vmSize": "standard_a1", "virtualMachineConfiguration": {
          "imageReference": {"publisher": "Canonical", "offer": "0001-com-ubuntu-server-focal",
            "sku": "20_04-lts"},
          "nodeAgentSKUId": "batch.node.ubuntu 20.04",
          "extensions": [{"name": "batchextension1", "type": "SecurityMonitoringForLinux",
            "publisher": "Microsoft.Azure.Security.Monitoring", "typeHandlerVersion": "1.0",
            "settings": "{\\"settingsKey\\":\\"settingsValue\\"}",
            "protectedSettings": "{\\"protectedSettingsKey\\":\\"protectedSettingsValue\\"}"}]}}
        """;
    assertEquals(List.of(), findings(DocumentKind.DATA_PLANE, body, ""));
    String number = body.replace("\"settings\": \"{", "\"settings\": 5, \"x\": \"{");
    assertEquals(
        List.of(
            "schema-invalid-value /virtualMachineConfiguration/extensions/0/settings: `settings`"
                + " must be an object, not an integer",
            "schema-unknown-property /virtualMachineConfiguration/extensions/0/x: `x` is not a"
                + " property of `extensions[0]`"),
        findings(DocumentKind.DATA_PLANE, number, "").stream()
            .map(f -> f.replaceAll("(`x` is not a property of `extensions\\[0\\]`).*", "$1"))
            .toList());
  }

  @Test
  void anUpdateBodyNeedsNotCarryWhatACreateRequires() {
    String body =
        "{\"startTask\": {\"commandLine\": \"/bin/bash -c 'echo start task'\"},"
            + " \"certificateReferences\": [], \"metadata\": []}";
    assertEquals(
        List.of(
            "schema-required-property : the pool body is missing the required property `id`; add"
                + " it",
            "schema-required-property : the pool body is missing the required property `vmSize`;"
                + " add it"),
        findings(DocumentKind.DATA_PLANE, body, ""));
    PoolDocument update = pool(DocumentKind.DATA_PLANE, body, "");
    ((com.fasterxml.jackson.databind.node.ObjectNode) update.canonical())
        .put("operation", "update");
    RuleContext context =
        new RuleContext(LocalDate.of(2026, 11, 27), JsonNodeFactory.instance.objectNode());
    for (Rule rule : SchemaRules.poolBody()) {
      assertEquals(List.of(), rule.check(update, context), rule.descriptor().id());
    }
  }

  static PoolDocument pool(DocumentKind kind, String text, String sourcePointer) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test input", e);
    }
    SourceFile file = new SourceFile("test.json", Optional.empty(), text, SourceFile.Format.JSON);
    ParsedDocument parsed =
        new ParsedDocument(file, 0, Optional.of(root), new PositionIndex(), List.of());
    return new PoolDocument(
        parsed, kind, sourcePointer, JsonNodeFactory.instance.objectNode(), new PointerMap());
  }

  /**
   * Every schema finding as {@code "<rule id> <pointer>: <message>"}, in rule-then-pointer order.
   */
  static List<String> findings(DocumentKind kind, String text, String sourcePointer) {
    PoolDocument pool = pool(kind, text, sourcePointer);
    RuleContext context =
        new RuleContext(LocalDate.of(2026, 11, 27), JsonNodeFactory.instance.objectNode());
    List<String> out = new ArrayList<>();
    for (Rule rule : SchemaRules.poolBody()) {
      for (Violation v : rule.check(pool, context)) {
        assertEquals(Violation.PointerSpace.SOURCE, v.space());
        out.add(rule.descriptor().id() + " " + v.pointer() + ": " + v.message());
      }
    }
    return out.stream().sorted(SchemaRulesTest::byPointer).collect(Collectors.toList());
  }

  private static int byPointer(String a, String b) {
    String pa = a.substring(a.indexOf(' ') + 1, a.indexOf(':', a.indexOf(' ')));
    String pb = b.substring(b.indexOf(' ') + 1, b.indexOf(':', b.indexOf(' ')));
    int c = pa.compareTo(pb);
    return c != 0 ? c : a.compareTo(b);
  }
}
