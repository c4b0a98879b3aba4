package dev.poolcheck.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, parts 2 and 4, as users meet them: the packaged jar in its own process. Committed
 * content that cannot be read exits 2 with one line that names the file and no stack trace;
 * unreadable files and folders are tool errors, not skipped. Permissions do not stop root, so those
 * cases run the jar as {@code nobody} (with {@code setpriv}) and are skipped where that is
 * impossible.
 */
class FailClosedIT {

  private static final Path JAR =
      Path.of(System.getProperty("poolcheck.jar", "target/poolcheck.jar")).toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void writePool() throws IOException {
    Files.writeString(dir.resolve("pool.json"), "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\"}");
    // So that nobody can reach the folder at all.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Run(int exitCode, String out, String err) {
    String describe() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }

    void assertOneLineToolError(String naming) {
      assertEquals(2, exitCode, describe());
      assertEquals(1, err.strip().lines().count(), describe());
      assertTrue(err.contains(naming), describe());
      assertFalse(err.contains("\tat "), "stack trace: " + describe());
      assertFalse(err.contains("Exception"), describe());
    }
  }

  private Run run(List<String> prefix, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("poolcheck did not finish: " + command);
    }
    return new Run(process.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void configurationThatIsADeviceExitsTwoInOneLine() throws Exception {
    run(List.of(), Map.of(), "check", "--config", "/dev/zero", "pool.json")
        .assertOneLineToolError("/dev/zero");
  }

  @Test
  void policyThatIsADeviceExitsTwoInOneLine() throws Exception {
    run(List.of(), Map.of(), "check", "--policy", "/dev/urandom", "pool.json")
        .assertOneLineToolError("/dev/urandom");
  }

  @Test
  void baselineThatIsAFifoExitsTwoInOneLine() throws Exception {
    assertEquals(
        0, new ProcessBuilder("mkfifo", dir.resolve("b.fifo").toString()).start().waitFor());
    run(List.of(), Map.of(), "check", "--baseline", "b.fifo", "pool.json")
        .assertOneLineToolError("b.fifo");
  }

  @Test
  void nonAsciiPathUnderThePosixLocaleExitsTwoInOneLine() throws Exception {
    Run r =
        run(
            List.of(),
            Map.of("LC_ALL", "POSIX", "LANG", "POSIX"),
            "check",
            "--config",
            "k\u00f6nfig.yaml",
            "p\u00f6\u00f6l.json");
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(1, r.err().strip().lines().count(), r.describe());
    assertFalse(r.err().contains("\tat "), r.describe());
  }

  private static List<String> asNobody() throws Exception {
    List<String> prefix =
        List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
    boolean works;
    try {
      List<String> probe = new ArrayList<>(prefix);
      probe.add("true");
      Process p = new ProcessBuilder(probe).start();
      works = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      works = false;
    }
    assumeTrue(works, "cannot run a process as nobody here");
    assumeTrue(Files.isReadable(JAR), "the jar is not readable");
    return prefix;
  }

  @Test
  void unreadableFolderIsAToolErrorNotSkipped() throws Exception {
    List<String> nobody = asNobody();
    Path locked = Files.createDirectories(dir.resolve("pools/locked"));
    Files.writeString(locked.resolve("hidden.json"), "{}");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        dir.resolve("pools/open.json"), "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\"}");
    Run r = run(nobody, Map.of(), "check", "pools");
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.out().contains("pools/locked") || r.err().contains("pools/locked"), r.describe());
    assertTrue(
        r.out().contains("permission denied") || r.err().contains("permission denied"),
        r.describe());
  }

  @Test
  void runWhoseEveryFileIsUnreadableFails() throws Exception {
    List<String> nobody = asNobody();
    Path file = dir.resolve("secret.json");
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Run r = run(nobody, Map.of(), "check", "secret.json");
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue((r.out() + r.err()).contains("permission denied"), r.describe());
  }
}
