package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the whole pipeline over mutated fixtures (bytes cut, inserted, swapped, lines
 * repeated): it never throws, every finding has a pointer and a position inside its file, two runs
 * give the same findings and reports, and the JSON and SARIF reports validate against their
 * schemas. Each try checks several mutants in one run, since a run loads the policies once.
 */
class MutatedFixturePropertiesTest {

  private static final List<String> FIXTURES = fixtureFiles();
  private static final Schema REPORT_SCHEMA =
      schema(
          SpecificationVersion.DRAFT_2020_12, Workspace.ROOT.resolve("schemas/report.schema.json"));
  private static final Schema SARIF_SCHEMA =
      schema(SpecificationVersion.DRAFT_4, resource("/sarif-schema-2.1.0.json"));

  private static List<String> fixtureFiles() {
    try (Stream<Path> files = Files.walk(Workspace.ROOT.resolve("fixtures"))) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> Workspace.ROOT.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(MutatedFixturePropertiesTest.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema schema(SpecificationVersion version, Path file) {
    // Remote fetching off and http(s) blocked: a $ref that needs the network fails the test.
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            version,
            builder ->
                builder.schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .block(iri -> iri.toString().startsWith("http"))));
    try (InputStream in = Files.newInputStream(file)) {
      return registry.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<Integer>> fixtureIndexes() {
    return Arbitraries.integers().between(0, FIXTURES.size() - 1).list().ofMinSize(1).ofMaxSize(4);
  }

  /** Cuts, inserts syntax characters, swaps bytes, repeats or drops lines; {@code seed} decides. */
  static byte[] mutate(byte[] in, long seed, int mutations) {
    Random random = new Random(seed);
    String syntax = "{}[]\":,-\n\t #&*!|>'\\\u0000\u00e9\ud83d\ude00";
    List<Byte> bytes = new ArrayList<>();
    for (byte b : in) {
      bytes.add(b);
    }
    for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(5)) {
        case 0 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(20))).clear();
        case 1 -> {
          byte[] ins =
              String.valueOf(syntax.charAt(random.nextInt(syntax.length())))
                  .getBytes(StandardCharsets.UTF_8);
          for (int i = ins.length - 1; i >= 0; i--) {
            bytes.add(at, ins[i]);
          }
        }
        case 2 -> {
          int other = random.nextInt(bytes.size());
          Byte b = bytes.get(at);
          bytes.set(at, bytes.get(other));
          bytes.set(other, b);
        }
        case 3 -> bytes.subList(at, bytes.size()).clear();
        default -> {
          int start = at;
          while (start > 0 && bytes.get(start - 1) != '\n') {
            start--;
          }
          int end = at;
          while (end < bytes.size() && bytes.get(end) != '\n') {
            end++;
          }
          bytes.addAll(end, new ArrayList<>(bytes.subList(start, Math.min(end + 1, bytes.size()))));
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  @Property(tries = 8, seed = "20261127")
  void pipelineNeverThrowsAndReportsStayValid(
      @ForAll("fixtureIndexes") List<Integer> fixtures,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int mutations)
      throws IOException {
    Path dir = Files.createTempDirectory("mutated");
    try {
      Map<String, byte[]> written = new java.util.TreeMap<>();
      for (int i = 0; i < fixtures.size(); i++) {
        String fixture = FIXTURES.get(fixtures.get(i));
        byte[] original = Files.readAllBytes(Workspace.ROOT.resolve(fixture));
        String name = "m" + i + "-" + Path.of(fixture).getFileName();
        byte[] mutant = mutate(original, seed + i, mutations);
        Files.write(dir.resolve(name), mutant);
        written.put(name, mutant);
      }
      CheckResult first = new Poolcheck().check(Workspace.request(dir, ".").threads(2).build());
      CheckResult second = new Poolcheck().check(Workspace.request(dir, ".").threads(1).build());

      assertTrue(first.errors().isEmpty(), first.errors()::toString);
      for (Finding f : first.findings()) {
        String text = new String(written.get(f.file()), StandardCharsets.UTF_8);
        assertTrue(f.pointer().isEmpty() || f.pointer().startsWith("/"), f::toString);
        assertTrue(f.line() >= 1 && f.column() >= 1, f::toString);
        assertTrue(
            f.line() <= text.split("\r\n|\r|\n", -1).length, () -> "line past the end: " + f);
        assertTrue(!f.message().isBlank(), f::toString);
      }
      assertEquals(first.findings(), second.findings(), "findings depend on threads or run");
      Map<String, String> reports = Workspace.reports(first, dir);
      assertEquals(reports, Workspace.reports(second, dir), "reports are not deterministic");
      assertEquals(List.of(), REPORT_SCHEMA.validate(reports.get("json"), InputFormat.JSON));
      assertEquals(List.of(), SARIF_SCHEMA.validate(reports.get("sarif"), InputFormat.JSON));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
