package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentLoaderTest {

  private static Finding onlyProblem(ParsedDocument doc) {
    assertEquals(1, doc.problems().size(), () -> "problems: " + doc.problems());
    return doc.problems().get(0);
  }

  // --- positions -------------------------------------------------------------------------

  @Test
  void recordsStartAndEndOfJsonValuesAndKeys() {
    String json =
        "{\n  \"a\": \"x\\\"y\",\n  \"list\": [1, true, null],\n  \"o\": {\"k\": -1.5e3}\n}";
    ParsedDocument doc = Fixtures.one("p.json", json);
    PositionIndex at = doc.positions();
    assertEquals(SourceRange.of(1, 1, 5, 2), at.value("").orElseThrow());
    assertEquals(SourceRange.of(2, 8, 2, 14), at.value("/a").orElseThrow());
    assertEquals(SourceRange.of(2, 3, 2, 6), at.key("/a").orElseThrow());
    assertEquals(SourceRange.of(3, 11, 3, 26), at.value("/list").orElseThrow());
    assertEquals(SourceRange.of(3, 12, 3, 13), at.value("/list/0").orElseThrow());
    assertEquals(SourceRange.of(3, 15, 3, 19), at.value("/list/1").orElseThrow());
    assertEquals(SourceRange.of(3, 21, 3, 25), at.value("/list/2").orElseThrow());
    assertEquals(SourceRange.of(4, 8, 4, 21), at.value("/o").orElseThrow());
    assertEquals(SourceRange.of(4, 14, 4, 20), at.value("/o/k").orElseThrow());
    assertEquals("x\"y", doc.root().orElseThrow().get("a").textValue());
    assertTrue(doc.problems().isEmpty());
  }

  @Test
  void recordsStartAndEndOfYamlValuesAndKeys() {
    String yaml = "a: hello\nlist:\n  - 1\n  - [x, y]\no:\n  k: \"quoted\"\n";
    ParsedDocument doc = Fixtures.one("p.yaml", yaml);
    PositionIndex at = doc.positions();
    assertEquals(SourceRange.of(1, 4, 1, 9), at.value("/a").orElseThrow());
    assertEquals(SourceRange.of(1, 1, 1, 2), at.key("/a").orElseThrow());
    assertEquals(SourceRange.of(3, 5, 3, 6), at.value("/list/0").orElseThrow());
    assertEquals(SourceRange.of(4, 5, 4, 11), at.value("/list/1").orElseThrow());
    assertEquals(SourceRange.of(4, 9, 4, 10), at.value("/list/1/1").orElseThrow());
    assertEquals(SourceRange.of(6, 6, 6, 14), at.value("/o/k").orElseThrow());
    assertEquals(SourceRange.of(6, 3, 6, 14), at.value("/o").orElseThrow());
    assertEquals(SourceRange.of(3, 3, 4, 11), at.value("/list").orElseThrow());
  }

  @Test
  void escapesTildeAndSlashInPointers() {
    ParsedDocument doc = Fixtures.one("p.json", "{\"a/b\": {\"c~d\": 1}, \"~/\": 2}");
    assertEquals(SourceRange.of(1, 17, 1, 18), doc.positions().value("/a~1b/c~0d").orElseThrow());
    assertEquals(SourceRange.of(1, 27, 1, 28), doc.positions().value("/~0~1").orElseThrow());
    assertEquals(SourceRange.of(1, 21, 1, 25), doc.positions().key("/~0~1").orElseThrow());
  }

  @Test
  void countsColumnsInCharactersAfterNonAsciiText() {
    ParsedDocument json = Fixtures.one("p.json", "{\"näme\": \"日本\", \"x\": 1}");
    assertEquals(SourceRange.of(1, 21, 1, 22), json.positions().value("/x").orElseThrow());
    ParsedDocument yaml =
        Fixtures.one("p.yaml", "a: \"\uD83D\uDE00\"\nb: [1, 22]\nc: \uD83D\uDE00 x\nd: 1\n");
    assertEquals(SourceRange.of(2, 8, 2, 10), yaml.positions().value("/b/1").orElseThrow());
    assertEquals(SourceRange.of(3, 4, 3, 8), yaml.positions().value("/c").orElseThrow());
    assertEquals(SourceRange.of(4, 4, 4, 5), yaml.positions().value("/d").orElseThrow());
  }

  // --- duplicate keys --------------------------------------------------------------------

  @Test
  void reportsDuplicateKeyAtSecondOccurrenceAndKeepsTheLast() {
    ParsedDocument doc = Fixtures.single("management/pool-duplicate-key.json");
    Finding f = onlyProblem(doc);
    assertEquals("duplicate-key", f.ruleId());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("/properties/vmSize", f.pointer());
    assertEquals(SourceRange.of(16, 5, 16, 13), f.range());
    assertTrue(f.message().contains("'vmSize'"), f.message());
    assertTrue(f.message().contains("line 4"), f.message());
    assertTrue(f.message().contains("Azure keeps only one"), f.message());
    assertEquals("STANDARD_D8S_V5", doc.root().orElseThrow().at("/properties/vmSize").textValue());
    assertEquals(16, doc.positions().value("/properties/vmSize").orElseThrow().start().line());
  }

  @Test
  void reportsDuplicateKeyInYaml() {
    ParsedDocument doc = Fixtures.one("p.yaml", "a: 1\nb:\n  c: 2\n  c: 3\n");
    Finding f = onlyProblem(doc);
    assertEquals("duplicate-key", f.ruleId());
    assertEquals("/b/c", f.pointer());
    assertEquals(SourceRange.of(4, 3, 4, 4), f.range());
    assertEquals(3, doc.root().orElseThrow().at("/b/c").intValue());
  }

  // --- syntax errors ---------------------------------------------------------------------

  @Test
  void reportsParseErrorAtEndOfTruncatedBody() {
    ParsedDocument doc = Fixtures.single("seed/put-body-as-printed.json");
    Finding f = onlyProblem(doc);
    assertEquals("syntax-error", f.ruleId());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(doc.root().isEmpty());
    String text = doc.source().text();
    int lastLine = (int) text.strip().lines().count();
    assertEquals(lastLine, f.line());
    assertEquals(doc.source().line(lastLine).length() + 1, f.column());
    assertTrue(
        f.message().startsWith("the JSON ends before the object opened at 1:1 is closed"),
        f.message());
    assertTrue(f.message().contains("add '}}'"), f.message());
    assertTrue(f.message().contains("2 objects/arrays are still open"), f.message());
  }

  @Test
  void completedSeedBodyParsesCleanly() {
    ParsedDocument doc = Fixtures.single("seed/put-body-completed.json");
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    assertEquals(
        "885b1a3d-f13c-4030-afcf-9f05044d78dc",
        doc.root()
            .orElseThrow()
            .at(
                "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0/settings/authenticationSettings/msiClientId")
            .textValue());
  }

  @Test
  void saysWhichCommaIsMissing() {
    Finding f = onlyProblem(Fixtures.one("p.json", "{\n  \"a\": 1\n  \"b\": 2\n}"));
    assertEquals("syntax-error", f.ruleId());
    assertEquals(SourceRange.at(3, 3), f.range());
    assertTrue(f.message().startsWith("a ',' is missing before"), f.message());
  }

  @Test
  void reportsTrailingCommaWhereItIs() {
    ParsedDocument doc = Fixtures.single("data-plane/pool-trailing-comma.json");
    Finding f = onlyProblem(doc);
    assertEquals(10, f.line());
    assertTrue(f.message().contains("trailing ','"), f.message());
    assertFalse(f.message().contains("code 125"), f.message());
  }

  @Test
  void reportsMismatchedCloseMarker() {
    Finding f = onlyProblem(Fixtures.one("p.json", "{\"a\": [1, 2}"));
    assertEquals(SourceRange.at(1, 12), f.range());
    assertTrue(f.message().contains("array opened at 1:7"), f.message());
  }

  @Test
  void reportsContentAfterTheJsonValue() {
    ParsedDocument doc = Fixtures.one("p.json", "{\"a\": 1}\n{\"b\": 2}");
    assertTrue(doc.root().isPresent());
    Finding f = onlyProblem(doc);
    assertEquals(SourceRange.at(2, 1), f.range());
    assertTrue(f.message().contains("after the end of the JSON value"), f.message());
  }

  @Test
  void reportsYamlSyntaxErrorWithPosition() {
    ParsedDocument doc = Fixtures.single("management/pool-missing-brace.yaml");
    Finding f = onlyProblem(doc);
    assertEquals("syntax-error", f.ruleId());
    assertTrue(f.message().startsWith("YAML syntax error"), f.message());
    assertTrue(doc.root().isEmpty());
    assertTrue(f.line() >= 4, f.toString());
  }

  // --- decoding --------------------------------------------------------------------------

  @Test
  void readsUtf8WithByteOrderMark() {
    byte[] body = "{\"id\": \"p\"}".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    ParsedDocument doc = Fixtures.LOADER.load("p.json", Optional.empty(), bytes).get(0);
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    assertEquals(SourceRange.of(1, 8, 1, 11), doc.positions().value("/id").orElseThrow());
  }

  @Test
  void readsUtf16AndUtf32WithByteOrderMark() {
    String text = "id: p\nvmSize: x\n";
    for (String cs : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      byte[] bom =
          switch (cs) {
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-32BE" -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
            default -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
          };
      byte[] body = text.getBytes(Charset.forName(cs));
      byte[] bytes = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, bytes, 0, bom.length);
      System.arraycopy(body, 0, bytes, bom.length, body.length);
      ParsedDocument doc = Fixtures.LOADER.load("p.yaml", Optional.empty(), bytes).get(0);
      assertTrue(doc.problems().isEmpty(), () -> cs + ": " + doc.problems());
      assertEquals("x", doc.root().orElseThrow().get("vmSize").textValue(), cs);
      assertEquals(SourceRange.of(2, 9, 2, 10), doc.positions().value("/vmSize").orElseThrow());
    }
  }

  @Test
  void reportsInvalidUtf8AtTheFirstBadByte() {
    byte[] bytes = "{\n  \"id\": \"ab\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1);
    ParsedDocument doc = Fixtures.LOADER.load("p.json", Optional.empty(), bytes).get(0);
    Finding f = onlyProblem(doc);
    assertEquals("unreadable-input", f.ruleId());
    assertEquals(SourceRange.at(2, 12), f.range());
    assertTrue(f.message().contains("0xE9"), f.message());
    assertTrue(doc.root().isEmpty());
  }

  @Test
  void reportsNulBytesAsBinary() {
    byte[] bytes = {'{', '"', 'a', '"', ':', 0, 1, 2, '}'};
    Finding f = onlyProblem(Fixtures.LOADER.load("p.json", Optional.empty(), bytes).get(0));
    assertEquals("unreadable-input", f.ruleId());
    assertEquals(SourceRange.at(1, 6), f.range());
  }

  @Test
  void recognisesUtf16WithoutByteOrderMark() {
    byte[] bytes = "{\"id\": \"p\"}".getBytes(StandardCharsets.UTF_16LE);
    Finding f = onlyProblem(Fixtures.LOADER.load("p.json", Optional.empty(), bytes).get(0));
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("UTF-16"), f.message());
  }

  @Test
  void reportsEmptyAndWhitespaceOnlyFiles() {
    for (String name : List.of("other/empty.json", "other/whitespace-only.yaml")) {
      ParsedDocument doc = Fixtures.single(name);
      Finding f = onlyProblem(doc);
      assertEquals("not-a-pool-definition", f.ruleId());
      assertEquals(Severity.INFO, f.severity());
      assertTrue(f.message().startsWith("empty file"), f.message());
      assertEquals(SourceRange.FILE_START, f.range());
      assertTrue(doc.root().isEmpty());
    }
  }

  @Test
  void refusesFilesOverTheSizeLimit() {
    DocumentLoader small = new DocumentLoader(new LoaderLimits(10, 1000, 1000, 50));
    Finding f =
        onlyProblem(
            small.load("p.json", Optional.empty(), "{\"id\": \"long-pool\"}".getBytes()).get(0));
    assertEquals("unreadable-input", f.ruleId());
  }

  // --- hostile input ---------------------------------------------------------------------

  @Test
  void reportsDeepJsonNestingWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    ParsedDocument doc =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Fixtures.one("p.json", deep));
    Finding f = onlyProblem(doc);
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("1000 levels"), f.message());
    assertEquals(SourceRange.at(1, 1001), f.range());
  }

  @Test
  void reportsDeepYamlNestingWithoutOverflowingTheStack() {
    String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    ParsedDocument doc =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Fixtures.one("p.yaml", deep));
    Finding f = onlyProblem(doc);
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(doc.root().isEmpty());
  }

  @Test
  void stopsYamlAliasBombs() {
    StringBuilder y = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      y.append("]\n");
    }
    ParsedDocument doc =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> Fixtures.one("bomb.yaml", y.toString()));
    Finding f = onlyProblem(doc);
    assertEquals("unreadable-input", f.ruleId());
    assertTrue(f.message().contains("alias"), f.message());
    assertTrue(doc.root().isEmpty());
  }

  @Test
  void expandsOrdinaryYamlAliases() {
    ParsedDocument doc =
        Fixtures.one("p.yaml", "base: &img {publisher: canonical, sku: server}\ncopy: *img\n");
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    assertEquals("canonical", doc.root().orElseThrow().at("/copy/publisher").textValue());
    assertEquals(SourceRange.of(2, 7, 2, 11), doc.positions().value("/copy").orElseThrow());
  }

  @Test
  void appliesYamlMergeKeysWithExplicitKeysWinning() {
    String yaml =
        "base: &base\n  vmSize: standard_d2s_v5\n  taskSlotsPerNode: 2\n"
            + "pool:\n  <<: *base\n  vmSize: standard_d8s_v5\n  id: big\n";
    ParsedDocument doc = Fixtures.one("p.yaml", yaml);
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    JsonNode pool = doc.root().orElseThrow().get("pool");
    assertEquals("standard_d8s_v5", pool.get("vmSize").textValue());
    assertEquals(2, pool.get("taskSlotsPerNode").intValue());
    assertTrue(pool.path("<<").isMissingNode());
    assertEquals(
        SourceRange.of(5, 7, 5, 12), doc.positions().value("/pool/taskSlotsPerNode").orElseThrow());
    assertEquals(SourceRange.of(6, 11, 6, 26), doc.positions().value("/pool/vmSize").orElseThrow());
  }

  @Test
  void yamlTagsNeverBuildJavaObjects() {
    String yaml =
        "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://localhost/\"]]]]\nb: !!java.io.File /etc/passwd\n";
    ParsedDocument doc = Fixtures.one("p.yaml", yaml);
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    JsonNode root = doc.root().orElseThrow();
    assertEquals("http://localhost/", root.at("/a/0/0/0/0").textValue());
    assertEquals("/etc/passwd", root.get("b").textValue());
  }

  @Test
  void readsEachDocumentOfAYamlStreamWithAbsoluteLines() {
    List<ParsedDocument> docs = Fixtures.load("other/multi-document.yaml");
    assertEquals(2, docs.size());
    assertEquals(0, docs.get(0).index());
    assertEquals(1, docs.get(1).index());
    assertEquals("small-pool", docs.get(0).root().orElseThrow().get("id").textValue());
    assertEquals(
        SourceRange.of(12, 7, 12, 16), docs.get(1).positions().value("/kind").orElseThrow());
    assertTrue(docs.get(1).positions().value("/id").isEmpty());
  }

  @Test
  void reportsOverlongStringsAndKeys() {
    DocumentLoader loader = new DocumentLoader(new LoaderLimits(1 << 20, 100, 1000, 50));
    String longValue = "{\"a\": \"" + "x".repeat(5000) + "\"}";
    Finding f = onlyProblem(loader.load("p.json", Optional.empty(), longValue.getBytes()).get(0));
    assertEquals("unreadable-input", f.ruleId());
    String longKey = "{\"" + "k".repeat(5000) + "\": 1}";
    Finding k = onlyProblem(loader.load("p.json", Optional.empty(), longKey.getBytes()).get(0));
    assertEquals("unreadable-input", k.ruleId());
  }

  @Test
  void keepsHugeNumbersExact() {
    ParsedDocument doc =
        Fixtures.one("p.json", "{\"big\": 123456789012345678901234567890, \"exp\": 1e999999}");
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    assertEquals("123456789012345678901234567890", doc.root().orElseThrow().get("big").asText());
    assertTrue(doc.root().orElseThrow().get("exp").isBigDecimal());
    Finding f = onlyProblem(Fixtures.one("p.json", "{\"n\": " + "9".repeat(5000) + "}"));
    assertEquals("unreadable-input", f.ruleId());
  }

  @Test
  void loadsYamlLargerThanSnakeYamlsDefaultLimit() {
    StringBuilder sb = new StringBuilder("pools:\n");
    int n = 0;
    while (sb.length() < 5_000_000) {
      sb.append("  - id: pool-").append(n++).append("\n    vmSize: standard_d2s_v5\n");
    }
    ParsedDocument doc =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> Fixtures.one("big.yaml", sb.toString()));
    assertTrue(doc.problems().isEmpty(), () -> doc.problems().toString());
    assertEquals(n, doc.root().orElseThrow().get("pools").size());
  }

  @Test
  void loadsAFiftyMegabyteFile() {
    String pool = Fixtures.single("data-plane/pool-ubuntu.json").source().text();
    StringBuilder sb = new StringBuilder(52_000_000).append("{\"pools\": [");
    int n = 0;
    while (sb.length() < 50_000_000) {
      sb.append(n++ == 0 ? "" : ",").append(pool);
    }
    sb.append("]}");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    ParsedDocument doc =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> Fixtures.LOADER.load("big.json", Optional.empty(), bytes).get(0));
    assertTrue(doc.problems().isEmpty());
    assertEquals(n, doc.root().orElseThrow().get("pools").size());
    assertTrue(doc.positions().value("/pools/" + (n - 1) + "/vmSize").isPresent());
  }
}
