package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TerraformNormaliser}: what it reads from a .tf file and where each value comes from. */
class TerraformNormaliserTest {

  private static final String CPU = "/resource/azurerm_batch_pool/cpu";
  private static final String GPU = "/resource/azurerm_batch_pool/gpu";

  private static PoolDocument pool(Extraction e, String address) {
    return e.pools().stream()
        .filter(p -> TerraformNames.address(p).orElse("").equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError(address + " not in " + e.pools()));
  }

  @Test
  void mapsEveryPoolOfATerraformFileToTheCanonicalShape() {
    Extraction e = extract("terraform/render-pools.tf");
    assertEquals(Optional.of(DocumentKind.TERRAFORM), e.kind());
    assertEquals(2, e.pools().size());
    PoolDocument cpu = pool(e, "azurerm_batch_pool.cpu");
    JsonNode c = cpu.canonical();
    assertEquals("terraform", c.get("kind").textValue());
    assertEquals("terraform", c.at("/source/form").textValue());
    assertEquals(CPU, cpu.sourcePointer());
    // a template: unknown, kept as written
    assertEquals("render-cpu-${var.environment}", c.get("id").textValue());
    assertEquals(CPU + "/name", cpu.pointers().toSource("/id"));
    assertEquals("Standard_D8s_v5", c.get("vmSize").textValue());
    assertEquals("4", c.get("taskSlotsPerNode").textValue());
    assertEquals(
        "batch.node.ubuntu 24.04", c.at("/virtualMachineConfiguration/nodeAgentSkuId").textValue());
    assertEquals(
        CPU + "/node_agent_sku_id",
        cpu.pointers().toSource("/virtualMachineConfiguration/nodeAgentSkuId"));
    assertEquals(
        "canonical", c.at("/virtualMachineConfiguration/imageReference/publisher").asText());
    assertEquals(
        CPU + "/storage_image_reference/0/offer",
        cpu.pointers().toSource("/virtualMachineConfiguration/imageReference/offer"));
    assertEquals("UserAssigned", c.at("/identity/type").textValue());
    assertEquals(
        "${azurerm_user_assigned_identity.render.id}",
        c.at("/identity/userAssignedIdentities/0/resourceId").textValue());
    assertEquals(
        CPU + "/identity/0/identity_ids/0",
        cpu.pointers().toSource("/identity/userAssignedIdentities/0/resourceId"));
    assertTrue(c.at("/scaleSettings/autoScale/formula").asText().contains("$TargetDedicatedNodes"));
    // jsonencode: the settings object, each member mapped back into it
    String msi =
        "/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId";
    assertEquals("${azurerm_user_assigned_identity.render.client_id}", c.at(msi).textValue());
    assertEquals(
        CPU + "/extensions/0/settings_json/authenticationSettings/msiClientId",
        cpu.pointers().toSource(msi));
    assertEquals(
        "3.0", c.at("/virtualMachineConfiguration/extensions/0/typeHandlerVersion").textValue());
    assertTrue(
        c.at("/virtualMachineConfiguration/extensions/0/autoUpgradeMinorVersion").asBoolean());
    // the dynamic block's content is one more extension
    assertEquals(
        "${extensions.value.type}",
        c.at("/virtualMachineConfiguration/extensions/1/type").asText());
    assertEquals(
        CPU + "/dynamic/extensions/0/content/0/type_handler_version",
        cpu.pointers().toSource("/virtualMachineConfiguration/extensions/1/typeHandlerVersion"));
  }

