package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NodeExtensionNormaliser}: what it reads and where each canonical value comes from. */
class NodeExtensionNormaliserTest {

  @Test
  void normalisesTheSeedNodeExtensionResponse() {
    Extraction e = extract("seed/get-node-extension.json");
    PoolDocument pool = onlyPool(e);
    JsonNode c = pool.canonical();
    assertEquals("extension", c.get("scope").textValue());
    JsonNode ext = c.at("/virtualMachineConfiguration/extensions/0");
    assertEquals("KVExtensions", ext.get("name").textValue());
    assertTrue(ext.get("settings").isObject());
    String canonical =
        "/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId";
    assertEquals("885b1a3d-f13c-4030-afcf-922f05044d78dc", c.at(canonical).textValue());
    String source = pool.pointers().toSource(canonical);
    assertEquals("/vmExtension/settings/authenticationSettings/msiClientId", source);
    SourceRange at = pool.source().positions().value(source).orElseThrow();
    assertEquals(9, at.start().line());
    assertTrue(at.start().column() > 500, at.toString());
    assertTrue(e.findings().isEmpty(), () -> e.findings().toString());
  }

  @Test
  void reportsFailedExtensionStatuses() {
    Extraction e = extract("node-extension/get-extension-failed.json");
    assertEquals(1, e.findings().size(), () -> e.findings().toString());
    Finding f = e.findings().get(0);
    assertEquals("extension-status-failed", f.ruleId());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("/instanceView/statuses/0", f.pointer());
    assertEquals(SourceRange.of(5, 7, 10, 8), f.range());
    assertTrue(f.message().contains("ProvisioningState/failed/-1"), f.message());
    assertTrue(f.message().contains("'kvcerts'"), f.message());
  }

  @Test
  void reportsUnparseableSettingsAndKeepsTheString() {
    Extraction e = extract("node-extension/get-extension-settings-broken.json");
    List<String> ids = e.findings().stream().map(Finding::ruleId).sorted().toList();
    assertEquals(List.of("extension-status-failed", "settings-not-json"), ids);
    Finding settings =
        e.findings().stream().filter(f -> f.ruleId().equals("settings-not-json")).findFirst().get();
    assertEquals("/vmExtension/settings", settings.pointer());
    assertEquals(18, settings.line());
    assertTrue(
        onlyPool(e)
            .canonical()
            .at("/virtualMachineConfiguration/extensions/0/settings")
            .isTextual());
  }

  @Test
  void reportsSettingsStringsThatHoldNoObject() {
    ParsedDocument doc =
        Fixtures.one("p.json", "{\"vmExtension\": {\"name\": \"x\", \"settings\": \"[1, 2]\"}}");
    Extraction e = extract(doc);
    assertEquals("settings-not-json", e.findings().get(0).ruleId());
    assertEquals(SourceRange.of(1, 43, 1, 51), e.findings().get(0).range());
  }
}
