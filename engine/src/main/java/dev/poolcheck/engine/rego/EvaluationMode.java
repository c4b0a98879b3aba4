package dev.poolcheck.engine.rego;

/**
 * How a user's policy bundle runs (the built-in policies are always compiled, at build time).
 * Compiling the module to JVM bytecode makes the first instance slower but each evaluation much
 * faster. For the built-in policies on a loaded 2-core machine: the first check took 0.33 to 0.7 s
 * interpreted against 0.75 to 2.3 s compiled, and each further pool 6.7 to 13 ms interpreted
 * against 0.25 to 0.6 ms compiled, so compiling paid off after 60 to 170 pools.
 */
public enum EvaluationMode {
  /** Chicory's interpreter: quick to start, slow per evaluation. */
  INTERPRETED,
  /** Chicory's runtime compiler: slow to start, fast per evaluation. */
  COMPILED;

  /**
   * Where the two modes cost about the same for the built-in policies (see above; opa-java-wasm
   * 1.0.4). Far lower than the ~2000 measured for opa-java-wasm's small demo policy, because the
   * interpreter is slow on larger rule sets.
   */
  public static final long BREAK_EVEN_EVALUATIONS = 100;

  /** The faster mode for a run expected to evaluate a policy this many times. */
  public static EvaluationMode forExpectedEvaluations(long evaluations) {
    return evaluations < BREAK_EVEN_EVALUATIONS ? INTERPRETED : COMPILED;
  }
}
