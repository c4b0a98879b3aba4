package dev.poolcheck.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.bench.corpus.CorpusFile;
import dev.poolcheck.bench.corpus.Format;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.normalise.KindDetection;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.rego.EvaluationMode;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.schema.SchemaRules;
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
 * Cost per document of each stage of a check, warm, on one thread, next to the baseline: parsing
 * the same bytes with plain Jackson ({@code readTree}). The engine's stages are its public pieces,
 * as the pipeline calls them:
 *
 * <ul>
 *   <li>{@code load}: bytes to {@code ParsedDocument}s with positions, then kind detection and
 *       normalisation to canonical pools ({@code DocumentLoader} + {@code KindDetection});
 *   <li>{@code schemaCheck}: the schema rules over the document's pools;
 *   <li>{@code regoCheck}: the built-in Rego rules (compiled wasm, as a large run uses) over them;
 *   <li>{@code stagesTogether}: the three in a row, which is the per-document work of a run less
 *       reporting and file I/O ({@code FullCheckBenchmark} measures the whole pipeline).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 4, time = 3)
public class StagesBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @Param({"management.json", "mix"})
  public String input;

  private List<CorpusFile> files;
  private List<List<PoolDocument>> pools;
  private int next;

  private DocumentLoader loader;
  private KindDetection extractor;
  private List<Rule> schemaRules;
  private List<Rule> regoRules;
  private final LocalDate asOf = LocalDate.of(2026, 11, 1);

  @Setup
  public void setUp() {
    files = BenchInputs.select(input);
    loader = new DocumentLoader(LoaderLimits.defaults());
    extractor = new KindDetection();
    schemaRules = SchemaRules.all();
    regoRules = BuiltInPolicies.load(EvaluationMode.COMPILED).rules();
    pools = new ArrayList<>();
    for (CorpusFile file : files) {
      pools.add(load(file));
    }
  }

  private int advance() {
    int i = next;
    next = i + 1 == files.size() ? 0 : i + 1;
    return i;
  }

  private List<PoolDocument> load(CorpusFile file) {
    List<PoolDocument> result = new ArrayList<>();
    for (ParsedDocument doc : loader.load(file.path(), Optional.empty(), file.bytes())) {
      result.addAll(extractor.extract(doc, Optional.empty()).pools());
    }
    return result;
  }

  private int check(List<Rule> rules, List<PoolDocument> documentPools) {
    int violations = 0;
    for (PoolDocument pool : documentPools) {
      RuleContext context = new RuleContext(asOf, null);
      for (Rule rule : rules) {
        violations += rule.check(pool, context).size();
      }
    }
    return violations;
  }

  @Benchmark
  public JsonNode jacksonParse() throws Exception {
    CorpusFile file = files.get(advance());
    return file.format() == Format.JSON ? JSON.readTree(file.bytes()) : YAML.readTree(file.bytes());
  }

  @Benchmark
  public List<PoolDocument> load() {
    return load(files.get(advance()));
  }

  @Benchmark
  public int schemaCheck() {
    return check(schemaRules, pools.get(advance()));
  }

  @Benchmark
  public int regoCheck() {
    return check(regoRules, pools.get(advance()));
  }

  @Benchmark
  public int stagesTogether() {
    List<PoolDocument> documentPools = load(files.get(advance()));
    int violations = 0;
    for (PoolDocument pool : documentPools) {
      RuleContext context = new RuleContext(asOf, null);
      for (Rule rule : schemaRules) {
        violations += rule.check(pool, context).size();
      }
      for (Rule rule : regoRules) {
        violations += rule.check(pool, context).size();
      }
    }
    return violations;
  }
}
