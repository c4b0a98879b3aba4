package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar with network access denied and checks that schemas, references and policies
 * load only from the jar or local files, and that remote URLs get a clear message instead of a
 * fetch.
 *
 * <p>Network access is denied with {@code unshare --net} (a network namespace with no interfaces
 * up; needs root or user namespaces). Where neither works, the JVM runs under a security manager
 * whose policy grants everything but sockets. Each test first proves that its sandbox really
 * refuses a connection. {@code -Dpoolcheck.sandbox=security-manager} forces the second way.
 */
class NoNetworkIT {

  private static final Path JAR =
      Path.of(System.getProperty("poolcheck.jar", "target/poolcheck.jar"));
  private static final Path POLICY =
      Path.of(
          System.getProperty(
              "poolcheck.fixturePolicy",
              "../engine/target/test-classes/fixtures/policies/conftest-style.tar.gz"));

  private static List<String> sandbox;

  @TempDir Path dir;

  @BeforeAll
  static void chooseSandbox() throws Exception {
    String forced = System.getProperty("poolcheck.sandbox", "");
    if (!forced.equals("security-manager")) {
      for (List<String> prefix :
          List.of(List.of("unshare", "--net"), List.of("unshare", "-r", "--net"))) {
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        if (succeeds(probe)) {
          sandbox = prefix;
          return;
        }
      }
    }
    sandbox = List.of();
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @BeforeEach
  void writeInputs() throws IOException {
    Files.writeString(
        dir.resolve("pool.json"),
        """
        {"$schema": "https://example.com/pool.schema.json",
         "id": "p", "vmSize": "standard_d2s_v5",
         "virtualMachineConfiguration": {
           "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts",
                              "sku": "server", "version": "latest"},
           "nodeAgentSKUId": "batch.node.ubuntu 24.04"},
         "startTask": {"$ref": "https://example.com/start-task.json", "commandLine": "/bin/true"}}
        """);
    Files.writeString(
        dir.resolve("arm.json"),
        """
        {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "2024-07-01",
           "name": "acct/pool", "properties": {"vmSize": "STANDARD_D2S_V5"}}]}
        """);
    Files.writeString(
        dir.resolve("Probe.java"),
        """
        public class Probe {
          public static void main(String[] args) {
            try (var s = new java.net.Socket()) {
              s.connect(new java.net.InetSocketAddress("1.1.1.1", 443), 3000);
              System.out.println("connected");
            } catch (Exception e) {
              System.out.println("refused: " + e);
            }
          }
        }
        """);
    Files.writeString(
        dir.resolve("no-sockets.policy"),
        """
        grant {
          permission java.io.FilePermission "<<ALL FILES>>", "read,write,delete,execute,readlink";
          permission java.util.PropertyPermission "*", "read,write";
          permission java.lang.RuntimePermission "*";
          permission java.lang.reflect.ReflectPermission "*";
          permission java.lang.management.ManagementPermission "monitor";
          permission java.util.logging.LoggingPermission "control";
          permission java.security.SecurityPermission "*";
        };
        """);
  }

  private Run java(String... args) throws Exception {
    List<String> command = new ArrayList<>(sandbox);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (sandbox.isEmpty()) {
      command.add("-Djava.security.manager=allow");
      command.add("-Djava.security.manager");
      command.add("-Djava.security.policy==" + dir.resolve("no-sockets.policy"));
    }
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    return new Run(process.exitValue(), out.get(), err.get(), command);
  }

  private Run poolcheck(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-jar", JAR.toAbsolutePath().toString()));
    all.addAll(List.of(args));
    return java(all.toArray(String[]::new));
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private record Run(int exitCode, String out, String err, List<String> command) {
    String describe() {
      return String.join(" ", command) + "\nexit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
    }
  }

  private void assertNetworkIsDenied() throws Exception {
    Run probe = java("Probe.java");
    assertTrue(
        probe.out.startsWith("refused"),
        () -> "the sandbox lets connections through: " + probe.describe());
  }

  @Test
  void checksPoolsWithRemoteSchemaUrlsWithoutTheNetwork() throws Exception {
    assertNetworkIsDenied();
    Run run =
        poolcheck("check", "--format", "text", "--policy", POLICY.toAbsolutePath().toString(), ".");
    assertTrue(run.exitCode == 0 || run.exitCode == 1, run.describe());
    assertTrue(
        run.out.contains("pool.json:1:13: warning [schema-unknown-property]")
            && run.out.contains("never downloads"),
        run.describe());
    assertTrue(run.out.contains("conftest-style-deny"), "the local policy ran: " + run.describe());
    assertFalse(run.err.contains("\tat "), run.describe());
    assertFalse(run.err.contains("Exception"), run.describe());
  }

  @Test
  void everyReportFormatIsWrittenWithoutTheNetwork() throws Exception {
    assertNetworkIsDenied();
    for (String format : List.of("json", "sarif", "junit", "github")) {
      Run run = poolcheck("check", "--format", format, ".");
      assertTrue(run.exitCode == 0 || run.exitCode == 1, run.describe());
      assertTrue(run.out.contains("pool.json"), run.describe());
    }
  }

  @Test
  void policyUrlOnTheCommandLineIsAnErrorNotAFetch() throws Exception {
    assertNetworkIsDenied();
    Run run = poolcheck("check", "--policy", "https://example.com/policy.tar.gz", "pool.json");
    assertEquals(2, run.exitCode, run.describe());
    assertTrue(
        run.err.contains("is a URL, and poolcheck never downloads anything"), run.describe());
    assertFalse(run.err.contains("\tat "), run.describe());
  }

  @Test
  void policyUrlInTheConfigurationIsAnErrorNotAFetch() throws Exception {
    assertNetworkIsDenied();
    Files.writeString(
        dir.resolve(".poolcheck.yaml"), "policies:\n  - https://example.com/p.tar.gz\n");
    Run run = poolcheck("check", "pool.json");
    assertEquals(2, run.exitCode, run.describe());
    assertTrue(run.err.contains(".poolcheck.yaml:2:5"), run.describe());
    assertTrue(
        run.err.contains("is a URL, and poolcheck never downloads anything"), run.describe());
  }
}
