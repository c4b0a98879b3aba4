package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The position oracle can fail: a finding one line off (or, in a .tf file, at another value) is
 * caught.
 */
class PositionOracleTest {

  @Test
  void oracleRejectsAWrongColumn() throws IOException {
    String text = "{\n  \"a\": \"x\",\n  \"b\": 5\n}\n";
    JsonNode root = new ObjectMapper().readTree(text);
    Finding right = new Finding("r", Severity.ERROR, "m", "f.json", "/b", SourceRange.at(3, 8));
    Finding wrong = new Finding("r", Severity.ERROR, "m", "f.json", "/b", SourceRange.at(2, 8));
    List<String> lines = text.lines().toList();
    assertNull(PositionOracle.checkAgainstSource("f.json", text, lines, root, right));
    assertFalse(PositionOracle.checkAgainstSource("f.json", text, lines, root, wrong) == null);
  }

  @Test
  void terraformOracleRejectsAWrongPlace() {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    String type = "/resource/azurerm_batch_pool/p/extensions/0/type";
    assertTrue(
        PositionOracle.writtenAt(nodes.textNode("CustomScript"), type, "\"CustomScript\"\n"));
    assertFalse(
        PositionOracle.writtenAt(
            nodes.textNode("CustomScript"), type, "\"Microsoft.Azure.Extensions\""));
    assertTrue(PositionOracle.writtenAt(nodes.textNode("${var.t}"), type, "var.t\n"));
    assertFalse(
        PositionOracle.writtenAt(
            nodes.objectNode(), "/resource/azurerm_batch_pool/p/extensions/0", "name = 1"));
    assertTrue(
        PositionOracle.writtenAt(
            nodes.objectNode(),
            "/resource/azurerm_batch_pool/p",
            "resource \"azurerm_batch_pool\" \"p\" {"));
    assertFalse(
        PositionOracle.writtenAt(
            nodes.objectNode(),
            "/resource/azurerm_batch_pool/p",
            "resource \"azurerm_batch_pool\" \"q\" {"));
  }
}
