package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.PoolcheckException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, part 2: what a repository commits (the configuration, policy bundles, baselines and the
 * paths they name) cannot hang, crash or exhaust the run. Each case must end, quickly, in one line
 * that names the file: a {@link PoolcheckException}, which the command line prints and exits 2
 * with.
 */
class CommittedContentTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  @TempDir Path dir;

  @BeforeEach
  void writePool() {
    SecurityWorkspace.write(
        dir.resolve("pool.json"), "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\"}");
  }

  /** The special files a path may name; each is made (a FIFO) or exists on Linux. */
  private Path special(String kind) throws IOException, InterruptedException {
    return switch (kind) {
      case "zero" -> Path.of("/dev/zero");
      case "urandom" -> Path.of("/dev/urandom");
      case "environ" -> Path.of("/proc/self/environ");
      case "fifo" -> {
        Path fifo = dir.resolve("committed.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        yield fifo;
      }
      case "directory" -> Files.createDirectories(dir.resolve("a-directory.yaml"));
      case "huge" -> {
        Path huge = dir.resolve("huge.bin");
        try (var channel =
            java.nio.channels.FileChannel.open(
                huge,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
          channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), (3L << 30)); // sparse, 3 GiB
        }
        yield huge;
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private void assertRefusedInOneLine(
      Path named, Function<CheckRequest.Builder, CheckRequest> how) {
    PoolcheckException e =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                assertThrows(
                    PoolcheckException.class,
                    () ->
                        SecurityWorkspace.check(
                            how.apply(SecurityWorkspace.request(dir, "pool.json")))));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains(named.getFileName().toString()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero", "urandom", "environ", "fifo", "directory", "huge"})
  void configurationThatIsNoRegularFileIsRefused(String kind) throws Exception {
    Path file = special(kind);
    assertRefusedInOneLine(file, b -> b.configFile(file).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero", "urandom", "environ", "fifo", "directory", "huge"})
  void policyBundleThatIsNoRegularFileIsRefused(String kind) throws Exception {
    Path file = special(kind);
    assertRefusedInOneLine(file, b -> b.policies(List.of(file)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero", "urandom", "environ", "fifo", "directory", "huge"})
  void baselineThatIsNoRegularFileIsRefused(String kind) throws Exception {
    Path file = special(kind);
    assertRefusedInOneLine(file, b -> b.baseline(file).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero", "fifo", "huge"})
  void policyNamedInTheConfigurationThatIsNoRegularFileIsRefused(String kind) throws Exception {
    Path file = special(kind);
    SecurityWorkspace.write(
        dir.resolve(".poolcheck.yaml"), "policies:\n  - " + file.toAbsolutePath() + "\n");
    assertRefusedInOneLine(file, CheckRequest.Builder::build);
  }

  /** A tar.gz of entries, each {@code size} zero bytes (a gzip bomb when large). */
  private Path bundle(String name, int entries, long size, List<String[]> extra)
      throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (String[] e : extra) {
        byte[] content = e[1].getBytes(StandardCharsets.UTF_8);
        out.write(tarHeader(e[0], content.length));
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
      }
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < entries; i++) {
        out.write(tarHeader("f" + i + ".bin", size));
        for (long left = size; left > 0; left -= zeros.length) {
          out.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
        out.write(new byte[(int) ((512 - size % 512) % 512)]);
      }
      out.write(new byte[1024]);
    }
    return file;
  }

  private static byte[] tarHeader(String name, long size) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, h, 0, n.length);
    byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, h, 124, s.length);
    h[156] = '0';
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 5);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] c = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(c, 0, h, 148, c.length);
    h[154] = 0;
    return h;
  }

  @Test
  void gzipBombIsRefusedBeforeItIsUnpacked() throws Exception {
    Path bomb = bundle("bomb.tar.gz", 1, 200L << 20, List.of());
    assertTrue(Files.size(bomb) < (1 << 20), "the bomb is small on disk");
    assertRefusedInOneLine(bomb, b -> b.policies(List.of(bomb)).build());
  }

  @Test
  void bundleOfTooManyEntriesIsRefused() throws Exception {
    Path many = bundle("many.tar.gz", 10_001, 0, List.of());
    assertRefusedInOneLine(many, b -> b.policies(List.of(many)).build());
  }

  @Test
  void conflictingDataFilesNameTheBundle() throws Exception {
    Path policy = SecurityWorkspace.policy("echoing");
    // The echoing bundle's policy.wasm with two data files that disagree about data.a.
    byte[] wasm;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(policy))) {
      wasm = extract(in.readAllBytes(), "/policy.wasm");
    }
    Path file = dir.resolve("conflict.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      for (String[] e :
          List.of(
              new String[] {"data.json", "{\"a\": 1}"},
              new String[] {"a/data.json", "{\"b\": 2}"})) {
        byte[] content = e[1].getBytes(StandardCharsets.UTF_8);
        tar.write(tarHeader(e[0], content.length));
        tar.write(content);
        tar.write(new byte[(512 - content.length % 512) % 512]);
      }
      tar.write(tarHeader("policy.wasm", wasm.length));
      tar.write(wasm);
      tar.write(new byte[(512 - wasm.length % 512) % 512]);
      tar.write(new byte[1024]);
      out.write(tar.toByteArray());
    }
    assertRefusedInOneLine(file, b -> b.policies(List.of(file)).build());
  }

  private static byte[] extract(byte[] tar, String wanted) {
    for (int at = 0; at + 512 <= tar.length; ) {
      String name = new String(tar, at, 100, StandardCharsets.US_ASCII).replace("\0", "");
      long size =
          Long.parseLong(new String(tar, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
      if (name.equals(wanted) || ("/" + name).equals(wanted)) {
        return java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + (int) size);
      }
      at += 512 + (int) ((size + 511) / 512 * 512);
    }
    throw new AssertionError(wanted + " not in the bundle");
  }

  /**
   * A module whose start function loops forever runs while it is loaded, before any evaluation:
   * loading runs under the same time budget.
   */
  @Test
  void wasmWhoseStartFunctionLoopsIsStopped() throws Exception {
    byte[] looping = {
      0x00,
      0x61,
      0x73,
      0x6d,
      0x01,
      0x00,
      0x00,
      0x00, // magic, version
      0x01,
      0x04,
      0x01,
      0x60,
      0x00,
      0x00, // type: () -> ()
      0x03,
      0x02,
      0x01,
      0x00, // function 0 has type 0
      0x08,
      0x01,
      0x00, // start: function 0
      0x0a,
      0x09,
      0x01,
      0x07,
      0x00,
      0x03,
      0x40,
      0x0c,
      0x00,
      0x0b,
      0x0b // loop br 0 end end
    };
    Path file = dir.resolve("start-loops.wasm");
    Files.write(file, looping);
    assertRefusedInOneLine(file, b -> b.policies(List.of(file)).build());
  }

  /**
   * 185 levels of nesting in extension settings exhausted the wasm stack and silently turned off
   * every built-in rule for the pool. Deep subtrees are cut before policies see them, and the other
   * rules still report.
   */
  @Test
  void deepNestingInSettingsDoesNotSilenceTheBuiltInRules() {
    String deep = "{\"a\": ".repeat(185) + "1" + "}".repeat(185);
    SecurityWorkspace.write(
        dir.resolve("deep.json"),
        """
        {"id": "p", "vmSize": "standard_d2s_v5",
         "virtualMachineConfiguration": {
           "imageReference": {"publisher": "canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest"},
           "nodeAgentSkuId": "batch.node.ubuntu 24.04",
           "extensions": [{"name": "s", "publisher": "Microsoft.Azure.Extensions",
             "type": "CustomScript", "typeHandlerVersion": "2.1", "settings": %s}]}}
        """
            .formatted(deep));
    CheckResult result =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> SecurityWorkspace.check(SecurityWorkspace.request(dir, "deep.json").build()));
    assertTrue(
        result.findings().stream()
            .anyMatch(f -> f.ruleId().equals("extension-customscript-reserved")),
        result.findings()::toString);
  }

  /**
   * A looping policy is stopped once, then disabled: one error per bundle and file, not one budget
   * per pool (a looping policy took 123 s on one 12-document file).
   */
  @Test
  void policyThatOverrunsIsDisabledAfterItsFirstOverrun() {
    for (String file : List.of("a.yaml", "b.yaml")) {
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        yaml.append("---\nid: p").append(i).append("\nvmSize: standard_d2s_v5\n");
      }
      SecurityWorkspace.write(dir.resolve(file), yaml.toString());
    }
    CheckResult result =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                SecurityWorkspace.check(
                    SecurityWorkspace.request(dir, "a.yaml", "b.yaml")
                        .policies(List.of(SecurityWorkspace.policy("looping")))
                        .build()));
    assertEquals(2, result.errors().size(), result.errors()::toString);
    assertTrue(result.errors().get(0).message().contains("was stopped"), result.errors()::toString);
    assertTrue(result.errors().get(0).message().contains("a.yaml"), result.errors()::toString);
    assertTrue(result.errors().get(1).message().contains("disabled"), result.errors()::toString);
    assertTrue(result.errors().get(1).message().contains("b.yaml"), result.errors()::toString);
  }
}
