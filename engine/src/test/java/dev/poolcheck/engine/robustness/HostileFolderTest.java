package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanned folders with things in them that cannot be read: the run reports each and goes on. Tests
 * run as root here, where file permissions do not stop a read, so unreadable files are made the
 * ways that stop root too: a FIFO (whose read would block forever), a dangling symbolic link, a
 * symbolic link loop and a directory named like a pool file.
 */
class HostileFolderTest {

  @TempDir Path dir;

  private CheckResult check(String... paths) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> new Poolcheck().check(Workspace.request(dir, paths).threads(2).build()));
  }

  private void writeGoodPool() {
    Workspace.write(dir.resolve("pools/good.json"), HostileInputPipelineTest.goodJson());
  }

  private static Finding only(CheckResult r, String file) {
    List<Finding> found = Workspace.inFile(r, file);
    assertEquals(1, found.size(), () -> file + ": " + r.findings());
    return found.get(0);
  }

  private static void assertGoodPoolChecked(CheckResult r) {
    assertTrue(
        r.documents().stream()
            .anyMatch(d -> d.file().equals("pools/good.json") && d.kind().equals("data-plane")),
        r.documents()::toString);
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
  }

  @Test
  void symbolicLinkLoopIsReportedAndSkipped() throws IOException {
    writeGoodPool();
    Files.createSymbolicLink(dir.resolve("pools/loop"), dir.resolve("pools"));
    CheckResult r = check(".");
    Finding f = only(r, "pools/loop");
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("symbolic link loop"), f.message());
    assertEquals(1, f.line());
    assertGoodPoolChecked(r);
    assertEquals(CheckResult.EXIT_FINDINGS, r.exitCode());
  }

  @Test
  void fifoInAScannedFolderIsReportedInsteadOfBlockingTheRun() throws Exception {
    writeGoodPool();
    mkfifo(dir.resolve("pools/pipe.json"));
    CheckResult r = check(".");
    Finding f = only(r, "pools/pipe.json");
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("not a regular file"), f.message());
    assertGoodPoolChecked(r);
  }

  @Test
  void fifoGivenByNameIsReportedInsteadOfBlockingTheRun() throws Exception {
    writeGoodPool();
    mkfifo(dir.resolve("pipe.yaml"));
    CheckResult r = check("pipe.yaml", "pools/good.json");
    assertEquals("unreadable-input", only(r, "pipe.yaml").ruleId());
    assertGoodPoolChecked(r);
  }

  @Test
  void danglingSymbolicLinkIsReported() throws IOException {
    writeGoodPool();
    Files.createSymbolicLink(dir.resolve("pools/gone.json"), dir.resolve("nowhere.json"));
    CheckResult r = check(".");
    Finding f = only(r, "pools/gone.json");
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("does not exist"), f.message());
    assertGoodPoolChecked(r);
  }

  @Test
  void directoryNamedLikeAPoolFileIsWalkedNotRead() throws IOException {
    writeGoodPool();
    Files.createDirectories(dir.resolve("pools/odd.json"));
    Workspace.write(dir.resolve("pools/odd.json/inner.yaml"), "id: [\n");
    CheckResult r = check(".");
    assertTrue(Workspace.inFile(r, "pools/odd.json").isEmpty(), r.findings()::toString);
    assertEquals("syntax-error", only(r, "pools/odd.json/inner.yaml").ruleId());
    assertGoodPoolChecked(r);
  }

  @Test
  void tenThousandFilesAreAllCheckedInSortedOrder() {
    String pool = HostileInputPipelineTest.goodJson();
    for (int i = 0; i < 10_000; i++) {
      String name = String.format("many/%02d/pool-%05d.json", i % 50, i);
      // Every hundredth file is broken, so findings come from all over the folder.
      Workspace.write(dir.resolve(name), i % 100 == 0 ? pool.substring(0, 200) : pool);
    }
    CheckResult r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(300),
            () -> new Poolcheck().check(Workspace.request(dir, "many").threads(2).build()));
    assertEquals(10_000, r.documents().size());
    assertEquals(100, Workspace.withRule(r, "syntax-error").size());
    assertTrue(r.errors().isEmpty(), r.errors()::toString);
    assertEquals(r.findings().stream().sorted(Finding.ORDER).toList(), r.findings());
    assertFalse(Workspace.reports(r).values().stream().anyMatch(s -> s.contains("\tat ")));
  }
}
