package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite GitHub Action ({@code action.yml}): actionlint checks it through the self-test
 * workflow that uses it, and its {@code run:} steps are run here the way the runner runs them
 * (inputs and step outputs substituted into each step's {@code env:}, {@code GITHUB_OUTPUT}, {@code
 * GITHUB_ACTION_PATH}, {@code RUNNER_TEMP}), against the distribution this build made. The steps
 * that use other actions (setup-java, upload-sarif) are GitHub's and are not run.
 *
 * <p>actionlint is taken from the {@code PATH}, else installed with {@code go install} (the Go
 * module {@code github.com/rhysd/actionlint/cmd/actionlint} at the version the pom pins) into
 * {@code target/tools}; without either the test fails rather than skips.
 */
class ActionIT {

  private static final Path ROOT =
      Path.of(System.getProperty("poolcheck.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path DIST =
      Path.of(System.getProperty("poolcheck.distribution", "target/poolcheck-0.1.0"));
  private static final String ACTIONLINT_VERSION =
      System.getProperty("actionlint.version", "v1.7.12");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

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

  @Test
  void actionlintAcceptsTheActionAndTheWorkflowThatUsesIt() throws Exception {
    Path actionlint = actionlint();
    Process p =
        new ProcessBuilder(
                actionlint.toString(), "-no-color", ".github/workflows/action-self-test.yml")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void stepsWriteSarifRecordTheExitCodeAndThenFailTheJob() throws Exception {
    Path workspace = workspaceWithBadPool();
    Map<String, String> inputs = new HashMap<>();
    inputs.put("distribution", Path.of(DIST + ".tar.gz").toAbsolutePath().toString());
    inputs.put("paths", "pools");
    inputs.put("args", "--as-of 2026-01-15");
    Map<String, Map<String, String>> outputs = runSteps(workspace, inputs, "");

    assertEquals("1", outputs.get("check").get("exit-code"), outputs.toString());
    Path sarif = workspace.resolve(outputs.get("check").get("sarif-file"));
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    assertEquals("2.1.0", log.path("version").asText());
    assertTrue(
        log.path("runs").get(0).path("results").toString().contains("pools/gpu.json"),
        "the SARIF names the file relative to the workspace");
    assertEquals("1", outputs.get("fail").get("exit"), "the last step fails the job");
  }

  @Test
  void reportOnlyModeWritesSarifAndPasses() throws Exception {
    Path workspace = workspaceWithBadPool();
    Map<String, String> inputs = new HashMap<>();
    inputs.put("distribution", Path.of(DIST + ".zip").toAbsolutePath().toString());
    inputs.put("paths", "pools");
    inputs.put("fail-on", "none");
    Map<String, Map<String, String>> outputs = runSteps(workspace, inputs, "");
    assertEquals("0", outputs.get("check").get("exit-code"), outputs.toString());
    assertTrue(Files.isRegularFile(workspace.resolve("poolcheck.sarif")));
    assertEquals("0", outputs.get("fail").get("exit"));
  }

  @Test
  void downloadsTheReleaseOfTheTagItIsUsedAtAndChecksItsSum() throws Exception {
    Path releases = releasesFolder(false);
    Path workspace = workspaceWithBadPool();
    Map<String, String> inputs = new HashMap<>();
    inputs.put("paths", "pools");
    Map<String, String> env = Map.of("POOLCHECK_RELEASES", releases.toString());
    Map<String, Map<String, String>> outputs = runSteps(workspace, inputs, "v" + version(), env);
    assertEquals("1", outputs.get("check").get("exit-code"), outputs.toString());
  }

  @Test
  void refusesADownloadWhoseSumDoesNotMatch() throws Exception {
    Path releases = releasesFolder(true);
    Map<String, String> env = Map.of("POOLCHECK_RELEASES", releases.toString());
    Map<String, Map<String, String>> outputs =
        runSteps(workspaceWithBadPool(), new HashMap<>(), "v" + version(), env);
    assertNotEquals("0", outputs.get("install").get("exit"), outputs.toString());
    assertTrue(!outputs.containsKey("check"), "no check without a verified distribution");
  }

  private Map<String, Map<String, String>> runSteps(
      Path workspace, Map<String, String> given, String actionRef) throws Exception {
    return runSteps(workspace, given, actionRef, Map.of());
  }

  /**
   * Runs the {@code run:} steps of action.yml in order and returns each step's outputs by id (and
   * its exit status as {@code exit}); stops after a failing step, as the runner does.
   */
  private Map<String, Map<String, String>> runSteps(
      Path workspace, Map<String, String> given, String actionRef, Map<String, String> extraEnv)
      throws Exception {
    JsonNode action = new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
    Map<String, String> context = new HashMap<>();
    action
        .path("inputs")
        .properties()
        .forEach(
            e ->
                context.put(
                    "inputs." + e.getKey(),
                    given.getOrDefault(e.getKey(), e.getValue().path("default").asText(""))));
    context.put("github.action_ref", actionRef);
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    Path runnerTemp = Files.createDirectories(dir.resolve("runner-temp"));
    for (JsonNode step : action.path("runs").path("steps")) {
      if (!step.has("run")) {
        continue;
      }
      String id = step.path("id").asText(step.path("name").asText().contains("Fail") ? "fail" : "");
      Path outputFile = Files.createTempFile(dir, "github-output", ".txt");
      List<String> command =
          List.of("bash", "-e", "-c", substitute(step.get("run").asText(), context));
      ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile());
      Map<String, String> env = pb.environment();
      step.path("env")
          .properties()
          .forEach(e -> env.put(e.getKey(), substitute(e.getValue().asText(), context)));
      env.put("GITHUB_ACTION_PATH", ROOT.toString());
      env.put("GITHUB_OUTPUT", outputFile.toString());
      env.put("GITHUB_WORKSPACE", workspace.toString());
      env.put("RUNNER_TEMP", runnerTemp.toString());
      env.putAll(extraEnv);
      Process p = pb.redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "step " + id + " finished");
      Map<String, String> stepOutputs = new LinkedHashMap<>();
      for (String line : Files.readAllLines(outputFile)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          stepOutputs.put(line.substring(0, eq), line.substring(eq + 1));
          context.put("steps." + id + ".outputs." + line.substring(0, eq), line.substring(eq + 1));
        }
      }
      stepOutputs.put("exit", Integer.toString(p.exitValue()));
      stepOutputs.put("log", log);
      outputs.put(id, stepOutputs);
      if (p.exitValue() != 0) {
        break;
      }
    }
    return outputs;
  }

