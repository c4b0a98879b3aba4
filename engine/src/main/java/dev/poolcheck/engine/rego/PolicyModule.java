package dev.poolcheck.engine.rego;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.CompiledModule;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * A parsed OPA wasm module and how its code runs: JVM classes compiled from it (at build time for
 * the built-in policies, once per run for a large run's user bundles) or Chicory's interpreter.
 * Shared by all the {@link OpaInstance}s of one policy.
 *
 * @param wasm the module (for build-time compiled code, its metadata without the code)
 * @param machineFactory runs the module's functions; null for the interpreter
 */
record PolicyModule(WasmModule wasm, Function<Instance, Machine> machineFactory) {

  /**
   * The class the engine build generates from the built-in {@code policy.wasm} with Chicory's
   * build-time compiler (chicory-compiler-maven-plugin, see engine/pom.xml). Looked up by name, so
   * a build without the policies ({@code -Dpoolcheck.skipOpa=true}) still compiles.
   */
  static final String BUILT_IN_CLASS = "dev.poolcheck.engine.rego.BuiltInPolicyModule";

  /**
   * The built-in policies as compiled at build time.
   *
   * @throws IllegalStateException when this build has no compiled policies
   */
  static PolicyModule builtIn() {
    CompiledModule compiled;
    try {
      compiled =
          (CompiledModule)
              Class.forName(BUILT_IN_CLASS, true, PolicyModule.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the compiled built-in policies are missing", e);
    }
    return new PolicyModule(compiled.wasmModule(), compiled.machineFactory());
  }

  /**
   * A user bundle's module: interpreted, or compiled once to JVM classes for this run (which costs
   * a few tenths of a second and pays off after a few hundred evaluations).
   */
  static PolicyModule of(WasmBundle bundle, EvaluationMode mode) {
    WasmModule module = Parser.parse(bundle.wasm());
    return new PolicyModule(
        module, mode == EvaluationMode.COMPILED ? MachineFactoryCompiler.compile(module) : null);
  }
}
