package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule fixture through the whole engine (loader, kinds, rules, position mapping): each
 * {@code fixtures/rules/<id>/bad.*} must report {@code <id>}, each {@code good.*} must not. {@link
 * FindingPositionsTest} checks that the positions of those findings are right.
 */
class RuleFixturesTest {

  static Stream<String> ruleFixtures() {
    return FixtureRepository.allFixtureFiles().stream()
        .filter(f -> f.startsWith("fixtures/rules/"))
        .filter(f -> fileName(f).startsWith("bad") || fileName(f).startsWith("good"));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String ruleOf(String path) {
    String[] parts = path.split("/");
    return parts[2];
  }

  @ParameterizedTest
  @MethodSource("ruleFixtures")
  void badFixturesReportTheirRuleAndGoodOnesDoNot(String fixture) {
    CheckResult r = new Poolcheck().check(FixtureRepository.request(fixture).build());
    assertTrue(r.errors().isEmpty(), () -> "tool errors: " + r.errors());
    String rule = ruleOf(fixture);
    List<Finding> hits = r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    if (fileName(fixture).startsWith("bad")) {
      assertFalse(
          hits.isEmpty(), () -> fixture + " should report " + rule + "; got " + r.findings());
    } else {
      assertTrue(hits.isEmpty(), () -> fixture + " should not report " + rule + "; got " + hits);
    }
  }
}
