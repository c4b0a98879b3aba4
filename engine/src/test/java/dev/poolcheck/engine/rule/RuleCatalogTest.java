package dev.poolcheck.engine.rule;

import static dev.poolcheck.engine.rego.TestPools.REPO;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rego.EvaluationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in rule has its metadata, tests, fixtures and help page. */
class RuleCatalogTest {

  private final BuiltInPolicies policies = BuiltInPolicies.load(EvaluationMode.INTERPRETED);
  private final List<Rule> rules = policies.rules();

  @Test
  void thereAreBuiltInRules() {
    assertFalse(rules.isEmpty(), "no built-in rules were loaded");
  }

  @Test
  void idsAreUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : rules) {
      String id = rule.descriptor().id();
      assertTrue(RuleDescriptor.isKebabCase(id), id + " is not kebab-case");
      assertTrue(seen.add(id), id + " is defined twice");
    }
  }

  @Test
  void everyRuleHasTitleSeverityDescriptionAndSince() {
    for (Rule rule : rules) {
      RuleDescriptor d = rule.descriptor();
      assertFalse(d.title().isBlank(), d.id() + " has no title");
      assertNotNull(d.severity(), d.id() + " has no severity");
      assertFalse(d.description().isBlank(), d.id() + " has no description");
      assertTrue(d.since().matches("\\d+\\.\\d+\\.\\d+"), d.id() + " has no since version");
    }
  }

  @Test
  void everyRuleHasAHelpPageWithABadAndAGoodExample() throws IOException {
    for (Rule rule : rules) {
      String id = rule.descriptor().id();
      Path page = REPO.resolve("docs/rules").resolve(id + ".md");
      assertTrue(Files.exists(page), page + " is missing");
      String text = Files.readString(page);
      assertTrue(
          text.contains("\n## Bad\n") && text.contains("\n## Good\n"), page + " lacks examples");
      assertFalse(text.contains("TODO"), page + " still has TODO");
      assertTrue(rule.descriptor().helpUri().endsWith("/docs/rules/" + id + ".md"));
    }
  }

  @Test
  void everyRegoRuleHasRegoTestsBesideIt() throws IOException {
    for (Rule rule : rules) {
      String id = rule.descriptor().id();
      Path source = REPO.resolve("policies").resolve(policies.sources().get(id));
      Path tests =
          source.resolveSibling(source.getFileName().toString().replace(".rego", "_test.rego"));
      assertTrue(Files.exists(tests), id + " has no " + tests);
      assertTrue(Files.readString(tests).contains("\ntest_"), tests + " holds no test");
    }
  }

  @Test
  void everyRuleHasBadAndGoodFixtures() {
    for (Rule rule : rules) {
      Path dir = REPO.resolve("fixtures/rules").resolve(rule.descriptor().id());
      for (String name : List.of("bad.json", "bad.expected.txt", "good.json")) {
        assertTrue(Files.exists(dir.resolve(name)), dir.resolve(name) + " is missing");
      }
    }
  }
}
