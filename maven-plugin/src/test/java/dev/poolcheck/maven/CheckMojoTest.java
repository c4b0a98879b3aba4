package dev.poolcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** The Maven-specific parts of the goal; real builds are in src/it/. */
class CheckMojoTest {

  private static final Path BASE = Path.of("/work/project");

  @Test
  void findingLineIsAbsolutePathWithBracketedLineAndColumnAsJavacWritesIt() {
    Finding f =
        new Finding(
            "extension-customscript-reserved",
            Severity.ERROR,
            "extension 'setup' is reserved",
            "pools/gpu.json",
            "/x",
            SourceRange.of(16, 17, 16, 31));

    assertEquals(
        "/work/project/pools/gpu.json:[16,17] extension-customscript-reserved:"
            + " extension 'setup' is reserved",
        CheckMojo.findingLine(BASE, f));
  }

  /** Issue 11: a key or file name from the repository cannot start a CI command in the log. */
  @Test
  void findingLineEscapesControlCharactersSoNoLineStartsACiCommand() {
    Finding f =
        new Finding(
            "schema-unknown-property",
            Severity.WARNING,
            "`x\n##vso[task.setvariable variable=EVIL]1` is not a pool property \u001b[2K\u202e",
            "pools/a\n::warning ::EVIL.json",
            "/x",
            SourceRange.of(1, 1, 1, 2));
    String line = CheckMojo.findingLine(BASE, f);
    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("\u001b"), line);
    assertFalse(line.contains("\u202e"), line);
    assertTrue(line.contains("x\\n##vso["), line);
  }

  @Test
  void logsActiveFindingsAtTheirSeverityAndOthersOnlyAtDebug() {
    List<Finding> findings =
        List.of(
            finding("a.json", Severity.ERROR, Finding.Status.ACTIVE),
            finding("b.json", Severity.WARNING, Finding.Status.ACTIVE),
            finding("c.json", Severity.INFO, Finding.Status.ACTIVE),
            finding("d.json", Severity.ERROR, Finding.Status.SUPPRESSED),
            finding("e.json", Severity.ERROR, Finding.Status.BASELINED));
    CheckResult result =
        new CheckResult(
            findings, List.of(), List.of(), List.of(), SourceExcerpts.none(), Severity.ERROR);
    RecordingLog log = new RecordingLog();

    CheckMojo.logFindings(log, BASE, result);

    assertEquals(
        List.of(
            "error /work/project/a.json:[1,1] r: m",
            "warn /work/project/b.json:[1,1] r: m",
            "info /work/project/c.json:[1,1] r: m",
            "debug /work/project/d.json:[1,1] r: m [suppressed]",
            "debug /work/project/e.json:[1,1] r: m [baselined]"),
        log.lines);
  }

  @Test
  void alwaysExcludesBuildDirectoryAndModuleFolders() {
    List<String> globs =
        CheckMojo.alwaysExcluded(
            BASE,
            BASE.resolve("target"),
            List.of("module-a", "nested/module-b/pom.xml", "../sibling"));

    assertTrue(excluded(globs, "target"));
    assertTrue(excluded(globs, "target/classes/pool.json"));
    assertTrue(excluded(globs, "module-a/pools/pool.json"));
    assertTrue(excluded(globs, "nested/module-b/pools/pool.json"));
    assertFalse(excluded(globs, "pools/pool.json"));
    assertFalse(excluded(globs, "module-a-extra/pool.json"));
    assertFalse(excluded(globs, "nested/pool.json"));
    assertFalse(globs.stream().anyMatch(g -> g.contains("sibling")), globs.toString());
  }

  @Test
  void folderNamesWithGlobCharactersAreKeptAsTheyAre() {
    List<String> globs = CheckMojo.alwaysExcluded(BASE, BASE.resolve("target"), List.of("m[1]"));

    assertTrue(excluded(globs, "m[1]/pool.json"));
    assertFalse(excluded(globs, "m1/pool.json"));
  }

  /** Whether the path lies in one of the folders. */
  private static boolean excluded(List<String> globs, String relative) {
    Path rel = Path.of(relative);
    for (int i = 1; i <= rel.getNameCount(); i++) {
      String prefix = rel.subpath(0, i).toString();
      if (globs.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static Finding finding(String file, Severity severity, Finding.Status status) {
    return new Finding("r", severity, "m", file, "", SourceRange.FILE_START, status);
  }

  /** Records what is logged at which level. */
  private static final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public void debug(CharSequence content) {
      lines.add("debug " + content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
      debug(content);
    }

    @Override
    public void debug(Throwable error) {
      debug(error.toString());
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public void info(CharSequence content) {
      lines.add("info " + content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
      info(content);
    }

    @Override
    public void info(Throwable error) {
      info(error.toString());
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("warn " + content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
      warn(content);
    }

    @Override
    public void warn(Throwable error) {
      warn(error.toString());
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public void error(CharSequence content) {
      lines.add("error " + content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
      error(content);
    }

    @Override
    public void error(Throwable error) {
      error(error.toString());
    }
  }
}
