package dev.poolcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

class TextReporterTest {

  private static String render(CheckResult result, boolean color) throws IOException {
    StringWriter out = new StringWriter();
    new TextReporter(new ReporterOptions(color, ReportScenarios.VERSION)).write(result, out);
    return out.toString();
  }

  @Test
  void reportsNoProblemsForEmptyResult() throws IOException {
    Approvals.verify(render(ReportScenarios.empty(), false));
  }

  @Test
  void printsLocationSeverityRuleAndCaretUnderTheRange() throws IOException {
    Approvals.verify(render(ReportScenarios.oneFinding(), false));
  }

  @Test
  void listsManyFindingsInOrderWithExcerptsWhereKnown() throws IOException {
    Approvals.verify(render(ReportScenarios.manyFindings(), false));
  }

  @Test
  void listsToolErrorsAfterFindingsAndSaysTheCheckIsIncomplete() throws IOException {
    Approvals.verify(render(ReportScenarios.toolError(), false));
  }

  @Test
  void hidesSuppressedAndBaselinedFindingsButCountsThem() throws IOException {
    Approvals.verify(render(ReportScenarios.suppressed(), false));
  }

  @Test
  void colorsSeverityOnlyWhenAsked() throws IOException {
    String plain = render(ReportScenarios.manyFindings(), false);
    String colored = render(ReportScenarios.manyFindings(), true);
    assertFalse(plain.contains("\u001b["), "plain output must have no escape codes");
    assertTrue(colored.contains("\u001b[1;31merror\u001b[0m"), colored);
    assertTrue(colored.contains("\u001b[1;33mwarning\u001b[0m"), colored);
    assertEquals(plain, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void showsNoExcerptForABlankLine() throws IOException {
    SourceExcerpts excerpts = SourceExcerpts.none();
    excerpts.put("t.json", 7, "   ");
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    "syntax-error",
                    Severity.ERROR,
                    "ends early",
                    "t.json",
                    "",
                    SourceRange.at(7, 1))),
            List.of(new CheckedDocument("t.json", 0, "unknown", 0)),
            List.of(),
            List.of(),
            excerpts,
            Severity.ERROR);
    assertEquals(
        "t.json:7:1: error [syntax-error] ends early\n1 error in 1 file.\n", render(result, false));
  }

  @Test
  void caretFollowsTabsSoItLinesUpOnAnyTabWidth() {
    assertEquals("\t ^~~", TextReporter.marker("\tx abc", SourceRange.of(1, 3, 1, 6)));
  }

  @Test
  void caretStopsAtLineEndWhenRangeRunsPastIt() {
    assertEquals("  ^~", TextReporter.marker("abcd", SourceRange.of(1, 3, 1, 40)));
    assertEquals("    ^", TextReporter.marker("abcd", SourceRange.of(1, 9, 1, 9)));
  }

  @Test
  void multiLineRangeGetsOnlyACaret() {
    assertEquals(" ^", TextReporter.marker("{ \"a\": [", SourceRange.of(1, 2, 3, 1)));
  }

  @Test
  void longLinesAreShownAsAWindowWithTheCaretStillUnderTheColumn() {
    String line = "x".repeat(500) + "\"885b1a3d\"" + "y".repeat(500);
    int column = 501;
    int start = TextReporter.windowStart(line, column);
    String shown = TextReporter.window(line, start);
    assertTrue(shown.length() <= TextReporter.MAX_EXCERPT + 6, shown);
    assertTrue(shown.startsWith("...") && shown.endsWith("..."), shown);
    int caret = shown.indexOf("\"885b1a3d\"");
    assertEquals(column - 1 - start + 3, caret);
  }

  @Test
  void shortLinesAreShownWhole() {
    assertEquals(0, TextReporter.windowStart("short line", 5));
    assertEquals("short line", TextReporter.window("short line", 0));
  }

  @Test
  void summaryCountsSingularAndPlural() {
    Finding error = new Finding("r-a", Severity.ERROR, "m", "x.json", "", SourceRange.at(1, 1));
    CheckResult result =
        new CheckResult(
            List.of(
                error,
                error.withSeverity(Severity.WARNING),
                error.withSeverity(Severity.WARNING),
                error.withSeverity(Severity.INFO),
                error.withStatus(Finding.Status.BASELINED)),
            List.of(
                new CheckedDocument("x.json", 0, "arm", 2),
                new CheckedDocument("y.json", 0, "arm", 1)),
            List.of(),
            List.of(),
            SourceExcerpts.none(),
            Severity.ERROR);
    assertEquals(
        "1 error, 2 warnings, 1 info in 2 files (1 baselined).", TextReporter.summaryLine(result));
  }
}
