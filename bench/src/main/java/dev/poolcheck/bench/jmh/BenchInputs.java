package dev.poolcheck.bench.jmh;

import dev.poolcheck.bench.corpus.CorpusFile;
import dev.poolcheck.bench.corpus.CorpusGenerator;
import dev.poolcheck.bench.corpus.Format;
import dev.poolcheck.bench.corpus.Violation;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.List;

/**
 * The documents the JMH benchmarks run on, taken from the same generated corpus as the
 * whole-process runs (seed 42). An input is either one typical clean file of a kind and format
 * ({@code management.json}, {@code arm.json}, ...) or {@code mix}: the corpus's first 100 files in
 * order, all kinds and formats with their planted violations, cycled one file per operation.
 */
public final class BenchInputs {

  static final long SEED = 42;
  static final int MIX_SIZE = 100;

  private BenchInputs() {}

  public static List<CorpusFile> select(String input) {
    List<CorpusFile> corpus = CorpusGenerator.generate(400, SEED);
    if (input.equals("mix")) {
      return corpus.subList(0, MIX_SIZE);
    }
    String[] parts = input.split("\\.");
    DocumentKind kind =
        DocumentKind.parse(parts[0])
            .orElseThrow(() -> new IllegalArgumentException("unknown kind in " + input));
    Format format = Format.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
    return corpus.stream()
        .filter(f -> f.kind() == kind && f.format() == format && f.violation() == Violation.NONE)
        .findFirst()
        .map(List::of)
        .orElseThrow(() -> new IllegalArgumentException("no clean " + input + " in the corpus"));
  }
}
