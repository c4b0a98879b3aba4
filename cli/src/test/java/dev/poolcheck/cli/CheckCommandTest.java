package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.PoolOperation;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir Path dir;

  @Test
  void mapsEveryOptionOntoTheRequest() {
    CheckRequest request =
        CliRun.in(dir)
            .run(
                "check",
                "--fail-on",
                "warning",
                "--kind",
                "arm",
                "--operation",
                "update",
                "--include",
                "**/*.tmpl.json",
                "--exclude",
                "build/**",
                "--config",
                "conf/poolcheck.yaml",
                "--policy",
                "a.tar.gz",
                "--policy",
                "/abs/b.wasm",
                "--namespace",
                "acme",
                "--baseline",
                "base.json",
                "--write-baseline",
                "new-base.json",
                "--as-of",
                "2025-03-31",
                "--threads",
                "3",
                "--api-version",
                "2024-07-01",
                "pools",
                "extra.yaml")
            .request();
    assertEquals(dir, request.baseDir());
    assertEquals(List.of("pools", "extra.yaml"), request.paths());
    assertEquals(Optional.of(Severity.WARNING), request.failOn());
    assertEquals(Optional.of(DocumentKind.ARM_TEMPLATE), request.kind());
    assertEquals(Optional.of(PoolOperation.UPDATE), request.operation());
    assertEquals(List.of("**/*.tmpl.json"), request.includes());
    assertEquals(List.of("build/**"), request.excludes());
    assertEquals(Optional.of(dir.resolve("conf/poolcheck.yaml")), request.configFile());
    assertEquals(List.of(dir.resolve("a.tar.gz"), Path.of("/abs/b.wasm")), request.policies());
    assertEquals("acme", request.namespace());
    assertEquals(Optional.of(dir.resolve("base.json")), request.baseline());
    assertEquals(Optional.of(dir.resolve("new-base.json")), request.writeBaseline());
    assertEquals(LocalDate.of(2025, 3, 31), request.asOf());
    assertEquals(3, request.threads());
    assertEquals(Optional.of("2024-07-01"), request.apiVersion());
  }

  @Test
  void leavesEngineDefaultsWhenOptionsAreAbsent() {
    CheckRequest request = CliRun.in(dir).run("check", "pool.json").request();
    CheckRequest defaults = CheckRequest.builder(dir).path("pool.json").build();
    assertEquals(defaults.includes(), request.includes());
    assertEquals(CheckRequest.DEFAULT_INCLUDES, request.includes());
    assertEquals(Optional.empty(), request.failOn(), "the configuration or the engine decides");
    assertEquals("main", request.namespace());
    assertEquals(Optional.empty(), request.kind());
    assertEquals(Optional.empty(), request.operation());
    assertEquals(Optional.empty(), request.configFile());
    assertEquals(Optional.empty(), request.baseline());
    assertEquals(defaults.threads(), request.threads());
    assertEquals(
        Optional.empty(), request.apiVersion(), "the document or the configuration decides");
  }

  @Test
  void checksTheCurrentDirectoryWhenNoPathIsGiven() {
    assertEquals(List.of("."), CliRun.in(dir).run("check").request().paths());
  }

  @Test
  void dashReadsStandardInputUnderTheStdinFilename() throws IOException {
    CliRun run =
        CliRun.in(dir).stdin("{\"id\": \"p\"}").run("check", "--stdin-filename", "pool.yaml", "-");
    CheckRequest request = run.request();
    assertEquals(List.of("-"), request.paths());
    assertEquals("pool.yaml", request.stdinName());
    try (InputStream in = request.stdin()) {
      assertEquals("{\"id\": \"p\"}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void standardInputIsNamedDashByDefault() {
    assertEquals("-", CliRun.in(dir).run("check", "-").request().stdinName());
  }

  @Test
  void stdinFilenameWithoutDashIsAUsageError() {
    CliRun run = CliRun.in(dir).run("check", "--stdin-filename", "x.yaml", "pool.json");
    assertUsageError(run, "no path is '-'");
  }

  @Test
  void misspelledOptionSuggestsTheRightOneAndHowToGetHelp() {
    CliRun run = CliRun.in(dir).run("check", "--formt", "json", "pool.json");
    assertUsageError(run, "Unknown option: '--formt'. Did you mean --format?");
    assertTrue(run.err.contains("Try 'poolcheck check --help'."), run.err);
  }

  @Test
  void misspelledCommandSuggestsCheck() {
    CliRun run = CliRun.in(dir).run("chek", "pool.json");
    assertEquals(2, run.exitCode);
    assertTrue(run.err.startsWith("Unknown command: 'chek'. Did you mean check"), run.err);
    assertTrue(run.err.contains("Try 'poolcheck --help'."), run.err);
  }

  @Test
  void unknownFormatListsTheKnownOnes() {
    assertUsageError(
        CliRun.in(dir).run("check", "--format", "xml"),
        "Unknown format 'xml' for --format; use one of: text, json, sarif, junit, github");
  }

  @Test
  void badOptionValuesAreUsageErrorsThatSayWhatToWrite() {
    assertUsageError(
        CliRun.in(dir).run("check", "--as-of", "31/03/2025"), "write it as YYYY-MM-DD");
    assertUsageError(
        CliRun.in(dir).run("check", "--fail-on", "fatal"), "use error, warning or info");
    assertUsageError(
        CliRun.in(dir).run("check", "--kind", "pool"),
        "use one of: management, data-plane, arm, node-extension, azure-rest-example, arm-resource,"
            + " batch-template");
    assertUsageError(
        CliRun.in(dir).run("check", "--operation", "delete"), "use one of: create, update");
    assertUsageError(CliRun.in(dir).run("check", "--threads", "0"), "--threads must be 1 or more");
    assertUsageError(CliRun.in(dir).run("check", "--threads", "many"), "'many'");
    assertUsageError(
        CliRun.in(dir).run("check", "--api-version", "latest"), "give a date such as 2024-07-01");
  }

  @Test
  void twoFormatsOnStandardOutputIsAUsageError() {
    assertUsageError(
        CliRun.in(dir).run("check", "--format", "text", "--format", "json"),
        "formats text and json would all go to standard output");
  }

  @Test
  void moreOutputsThanFormatsIsAUsageError() {
    assertUsageError(
        CliRun.in(dir).run("check", "--output", "a.txt", "--output", "b.txt"),
        "--output is given 2 times but --format only 1 time");
  }

  @Test
  void writesEachFormatToItsOwnOutputAndTheRestToStandardOutput() throws IOException {
    CliRun run =
        CliRun.in(dir)
            .answering(Results.withFinding(Severity.ERROR, Severity.ERROR))
            .run("check", "--format", "json", "--output", "reports/out.json", "--format", "text");
    assertEquals(1, run.exitCode, run.err);
    assertTrue(run.out.startsWith("pool.json:3:13: error [schema-invalid-value]"), run.out);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/out.json").toFile());
    assertEquals("schema-invalid-value", json.at("/findings/0/ruleId").asText());
    assertEquals(VersionProvider.version(), json.at("/tool/version").asText());
  }

  @Test
  void singleOutputWithoutFormatWritesTextToTheFile() throws IOException {
    CliRun run =
        CliRun.in(dir)
            .answering(Results.withFinding(Severity.WARNING, Severity.ERROR))
            .run("check", "--output", "report.txt");
    assertEquals(0, run.exitCode);
    assertEquals("", run.out);
    String report = Files.readString(dir.resolve("report.txt"));
    assertTrue(report.contains("pool.json:3:13: warning [schema-invalid-value]"), report);
  }

  @Test
  void reportThatCannotBeWrittenExitsWith2() throws IOException {
    Files.writeString(dir.resolve("file"), "not a folder");
    CliRun run = CliRun.in(dir).run("check", "--output", "file/report.txt");
    assertEquals(2, run.exitCode);
    assertTrue(run.err.contains("cannot write the text report"), run.err);
  }

  @Test
  void exitCodeComesFromTheResult() {
    assertEquals(0, CliRun.in(dir).answering(Results.clean()).run("check").exitCode, "clean");
    assertEquals(
        1,
        CliRun.in(dir)
            .answering(Results.withFinding(Severity.ERROR, Severity.ERROR))
            .run("check")
            .exitCode,
        "error at fail-on error");
    assertEquals(
        0,
        CliRun.in(dir)
            .answering(Results.withFinding(Severity.WARNING, Severity.ERROR))
            .run("check")
            .exitCode,
        "warning below fail-on error");
    assertEquals(
        1,
        CliRun.in(dir)
            .answering(Results.withFinding(Severity.WARNING, Severity.WARNING))
            .run("check", "--fail-on", "warning")
            .exitCode,
        "warning at fail-on warning");
    assertEquals(
        2, CliRun.in(dir).answering(Results.withToolError()).run("check").exitCode, "tool error");
  }

  @Test
  void toolErrorsGoToStandardErrorWhenTheTextReportDoesNotShowThem() {
    CliRun json =
        CliRun.in(dir).answering(Results.withToolError()).run("check", "--format", "json");
    assertTrue(
        json.err.contains("poolcheck: missing.json: no such file or folder; check the path"),
        json.err);
    CliRun text = CliRun.in(dir).answering(Results.withToolError()).run("check");
    assertTrue(text.out.contains("missing.json: tool error:"), text.out);
    assertEquals("", text.err);
  }

  @Test
  void configurationProblemIsReportedWithoutStackTrace() {
    CliRun run =
        CliRun.in(dir)
            .answering(
                (PoolChecker)
                    request -> {
                      throw new PoolcheckException(
                          "invalid .poolcheck.yaml: line 2: unknown key 'rulez'");
                    })
            .run("check");
    assertEquals(2, run.exitCode);
    assertEquals(
        "poolcheck: invalid .poolcheck.yaml: line 2: unknown key 'rulez'.\n",
        run.err.replace("\r\n", "\n"));
  }

  @Test
  void internalErrorPointsToDebugAndDebugShowsTheStackTrace() {
    PoolChecker broken =
        request -> {
          throw new IllegalStateException("boom");
        };
    CliRun quiet = CliRun.in(dir).answering(broken).run("check");
    assertEquals(2, quiet.exitCode);
    assertTrue(quiet.err.contains("internal error: java.lang.IllegalStateException: boom"));
    assertTrue(quiet.err.contains("--debug"), quiet.err);
    assertFalse(quiet.err.contains("\tat "), "no stack trace without --debug: " + quiet.err);

    CliRun debug = CliRun.in(dir).answering(broken).run("check", "--debug");
    assertEquals(2, debug.exitCode);
    assertTrue(debug.err.contains("\tat "), "stack trace with --debug: " + debug.err);
  }

  @Test
  void coloursTextOnATerminalUnlessNoColorIsAsked() {
    var result = Results.withFinding(Severity.ERROR, Severity.ERROR);
    assertTrue(CliRun.in(dir).terminal().answering(result).run("check").out.contains("\u001b["));
    assertFalse(
        CliRun.in(dir)
            .terminal()
            .env(Map.of("NO_COLOR", "1"))
            .answering(result)
            .run("check")
            .out
            .contains("\u001b["));
    assertFalse(
        CliRun.in(dir)
            .terminal()
            .answering(result)
            .run("check", "--no-color")
            .out
            .contains("\u001b["));
    assertFalse(CliRun.in(dir).answering(result).run("check").out.contains("\u001b["));
  }

  @Test
  void neverColoursAReportWrittenToAFile() throws IOException {
    CliRun.in(dir)
        .terminal()
        .answering(Results.withFinding(Severity.ERROR, Severity.ERROR))
        .run("check", "--output", "r.txt");
    assertFalse(Files.readString(dir.resolve("r.txt")).contains("\u001b["));
  }

  @Test
  void helpListsOptionsAndExitCodes() {
    CliRun run = CliRun.in(dir).run("check", "--help");
    assertEquals(0, run.exitCode);
    assertTrue(run.out.contains("--format=FORMAT"), run.out);
    assertTrue(run.out.contains("text, json, sarif, junit, github"), run.out);
    assertTrue(run.out.contains("Exit codes:"), run.out);
    assertTrue(run.out.contains("2   poolcheck could not do its job"), run.out);
    assertTrue(run.requests.isEmpty());
  }

  @Test
  void writesEveryKnownFormatToAFile() throws IOException {
    var result = Results.withFinding(Severity.ERROR, Severity.ERROR);
    for (String format : dev.poolcheck.engine.report.Reporters.formats()) {
      CliRun run =
          CliRun.in(dir).answering(result).run("check", "-f", format, "-o", "out." + format);
      assertEquals(1, run.exitCode, format + ": " + run.err);
      String report = Files.readString(dir.resolve("out." + format));
      assertTrue(report.contains("schema-invalid-value"), format + ": " + report);
    }
  }

  @Test
  void githubAnnotationsNameFilesRelativeToTheWorkspace() throws IOException {
    Path repo = dir.resolve("repo");
    Path sub = Files.createDirectories(repo.resolve("infra"));
    CliRun run =
        CliRun.in(sub)
            .env(Map.of("GITHUB_WORKSPACE", repo.toString()))
            .answering(Results.withFinding(Severity.ERROR, Severity.ERROR))
            .run("check", "--format", "github");
    assertTrue(run.out.contains("file=infra/pool.json,line=3"), run.out);
  }

  private static void assertUsageError(CliRun run, String expected) {
    assertEquals(2, run.exitCode, "exit code; err: " + run.err);
    assertTrue(run.err.contains(expected), "expected '" + expected + "' in: " + run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertTrue(run.requests.isEmpty(), "the engine must not run on a usage error");
  }
}
