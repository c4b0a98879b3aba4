package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Violation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegoFindingsTest {

  private static JsonNode json(String text) throws IOException {
    return TestPools.JSON.readTree(text);
  }

  @Test
  void keepsTheRuleSeverityWhenAFindingGivesNone() throws IOException {
    List<Violation> found =
        RegoFindings.toViolations(json("[{\"msg\": \"m\", \"pointer\": \"/a\"}, \"s\"]"), "r");
    assertEquals(2, found.size());
    found.forEach(v -> assertNull(v.severity()));
  }

  @Test
  void readsAPerFindingSeverityInAnyCase() throws IOException {
    List<Violation> found =
        RegoFindings.toViolations(
            json(
                """
                [{"msg": "a", "pointer": "/a", "severity": "warning"},
                 {"msg": "b", "pointer": "/b", "severity": "ERROR"},
                 {"msg": "c", "pointer": "/c", "severity": "info"}]
                """),
            "r");
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertEquals(Severity.ERROR, found.get(1).severity());
    assertEquals(Severity.INFO, found.get(2).severity());
    assertEquals("/b", found.get(1).pointer());
    assertEquals("b", found.get(1).message());
  }

  @Test
  void rejectsAnUnknownSeverityNamingTheRule() throws IOException {
    JsonNode results = json("[{\"msg\": \"m\", \"severity\": \"fatal\"}]");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class, () -> RegoFindings.toViolations(results, "built-in rule x"));
    assertTrue(e.getMessage().startsWith("built-in rule x returned"), e.getMessage());
    assertTrue(e.getMessage().contains("\"fatal\""), e.getMessage());
  }

  @Test
  void rejectsASeverityThatIsNotAString() throws IOException {
    JsonNode results = json("[{\"msg\": \"m\", \"severity\": 2}]");
    assertThrows(PoolcheckException.class, () -> RegoFindings.toViolations(results, "r"));
  }
}
