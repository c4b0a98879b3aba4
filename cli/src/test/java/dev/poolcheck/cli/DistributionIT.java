package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the distribution archives the build made ({@code cli/target/poolcheck-VERSION.zip} and
 * {@code .tar.gz}) into an empty folder and runs {@code bin/poolcheck} from there with nothing but
 * a JRE (and the few POSIX commands the launcher script itself calls) on the {@code PATH}: no
 * Maven, no Go, no checkout.
 */
class DistributionIT {

  private static final Path DIST =
      Path.of(System.getProperty("poolcheck.distribution", "target/poolcheck-0.1.0"));

  private static final String BAD_POOL =
      """
      {
        "properties": {
          "vmSize": "STANDARD_D2S_V3",
          "deploymentConfiguration": {
            "virtualMachineConfiguration": {
              "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts",
                                 "sku": "server", "version": "latest"},
              "nodeAgentSkuId": "batch.node.ubuntu 24.04",
              "extensions": [{"name": "setup", "publisher": "Microsoft.Azure.Extensions",
                              "type": "CustomScript", "typeHandlerVersion": "2.1"}]
            }
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void sha256SumsMatchBothArchives() throws Exception {
    Path sums = Path.of(DIST + ".sha256sums");
    List<String> lines = Files.readAllLines(sums);
    assertEquals(2, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      String[] parts = line.split(" {2}");
      Path archive = sums.resolveSibling(parts[1]);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive));
      assertEquals(parts[0], HexFormat.of().formatHex(digest), archive.toString());
    }
  }

  @Test
  void zipRunsWithOnlyAJreOnThePath() throws Exception {
    Path home = unzip(Path.of(DIST + ".zip"), dir.resolve("unpacked"));
    assertRunsFrom(home);
  }

  @Test
  void tarGzRunsWithOnlyAJreOnThePath() throws Exception {
    Path into = Files.createDirectories(dir.resolve("unpacked"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", Path.of(DIST + ".tar.gz").toAbsolutePath().toString())
            .directory(into.toFile())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    assertRunsFrom(into.resolve(DIST.getFileName().toString()));
  }

  private void assertRunsFrom(Path home) throws Exception {
    for (String file :
        List.of(
            "lib/poolcheck.jar",
            "bin/poolcheck",
            "bin/poolcheck.cmd",
            "LICENSE",
            "README.md",
            "CHANGELOG.md",
            "docs/cli.md",
            "schemas/report.schema.json")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), "the archive holds " + file);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/poolcheck")), "bin/poolcheck is executable");

    Path work = Files.createDirectories(dir.resolve("work/pools"));
    Files.writeString(work.resolve("gpu.json"), BAD_POOL);

    Run version = run(home, work.getParent(), "--version");
    assertEquals(0, version.exitCode, version.describe());
    assertTrue(version.out.contains(DIST.getFileName().toString().substring(10)), version.out);

    Run check = run(home, work.getParent(), "check", "--as-of", "2026-01-15", "pools");
    assertEquals(1, check.exitCode, check.describe());
    assertTrue(
        check.out.contains("pools/gpu.json:") && check.out.contains("extension-customscript"),
        check.describe());

    Run missing = run(home, work.getParent(), "check", "no-such-folder");
    assertEquals(2, missing.exitCode, missing.describe());
  }

  /**
   * Runs the unpacked {@code bin/poolcheck} with a {@code PATH} of one folder that links the JRE's
   * {@code java} and the commands the launcher script uses, and without {@code JAVA_HOME}.
   */
  private Run run(Path home, Path workDir, String... args) throws Exception {
    Path path = dir.resolve("path");
    if (!Files.isDirectory(path)) {
      Files.createDirectories(path);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Files.createSymbolicLink(path.resolve("java"), java);
      for (String tool : List.of("bash", "dirname", "readlink")) {
        Files.createSymbolicLink(path.resolve(tool), which(tool));
      }
    }
    for (String absent : List.of("mvn", "go", "opa")) {
      assertFalse(Files.exists(path.resolve(absent)), absent + " is not on the PATH");
    }
    List<String> command = new java.util.ArrayList<>();
    command.add(path.resolve("bash").toString());
    command.add(home.resolve("bin/poolcheck").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = pb.environment();
    Map<String, String> keep = new HashMap<>();
    for (String name : List.of("HOME", "LANG", "TMPDIR")) {
      if (env.containsKey(name)) {
        keep.put(name, env.get(name));
      }
    }
    env.clear();
    env.putAll(keep);
    env.put("PATH", path.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream();
    var err = p.getErrorStream();
    var outText = new java.util.concurrent.CompletableFuture<String>();
    var errText = new java.util.concurrent.CompletableFuture<String>();
    Thread t1 = new Thread(() -> outText.complete(read(out)));
    Thread t2 = new Thread(() -> errText.complete(read(err)));
    t1.start();
    t2.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "poolcheck finished");
    return new Run(p.exitValue(), outText.get(), errText.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Path which(String tool) {
    for (String folder : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(folder, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on the PATH of the test");
  }

  private static Path unzip(Path zip, Path into) throws IOException {
    Path top = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path to = into.resolve(e.getName()).normalize();
        assertTrue(to.startsWith(into), "entry stays inside the folder: " + e.getName());
        if (top == null) {
          top = into.resolve(Path.of(e.getName()).getName(0));
        }
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(in, to);
          if (e.getName().startsWith(top.getFileName() + "/bin/")) {
            to.toFile().setExecutable(true);
          }
        }
      }
    }
    return top;
  }

  private record Run(int exitCode, String out, String err) {
    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }
}
