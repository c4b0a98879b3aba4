package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.styra.opa.wasm.OpaPolicy;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.normalise.KindDetection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Our OPA wasm host against opa-java-wasm's, on the same built-in module. */
class OpaInstanceTest {

  private static final String ENTRYPOINT = BuiltInPolicies.ENTRYPOINT;

  private static WasmBundle builtInBundle() throws IOException {
    try (InputStream in =
        BuiltInPolicies.class.getResourceAsStream(BuiltInPolicies.RESOURCES + "builtin.tar.gz")) {
      return WasmBundle.read("built-in policies", in.readAllBytes());
    }
  }

  private static List<PoolDocument> fixturePools() throws IOException {
    DocumentLoader loader = new DocumentLoader(LoaderLimits.defaults());
    KindDetection extractor = new KindDetection();
    List<PoolDocument> pools = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestPools.REPO.resolve("fixtures"))) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(json|ya?ml)$"))
              // Of the per-rule fixtures, the bad JSON ones (YAML twins hold the same pools, good
              // ones find nothing); the approval tests compare every fixture's whole report.
              .filter(
                  p ->
                      !p.toString().contains("/rules/")
                          || p.getFileName().toString().matches("bad.*\\.json"))
              .sorted()
              .toList()) {
        for (ParsedDocument doc :
            loader.load(file.toString(), Optional.of(file), Files.readAllBytes(file))) {
          pools.addAll(extractor.extract(doc, Optional.empty()).pools());
        }
      }
    }
    return pools;
  }

  @Test
  void buildTimeCompiledPolicyGivesOpaJavaWasmsResultsOnFixturePools() throws IOException {
    WasmBundle bundle = builtInBundle();
    String data =
        BuiltInPolicies.load()
            .effectiveData(TestPools.JSON.createObjectNode(), LocalDate.of(2026, 11, 27))
            .toString();
    OpaPolicy reference = OpaPolicy.builder().withPolicy(bundle.wasm()).disableCompiler().build();
    reference.data(data).entrypoint(ENTRYPOINT);
    OpaInstance ours = new OpaInstance(PolicyModule.builtIn(), 512 * 16);
    ours.loadData(data);
    int entrypoint = ours.entrypoints().get(ENTRYPOINT);

    List<PoolDocument> pools = fixturePools();
    assertTrue(pools.size() > 60, "fixture pools: " + pools.size());
    int withFindings = 0;
    for (PoolDocument pool : pools) {
      String input = pool.canonical().toString();
      JsonNode expected = TestPools.JSON.readTree(reference.evaluate(input));
      JsonNode actual =
          TestPools.JSON.readTree(
              ours.evaluate(entrypoint, input.getBytes(StandardCharsets.UTF_8)));
      assertEquals(expected, actual, input);
      if (actual.toString().contains("\"msg\"")) {
        withFindings++;
      }
    }
    assertTrue(withFindings > 40, "pools with findings: " + withFindings);
  }

  @Test
  void keepsEvaluatingAfterManyEvaluationsWithoutGrowing() throws IOException {
    OpaInstance ours = new OpaInstance(PolicyModule.builtIn(), 8 * 16);
    ours.loadData(builtInBundle().data().toString());
    int entrypoint = ours.entrypoints().get(ENTRYPOINT);
    byte[] input =
        TestPools.canonical(
                """
                {"kind": "data-plane", "scope": "pool", "virtualMachineConfiguration":
                  {"extensions": [{"name": "s", "publisher": "Microsoft.Compute",
                    "type": "CustomScriptExtension"}]}}
                """)
            .canonical()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    String first = ours.evaluate(entrypoint, input);
    assertTrue(first.contains("extension_customscript_reserved"), first);
    // 8 MiB of memory would not hold 1,000 evaluations if the heap were not reset each time.
    for (int i = 0; i < 1000; i++) {
      assertEquals(first, ours.evaluate(entrypoint, input));
    }
  }

  @Test
  void aModuleThatIsNoOpaPolicyIsRefused() {
    // A minimal valid wasm module: magic and version only, no exports.
    byte[] empty = {0, 'a', 's', 'm', 1, 0, 0, 0};
    WasmBundle bundle = WasmBundle.read("empty.wasm", empty);
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> new OpaInstance(PolicyModule.of(bundle, EvaluationMode.INTERPRETED), 64));
    assertFalse(e.getMessage() == null || e.getMessage().isBlank());
  }
}
