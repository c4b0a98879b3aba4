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
  void rulesAcceptsTheShortFormatOptionLikeCheck() throws Exception {
    Run r = run("rules", "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode first = new ObjectMapper().readTree(r.out()).get("rules").get(0);
    java.util.List<String> names = new java.util.ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    assertEquals(java.util.List.of("id", "severity", "title", "since", "origin", "helpUri"), names);
  }

  @Test
  void explainPrintsTheRulePageWithoutGeneratedMarkers() {
    Run r = run("explain", "--markdown", "extension-customscript-reserved");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# extension-customscript-reserved"), r.out());
    assertTrue(r.out().contains("## Bad") && r.out().contains("## Good"));
    assertFalse(r.out().contains("<!--"));
  }

  @Test
  void explainRendersThePageForATerminalWithoutMarkdownSyntax() {
    Run r = run("explain", "extension-customscript-reserved");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("extension-customscript-reserved\n=================="), out);
    assertTrue(out.contains("\nBad\n---\n") && out.contains("\nGood\n----\n"), out);
    assertTrue(out.contains("Severity: error, Since: "), "the table as name: value; " + out);
    assertTrue(out.contains("\n    \"extensions\": ["), "code blocks indented: " + out);
    for (String markdown : new String[] {"](", "<!--", "```", "**", "|---"}) {
      assertFalse(out.contains(markdown), "no raw Markdown '" + markdown + "' in: " + out);
    }
    for (String line : out.split("\n")) {
      assertTrue(line.length() <= 100 || !line.contains(" "), "wrapped to 100: " + line);
    }
  }

  @Test
  void explainTurnsLinksToOtherRulePagesIntoExplainCommands() {
    String page =
        new TerminalPage(false, 80)
            .render(
                "See [the Key Vault rule](keyvault-pool-identity-missing.md) and [docs](https://learn.microsoft.com/x).");
    assertEquals(
        "See the Key Vault rule (poolcheck explain keyvault-pool-identity-missing) and"
            + "\ndocs <https://learn.microsoft.com/x>.\n",
        page.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void completionPrintsABashAndZshScriptThatBashAccepts() throws Exception {
    Run r = run("completion");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("complete -F"), r.out());
    assertTrue(r.out().contains("--fail-on") && r.out().contains("explain"), "knows options");
    assertTrue(r.out().contains("bashcompinit"), "loads in zsh too");
    java.nio.file.Path script = java.nio.file.Files.createTempFile("poolcheck-completion", ".sh");
    java.nio.file.Files.writeString(script, r.out());
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
    assertEquals(0, bash.waitFor(), "bash -n accepts the script");
  }

  @Test
  void explainOfAnUnknownRuleSuggestsTheNearestAndExitsWithTwo() {
    Run r = run("explain", "extension-customscript-reservd");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("did you mean 'extension-customscript-reserved'?"), r.err());
    assertEquals("", r.out());
  }
}
