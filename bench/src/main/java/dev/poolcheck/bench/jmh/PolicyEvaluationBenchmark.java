package dev.poolcheck.bench.jmh;

import dev.poolcheck.bench.corpus.CorpusFile;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.normalise.KindDetection;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the built-in policy (all built-in Rego rules, build-time compiled wasm, through
 * the engine's OPA host) for one typical clean pool of each input kind, with the JIT the launcher
 * uses ({@code -XX:TieredStopAtLevel=1}, C1 only). A fresh {@link RuleContext} per operation, so
 * each operation evaluates once (the rules of one pool share one evaluation); the cost includes
 * writing the canonical pool as JSON and reading the result set back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 4, time = 3)
public class PolicyEvaluationBenchmark {

  @Param({"management.json", "data-plane.json", "arm.json", "node-extension.json"})
  public String input;

  private PoolDocument pool;
  private Rule anyRule;
  private final LocalDate asOf = LocalDate.of(2026, 11, 1);

  @Setup
  public void setUp() {
    CorpusFile file = BenchInputs.select(input).get(0);
    List<PoolDocument> pools = new ArrayList<>();
    for (ParsedDocument doc :
        new DocumentLoader(LoaderLimits.defaults())
            .load(file.path(), Optional.empty(), file.bytes())) {
      pools.addAll(new KindDetection().extract(doc, Optional.empty()).pools());
    }
    pool = pools.get(0);
    anyRule = BuiltInPolicies.load().rules().get(0);
  }

  @Benchmark
  public List<Violation> evaluateBuiltInPolicy() {
    return anyRule.check(pool, new RuleContext(asOf, null));
  }
}
