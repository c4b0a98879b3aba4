package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.FailOn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report-only mode, selection options, colour and the Windows launcher, end to end in-process. */
class FrontEndOptionsTest {

  /** A management body with a CustomScript extension: one error finding. */
  private static final String BAD_POOL =
      """
      {"properties": {"vmSize": "STANDARD_D2S_V3", "deploymentConfiguration": {
        "virtualMachineConfiguration": {
          "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts",
                             "sku": "server", "version": "latest"},
          "nodeAgentSkuId": "batch.node.ubuntu 24.04",
          "extensions": [{"name": "setup", "publisher": "Microsoft.Azure.Extensions",
                          "type": "CustomScript", "typeHandlerVersion": "2.1"}]}}}}
      """;

  @TempDir Path dir;

  private CliRun real(String... args) {
    return CliRun.in(dir).answering(new Poolcheck()::check).run(args);
  }

  @Test
  void failOnNoneWritesEveryReportAndExitsWithZero() throws Exception {
    Files.createDirectories(dir.resolve("pools"));
    Files.writeString(dir.resolve("pools/bad.json"), BAD_POOL);

    CliRun run =
        real(
            "check",
            "--as-of",
            "2026-01-15",
            "--fail-on",
            "none",
            "--format",
            "sarif",
            "--output",
            "out/poolcheck.sarif",
            "--format",
            "text",
            "pools");

    assertEquals(0, run.exitCode, run.err + run.out);
    assertTrue(run.out.contains("[extension-customscript-reserved]"), run.out);
    assertTrue(
        Files.readString(dir.resolve("out/poolcheck.sarif")).contains("extension-customscript"));
    assertEquals(1, real("check", "--as-of", "2026-01-15", "pools").exitCode, "fails by default");
  }

  @Test
  void writingABaselineExitsWithZeroAndTheBaselineThenHoldsTheFindings() throws Exception {
    Files.writeString(dir.resolve("bad.json"), BAD_POOL);

    CliRun write = real("check", "--write-baseline", "baseline.json", "bad.json");
    CliRun use = real("check", "--baseline", "baseline.json", "bad.json");

    assertEquals(0, write.exitCode, write.err + write.out);
    assertTrue(Files.readString(dir.resolve("baseline.json")).contains("extension-customscript"));
    assertEquals(0, use.exitCode, use.out);
    assertTrue(use.out.contains("1 baselined"), use.out);
  }

  @Test
  void aGlobThatMatchesNothingIsExitTwoUnlessAllowed() throws Exception {
    Files.createDirectories(dir.resolve("pools"));
    Files.writeString(dir.resolve("pools/bad.json"), BAD_POOL);

    CliRun typo = real("check", "--include", "pool/**/*.json", ".");
    CliRun allowed = real("check", "--include", "pool/**/*.json", "--allow-empty", ".");
    CliRun quoted = real("check", "--as-of", "2026-01-15", "pools/**/*.json");

    assertEquals(2, typo.exitCode, typo.out);
    assertTrue(typo.out.contains("no file matched"), typo.out);
    assertEquals(0, allowed.exitCode, allowed.out);
    assertEquals(1, quoted.exitCode, "the quoted glob was expanded: " + quoted.out + quoted.err);
  }

  @Test
  void checkingTheCurrentFolderSkipsHiddenFoldersAndNodeModules() throws Exception {
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\n");
    Files.createDirectories(dir.resolve("web/node_modules/x"));
    Files.writeString(dir.resolve("web/node_modules/x/package.json"), "{}");
    Files.writeString(dir.resolve("bad.json"), BAD_POOL);

    CliRun run = real("check", "--as-of", "2026-01-15");

    assertFalse(run.out.contains("ci.yml") || run.out.contains("package.json"), run.out);
    assertTrue(run.out.contains("in 1 file"), run.out);
  }

  @Test
  void forceExcludeAppliesTheConfigurationsExcludeToNamedFiles() throws Exception {
    Files.createDirectories(dir.resolve("legacy"));
    Files.writeString(dir.resolve("legacy/old.json"), BAD_POOL);
    Files.writeString(dir.resolve(".poolcheck.yaml"), "exclude: [legacy/]\n");

    assertEquals(1, real("check", "legacy/old.json").exitCode);
    CliRun forced = real("check", "--force-exclude", "legacy/old.json", ".poolcheck.yaml");
    assertEquals(0, forced.exitCode, forced.out);
  }

  @Test
  void failOnCompletionAndHelpListTheEngineSeverities() {
    CliRun help = CliRun.in(dir).run("check", "--help");
    assertTrue(help.out.contains(String.join(", ", FailOn.ids())), help.out);
  }

  @Test
  void colourFollowsColorOptionNoColorAndForceColor() {
    Shell terminal = shell(Map.of(), true);
    Shell pipe = shell(Map.of(), false);
    assertTrue(terminal.colorWanted(CommonOptions.ColorMode.AUTO));
    assertFalse(pipe.colorWanted(CommonOptions.ColorMode.AUTO));
    assertTrue(pipe.colorWanted(CommonOptions.ColorMode.ALWAYS));
    assertFalse(terminal.colorWanted(CommonOptions.ColorMode.NEVER));
    assertTrue(shell(Map.of("FORCE_COLOR", "1"), false).colorWanted(CommonOptions.ColorMode.AUTO));
    assertFalse(shell(Map.of("NO_COLOR", "1"), true).colorWanted(CommonOptions.ColorMode.AUTO));
    assertFalse(
        shell(Map.of("NO_COLOR", "1", "FORCE_COLOR", "1"), true)
            .colorWanted(CommonOptions.ColorMode.AUTO));
    assertEquals(CommonOptions.ColorMode.ALWAYS, Main.colorMode(new String[] {"--color=always"}));
    assertEquals(CommonOptions.ColorMode.NEVER, Main.colorMode(new String[] {"--no-color"}));
    assertEquals(
        CommonOptions.ColorMode.ALWAYS,
        Main.colorMode(new String[] {"check", "--color", "always"}));
  }

  @Test
  void colorAlwaysColoursTheTextReportInAPipe() throws Exception {
    Files.writeString(dir.resolve("bad.json"), BAD_POOL);
    assertTrue(real("check", "--color=always", "bad.json").out.contains("\u001b["));
    assertFalse(real("check", "bad.json").out.contains("\u001b["));
  }

  /**
   * The Windows launcher cannot run here (no cmd.exe); this checks what can be checked without it:
   * CRLF line ends, the same JVM options as bin/poolcheck, both jar locations, the exit code passed
   * on.
   */
  @Test
  void windowsLauncherMatchesTheBashOne() throws Exception {
    Path bin = Path.of("..", "bin").toAbsolutePath().normalize();
    String cmd = Files.readString(bin.resolve("poolcheck.cmd"), StandardCharsets.US_ASCII);
    String bash = Files.readString(bin.resolve("poolcheck"));
    assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "CRLF only");
    for (String option :
        List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto")) {
      assertTrue(cmd.contains(option) && bash.contains(option), option);
    }
    assertTrue(cmd.contains("lib\\poolcheck.jar") && cmd.contains("cli\\target\\poolcheck.jar"));
    assertTrue(cmd.contains("%POOLCHECK_JAVA_OPTS%") && cmd.contains("%*"));
    assertTrue(cmd.contains("exit /b %ERRORLEVEL%"));
  }

  private Shell shell(Map<String, String> env, boolean terminal) {
    return new Shell(
        java.io.InputStream.nullInputStream(), System.out, System.err, dir, env, terminal);
  }
}
