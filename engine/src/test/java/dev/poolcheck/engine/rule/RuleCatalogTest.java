package dev.poolcheck.engine.rule;

import static dev.poolcheck.engine.rego.TestPools.REPO;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.RuleDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in id (Rego rule, Java rule, engine finding id) has its metadata, tests, fixtures and
 * help page.
 */
class RuleCatalogTest {

  private final List<BuiltInCatalog.Entry> entries = BuiltInCatalog.entries();

  @Test
  void thereAreBuiltInRulesOfEveryKind() {
    assertTrue(entries.stream().anyMatch(BuiltInCatalog.Entry::rego), "no Rego rules");
    assertTrue(entries.stream().anyMatch(e -> !e.rego() && e.rule().isPresent()), "no Java rules");
    assertTrue(entries.stream().anyMatch(e -> e.rule().isEmpty()), "no engine finding ids");
  }

  @Test
  void theEngineCatalogListsExactlyTheBuiltInIds() {
    Set<String> catalog =
        Poolcheck.catalog().stream().map(RuleDescriptor::id).collect(Collectors.toSet());
    Set<String> builtIn =
        entries.stream().map(e -> e.descriptor().id()).collect(Collectors.toSet());
    assertTrue(catalog.equals(builtIn), () -> "catalog " + catalog + " vs built-in " + builtIn);
  }

  @Test
  void idsAreUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    for (BuiltInCatalog.Entry e : entries) {
      String id = e.descriptor().id();
      assertTrue(RuleDescriptor.isKebabCase(id), id + " is not kebab-case");
      assertTrue(seen.add(id), id + " is defined twice");
    }
  }

  @Test
  void everyIdHasTitleSeverityDescriptionAndSince() {
    for (BuiltInCatalog.Entry e : entries) {
      RuleDescriptor d = e.descriptor();
      assertFalse(d.title().isBlank(), d.id() + " has no title");
      assertNotNull(d.severity(), d.id() + " has no severity");
      assertFalse(d.description().isBlank(), d.id() + " has no description");
      assertTrue(d.since().matches("\\d+\\.\\d+\\.\\d+"), d.id() + " has no since version");
      assertTrue(Files.exists(REPO.resolve(e.source())), d.id() + ": no source " + e.source());
    }
  }

  @Test
  void everyIdHasAHelpPageWithABadAndAGoodExample() throws IOException {
    for (BuiltInCatalog.Entry e : entries) {
      String id = e.descriptor().id();
      Path page = REPO.resolve("docs/rules").resolve(id + ".md");
      assertTrue(Files.exists(page), page + " is missing");
      String text = Files.readString(page);
      assertTrue(
          text.contains("\n## Bad\n") && text.contains("\n## Good\n"), page + " lacks examples");
      assertFalse(text.contains("TODO"), page + " still has TODO");
      assertTrue(e.descriptor().helpUri().endsWith("/docs/rules/" + id + ".md"));
    }
  }

  @Test
  void everyRegoRuleHasRegoTestsBesideIt() throws IOException {
    for (BuiltInCatalog.Entry e : entries) {
      if (!e.rego()) {
        continue;
      }
      Path source = REPO.resolve(e.source());
      Path tests =
          source.resolveSibling(source.getFileName().toString().replace(".rego", "_test.rego"));
      assertTrue(Files.exists(tests), e.descriptor().id() + " has no " + tests);
      assertTrue(Files.readString(tests).contains("\ntest_"), tests + " holds no test");
    }
  }

  @Test
  void everyEngineFindingIdIsNamedInATest() {
    // Rules are exercised through their fixtures (RuleFixturesTest); ids without a rule must be
    // named by a test that makes the engine report them.
    String tests = allJavaTests();
    for (BuiltInCatalog.Entry e : entries) {
      if (e.rule().isEmpty()) {
        String id = e.descriptor().id();
        assertTrue(tests.contains("\"" + id + "\""), id + " is not named in any engine test");
      }
    }
  }

  @Test
  void everyRuleHasBadAndGoodFixtures() throws IOException {
    for (BuiltInCatalog.Entry e : entries) {
      if (e.rule().isEmpty()) {
        continue;
      }
      Path dir = REPO.resolve("fixtures/rules").resolve(e.descriptor().id());
      assertTrue(Files.isDirectory(dir), dir + " is missing");
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("bad")), dir + " has no bad fixture");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("good")), dir + " has no good one");
      }
      if (e.rego()) {
        assertTrue(Files.exists(dir.resolve("bad.expected.txt")), dir + " lacks bad.expected.txt");
      }
    }
  }

  private static String allJavaTests() {
    try (Stream<Path> files = Files.walk(REPO.resolve("engine/src/test/java"))) {
      StringBuilder all = new StringBuilder();
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(p));
      }
      return all.toString();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
