package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RulesAndExplainTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(new byte[0]));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rulesListsEveryRuleWithSeverityAndTitleSortedById() {
    Run r = run("rules");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines.length > 10, r.out());
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i - 1].compareTo(lines[i]) < 0, "not sorted: " + lines[i]);
    }
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.matches("extension-customscript-reserved\\s+error\\s+\\S.*")),
        r.out());
  }

  @Test
  void rulesAsJsonCarriesIdSeverityTitleAndHelpUri() throws Exception {
    Run r = run("rules", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode rules = new ObjectMapper().readTree(r.out()).get("rules");
    assertTrue(rules.size() > 10);
    for (JsonNode rule : rules) {
      assertTrue(
          rule.get("helpUri").asText().endsWith("/docs/rules/" + rule.get("id").asText() + ".md"));
      assertFalse(rule.get("title").asText().isBlank());
    }
  }

  @Test
  void explainPrintsTheRulePageWithoutGeneratedMarkers() {
    Run r = run("explain", "extension-customscript-reserved");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# extension-customscript-reserved"), r.out());
    assertTrue(r.out().contains("## Bad") && r.out().contains("## Good"));
    assertFalse(r.out().contains("<!--"));
  }

  @Test
  void explainOfAnUnknownRuleSuggestsTheNearestAndExitsWithTwo() {
    Run r = run("explain", "extension-customscript-reservd");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("did you mean 'extension-customscript-reserved'?"), r.err());
    assertEquals("", r.out());
  }
}
