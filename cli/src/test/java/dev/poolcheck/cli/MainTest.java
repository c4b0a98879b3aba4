package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  @Test
  void versionIsTheMavenProjectVersion() {
    CliRun run = CliRun.in(dir).run("--version");
    assertEquals(0, run.exitCode);
    String version = VersionProvider.version();
    assertFalse(version.contains("${"), "version.properties must be filtered: " + version);
    assertFalse(version.equals("unknown"));
    assertTrue(run.out.startsWith("poolcheck " + version + "\n"), run.out);
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRun run = CliRun.in(dir).run("--help");
    assertEquals(0, run.exitCode);
    assertTrue(run.out.contains("check"), run.out);
    assertTrue(run.out.contains("Exit codes:"), run.out);
    assertTrue(run.out.contains("1   findings at or above --fail-on"), run.out);
  }

  @Test
  void helpCommandShowsTheHelpOfCheck() {
    CliRun run = CliRun.in(dir).run("help", "check");
    assertEquals(0, run.exitCode);
    assertTrue(run.out.contains("--fail-on=SEVERITY"), run.out);
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.in(dir).run();
    assertEquals(2, run.exitCode);
    assertTrue(run.err.contains("Missing command"), run.err);
    assertTrue(run.err.contains("Try 'poolcheck --help'."), run.err);
  }
}
