package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code poolcheck} pre-commit hook end to end, set up exactly as docs/pre-commit.md tells
 * users: a {@code .pre-commit-config.yaml} naming this repository at a rev, {@code pre-commit
 * install}, then plain {@code git commit}. The real pre-commit (from PyPI) clones the hook
 * repository into its cache and runs {@code bin/poolcheck-pre-commit}, which builds poolcheck there
 * on first use.
 *
 * <p>pre-commit needs a git repository and a rev. The checkout under test may have uncommitted
 * changes (a developer's) or be a fresh clone (CI), so the hook repository is a new git repository
 * holding the files of the working tree (tracked and untracked, not ignored), committed once: it is
 * what the working tree would be if committed. pre-commit is taken from the PATH, else installed
 * into a venv under target/; the test fails, never skips, when it cannot get it.
 */
class PreCommitHookIT {

  private static final Path REPO_ROOT =
      Path.of(System.getProperty("poolcheck.script", "../bin/poolcheck"))
          .toAbsolutePath()
          .normalize()
          .getParent()
          .getParent();
  private static final Path TARGET = REPO_ROOT.resolve("cli/target");

  private static final String GOOD_POOL =
      """
      {
        "id": "setup-by-start-task",
        "vmSize": "STANDARD_D2S_V5",
        "virtualMachineConfiguration": {
          "imageReference": {
            "publisher": "canonical",
            "offer": "ubuntu-24_04-lts",
            "sku": "server",
            "version": "latest"
          },
          "nodeAgentSKUId": "batch.node.ubuntu 24.04"
        },
        "startTask": {"commandLine": "/bin/bash -c 'apt-get install -y jq'", "waitForSuccess": true},
        "targetDedicatedNodes": 1
      }
      """;

  /** The CustomScript extension on line 8, column 76: Azure Batch reserves that type. */
  private static final String BAD_POOL =
      """
      {
        "id": "setup-by-extension",
        "vmSize": "STANDARD_D2S_V5",
        "virtualMachineConfiguration": {
          "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest"},
          "nodeAgentSKUId": "batch.node.ubuntu 24.04",
          "extensions": [
            {"name": "setup", "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1"}
          ]
        },
        "targetDedicatedNodes": 1
      }
      """;

  /** The same CustomScript extension in Terraform: line 9, column 17. */
  private static final String BAD_TERRAFORM =
      """
      resource "azurerm_batch_pool" "setup" {
        name                = "setup-by-extension"
        resource_group_name = var.resource_group
        account_name        = azurerm_batch_account.batch.name
        vm_size             = "Standard_D2s_v5"
        node_agent_sku_id   = "batch.node.ubuntu 24.04"
        extensions {
          name      = "setup"
          type      = "CustomScript"
          publisher = "Microsoft.Azure.Extensions"
        }
        storage_image_reference {
          publisher = "canonical"
          offer     = "ubuntu-24_04-lts"
          sku       = "server"
        }
      }
      """;

  @TempDir static Path shared;

  private static Path preCommit;
  private static Path hookRepo;
  private static String rev;
  private static Path cache;

  @TempDir Path work;

  @BeforeAll
  static void setUpHookRepositoryAndBuildTheHookOnce() throws Exception {
    preCommit = findOrInstallPreCommit();
    hookRepo = shared.resolve("poolcheck-hook-repo");
    rev = commitWorkingTree(hookRepo);
    cache = shared.resolve("pre-commit-cache");

    // The first commit through the hook builds poolcheck in pre-commit's clone of the hook repo.
    Path repo = newUserRepository(shared.resolve("first-use"), "poolcheck");
    write(repo.resolve("pools/good.json"), GOOD_POOL);
    git(repo, "add", "-A");
    Run first = commit(repo, Duration.ofMinutes(15));
    assertEquals(0, first.exitCode, first.describe());
    // pre-commit shows a passing hook's output only with --verbose; the clone shows the build.
    List<Path> jars = builtJars();
    assertEquals(1, jars.size(), "one build in one clone: " + jars);
    Path clone = jars.get(0).getParent().getParent().getParent();
    assertTrue(Files.isRegularFile(clone.resolve(".poolcheck-build.log")), clone.toString());
    assertFalse(Files.exists(clone.resolve(".poolcheck-build.lock")), "lock released");
  }

  @Test
  void stagedBadPoolFileBlocksTheCommitAndNamesFileLineAndColumn() throws Exception {
    Path repo = newUserRepository(work, "poolcheck");
    write(repo.resolve("pools/bad.json"), BAD_POOL);
    git(repo, "add", "-A");

    Run run = commit(repo, Duration.ofMinutes(2));

    assertNotEquals(0, run.exitCode, run.describe());
    assertTrue(
        run.out.contains("pools/bad.json:8:76: error [extension-customscript-reserved]"),
        run.describe());
    assertTrue(run.out.contains("poolcheck....") && run.out.contains("Failed"), run.describe());
    assertFalse(run.out.contains("building poolcheck"), "built once, cached: " + run.out);
    assertEquals("1", git(repo, "rev-list", "--count", "HEAD").out.strip(), "no new commit");
  }

  @Test
  void stagedBadTerraformFileBlocksTheCommit() throws Exception {
    Path repo = newUserRepository(work, "poolcheck");
    write(repo.resolve("infra/batch.tf"), BAD_TERRAFORM);
    git(repo, "add", "-A");

    Run run = commit(repo, Duration.ofMinutes(2));

    assertNotEquals(0, run.exitCode, run.describe());
    assertTrue(
        run.out.contains(
            "infra/batch.tf:9:17: error [extension-customscript-reserved] azurerm_batch_pool.setup:"),
        run.describe());
  }

  @Test
  void goodPoolFileCommitsAndUnrelatedFilesAreNotTouched() throws Exception {
    Path repo = newUserRepository(work, "poolcheck");
    write(repo.resolve("pools/good.json"), GOOD_POOL);
    // Passed to poolcheck, this would be a syntax error: types_or must keep it out.
    write(repo.resolve("notes.txt"), "not a pool definition, not a JSON or YAML file\n");
    git(repo, "add", "-A");
    // A bad pool that is not staged is not the hook's business.
    write(repo.resolve("pools/work-in-progress.json"), BAD_POOL);

    Run run = commit(repo, Duration.ofMinutes(2));

    assertEquals(0, run.exitCode, run.describe());
    assertEquals("2", git(repo, "rev-list", "--count", "HEAD").out.strip());
    assertEquals(
        "notes.txt\npools/good.json",
        git(repo, "show", "--name-only", "--format=", "HEAD").out.strip());
    assertEquals(BAD_POOL, Files.readString(repo.resolve("pools/work-in-progress.json")));
    assertEquals(
        "not a pool definition, not a JSON or YAML file\n",
        Files.readString(repo.resolve("notes.txt")));
    assertEquals("?? pools/work-in-progress.json", git(repo, "status", "--porcelain").out.strip());
  }

  @Test
  void hookStaysFastOnAHandfulOfFilesOnceBuilt() throws Exception {
    Path repo = newUserRepository(work, "poolcheck");
    for (int i = 0; i < 5; i++) {
      write(repo.resolve("pools/pool-" + i + ".json"), GOOD_POOL);
    }
    git(repo, "add", "-A");

    long start = System.nanoTime();
    Run run = commit(repo, Duration.ofMinutes(2));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(0, run.exitCode, run.describe());
    System.out.println("pre-commit hook on 5 files took " + took.toMillis() + " ms");
    // One JVM start (about 1-2 s here) plus pre-commit itself; generous for a loaded CI machine,
    // but far below a rebuild.
    assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took + ": " + run.out);
  }

  @Test
  void systemHookRunsThePoolcheckOnThePath() throws Exception {
    Path repo = newUserRepository(work, "poolcheck-system");
    write(repo.resolve("pools/bad.json"), BAD_POOL);
    git(repo, "add", "-A");

    // bin/poolcheck of this checkout, on the PATH as docs/pre-commit.md describes.
    Run run =
        run(
            repo,
            Duration.ofMinutes(2),
            Map.of("PATH", REPO_ROOT.resolve("bin") + ":" + System.getenv("PATH")),
            "git",
            "commit",
            "-m",
            "add pools");

    assertNotEquals(0, run.exitCode, run.describe());
    assertTrue(
        run.out.contains("pools/bad.json:8:76: error [extension-customscript-reserved]"),
        run.describe());
  }

  @Test
  void plainGitHookFromTheDocsBlocksBadAndLetsGoodThrough() throws Exception {
    Path repo = work.resolve("plain");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Path hook = repo.resolve(".git/hooks/pre-commit");
    write(hook, plainGitHookFromDocs());
    assertTrue(hook.toFile().setExecutable(true));
    Map<String, String> path =
        Map.of("PATH", REPO_ROOT.resolve("bin") + ":" + System.getenv("PATH"));

    write(repo.resolve("pools/bad.json"), BAD_POOL);
    // Staged bad, then fixed in the working tree only: the staged content is what counts.
    git(repo, "add", "-A");
    write(repo.resolve("pools/bad.json"), GOOD_POOL);
    Run blocked = run(repo, Duration.ofMinutes(2), path, "git", "commit", "-m", "bad");
    assertNotEquals(0, blocked.exitCode, blocked.describe());
    assertTrue(
        blocked.out.contains("pools/bad.json:8:76: error [extension-customscript-reserved]"),
        blocked.describe());

    git(repo, "add", "-A");
    Run passed = run(repo, Duration.ofMinutes(2), path, "git", "commit", "-m", "good");
    assertEquals(0, passed.exitCode, passed.describe());
  }

  private static String plainGitHookFromDocs() throws IOException {
    String doc = Files.readString(REPO_ROOT.resolve("docs/pre-commit.md"));
    int start = doc.indexOf("<!-- plain-git-hook:start -->");
    int end = doc.indexOf("<!-- plain-git-hook:end -->");
    assertTrue(start >= 0 && end > start, "markers around the plain git hook in pre-commit.md");
    String block = doc.substring(start, end);
    int open = block.indexOf("```bash\n") + "```bash\n".length();
    int close = block.lastIndexOf("```");
    return block.substring(open, close);
  }

  // --- set-up -------------------------------------------------------------------------------

  private static Path findOrInstallPreCommit() throws Exception {
    try {
      Run onPath = run(REPO_ROOT, Duration.ofMinutes(1), Map.of(), "pre-commit", "--version");
      if (onPath.exitCode == 0) {
        return Path.of("pre-commit");
      }
    } catch (IOException notFound) {
      // not on the PATH: install it below
    }
    Path venv = TARGET.resolve("pre-commit-venv");
    Path exe = venv.resolve("bin/pre-commit");
    if (!Files.isExecutable(exe)) {
      Run created =
          run(TARGET, Duration.ofMinutes(5), Map.of(), "python3", "-m", "venv", venv.toString());
      assertEquals(0, created.exitCode, "python3 -m venv failed: " + created.describe());
      Run installed =
          run(
              TARGET,
              Duration.ofMinutes(10),
              Map.of(),
              venv.resolve("bin/python").toString(),
              "-m",
              "pip",
              "install",
              "--quiet",
              "--disable-pip-version-check",
              "pre-commit");
      assertEquals(0, installed.exitCode, "pip install pre-commit failed: " + installed.describe());
    }
    Run version = run(TARGET, Duration.ofMinutes(1), Map.of(), exe.toString(), "--version");
    if (version.exitCode != 0) {
      fail("cannot run pre-commit from " + exe + ": " + version.describe());
    }
    return exe;
  }

  /** Copies the working tree's non-ignored files into a new repository and commits them once. */
  private static String commitWorkingTree(Path dest) throws Exception {
    Run files =
        run(
            REPO_ROOT,
            Duration.ofMinutes(1),
            Map.of(),
            "git",
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard");
    assertEquals(0, files.exitCode, "the checkout under test must be a git work tree");
    Files.createDirectories(dest);
    for (String name : files.out.split("\0")) {
      Path from = REPO_ROOT.resolve(name);
      if (name.isEmpty() || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
        continue; // deleted but not yet staged, or a symbolic link
      }
      Path to = dest.resolve(name);
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES); // keeps bin/* executable
    }
    git(dest, "init", "-q");
    git(dest, "add", "-A");
    git(dest, "commit", "-q", "-m", "working tree under test");
    return git(dest, "rev-parse", "HEAD").out.strip();
  }

  private static Path newUserRepository(Path dir, String hookId) throws Exception {
    Path repo = dir.resolve("user-repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    write(
        repo.resolve(".pre-commit-config.yaml"),
        "repos:\n"
            + "  - repo: "
            + hookRepo.toUri()
            + "\n"
            + "    rev: "
            + rev
            + "\n"
            + "    hooks:\n"
            + "      - id: "
            + hookId
            + "\n");
    git(repo, "add", ".pre-commit-config.yaml");
    git(repo, "commit", "-q", "-m", "pre-commit configuration");
    Run install = run(repo, Duration.ofMinutes(2), Map.of(), preCommit.toString(), "install");
    assertEquals(0, install.exitCode, install.describe());
    return repo;
  }

  private static List<Path> builtJars() throws IOException {
    try (Stream<Path> clones = Files.list(cache)) {
      return clones
          .map(c -> c.resolve("cli/target/poolcheck.jar"))
          .filter(Files::isRegularFile)
          .toList();
    }
  }

  // --- processes ----------------------------------------------------------------------------

  private static Run commit(Path repo, Duration timeout) throws Exception {
    return run(repo, timeout, Map.of(), "git", "commit", "-m", "add pools");
  }

  private static Run git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Run run = run(dir, Duration.ofMinutes(1), Map.of(), command.toArray(String[]::new));
    if (args[0].equals("commit") || args[0].equals("init") || args[0].equals("add")) {
      assertEquals(0, run.exitCode, run.describe());
    }
    return run;
  }

  private static Run run(Path dir, Duration timeout, Map<String, String> env, String... command)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = pb.environment();
    if (cache != null) {
      // pre-commit's clones and environments go to this test's folder, not ~/.cache.
      environment.put("PRE_COMMIT_HOME", cache.toString());
    }
    environment.put("GIT_AUTHOR_NAME", "poolcheck test");
    environment.put("GIT_AUTHOR_EMAIL", "test@poolcheck.invalid");
    environment.put("GIT_COMMITTER_NAME", "poolcheck test");
    environment.put("GIT_COMMITTER_EMAIL", "test@poolcheck.invalid");
    // The machine's git configuration (signing, hooks paths, templates) must not change the test.
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
    environment.put("PRE_COMMIT_COLOR", "never");
    // The first-use build compiles the Rego policies with opa (build.sh takes it from the PATH):
    // reuse the one this build installed, if it installed one, instead of building it with Go.
    String path = env.getOrDefault("PATH", environment.getOrDefault("PATH", ""));
    environment.put("PATH", REPO_ROOT.resolve(".tools/bin") + ":" + path);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getInputStream().readAllBytes();
              } catch (IOException e) {
                return ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
              }
            });
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("timed out after " + timeout + ": " + String.join(" ", command));
    }
    String text = new String(out.get(1, TimeUnit.MINUTES), StandardCharsets.UTF_8);
    return new Run(String.join(" ", command), p.exitValue(), text);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private record Run(String command, int exitCode, String out) {
    String describe() {
      return command + " exited with " + exitCode + ":\n" + out;
    }
  }
}
