package dev.poolcheck.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes "nothing connects" exact: the packaged jar runs under {@code strace -f -e
 * trace=socket,connect} over a file with a remote {@code $schema}, a user policy and every format,
 * and the trace must hold no {@code connect} to anything but a local UNIX socket of the C library's
 * name-service cache ({@code nscd}, asked when the JVM looks up the user's name). The JVM does
 * create {@code AF_INET}/{@code AF_INET6} sockets while it loads {@code libnet} (to probe IPv6
 * support); it never connects them. Skipped where strace is missing or not permitted (.ci/run
 * installs it).
 */
class NoConnectIT {

  private static final Path JAR =
      Path.of(System.getProperty("poolcheck.jar", "target/poolcheck.jar")).toAbsolutePath();
  private static final Path POLICY =
      Path.of("../engine/target/test-classes/fixtures/policies/conftest-style.tar.gz")
          .toAbsolutePath()
          .normalize();

  @TempDir Path dir;

  @Test
  void nothingConnectsExceptTheLocalNameServiceCache() throws Exception {
    Process probe = new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true").start();
    assumeTrue(
        probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "strace cannot run here");
    Files.writeString(
        dir.resolve("pool.json"),
        "{\"$schema\": \"https://example.com/pool.json\", \"id\": \"p\", \"vmSize\":"
            + " \"standard_d2s_v5\", \"x\": {\"$ref\": \"http://example.com/ref.json\"}}");
    Path trace = dir.resolve("trace.txt");
    Process run =
        new ProcessBuilder(
                "strace",
                "-f",
                "-qq",
                "-e",
                "trace=socket,connect",
                "-o",
                trace.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "check",
                "--policy",
                POLICY.toString(),
                "--format",
                "sarif",
                "--output",
                "r.sarif",
                "--format",
                "text",
                "pool.json")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertTrue(run.waitFor(3, TimeUnit.MINUTES), "poolcheck did not finish");
    assertTrue(run.exitValue() <= 1, Files.readString(dir.resolve("out.txt")));
    List<String> connects =
        Files.readAllLines(trace).stream().filter(l -> l.contains("connect(")).toList();
    List<String> notLocal =
        connects.stream().filter(l -> !(l.contains("AF_UNIX") && l.contains("/nscd/"))).toList();
    assertEquals(List.of(), notLocal, "connect calls besides nscd");
    assertTrue(
        Files.readAllLines(trace).stream().anyMatch(l -> l.contains("socket(")),
        "the trace recorded no socket call at all: is strace tracing?");
  }
}
