package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stringified extension settings in pool bodies: parsed, and reported once as a warning. */
class StringifiedSettingsTest {

  @Test
  void aSettingsStringInAPoolBodyIsParsedAndReportedOnce() {
    Extraction e =
        extract(
            "real-world/specs/data-plane/2023-05-01.17.0/"
                + "PoolAdd_VirtualMachineConfigurationWithExtensions.json");
    assertEquals(
        "settingsValue",
        onlyPool(e)
            .canonical()
            .at("/virtualMachineConfiguration/extensions/0/settings/settingsKey")
            .asText());
    List<String> stringified =
        e.findings().stream()
            .filter(f -> f.ruleId().equals("extension-settings-stringified"))
            .map(Finding::pointer)
            .toList();
    assertEquals(
        List.of(
            "/parameters/pool/virtualMachineConfiguration/extensions/0/settings",
            "/parameters/pool/virtualMachineConfiguration/extensions/0/protectedSettings"),
        stringified);
  }

  @Test
  void aNodeExtensionResponseSendsSettingsAsAStringAndIsNotReported() {
    Extraction e = extract("node-extension/get-extension-succeeded.json");
    assertEquals(
        0,
        e.findings().stream()
            .filter(f -> f.ruleId().equals("extension-settings-stringified"))
            .count());
  }

  @Test
  void anArmExpressionIsNotAStringifiedObject() {
    Extraction e =
        extract(
            Fixtures.one(
                "p.json",
                "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\", \"virtualMachineConfiguration\":"
                    + " {\"extensions\": [{\"name\": \"x\", \"publisher\": \"a\", \"type\": \"b\","
                    + " \"settings\": \"[parameters('s')]\"}]}}"));
    assertEquals(List.of(), e.findings());
  }
}
