package dev.poolcheck.engine.rego;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * CPU time per evaluation of each entrypoint of a wasm bundle, run by the engine's own OPA host
 * (compiled to JVM classes once, as user bundles of a large run are), over canonical pools written
 * as JSON files. Thread CPU time, the best of several rounds, so that a loaded machine inflates it
 * less than wall time. In the engine's package (the benchmark jar is one class path) because the
 * host is package-private. bench/rule-costs.sh builds the bundle with one entrypoint per rule and
 * runs this; docs/performance.md has the table.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar dev.poolcheck.engine.rego.RuleCosts
 *     BUNDLE.tar.gz DATA.json POOLS-DIR ROUNDS [ENTRYPOINT...]</pre>
 */
public final class RuleCosts {

  private RuleCosts() {}

  public static void main(String[] args) throws Exception {
    List<byte[]> pools = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[2]))) {
      for (Path file : files.sorted().toList()) {
        pools.add(Files.readAllBytes(file));
      }
    }
    WasmBundle bundle = WasmBundle.read(args[0], Files.readAllBytes(Path.of(args[0])));
    OpaInstance instance =
        new OpaInstance(PolicyModule.of(bundle, EvaluationMode.COMPILED), 512 * 16);
    instance.loadData(Files.readString(Path.of(args[1])));
    List<String> entrypoints =
        args.length > 4
            ? Arrays.asList(args).subList(4, args.length)
            : new ArrayList<>(new TreeSet<>(instance.entrypoints().keySet()));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Map<String, Long> best = new TreeMap<>();
    for (int round = 0; round < Integer.parseInt(args[3]); round++) {
      for (String entrypoint : entrypoints) {
        int id = instance.entrypoints().get(entrypoint);
        long start = cpu.getCurrentThreadCpuTime();
        for (byte[] pool : pools) {
          instance.evaluate(id, pool);
        }
        long perPool = (cpu.getCurrentThreadCpuTime() - start) / pools.size();
        best.merge(entrypoint, perPool, Math::min);
      }
    }
    System.out.printf("%d pools, best of %s rounds, CPU per evaluation%n", pools.size(), args[3]);
    best.forEach((entrypoint, ns) -> System.out.printf("%9.1f us  %s%n", ns / 1e3, entrypoint));
  }
}
