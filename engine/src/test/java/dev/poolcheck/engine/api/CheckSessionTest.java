package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One set-up, many files: a session finds what a whole run finds in each file. */
class CheckSessionTest {

  private static final String BAD = "fixtures/rules/extension-customscript-reserved/bad.json";
  private static final String GOOD = "fixtures/rules/extension-customscript-reserved/good.json";

  @Test
  void findsInEachFileWhatAWholeRunFinds() {
    CheckSession session = CheckSession.open(FixtureRepository.request().build(), 2);
    List<Finding> bad = session.check(BAD);
    List<Finding> good = session.check(GOOD);

    assertTrue(
        bad.stream().anyMatch(f -> f.ruleId().equals("extension-customscript-reserved")),
        () -> "findings: " + bad);
    assertTrue(
        good.stream().noneMatch(f -> f.ruleId().equals("extension-customscript-reserved")),
        () -> "findings: " + good);
    List<Finding> whole = new Poolcheck().check(FixtureRepository.request(BAD).build()).findings();
    assertEquals(
        whole.stream().map(f -> f.ruleId() + "@" + f.line() + ":" + f.column()).sorted().toList(),
        session.check(BAD).stream()
            .map(f -> f.ruleId() + "@" + f.line() + ":" + f.column())
            .sorted()
            .toList());
  }

  @Test
  void reportsAMissingFileAsAFindingNotAnException() {
    CheckSession session = CheckSession.open(FixtureRepository.request().build(), 1);
    List<Finding> findings = session.check("fixtures/no-such-file.json");
    assertEquals(1, findings.size(), () -> "findings: " + findings);
    assertEquals("unreadable-input", findings.get(0).ruleId());
  }
}
