package dev.poolcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportersTest {

  private static final ReporterOptions OPTIONS = ReporterOptions.plain("0");

  @Test
  void listsTextFirstThenJson() {
    assertEquals("text", Reporters.formats().get(0));
    assertTrue(Reporters.formats().contains("json"));
  }

  @Test
  void everyListedFormatCreatesAReporterOfThatName() {
    for (String format : Reporters.formats()) {
      assertEquals(format, Reporters.create(format, OPTIONS).format());
      assertTrue(Reporters.isKnown(format));
    }
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reporters.create("xml", OPTIONS));
    assertTrue(e.getMessage().contains("'xml'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("text, json, sarif, junit, github, azuredevops"), e.getMessage());
    assertFalse(Reporters.isKnown("xml"));
  }

  @Test
  void eachFormatCarriesItsDefaultFileNameAndJunitFollowsSurefire() {
    assertEquals("poolcheck.txt", Reporters.defaultFileName("text"));
    assertEquals("poolcheck.json", Reporters.defaultFileName("json"));
    assertEquals("poolcheck.sarif", Reporters.defaultFileName("sarif"));
    assertEquals("TEST-poolcheck.xml", Reporters.defaultFileName("junit"));
    assertEquals("poolcheck-github.txt", Reporters.defaultFileName("github"));
    assertEquals("poolcheck-azuredevops.txt", Reporters.defaultFileName("azuredevops"));
  }

  @Test
  void aReportTargetChecksItsFormatOnce() {
    dev.poolcheck.engine.model.PoolcheckException e =
        assertThrows(
            dev.poolcheck.engine.model.PoolcheckException.class, () -> ReportTarget.stdout("xml"));
    assertTrue(e.getMessage().startsWith("unknown format 'xml'; use one of: text,"));
  }

  @Test
  void writesEveryReportCreatingFoldersAndSaysWhichCouldNotBeWritten(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    java.util.List<String> problems =
        ReportWriter.write(
                CiReportScenarios.oneFinding(),
                java.util.List.of(
                    ReportTarget.inFolder("sarif", dir.resolve("new/folder")),
                    ReportTarget.file("json", dir.resolve("blocker/report.json")),
                    ReportTarget.stdout("text")),
                OPTIONS,
                stdout)
            .problems();
    assertTrue(
        java.nio.file.Files.readString(dir.resolve("new/folder/poolcheck.sarif"))
            .contains("\"version\": \"2.1.0\""));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("cannot write the json report to '"), problems.get(0));
    assertTrue(
        stdout.toString(java.nio.charset.StandardCharsets.UTF_8).contains("1 error in 1 file."));
  }
}
