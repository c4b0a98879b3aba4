package dev.poolcheck.engine.rule;

import static dev.poolcheck.engine.rego.TestPools.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  private static final String HOW_TO_FIX =
      "; regenerate with: mvn -q -pl engine test-compile exec:java"
          + " -Dexec.mainClass=dev.poolcheck.engine.rule.RuleDocs -Dexec.classpathScope=test";

  @Test
  void everyBuiltInRulePageHasAnUpToDateGeneratedHeader() throws IOException {
    for (BuiltInCatalog.Entry entry : BuiltInCatalog.entries()) {
      RuleDescriptor d = entry.descriptor();
      Path page = REPO.resolve("docs/rules").resolve(d.id() + ".md");
      assertTrue(Files.exists(page), page + " is missing" + HOW_TO_FIX);
      String text = Files.readString(page);
      String expected = RuleDocs.page(text, RuleDocs.header(d, entry.source()));
      assertEquals(expected, text, page + " is stale" + HOW_TO_FIX);
    }
  }

  @Test
  void everyBuiltInRulePageSaysHowItAppliesToTerraformWithExamplesThatParse() throws IOException {
    var loader =
        new dev.poolcheck.engine.document.DocumentLoader(
            dev.poolcheck.engine.document.LoaderLimits.defaults());
    var hcl = java.util.regex.Pattern.compile("```hcl\n(.*?)```", java.util.regex.Pattern.DOTALL);
    for (BuiltInCatalog.Entry entry : BuiltInCatalog.entries()) {
      Path page = REPO.resolve("docs/rules").resolve(entry.descriptor().id() + ".md");
      String text = Files.readString(page);
      int section = text.indexOf("\n## Terraform\n");
      assertTrue(section >= 0, page + " has no '## Terraform' section (an example, or why not)");
      var m = hcl.matcher(text.substring(section));
      while (m.find()) {
        var docs =
            loader.load(
                "example.tf",
                java.util.Optional.empty(),
                m.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(
            docs.get(0).problems().isEmpty(),
            () -> page + ": a Terraform example does not parse: " + docs.get(0).problems());
      }
    }
  }

  @Test
  void regeneratingKeepsTheHandWrittenPart() {
    String page = RuleDocs.START + "\nold\n" + RuleDocs.END + "\n\n## Bad\n\nmine\n";
    assertEquals(
        RuleDocs.START + "\nnew\n" + RuleDocs.END + "\n\n## Bad\n\nmine\n",
        RuleDocs.page(page, RuleDocs.START + "\nnew\n" + RuleDocs.END));
  }
}