  private static String substitute(String text, Map<String, String> context) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(context.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Path workspaceWithBadPool() throws IOException {
    Path workspace = Files.createTempDirectory(dir, "workspace");
    Files.createDirectories(workspace.resolve("pools"));
    Files.writeString(workspace.resolve("pools/gpu.json"), BAD_POOL);
    return workspace;
  }

  /** A local stand-in for the release download folder: releases/vVERSION/{archive, sums}. */
  private Path releasesFolder(boolean tamper) throws IOException {
    Path release = Files.createDirectories(dir.resolve("releases/v" + version()));
    String name = DIST.getFileName().toString();
    Files.copy(Path.of(DIST + ".tar.gz"), release.resolve(name + ".tar.gz"));
    String sums = Files.readString(Path.of(DIST + ".sha256sums"));
    if (tamper) {
      sums =
          Pattern.compile("(?m)^(.)")
              .matcher(sums)
              .replaceAll(r -> r.group(1).equals("0") ? "1" : "0");
    }
    Files.writeString(release.resolve(name + ".sha256sums"), sums);
    return dir.resolve("releases");
  }

  private static String version() {
    return DIST.getFileName().toString().substring("poolcheck-".length());
  }

  private static Path actionlint() throws Exception {
    for (String folder : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(folder, "actionlint");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path tools = Path.of("target/tools").toAbsolutePath();
    Path installed = tools.resolve("actionlint");
    if (!Files.isExecutable(installed)) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "go",
                  "install",
                  "github.com/rhysd/actionlint/cmd/actionlint@" + ACTIONLINT_VERSION));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("GOBIN", tools.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(600, TimeUnit.SECONDS), "go install finished");
      assertEquals(0, p.exitValue(), "go install of actionlint failed:\n" + out);
    }
    return installed;
  }
}
