package dev.poolcheck.bench.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.engine.model.DocumentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a deterministic corpus of pool definitions for the benchmarks: every kind (management PUT
 * bodies, data-plane bodies, ARM templates with several pools, node-extension GET responses), JSON
 * and YAML, about one file in ten with one planted {@link Violation}.
 *
 * <p>File {@code i} depends only on the seed and {@code i}, so a corpus of 100 files is the first
 * 100 files of a corpus of 10,000 made with the same seed, and the same count and seed always give
 * byte-identical files. File 0 is always a small clean management-plane JSON body with one
 * extension: the single-file benchmark checks it.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.poolcheck.bench.corpus.CorpusGenerator \
 *     --count 10000 --seed 42 --out target/corpus [--manifest target/corpus.tsv]
 * </pre>
 */
public final class CorpusGenerator {

  /** One file in this many carries a violation, on average. */
  static final int VIOLATION_ONE_IN = 10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());

  private CorpusGenerator() {}

  /** The files of a corpus of {@code count} files made from {@code seed}, in index order. */
  public static List<CorpusFile> generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    int width = Math.max(5, Integer.toString(Math.max(0, count - 1)).length());
    List<CorpusFile> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      files.add(file(i, seed, width));
    }
    return files;
  }

  /** File {@code index} of every corpus made from {@code seed}. */
  static CorpusFile file(int index, long seed, int width) {
    // java.util.Random's algorithm is fixed by its specification, so files are the same on every
    // JDK; mixing the index in with a large odd constant keeps neighbouring files unrelated.
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
    PoolBodies bodies = new PoolBodies(random);
    DocumentKind kind;
    Format format;
    Violation violation;
    if (index == 0) {
      bodies.singleExtension();
      kind = DocumentKind.MANAGEMENT;
      format = Format.JSON;
      violation = Violation.NONE;
    } else {
      kind = kind(random.nextInt(100));
      format = random.nextInt(10) < 3 ? Format.YAML : Format.JSON;
      violation = random.nextInt(VIOLATION_ONE_IN) == 0 ? violation(kind, random) : Violation.NONE;
    }
    String name = bodies.pick(workloads()) + "-" + index;
    int pools = 1;
    ObjectNode body;
    switch (kind) {
      case MANAGEMENT -> body = bodies.management(name, violation);
      case DATA_PLANE -> body = bodies.dataPlane(name, violation);
      case ARM_TEMPLATE -> {
        pools = 2 + random.nextInt(3);
        List<String> names = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
          names.add(bodies.pick(workloads()) + "-" + index + "-" + p);
        }
        body = bodies.armTemplate("contosobatch" + index, names, violation);
      }
      // The service returns stringified settings with CRLF; a YAML copy is usually edited by
      // hand, with LF, which also lets it be written as a literal block.
      case NODE_EXTENSION ->
          body = bodies.nodeExtension(name, violation, format == Format.JSON ? "\r\n" : "\n");
      default -> throw new IllegalStateException("no generator for " + kind);
    }
    String path =
        kind.id()
            + "/"
            + kind.id()
            + "-"
            + String.format("%0" + width + "d", index)
            + "."
            + format.extension();
    return new CorpusFile(path, kind, format, violation, pools, render(body, format));
  }

  private static DocumentKind kind(int percent) {
    if (percent < 35) {
      return DocumentKind.MANAGEMENT;
    }
    if (percent < 60) {
      return DocumentKind.DATA_PLANE;
    }
    if (percent < 75) {
      return DocumentKind.ARM_TEMPLATE;
    }
    return DocumentKind.NODE_EXTENSION;
  }

  private static Violation violation(DocumentKind kind, Random random) {
    // A node-extension response carries no node agent, so it cannot hold a retired one; a
    // data-plane body carries no Key Vault extension (it cannot have the identity one needs).
    List<Violation> possible = new ArrayList<>();
    for (Violation v : Violation.values()) {
      boolean applies =
          switch (v) {
            case NONE -> false;
            case RETIRED_NODE_AGENT -> kind != DocumentKind.NODE_EXTENSION;
            case BAD_KEY_VAULT_URL -> kind != DocumentKind.DATA_PLANE;
            default -> true;
          };
      if (applies) {
        possible.add(v);
      }
    }
    return possible.get(random.nextInt(possible.size()));
  }

  private static List<String> workloads() {
    return List.of("render", "genomics", "etl", "mltrain", "sim", "video", "risk", "cfd");
  }

  private static String render(JsonNode body, Format format) {
    try {
      return switch (format) {
        case JSON -> prettyJson(body, "\n") + "\n";
        case YAML -> YAML.writeValueAsString(body);
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a generated body", e);
    }
  }

  /** Two-space indented JSON with the given line break, whatever the platform's. */
  static String prettyJson(JsonNode node, String lineBreak) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", lineBreak))
            .withArrayIndenter(new DefaultIndenter("  ", lineBreak))
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return JSON.writer(printer).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a generated body", e);
    }
  }

  /**
   * Writes the files under {@code out}, which must be missing or empty so a corpus never mixes two
   * runs; with a manifest path, also writes one tab-separated line per file there.
   */
  public static void write(List<CorpusFile> files, Path out, Path manifest) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("output folder " + out + " is not empty; remove it first");
        }
      }
    }
    Files.createDirectories(out);
    for (CorpusFile file : files) {
      Path target = out.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    if (manifest != null) {
      StringBuilder text = new StringBuilder("path\tkind\tformat\tviolation\tpools\tbytes\n");
      files.forEach(f -> text.append(f.manifestLine()).append('\n'));
      Path parent = manifest.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(manifest, text, StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) {
    int count = -1;
    long seed = 42;
    Path out = null;
    Path manifest = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--count" -> count = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--manifest" -> manifest = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (count < 0 || out == null) {
        throw new IllegalArgumentException("--count and --out are required");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      System.err.println("corpus: " + e.getMessage());
      System.err.println(
          "usage: CorpusGenerator --count N [--seed S] --out DIR [--manifest FILE.tsv]");
      System.exit(2);
      return;
    }
    try {
      List<CorpusFile> files = generate(count, seed);
      write(files, out, manifest);
      long violations = files.stream().filter(f -> f.violation() != Violation.NONE).count();
      System.out.printf(
          "corpus: wrote %d files (%d with a violation) to %s%n", files.size(), violations, out);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("corpus: " + e.getMessage());
      System.exit(1);
    }
  }
}
