package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code poolcheck.jar} (and {@code bin/poolcheck}) as a separate process, the
 * way users and hooks do, over the fixtures in {@code src/test/resources/e2e}.
 */
class PackagedJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("poolcheck.jar", "target/poolcheck.jar"));
  private static final Path SCHEMA =
      Path.of(System.getProperty("poolcheck.reportSchema", "../schemas/report.schema.json"));
  private static final Path SCRIPT =
      Path.of(System.getProperty("poolcheck.script", "../bin/poolcheck"));

  @TempDir Path dir;

  /** Copies the fixtures so that the process runs in a folder holding only them. */
  @BeforeEach
  void copyFixtures() throws IOException, URISyntaxException {
    Path fixtures = Path.of(PackagedJarIT.class.getResource("/e2e").toURI());
    try (Stream<Path> files = Files.walk(fixtures)) {
      for (Path from : files.toList()) {
        Path to = dir.resolve(fixtures.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  @Test
  void goodFileExitsWith0() throws Exception {
    Run run = poolcheck("check", "--as-of", "2026-01-15", "good/pool.json");
    assertEquals(0, run.exitCode, run.describe());
    assertTrue(run.out.contains("in 1 file"), run.describe());
    assertEquals("", run.err, "nothing on stderr (no logging noise): " + run.describe());
  }

  @Test
  void goodFolderExitsWith0() throws Exception {
    Run run = poolcheck("check", "--as-of", "2026-01-15", "good");
    assertEquals(0, run.exitCode, run.describe());
    assertTrue(run.out.contains("in 2 files"), run.describe());
  }

  @Test
  void badFileExitsWith1AndPointsAtFileLineAndColumn() throws Exception {
    Run run = poolcheck("check", "bad/truncated.json");
    assertEquals(1, run.exitCode, run.describe());
    assertTrue(
        Pattern.compile("(?m)^bad/truncated\\.json:\\d+:\\d+: error \\[syntax-error\\] ")
            .matcher(run.out)
            .find(),
        run.describe());
  }

  @Test
  void standardInputIsCheckedUnderItsStdinFilename() throws Exception {
    String truncated = Files.readString(dir.resolve("bad/truncated.json"));
    Run run = poolcheckWithInput(truncated, "check", "--stdin-filename", "piped.json", "-");
    assertEquals(1, run.exitCode, run.describe());
    assertTrue(run.out.contains("piped.json:"), run.describe());
  }

  @Test
  void jsonReportNamesTheRuleAndPosition() throws Exception {
    Run run = poolcheck("check", "--format", "json", "bad/truncated.json");
    assertEquals(1, run.exitCode, run.describe());
    JsonNode report = new ObjectMapper().readTree(run.out);
    JsonNode finding = report.at("/findings/0");
    assertEquals("syntax-error", finding.get("ruleId").asText(), run.describe());
    assertEquals("bad/truncated.json", finding.get("file").asText());
    assertTrue(finding.get("line").asInt() >= 1);
    assertEquals(1, report.at("/summary/error").asInt());
  }

  @Test
  void stdinFilenameExtensionPicksYaml() throws Exception {
    String yaml = Files.readString(dir.resolve("good/pool.yaml"));
    Run asYaml = poolcheckWithInput(yaml, "check", "--stdin-filename", "pool.yaml", "-");
    assertEquals(0, asYaml.exitCode, asYaml.describe());
    Run asJson = poolcheckWithInput(yaml, "check", "-");
    assertEquals(1, asJson.exitCode, "without a name, stdin is JSON: " + asJson.describe());
    assertTrue(asJson.out.startsWith("-:1:1: error [syntax-error]"), asJson.describe());
  }

  @Test
  void jsonReportFileIsValidAgainstTheReportSchema() throws Exception {
    Run run =
        poolcheck(
            "check", "--format", "json", "--output", "out/report.json", "--format", "text", ".");
    assertEquals(1, run.exitCode, run.describe());
    assertTrue(run.out.contains("bad/truncated.json:"), run.describe());
    Schema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
    String report = Files.readString(dir.resolve("out/report.json"));
    List<com.networknt.schema.Error> errors = schema.validate(report, InputFormat.JSON);
    assertTrue(errors.isEmpty(), () -> errors + "\n" + report);
    assertEquals(3, new ObjectMapper().readTree(report).at("/summary/files").asInt(), report);
  }

  @Test
  void missingPathExitsWith2() throws Exception {
    Run run = poolcheck("check", "no-such-pool.json");
    assertEquals(2, run.exitCode, run.describe());
    assertTrue((run.out + run.err).contains("no-such-pool.json"), run.describe());
    assertFalse(run.err.contains("\tat "), run.describe());
  }

  @Test
  void badOptionExitsWith2AndSuggestsTheRightOne() throws Exception {
    Run run = poolcheck("check", "--formt", "json", "good");
    assertEquals(2, run.exitCode, run.describe());
    assertTrue(run.err.contains("Did you mean --format"), run.describe());
    assertFalse(run.err.contains("\tat "), run.describe());
  }

  @Test
  void versionComesFromTheBuild() throws Exception {
    Run run = poolcheck("--version");
    assertEquals(0, run.exitCode, run.describe());
    assertTrue(run.out.matches("(?s)poolcheck \\d+\\.\\d+\\.\\d+.*"), run.describe());
  }

  @Test
  void scriptRunsTheJarAndPassesTheExitCodeOn() throws Exception {
    Run good = run(List.of(SCRIPT.toAbsolutePath().toString(), "check", "good"), "");
    assertEquals(0, good.exitCode, good.describe());
    Run bad = run(List.of(SCRIPT.toAbsolutePath().toString(), "check", "bad"), "");
    assertEquals(1, bad.exitCode, bad.describe());
  }

  @Test
  void scriptRunsWithoutAnArchiveItCannotUseAndKeepsStandardOutputClean() throws Exception {
    Path stale = Files.writeString(dir.resolve("stale.jsa"), "not an archive");
    Run run =
        run(
            List.of(SCRIPT.toAbsolutePath().toString(), "check", "--format", "json", "bad"),
            "",
            Map.of("POOLCHECK_CDS_ARCHIVE", stale.toString()));
    assertEquals(1, run.exitCode, run.describe());
    JsonNode report = new ObjectMapper().readTree(run.out);
    assertTrue(report.path("findings").size() > 0, run.describe());
    assertEquals("", run.err, run.describe());
  }

  /**
   * The launcher runs C1 with one compiler thread, which full tiered compilation refuses ("must be
   * at least 2"): a JIT choice in POOLCHECK_JAVA_OPTS, as docs/cli.md suggests for large folders,
   * must still start.
   */
  @Test
  void scriptHonoursAJitChoiceOfTheUser() throws Exception {
    for (String opts : List.of("-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation -Xss2m")) {
      Run run =
          run(
              List.of(SCRIPT.toAbsolutePath().toString(), "check", "good"),
              "",
              Map.of("POOLCHECK_JAVA_OPTS", opts));
      assertEquals(0, run.exitCode, opts + ": " + run.describe());
    }
  }

  @Test
  void scriptMapsClassesFromTheArchiveTheBuildMade() throws Exception {
    Path archive = Path.of(JAR.toAbsolutePath().toString().replaceFirst("\\.jar$", ".jsa"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(archive), "no archive (built with -Dpoolcheck.skipAppCds=true)");
    Path log = dir.resolve("classes.log");
    Run run =
        run(
            List.of(SCRIPT.toAbsolutePath().toString(), "check", "good"),
            "",
            Map.of("POOLCHECK_JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
    assertEquals(0, run.exitCode, run.describe());
    String loaded = Files.readString(log);
    assertTrue(
        loaded.contains("dev.poolcheck.cli.Main source: shared objects file"),
        "Main was not mapped from the archive");
  }

  private Run poolcheck(String... args) throws Exception {
    return poolcheckWithInput("", args);
  }

  private Run poolcheckWithInput(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return run(command, stdin);
  }

  private Run run(List<String> command, String stdin) throws Exception {
    return run(command, stdin, Map.of());
  }

  private Run run(List<String> command, String stdin, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("poolcheck did not finish: " + command);
    }
    return new Run(process.exitValue(), out.get(), err.get(), command);
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private record Run(int exitCode, String out, String err, List<String> command) {
    String describe() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + "\n--- out\n"
          + out
          + "--- err\n"
          + err;
    }
  }
}