  @Test
  void parsesSettingsGivenAsAStringOrAHeredocWithPositionsInside() {
    Extraction e = extract("terraform/render-pools.tf");
    PoolDocument gpu = pool(e, "azurerm_batch_pool.gpu");
    JsonNode c = gpu.canonical();
    assertEquals(
        "./install-cuda.sh",
        c.at("/virtualMachineConfiguration/extensions/0/settings/commandToExecute").textValue());
    String url =
        "/virtualMachineConfiguration/extensions/1/settings/secretsManagementSettings/observedCertificates/0/url";
    assertTrue(c.at(url).textValue().contains("/certificates/"));
    String source = gpu.pointers().toSource(url);
    assertEquals(
        GPU + "/extensions/1/settings_json/secretsManagementSettings/observedCertificates/0/url",
        source);
    var at = gpu.source().positions().value(source).orElseThrow();
    assertEquals(
        "\"https://contoso-render-kv.vault.azure.net/certificates/render-tls\"",
        gpu.source()
            .source()
            .line(at.start().line())
            .substring(at.start().column() - 1)
            .replace(",", ""));
    assertEquals("Pack".toLowerCase(), c.at("/taskSchedulingPolicy/nodeFillType").textValue());
  }

  @Test
  void reportsSettingsThatAreNotAJsonObjectAndKeepsUnknownTemplates() {
    String tf =
        """
        resource "azurerm_batch_pool" "p" {
          extensions {
            name          = "a"
            settings_json = "{\\"a\\": 1"
          }
          extensions {
            name          = "b"
            settings_json = "[1, 2]"
          }
          extensions {
            name          = "c"
            settings_json = <<-JSON
              {"n": ${var.n}}
            JSON
          }
        }
        """;
    var doc =
        new DocumentLoader(LoaderLimits.defaults())
            .load("main.tf", Optional.empty(), tf.getBytes(StandardCharsets.UTF_8))
            .get(0);
    Extraction e = extract(doc);
    List<Finding> findings = e.findings();
    assertEquals(2, findings.size(), findings::toString);
    assertTrue(findings.stream().allMatch(f -> f.ruleId().equals("settings-not-json")));
    // inside the quoted string on line 4, where its JSON breaks
    assertEquals(4, findings.get(0).line());
    assertTrue(findings.get(0).column() > tf.lines().toList().get(3).indexOf("\"{"));
    assertTrue(findings.get(1).message().contains("JSON array"), findings.get(1).message());
    JsonNode c = e.pools().get(0).canonical();
    assertEquals(
        "{\"n\": ${var.n}}\n",
        c.at("/virtualMachineConfiguration/extensions/2/settings").textValue());
  }

  @Test
  void forcedTerraformKindReadsAFileOfAnyNameAsHcl() {
    String tf = "resource \"azurerm_batch_pool\" \"p\" {\n  vm_size = \"Standard_D2s_v5\"\n}\n";
    var doc =
        new DocumentLoader(LoaderLimits.defaults())
            .load(
                "pools.hcl",
                Optional.empty(),
                tf.getBytes(StandardCharsets.UTF_8),
                Optional.of(DocumentKind.TERRAFORM))
            .get(0);
    assertTrue(doc.problems().isEmpty(), doc.problems()::toString);
    Extraction e = new KindDetection().extract(doc, Optional.of(DocumentKind.TERRAFORM));
    assertEquals("Standard_D2s_v5", e.pools().get(0).canonical().get("vmSize").textValue());
  }

  @Test
  void aFileWithoutAPoolIsReportedOnce() {
    Extraction e = extract("terraform/no-pool.tf");
    assertEquals(Optional.of(DocumentKind.TERRAFORM), e.kind());
    assertTrue(e.pools().isEmpty());
    assertEquals(1, e.findings().size());
    assertEquals("not-a-pool-definition", e.findings().get(0).ruleId());
  }

  @Test
  void messagesSpeakTerraform() {
    assertEquals(
        "module.batch.azurerm_batch_pool.gpu: set type_handler_version and node_agent_sku_id;"
            + " add it under identity.identity_ids",
        TerraformNames.message(
            "module.batch.azurerm_batch_pool.gpu",
            "set typeHandlerVersion and nodeAgentSkuId; add it under identity.userAssignedIdentities"));
  }
}
