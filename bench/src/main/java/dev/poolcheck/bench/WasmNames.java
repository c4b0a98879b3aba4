package dev.poolcheck.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Path;

/**
 * Prints the names of wasm functions by index, from a module's name section, so that a JFR profile
 * of Chicory's compiled code ({@code func_198}) reads as OPA's runtime and Rego rules ({@code
 * opa_value_hash}, {@code g0.data.poolcheck.rules...}). Used by {@code bench/rego-profile.sh}:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.poolcheck.bench.WasmNames policy.wasm 198,199,320
 * </pre>
 */
public final class WasmNames {

  private WasmNames() {}

  public static void main(String[] args) throws Exception {
    WasmModule module = Parser.parse(Path.of(args[0]));
    var names = module.nameSection();
    for (String index : args.length > 1 ? args[1].split(",") : new String[0]) {
      if (!index.isBlank()) {
        int i = Integer.parseInt(index.trim());
        System.out.println(i + " " + (names == null ? "?" : names.nameOfFunction(i)));
      }
    }
  }
}
