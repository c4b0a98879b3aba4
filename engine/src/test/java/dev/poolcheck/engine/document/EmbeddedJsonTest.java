package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourceRange;
import org.junit.jupiter.api.Test;

class EmbeddedJsonTest {

  private static final String SETTINGS = "/vmExtension/settings";

  /** Column of {@code needle} in the source line, 1-based, as an editor shows it. */
  private static int columnOf(ParsedDocument doc, int line, String needle) {
    int i = doc.source().line(line).indexOf(needle);
    assertTrue(i >= 0, needle + " not on line " + line);
    return i + 1;
  }

  @Test
  void pointsIntoTheSettingsStringOfTheSeedResponse() {
    ParsedDocument doc = Fixtures.single("seed/get-node-extension.json");
    EmbeddedJson.Result result = EmbeddedJson.parse(doc, SETTINGS);
    assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
    assertEquals(
        "885b1a3d-f13c-4030-afcf-922f05044d78dc",
        result.value().orElseThrow().at("/authenticationSettings/msiClientId").textValue());
    SourceRange clientId =
        doc.positions().value(SETTINGS + "/authenticationSettings/msiClientId").orElseThrow();
    // The value is written as \"885b...\" inside the string: start at the escaped quote.
    int start = columnOf(doc, 9, "\\\"885b1a3d");
    assertEquals(SourceRange.of(9, start, 9, start + 2 + 38 + 2), clientId);
    SourceRange key =
        doc.positions().key(SETTINGS + "/authenticationSettings/msiClientId").orElseThrow();
    assertEquals(columnOf(doc, 9, "\\\"msiClientId"), key.start().column());
    SourceRange polling =
        doc.positions()
            .value(SETTINGS + "/secretsManagementSettings/pollingIntervalInS")
            .orElseThrow();
    assertEquals(columnOf(doc, 9, "\\\"300\\\""), polling.start().column());
    // The string itself keeps its own range, quotes included.
    assertEquals(
        columnOf(doc, 9, "\"{\\r\\n"),
        doc.positions().value(SETTINGS).orElseThrow().start().column());
  }

  @Test
  void reportsSettingsThatAreNotJsonInsideTheString() {
    ParsedDocument doc = Fixtures.single("node-extension/get-extension-settings-broken.json");
    EmbeddedJson.Result result = EmbeddedJson.parse(doc, SETTINGS);
    assertTrue(result.value().isEmpty());
    assertEquals(1, result.problems().size(), () -> result.problems().toString());
    Finding f = result.problems().get(0);
    assertEquals("settings-not-json", f.ruleId());
    assertEquals(SETTINGS, f.pointer());
    assertEquals(columnOf(doc, 18, "\\\"observedCertificates"), f.column());
    assertTrue(f.message().contains("',' is missing"), f.message());
  }

  @Test
  void mapsPositionsInsideAYamlLiteralBlock() {
    ParsedDocument doc = Fixtures.single("node-extension/get-extension-succeeded.yaml");
    EmbeddedJson.Result result = EmbeddedJson.parse(doc, SETTINGS);
    assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
    SourceRange name =
        doc.positions()
            .value(SETTINGS + "/authentication/managedIdentity/identifier-name")
            .orElseThrow();
    assertEquals(SourceRange.of(17, 30, 17, 41), name);
  }

  @Test
  void fallsBackToTheStringStartForFoldedYaml() {
    ParsedDocument doc =
        Fixtures.one("p.yaml", "vmExtension:\n  settings: >\n    {\"a\":\n    1}\n");
    EmbeddedJson.Result result = EmbeddedJson.parse(doc, SETTINGS);
    assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
    assertEquals(1, result.value().orElseThrow().get("a").intValue());
    assertEquals(
        doc.positions().value(SETTINGS).orElseThrow().start(),
        doc.positions().value(SETTINGS + "/a").orElseThrow().start());
  }

  @Test
  void mapsEscapesInJsonStringsExactly() {
    ParsedDocument doc = Fixtures.one("p.json", "{\"s\": \"{\\u0022k\\u0022: [1,\\t\\\"x\\\"]}\"}");
    EmbeddedJson.Result result = EmbeddedJson.parse(doc, "/s");
    assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
    assertEquals(SourceRange.of(1, 29, 1, 34), doc.positions().value("/s/k/1").orElseThrow());
    assertEquals(SourceRange.of(1, 9, 1, 22), doc.positions().key("/s/k").orElseThrow());
  }
}
