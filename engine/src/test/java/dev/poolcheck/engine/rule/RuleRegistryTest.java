package dev.poolcheck.engine.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.RuleRegistry;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rego.EvaluationMode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleRegistryTest {

  @TempDir Path temp;

  /** A rule that finds nothing; only its id matters here. */
  record QuietRule(RuleDescriptor descriptor) implements Rule {
    @Override
    public List<Violation> check(PoolDocument pool, RuleContext context) {
      return List.of();
    }
  }

  /** Found through a services file the test writes. */
  public static final class PluginRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
      return List.of(new QuietRule(descriptor("plugin-rule", RuleDescriptor.Origin.PLUGIN)));
    }
  }

  static RuleDescriptor descriptor(String id, RuleDescriptor.Origin origin) {
    return new RuleDescriptor(id, "t", Severity.ERROR, "u", "0.1.0", "d", origin);
  }

  private static Path fixtureBundle(String name) throws URISyntaxException {
    return Path.of(
        RuleRegistryTest.class.getResource("/fixtures/policies/" + name + ".tar.gz").toURI());
  }

  @Test
  void collectsBuiltInExtraUserAndDescriptorOnlyIds() throws URISyntaxException {
    RuleRegistry registry =
        RuleRegistry.create(
            List.of(
                new QuietRule(descriptor("schema-invalid-value", RuleDescriptor.Origin.BUILT_IN))),
            List.of(descriptor("syntax-error", RuleDescriptor.Origin.BUILT_IN)),
            List.of(fixtureBundle("conftest-style")),
            null,
            1);
    List<String> ruleIds = registry.rules().stream().map(r -> r.descriptor().id()).toList();
    // Every built-in Rego rule, whatever the rule pack holds, plus the ones given here, sorted.
    List<String> expected =
        java.util.stream.Stream.concat(
                BuiltInPolicies.load(EvaluationMode.INTERPRETED).rules().stream()
                    .map(r -> r.descriptor().id()),
                java.util.stream.Stream.of(
                    "conftest-style-deny", "conftest-style-warn", "schema-invalid-value"))
            .sorted()
            .toList();
    assertTrue(expected.contains("extension-customscript-reserved"), expected.toString());
    assertEquals(expected, ruleIds);
    assertTrue(
        registry.descriptors().stream().anyMatch(d -> d.id().equals("syntax-error")),
        "descriptor-only ids are listed");
    assertEquals(ruleIds.size() + 1, registry.descriptors().size());
  }

  @Test
  void duplicateIdNamesBothOrigins() {
    Rule clash = new QuietRule(descriptor("extension-not-allowed", RuleDescriptor.Origin.BUILT_IN));
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> RuleRegistry.create(List.of(clash), List.of(), List.of(), null, 1));
    assertTrue(
        e.getMessage()
            .contains("'extension-not-allowed' is defined twice: by built-in policy rego/rules/"),
        e.getMessage());
    assertTrue(e.getMessage().contains("engine rule " + QuietRule.class.getName()), e.getMessage());
  }

  @Test
  void theSameBundleTwiceIsADuplicate() throws URISyntaxException {
    Path bundle = fixtureBundle("namespaced");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () ->
                RuleRegistry.create(
                    List.of(), List.of(), List.of(bundle, bundle), "acme.pools", 1));
    assertTrue(e.getMessage().contains("'namespaced-violation' is defined twice"), e.getMessage());
    assertTrue(e.getMessage().contains("policy bundle " + bundle), e.getMessage());
  }

  @Test
  void descriptorClashingWithARuleIsADuplicate() {
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () ->
                RuleRegistry.create(
                    List.of(),
                    List.of(descriptor("extension-not-allowed", RuleDescriptor.Origin.BUILT_IN)),
                    List.of(),
                    null,
                    1));
    assertTrue(e.getMessage().contains("engine finding id extension-not-allowed"), e.getMessage());
  }

  @Test
  void findsPluginRulesThroughServiceLoader() throws IOException {
    Path services = temp.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(RuleProvider.class.getName()), PluginRules.class.getName() + "\n");
    try (URLClassLoader plugins =
        new URLClassLoader(new URL[] {temp.toUri().toURL()}, getClass().getClassLoader())) {
      RuleRegistry registry =
          RuleRegistry.create(List.of(), List.of(), List.of(), null, 1, plugins);
      assertTrue(
          registry.rules().stream().anyMatch(r -> r.descriptor().id().equals("plugin-rule")));
      PoolcheckException e =
          assertThrows(
              PoolcheckException.class,
              () ->
                  RuleRegistry.create(
                      List.of(
                          new QuietRule(descriptor("plugin-rule", RuleDescriptor.Origin.BUILT_IN))),
                      List.of(),
                      List.of(),
                      null,
                      1,
                      plugins));
      assertTrue(
          e.getMessage().contains("plugin rule " + QuietRule.class.getName()), e.getMessage());
    }
  }

  @Test
  void brokenBundleFailsTheRegistryWithItsName() throws IOException {
    Path bundle = Files.writeString(temp.resolve("broken.tar.gz"), "nope");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> RuleRegistry.create(List.of(), List.of(), List.of(bundle), null, 1));
    assertTrue(e.getMessage().contains(bundle.toString()), e.getMessage());
  }
}
