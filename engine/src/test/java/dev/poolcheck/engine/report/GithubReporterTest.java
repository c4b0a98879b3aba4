package dev.poolcheck.engine.report;

import static dev.poolcheck.engine.report.CiReportScenarios.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GithubReporterTest {

  private final GithubReporter reporter = new GithubReporter(Path.of(""));

  @Test
  void writesOnlyTheSummaryWhenThereIsNothingToAnnotate() {
    Approvals.verify(render(reporter, CiReportScenarios.empty()));
  }

  @Test
  void writesOneErrorAnnotation() {
    Approvals.verify(render(reporter, CiReportScenarios.oneFinding()));
  }

  @Test
  void writesAnnotationsForManyFindingsInSeveralFiles() {
    Approvals.verify(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()));
  }

  @Test
  void writesToolErrorsAsErrorsWithoutFile() {
    Approvals.verify(render(reporter, CiReportScenarios.toolError()));
  }

  @Test
  void skipsSuppressedAndBaselinedFindingsButCountsThem() {
    Approvals.verify(render(reporter, CiReportScenarios.suppressedAndBaselined()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.poolcheck.engine.report.CiReportScenarios#all")
  void everyCommandIsOneLineWithEscapedData(String scenario, CheckResult result) {
    for (String line : render(reporter, result).split("\n")) {
      if (line.startsWith("::")) {
        assertTrue(line.matches("::(error|warning|notice) [^:]*::[^\r]*"), scenario + ": " + line);
      }
    }
  }

  @Test
  void mapsInfoToNotice() {
    String output = render(reporter, CiReportScenarios.suppressedAndBaselined());
    assertTrue(output.startsWith("::notice file=pools/gpu.json,line=9,col=22,"), output);
  }

  @Test
  void escapesDataAsGithubRequires() {
    assertEquals(
        "100%25 sure%0D%0Anext: a, b", GithubReporter.escapeData("100% sure\r\nnext: a, b"));
  }

  @Test
  void escapesPropertiesAsGithubRequires() {
    assertEquals(
        "C%3A/pools/a%2Cb.json%0A%25", GithubReporter.escapeProperty("C:/pools/a,b.json\n%"));
  }

  @Test
  void namesFilesRelativeToTheRepositoryRoot(@TempDir Path repo) throws Exception {
    Path file = Files.createDirectories(repo.resolve("pools")).resolve("gpu.json");
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    finding.message(),
                    file.toString(),
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            List.of(),
            SourceExcerpts.none(),
            Severity.ERROR);

    String output = render(new GithubReporter(repo), result);

    assertTrue(
        output.startsWith(
            "::error file=pools/gpu.json,line=14,col=21,endLine=14,endColumn=35,"
                + "title=poolcheck extension-customscript-reserved::extension 'kv'"),
        output);
  }

  @Test
  void putsTheFileIntoTheMessageWhenItIsOutsideTheRoot(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    finding.message(),
                    "-",
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            List.of(),
            SourceExcerpts.none(),
            Severity.ERROR);

    String output = render(new GithubReporter(repo), result);

    assertFalse(output.contains("file="), output);
    assertTrue(
        output.startsWith(
            "::error title=poolcheck extension-customscript-reserved::-:14:21: extension 'kv'"),
        output);
  }
}
