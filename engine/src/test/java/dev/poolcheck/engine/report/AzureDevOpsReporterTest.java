package dev.poolcheck.engine.report;

import static dev.poolcheck.engine.report.CiReportScenarios.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Azure Pipelines logging commands, checked against the documented grammar ("##vso[area.action
 * property1=value;property2=value;...]message", task.logissue with type, sourcepath, linenumber,
 * columnnumber, code) and the task library's escaping.
 */
class AzureDevOpsReporterTest {

  /** One logging command: known properties only, values without a raw ';' or ']'. */
  private static final Pattern LOGISSUE =
      Pattern.compile(
          "##vso\\[task\\.logissue type=(error|warning);"
              + "(sourcepath=[^;\\]\\r\\n]+;linenumber=[1-9][0-9]*;columnnumber=[1-9][0-9]*;)?"
              + "code=[^;\\]\\r\\n]+;][^\\r\\n]*");

  private final AzureDevOpsReporter reporter = new AzureDevOpsReporter(Path.of(""));

  @Test
  void writesOneIssue() {
    Approvals.verify(render(reporter, CiReportScenarios.oneFinding()));
  }

  @Test
  void writesIssuesForManyFindingsInSeveralFiles() {
    Approvals.verify(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()));
  }

  @Test
  void writesToolErrorsAsIssuesWithoutFile() {
    Approvals.verify(render(reporter, CiReportScenarios.toolError()));
  }

  @Test
  void skipsSuppressedAndBaselinedFindingsButCountsThem() {
    Approvals.verify(render(reporter, CiReportScenarios.suppressedAndBaselined()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.poolcheck.engine.report.CiReportScenarios#all")
  void everyCommandFollowsTheLoggingCommandGrammar(String scenario, CheckResult result) {
    for (String line : render(reporter, result).split("\n")) {
      if (line.startsWith("##vso[") && !line.contains("code=tool-error")) {
        assertTrue(LOGISSUE.matcher(line).matches(), scenario + ": " + line);
      }
    }
  }

  @Test
  void escapesAsTheTaskLibraryDoes() {
    assertEquals(
        "100%AZP25 sure%0D%0Anext; a]", AzureDevOpsReporter.escapeData("100% sure\r\nnext; a]"));
    assertEquals(
        "pools/a%3Bb%5D.json%0A%AZP25", AzureDevOpsReporter.escapeProperty("pools/a;b].json\n%"));
  }

  @Test
  void aMessageFromAHostileFileCannotStartAnotherCommand() {
    Finding f =
        new Finding(
            "schema-unknown-property",
            Severity.WARNING,
            "`x\n##vso[task.setvariable variable=PATH]/tmp\u001b[2J` is not a pool property",
            "pools/a;b].json",
            "/x",
            SourceRange.of(3, 5, 3, 9));
    String out =
        render(
            reporter,
            new CheckResult(
                List.of(f),
                List.of(),
                List.of(),
                List.of(),
                SourceExcerpts.none(),
                Severity.ERROR));
    String[] lines = out.split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(LOGISSUE.matcher(lines[0]).matches(), lines[0]);
    assertTrue(
        lines[0].contains("%0A##vso[task.setvariable"), "the newline is escaped: " + lines[0]);
    assertTrue(lines[0].contains("\\u001b[2J"), "the escape character is visible: " + lines[0]);
  }

  @Test
  void writesInfoAsAPlainLineBecauseAzureHasNoLowerIssueType() {
    String out = render(reporter, CiReportScenarios.suppressedAndBaselined());
    assertTrue(out.startsWith("poolcheck info: pools/gpu.json:9:22: ["), out);
  }
}
