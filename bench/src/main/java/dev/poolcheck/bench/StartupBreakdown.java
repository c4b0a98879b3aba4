package dev.poolcheck.bench;

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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the time of a cold single-file check goes: run it in a fresh JVM on one file and it prints
 * the milliseconds spent from JVM start to {@code main}, then in each stage of the first check
 * (loading, schema rules, built-in Rego rules in the given mode). Used to write the "what
 * dominates" part of docs/performance.md:
 *
 * <pre>
 * java [-XX:SharedArchiveFile=...] -cp bench/target/benchmarks.jar \
 *     dev.poolcheck.bench.StartupBreakdown FILE [interpreted|compiled]
 * </pre>
 */
public final class StartupBreakdown {

  private StartupBreakdown() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainAt = System.currentTimeMillis();
    Path file = Path.of(args[0]);
    EvaluationMode mode =
        args.length > 1 && args[1].equals("compiled")
            ? EvaluationMode.COMPILED
            : EvaluationMode.INTERPRETED;
    List<String> lines = new ArrayList<>();
    lines.add("jvm-to-main " + (mainAt - jvmStart));

    long t = System.nanoTime();
    List<PoolDocument> pools = new ArrayList<>();
    DocumentLoader loader = new DocumentLoader(LoaderLimits.defaults());
    KindDetection extractor = new KindDetection();
    for (ParsedDocument doc :
        loader.load(file.getFileName().toString(), Optional.of(file), Files.readAllBytes(file))) {
      pools.addAll(extractor.extract(doc, Optional.empty()).pools());
    }
    t = lap(lines, "load+extract", t);

    List<Rule> schemaRules = SchemaRules.all();
    int violations = 0;
    RuleContext context = new RuleContext(LocalDate.of(2026, 11, 1), null);
    for (PoolDocument pool : pools) {
      for (Rule rule : schemaRules) {
        violations += rule.check(pool, context).size();
      }
    }
    t = lap(lines, "schema-rules", t);

    BuiltInPolicies policies = BuiltInPolicies.load(mode);
    t = lap(lines, "rego-load", t);
    for (PoolDocument pool : pools) {
      for (Rule rule : policies.rules()) {
        violations += rule.check(pool, context).size();
      }
    }
    t = lap(lines, "rego-first-eval", t);
    lines.add("total-since-jvm-start " + (System.currentTimeMillis() - jvmStart));
    lines.add("violations " + violations);
    lines.forEach(System.out::println);
  }

  private static long lap(List<String> lines, String stage, long since) {
    long now = System.nanoTime();
    lines.add(stage + " " + (now - since) / 1_000_000);
    return now;
  }
}
