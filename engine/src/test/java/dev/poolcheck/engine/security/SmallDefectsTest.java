package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, part 5: the smaller defects, one case each. */
class SmallDefectsTest {

  @TempDir Path dir;

  private CheckResult check(String file, String content) {
    SecurityWorkspace.write(dir.resolve(file), content);
    return SecurityWorkspace.check(SecurityWorkspace.request(dir, file).build());
  }

  private static List<Finding> withRule(CheckResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }

  @Test
  void yamlInfinityNanAndSexagesimalAreValuesNotSyntaxErrors() {
    CheckResult r =
        check(
            "floats.yaml",
            """
            id: p
            vmSize: standard_d2s_v5
            metadata:
              - name: a
                value: .inf
              - name: b
                value: .NaN
              - name: c
                value: -.Inf
              - name: d
                value: 4711:08:15.1337
            """);
    assertEquals(List.of(), withRule(r, "syntax-error"));
    assertTrue(r.documents().stream().anyMatch(d -> d.kind().equals("data-plane")), r::toString);
  }

  @Test
  void numbersThatLoseDigitsAsDoublesAreNotIntegers() {
    for (String number : List.of("1e-400", "1.0000000000000000000001")) {
      CheckResult r =
          check(
              "lossy.json",
              "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\", \"targetDedicatedNodes\": "
                  + number
                  + "}");
      assertTrue(
          withRule(r, "schema-invalid-value").stream()
              .anyMatch(f -> f.pointer().equals("/targetDedicatedNodes")),
          number + ": " + r.findings());
    }
  }

  @Test
  void loneCarriageReturnsReachNoReportRaw() {
    CheckResult r =
        check("cr.json", "{\"id\": \"p\",\r\"vmSize\": \"standard_d2s_v5\",\r\"bogus\": 1}\r");
    assertFalse(r.findings().isEmpty());
    for (var o : SecurityWorkspace.outputs(r, dir, null).entrySet()) {
      if (List.of("text", "junit", "github").contains(o.getKey())) {
        assertFalse(o.getValue().contains("\r"), o.getKey() + " prints a raw CR");
      }
    }
  }

  @Test
  void invalidIncludeGlobIsOneLine() {
    SecurityWorkspace.write(dir.resolve("a.json"), "{}");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () ->
                SecurityWorkspace.check(
                    SecurityWorkspace.request(dir, ".").includes(List.of("**/[abc.json")).build()));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("[abc.json"), e.getMessage());
  }

  @Test
  void misspelledRuleIdInRulesIsAnErrorWithASuggestion() {
    SecurityWorkspace.write(dir.resolve("a.json"), "{}");
    SecurityWorkspace.write(
        dir.resolve(".poolcheck.yaml"), "rules:\n  extension-customscript-reserverd: off\n");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> SecurityWorkspace.check(SecurityWorkspace.request(dir, "a.json").build()));
    assertTrue(
        e.getMessage().contains("did you mean 'extension-customscript-reserved'"), e.getMessage());
  }

  @Test
  void misspelledRuleIdInSuppressionsIsAnErrorWithASuggestion() {
    SecurityWorkspace.write(dir.resolve("a.json"), "{}");
    SecurityWorkspace.write(
        dir.resolve(".poolcheck.yaml"),
        """
        suppressions:
          - rule: schema-unknown-proprety
            file: a.json
            reason: test
        """);
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> SecurityWorkspace.check(SecurityWorkspace.request(dir, "a.json").build()));
    assertTrue(e.getMessage().contains("did you mean 'schema-unknown-property'"), e.getMessage());
  }

  @Test
  void secondYamlDocumentInTheConfigurationIsAnError() {
    SecurityWorkspace.write(dir.resolve("a.json"), "{}");
    SecurityWorkspace.write(
        dir.resolve(".poolcheck.yaml"), "failOn: warning\n---\nrules:\n  syntax-error: off\n");
    PoolcheckException e =
        assertThrows(
            PoolcheckException.class,
            () -> SecurityWorkspace.check(SecurityWorkspace.request(dir, "a.json").build()));
    assertTrue(e.getMessage().contains("second document"), e.getMessage());
    assertTrue(e.getMessage().contains(".poolcheck.yaml:3"), e.getMessage());
  }

  @Test
  void policyPointerWithAnInvalidEscapeIsABrokenRule() {
    SecurityWorkspace.write(
        dir.resolve("p.json"), "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\"}");
    CheckResult r =
        SecurityWorkspace.check(
            SecurityWorkspace.request(dir, "p.json")
                .policies(List.of(SecurityWorkspace.policy("bad-pointer")))
                .build());
    assertTrue(
        r.findings().stream().noneMatch(f -> f.pointer().contains("~2")), r.findings()::toString);
    assertTrue(
        r.errors().stream().anyMatch(e -> e.message().contains("not a JSON Pointer")),
        r.errors()::toString);
  }
}
