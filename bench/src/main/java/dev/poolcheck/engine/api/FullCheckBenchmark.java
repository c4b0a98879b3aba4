package dev.poolcheck.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.bench.corpus.CorpusFile;
import dev.poolcheck.bench.corpus.Format;
import dev.poolcheck.bench.jmh.BenchInputs;
import dev.poolcheck.engine.config.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full check of one document, as a run does it for each file once the run is set up: read the
 * file, load, extract pools, run every enabled rule (schema, built-in Rego), map pointers to lines
 * and columns, take excerpts. This is the engine's per-file step ({@code FileChecker}, hence this
 * class sits in its package); the per-run set-up it leaves out (configuration, rule registry, first
 * policy instance) is what the whole-process runs in {@code bench/measure.py} show.
 *
 * <p>The compiled policy needs a long warm-up: the JIT compiles Chicory's generated classes slowly,
 * and the first iterations run 10 to 100 times slower than the steady state.
 *
 * <p>{@code jacksonParse} is the baseline the issue compares with: plain {@code readTree} of the
 * same bytes. Inputs are those of {@link BenchInputs}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 4, time = 3)
public class FullCheckBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @Param({
    "management.json",
    "management.yaml",
    "data-plane.json",
    "arm.json",
    "node-extension.json",
    "mix"
  })
  public String input;

  private Path dir;
  private List<CorpusFile> files;
  private List<InputCollector.Input> inputs;
  private FileChecker checker;
  private int next;

  @Setup
  public void setUp() throws IOException {
    files = BenchInputs.select(input);
    dir = Files.createTempDirectory("poolcheck-bench");
    inputs = new ArrayList<>();
    for (CorpusFile file : files) {
      Path target = dir.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
      inputs.add(new InputCollector.Input(file.path(), Optional.of(target), Optional.empty()));
    }
    CheckRequest request =
        CheckRequest.builder(dir).path(".").threads(1).asOf(LocalDate.of(2026, 11, 1)).build();
    // Sized as a large run, so the built-in policies run compiled, as they do from 100 files up.
    RuleSet rules = RuleSet.create(request, Configuration.empty(), 10_000);
    checker = new FileChecker(request, rules, Optional.empty());
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private int advance() {
    int i = next;
    next = i + 1 == files.size() ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public JsonNode jacksonParse() throws IOException {
    CorpusFile file = files.get(advance());
    return file.format() == Format.JSON ? JSON.readTree(file.bytes()) : YAML.readTree(file.bytes());
  }

  @Benchmark
  public Object fullCheck() {
    return checker.check(inputs.get(advance()), null);
  }
}
