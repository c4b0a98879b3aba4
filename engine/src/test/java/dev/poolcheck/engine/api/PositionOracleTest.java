package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position oracle can fail: a finding one line off is caught. */
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
}
