package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile input goes through the whole pipeline next to a good pool file: it gets a clear
 * finding at a position inside the file, the good file is still checked, every report renders
 * without a stack trace, and the run ends in bounded time. The loader's own tests
 * (document/HostileInputTest, DocumentLoaderTest) cover the parsing details; these cover that
 * nothing between the loader and the reports breaks on such input.
 */
class HostileInputPipelineTest {

  static final String GOOD = "fixtures/data-plane/pool-ubuntu.json";

  static String goodJson() {
    try {
      return Files.readString(Workspace.ROOT.resolve(GOOD));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String goodYaml() {
    return """
        id: nightly-etl
        vmSize: standard_d4s_v5
        virtualMachineConfiguration:
          imageReference: {publisher: canonical, offer: ubuntu-24_04-lts, sku: server, version: latest}
          nodeAgentSKUId: batch.node.ubuntu 24.04
        targetDedicatedNodes: 4
        """;
  }

  /**
   * One hostile file.
   *
   * @param file its name, whose extension picks JSON or YAML
   * @param content its bytes, made at test time
   * @param expected the finding id it must get, or null when it must load cleanly
   */
  record Case(String file, Supplier<byte[]> content, String expected) {
    @Override
    public String toString() {
      return file + (expected == null ? " loads" : " gives " + expected);
    }
  }

  private static Supplier<byte[]> text(Supplier<String> s) {
    return () -> s.get().getBytes(StandardCharsets.UTF_8);
  }

  private static Supplier<byte[]> encoded(Supplier<String> s, Charset charset, byte... bom) {
    return () -> {
      byte[] body = s.get().getBytes(charset);
      byte[] out = Arrays.copyOf(bom, bom.length + body.length);
      System.arraycopy(body, 0, out, bom.length, body.length);
      return out;
    };
  }

  private static Supplier<byte[]> nested(String open, String close, int depth) {
    return () -> (open.repeat(depth) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("truncated.json", text(() -> goodJson().substring(0, 300)), "syntax-error"),
        new Case(
            "truncated.yaml",
            text(() -> "id: p\nvirtualMachineConfiguration: {imageRef"),
            "syntax-error"),
        new Case("empty.json", () -> new byte[0], "not-a-pool-definition"),
        new Case("empty.yaml", () -> new byte[0], "not-a-pool-definition"),
        new Case("blank.json", text(() -> "  \n\t\n   \n"), "not-a-pool-definition"),
        new Case("blank.yaml", text(() -> "  \n\n   \n"), "not-a-pool-definition"),
        new Case(
            "bom.json",
            encoded(
                HostileInputPipelineTest::goodJson,
                StandardCharsets.UTF_8,
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF),
            null),
        new Case(
            "bom.yaml",
            encoded(
                HostileInputPipelineTest::goodYaml,
                StandardCharsets.UTF_8,
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF),
            null),
        new Case(
            "utf16.json",
            encoded(
                HostileInputPipelineTest::goodJson,
                StandardCharsets.UTF_16LE,
                (byte) 0xFF,
                (byte) 0xFE),
            null),
        new Case(
            "utf16.yaml",
            encoded(
                HostileInputPipelineTest::goodYaml,
                StandardCharsets.UTF_16BE,
                (byte) 0xFE,
                (byte) 0xFF),
            null),
        new Case(
            "invalid-utf8.json",
            () -> withBytesAt(goodJson(), 120, (byte) 0xC3, (byte) 0x28),
            "unreadable-input"),
        new Case(
            "invalid-utf8.yaml",
            () -> withBytesAt(goodYaml(), 40, (byte) 0xFF),
            "unreadable-input"),
        new Case("nul.json", () -> withBytesAt(goodJson(), 200, (byte) 0), "unreadable-input"),
        new Case("nul.yaml", () -> withBytesAt(goodYaml(), 30, (byte) 0), "unreadable-input"),
        new Case("binary.json", HostileInputPipelineTest::binary, "unreadable-input"),
        new Case("binary.yaml", HostileInputPipelineTest::binary, "unreadable-input"),
        new Case("deep.json", nested("[", "]", 100_000), "unreadable-input"),
        new Case(
            "deep-objects.json",
            () ->
                ("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
                    .getBytes(StandardCharsets.UTF_8),
            "unreadable-input"),
        new Case("deep.yaml", nested("[", "]", 100_000), "unreadable-input"),
        new Case("deep-block.yaml", HostileInputPipelineTest::deepBlockYaml, "unreadable-input"),
        new Case(
            "long-string.json",
            text(() -> "{\"id\": \"" + "x".repeat(33 * 1024 * 1024) + "\"}"),
            "unreadable-input"),
        new Case(
            "long-key.yaml",
            text(() -> "k" + "y".repeat(33 * 1024 * 1024) + ": 1\n"),
            "unreadable-input"),
        new Case(
            "long-but-allowed.json",
            text(() -> goodJson().replace("\"nightly-etl\"", "\"" + "n".repeat(200_000) + "\"")),
            null),
        new Case(
            "huge-numbers.json",
            text(
                () ->
                    goodJson()
                        .replace(
                            "\"targetDedicatedNodes\": 4",
                            "\"targetDedicatedNodes\": 1"
                                + "0".repeat(900)
                                + ", \"resizeTimeout\": 1e999999999, \"x\": -1e-999999999")),
            null),
        new Case(
            "huge-numbers.yaml",
            text(
                () ->
                    goodYaml()
                        .replace(
                            "targetDedicatedNodes: 4",
                            "targetDedicatedNodes: 1"
                                + "0".repeat(900)
                                + "\nresizeTimeout: 1e999999999")),
            null),
        new Case(
            "too-many-digits.json",
            text(
                () ->
                    goodJson()
                        .replace(
                            "\"targetDedicatedNodes\": 4",
                            "\"targetDedicatedNodes\": 1" + "0".repeat(5000))),
            "unreadable-input"),
        new Case(
            // SnakeYAML reads a number it cannot hold as a string, which the schema then rejects.
            "too-many-digits.yaml",
            text(
                () ->
                    goodYaml()
                        .replace(
                            "targetDedicatedNodes: 4",
                            "targetDedicatedNodes: 1" + "0".repeat(5000))),
            "schema-invalid-value"),
        new Case(
            "fifty-megabytes.json", HostileInputPipelineTest::fiftyMegabytes, "unreadable-input"),
        new Case(
            "duplicate.json",
            text(
                () ->
                    goodJson()
                        .replace(
                            "\"vmSize\": \"standard_d4s_v5\",",
                            "\"vmSize\": \"a\", \"vmSize\": \"standard_d4s_v5\",")),
            "duplicate-key"),
        new Case("duplicate.yaml", text(() -> goodYaml() + "vmSize: again\n"), "duplicate-key"),
        new Case(
            "billion-laughs.yaml", HostileInputPipelineTest::billionLaughs, "unreadable-input"),
        new Case(
            "java-tags.yaml",
            text(
                () ->
                    "id: !!"
                        + Tripwire.class.getName()
                        + " {}\nvmSize: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n"),
            null),
        new Case(
            "multi.yaml",
            text(
                () ->
                    goodYaml()
                        + "---\n"
                        + goodYaml().replace("nightly-etl", "second")
                        + "---\n"
                        + "id: [unclosed\n"),
            "syntax-error"));
  }

  private static byte[] withBytesAt(String text, int at, byte... bytes) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + bytes.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(body, at, out, at + bytes.length, body.length - at);
    return out;
  }

  /** 50 MB of JSON: above the default file cap (2 MiB), so it is refused unread. */
  private static byte[] fiftyMegabytes() {
    String item = "{\"name\": \"item\", \"value\": \"" + "v".repeat(80) + "\"},\n";
    StringBuilder b = new StringBuilder(52_000_000).append("[\n");
    while (b.length() < 50_000_000) {
      b.append(item);
    }
    return b.append("{}]\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] binary() {
    byte[] out = new byte[64 * 1024];
    new java.util.Random(42).nextBytes(out);
    out[0] = (byte) 0x89;
    out[1] = 'P';
    out[2] = 'N';
    out[3] = 'G';
    return out;
  }

  private static byte[] deepBlockYaml() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      b.append("- ");
    }
    return b.append("x\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] billionLaughs() {
    StringBuilder b = new StringBuilder("a0: &a0 [\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      String prev = "*a" + (i - 1);
      b.append("a").append(i).append(": &a").append(i).append(" [");
      b.append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
    }
    return b.append("id: *a9\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileFileGetsAPositionedFindingAndTheOtherFileIsStillChecked(Case c) throws IOException {
    byte[] bytes = c.content().get();
    Files.write(dir.resolve(c.file()), bytes);
    Files.writeString(dir.resolve("good.json"), goodJson());

    CheckResult r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> new Poolcheck().check(Workspace.request(dir, ".").threads(2).build()));

    assertTrue(r.errors().isEmpty(), () -> "tool errors: " + r.errors());
    List<Finding> mine = Workspace.inFile(r, c.file());
    int lines = lineCount(bytes);
    for (Finding f : mine) {
      assertTrue(f.line() >= 1 && f.line() <= lines, () -> "line outside the file: " + f);
      assertTrue(f.column() >= 1, () -> "column before the line: " + f);
      assertTrue(f.pointer().isEmpty() || f.pointer().startsWith("/"), f::toString);
      assertFalse(f.message().isBlank(), f::toString);
    }
    if (c.expected() == null) {
      assertTrue(
          mine.stream()
              .noneMatch(
                  f -> f.ruleId().equals("syntax-error") || f.ruleId().equals("unreadable-input")),
          () -> "expected a clean load: " + mine);
    } else {
      assertTrue(
          mine.stream().anyMatch(f -> f.ruleId().equals(c.expected())),
          () -> "expected " + c.expected() + ": " + mine);
      boolean error =
          mine.stream()
              .anyMatch(f -> f.ruleId().equals(c.expected()) && f.severity() == Severity.ERROR);
      if (error) {
        assertEquals(CheckResult.EXIT_FINDINGS, r.exitCode());
      }
    }
    assertFalse(Tripwire.built, "a YAML tag built a Java object");

    CheckedDocument good =
        r.documents().stream().filter(d -> d.file().equals("good.json")).findFirst().orElseThrow();
    assertEquals("data-plane", good.kind());
    assertEquals(
        Workspace.inFile(referenceRun(reference), "good.json"),
        Workspace.inFile(r, "good.json"),
        "the good file's findings do not depend on its neighbour");

    for (var report : Workspace.reports(r).entrySet()) {
      assertFalse(report.getValue().contains("\tat "), report.getKey() + " shows a stack trace");
      assertTrue(report.getValue().contains(c.file()) || c.expected() == null, report.getKey());
    }
  }

  @TempDir Path reference;

  /** The good file checked alone, under the same (absent) configuration. */
  private static CheckResult referenceRun(Path dir) throws IOException {
    Files.writeString(dir.resolve("good.json"), goodJson());
    return new Poolcheck().check(Workspace.request(dir, "good.json").build());
  }

  private static int lineCount(byte[] bytes) {
    int lines = 1;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    // UTF-16 newlines are a \n byte next to a NUL; the count is the same.
    return lines;
  }
}
