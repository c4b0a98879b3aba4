package dev.poolcheck.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.config.Configuration.AllowedExtension;
import dev.poolcheck.engine.config.Configuration.RuleSetting;
import dev.poolcheck.engine.config.Configuration.Suppression;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoadTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private PoolcheckException loadFails(String yaml) throws IOException {
    Path file = write(".poolcheck.yaml", yaml);
    return assertThrows(PoolcheckException.class, () -> Configuration.load(file));
  }

  @Test
  void findsConfigurationInAParentDirectory() throws IOException {
    Path config = write(".poolcheck.yaml", "rules: {}\n");
    Path deep = Files.createDirectories(dir.resolve("a/b/c"));

    assertEquals(Optional.of(config), Configuration.find(deep));
  }

  @Test
  void findsTheNearestConfigurationFirst() throws IOException {
    write(".poolcheck.yaml", "rules: {}\n");
    Path nearer = write("a/.poolcheck.yml", "rules: {}\n");
    Path deep = Files.createDirectories(dir.resolve("a/b"));

    assertEquals(Optional.of(nearer), Configuration.find(deep));
  }

  @Test
  void prefersYamlOverYmlInTheSameDirectory() throws IOException {
    Path yaml = write(".poolcheck.yaml", "rules: {}\n");
    write(".poolcheck.yml", "rules: {}\n");

    assertEquals(Optional.of(yaml), Configuration.find(dir));
  }

  @Test
  void ignoresADirectoryNamedLikeTheConfiguration() throws IOException {
    Path deep = Files.createDirectories(dir.resolve("x/.poolcheck.yaml"));

    assertEquals(
        Optional.empty(), Configuration.find(deep.getParent()).filter(p -> p.startsWith(dir)));
  }

  @Test
  void readsEverySetting() throws IOException {
    write("policies/bundle.tar.gz", "not really a bundle");
    Path file =
        write(
            ".poolcheck.yaml",
            """
            rules:
              extension-not-allowed: off
              schema-unknown-property: error
              image-retired: info
              identity-missing: on
            allowedExtensions:
              - {publisher: Contoso.Monitoring, type: ContosoAgent}
            policies: [policies/bundle.tar.gz]
            exclude: ["legacy/**"]
            suppressions:
              - rule: schema-unknown-property
                file: "pools/old/*.json"
                pointer: /properties/foo
                reason: "  kept for the migration script  "
              - rule: image-retired
                file: "**"
                reason: replaced next quarter
            failOn: warning
            """);

    Configuration config = Configuration.load(file);

    assertEquals(Optional.of(file), config.file());
    assertEquals(
        Map.of(
            "extension-not-allowed", RuleSetting.OFF,
            "schema-unknown-property", RuleSetting.ERROR,
            "image-retired", RuleSetting.INFO,
            "identity-missing", RuleSetting.ON),
        config.rules());
    assertFalse(config.isEnabled("extension-not-allowed"));
    assertTrue(config.isEnabled("identity-missing"));
    assertTrue(config.isEnabled("not-mentioned"));
    assertEquals(Optional.of(Severity.ERROR), config.severityFor("schema-unknown-property"));
    assertEquals(Optional.empty(), config.severityFor("identity-missing"));
    assertEquals(
        List.of(new AllowedExtension("Contoso.Monitoring", "ContosoAgent")),
        config.allowedExtensions());
    assertEquals(List.of(dir.resolve("policies/bundle.tar.gz")), config.policies());
    assertEquals(List.of("legacy/**"), config.excludes());
    assertEquals(
        List.of(
            new Suppression(
                "schema-unknown-property",
                "pools/old/*.json",
                Optional.of("/properties/foo"),
                "kept for the migration script"),
            new Suppression("image-retired", "**", Optional.empty(), "replaced next quarter")),
        config.suppressions());
    assertEquals(Optional.of(Severity.WARNING), config.failOn());
  }

  @Test
  void acceptsYamlBooleansAsOnAndOff() throws IOException {
    Path file = write(".poolcheck.yaml", "rules:\n  a-rule: false\n  b-rule: true\n");

    Configuration config = Configuration.load(file);

    assertFalse(config.isEnabled("a-rule"));
    assertTrue(config.isEnabled("b-rule"));
  }

  @Test
  void resolvesPoliciesAgainstTheConfigurationDirectory() throws IOException {
    Path bundle = write("conf/p/b.wasm", "x");
    Path file = write("conf/.poolcheck.yaml", "policies:\n  - p/b.wasm\n");

    assertEquals(List.of(bundle), Configuration.load(file).policies());
  }

  @Test
  void treatsAnEmptyFileAsNoSettings() throws IOException {
    Path file = write(".poolcheck.yaml", "# nothing yet\n");

    Configuration config = Configuration.load(file);

    assertEquals(Configuration.empty().rules(), config.rules());
    assertEquals(List.of(), config.suppressions());
    assertEquals(Optional.of(file), config.file());
  }

  @Test
  void reportsAWrongTypeAtItsLineAndColumn() throws IOException {
    PoolcheckException e = loadFails("rules:\n  a-rule: off\nexclude: legacy/**\n");

    assertEquals(
        dir.resolve(".poolcheck.yaml") + ":3:10: /exclude: expected array, found string",
        e.getMessage());
  }

  @Test
  void reportsAnUnknownKeyAtTheKeyWithTheKnownKeys() throws IOException {
    PoolcheckException e =
        loadFails(
            """
            rules:
              a-rule: off
            suppressions:
              - rule: a-rule
                file: x.json
                reson: typo
                reason: fine
            """);

    assertEquals(
        dir.resolve(".poolcheck.yaml")
            + ":6:5: unknown key 'reson' in /suppressions/0; expected one of rule, file, pointer,"
            + " reason",
        e.getMessage());
  }

  @Test
  void reportsEveryProblemOnItsOwnLineInFileOrder() throws IOException {
    PoolcheckException e =
        loadFails(
            """
            rulez: {}
            rules:
              a-rule: sometimes
            failOn: 3
            """);

    String file = dir.resolve(".poolcheck.yaml").toString();
    assertEquals(
        List.of(
            file
                + ":1:1: unknown key 'rulez'; expected one of rules, allowedExtensions, policies,"
                + " exclude, suppressions, failOn, apiVersion",
            file
                + ":3:11: /rules/a-rule: \"sometimes\" is not one of off, on, error, warning,"
                + " info, false, true",
            file + ":4:9: /failOn: 3 is not one of error, warning, info"),
        e.getMessage().lines().toList());
  }

  @Test
  void rejectsASuppressionWithoutAReason() throws IOException {
    PoolcheckException e = loadFails("suppressions:\n  - rule: a-rule\n    file: x.json\n");

    assertEquals(
        dir.resolve(".poolcheck.yaml")
            + ":2:5: missing required key 'reason' in /suppressions/0; say why this finding is"
            + " accepted, for the next reader",
        e.getMessage());
  }

  @Test
  void rejectsABlankReason() throws IOException {
    PoolcheckException e =
        loadFails("suppressions:\n  - rule: a-rule\n    file: x.json\n    reason: '  '\n");

    assertTrue(
        e.getMessage()
            .endsWith(
                ":4:13: /suppressions/0/reason: must not be blank; say why this"
                    + " finding is accepted"),
        e.getMessage());
  }

  @Test
  void rejectsAPointerThatIsNotAJsonPointer() throws IOException {
    PoolcheckException e =
        loadFails(
            "suppressions:\n  - {rule: a-rule, file: x.json, pointer: properties/x, reason: r}\n");

    assertTrue(
        e.getMessage().contains(":2:43: /suppressions/0/pointer: is not a JSON Pointer"),
        e.getMessage());
  }

  @Test
  void rejectsARuleIdThatIsNotKebabCase() throws IOException {
    PoolcheckException e = loadFails("rules:\n  Extension Not Allowed: off\n");

    assertTrue(
        e.getMessage().contains(":2:3: 'Extension Not Allowed' is not a rule id"), e.getMessage());
  }

  @Test
  void rejectsARemotePolicyWithoutFetchingIt() throws IOException {
    PoolcheckException e =
        loadFails("policies:\n  - https://example.com/bundle.tar.gz\n  - http://x/b.wasm\n");

    List<String> lines = e.getMessage().lines().toList();
    assertEquals(2, lines.size(), e.getMessage());
    assertTrue(
        lines.get(0).contains(":2:5: policy 'https://example.com/bundle.tar.gz' is a URL"),
        lines.get(0));
    assertTrue(lines.get(0).contains("never downloads"), lines.get(0));
    assertTrue(lines.get(1).contains(":3:5: policy 'http://x/b.wasm' is a URL"), lines.get(1));
  }

  @Test
  void rejectsAMissingPolicyBundle() throws IOException {
    PoolcheckException e = loadFails("policies: [nowhere/bundle.tar.gz]\n");

    assertTrue(
        e.getMessage().contains(":1:12: policy bundle 'nowhere/bundle.tar.gz' not found"),
        e.getMessage());
  }

  @Test
  void rejectsAnInvalidGlob() throws IOException {
    PoolcheckException e = loadFails("exclude:\n  - 'legacy/{a,b'\n");

    assertTrue(e.getMessage().contains(":2:5: 'legacy/{a,b' is not a valid glob"), e.getMessage());
  }

  @Test
  void reportsASyntaxErrorWithItsPosition() throws IOException {
    PoolcheckException e = loadFails("rules:\n  a-rule: off\n   b-rule: [on\n");

    assertTrue(e.getMessage().matches("(?s).*\\.poolcheck\\.yaml:\\d+:\\d+: .+"), e.getMessage());
  }

  @Test
  void rejectsADuplicateKey() throws IOException {
    PoolcheckException e = loadFails("rules:\n  a-rule: off\n  a-rule: on\n");

    assertTrue(e.getMessage().contains(".poolcheck.yaml:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate key 'a-rule'"), e.getMessage());
  }

  @Test
  void reportsAMissingFileWithoutAStackTrace() {
    Path missing = dir.resolve("nope.yaml");

    PoolcheckException e =
        assertThrows(PoolcheckException.class, () -> Configuration.load(missing));

    assertEquals(missing + ": configuration file not found", e.getMessage());
  }
}
