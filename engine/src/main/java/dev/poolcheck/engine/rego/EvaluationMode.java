package dev.poolcheck.engine.rego;

/**
 * How opa-java-wasm runs a policy. Compiling the module to JVM bytecode takes longer to start
 * (about 0.9 s against 0.5 s for a 140 KB policy) but evaluates about ten times faster (18 us
 * against 220 us), so it pays off only for larger runs.
 */
public enum EvaluationMode {
  /** Chicory's interpreter: quick to start, slow per evaluation. */
  INTERPRETED,
  /** Chicory's runtime compiler: slow to start, fast per evaluation. */
  COMPILED;

  /**
   * Where the two modes cost about the same for the built-in policies (about 1.8 s more to start,
   * about 10 ms less per pool, opa-java-wasm 1.0.4). Much lower than the ~2000 measured for
   * opa-java-wasm's small demo policy, because the interpreter is slow on larger rule sets.
   */
  public static final long BREAK_EVEN_EVALUATIONS = 200;

  /** The faster mode for a run expected to evaluate a policy this many times. */
  public static EvaluationMode forExpectedEvaluations(long evaluations) {
    return evaluations < BREAK_EVEN_EVALUATIONS ? INTERPRETED : COMPILED;
  }
}
