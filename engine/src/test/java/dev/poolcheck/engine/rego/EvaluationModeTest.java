package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationModeTest {

  @Test
  void smallRunsAreInterpretedAndLargeRunsCompiled() {
    assertEquals(EvaluationMode.INTERPRETED, EvaluationMode.forExpectedEvaluations(1));
    assertEquals(
        EvaluationMode.INTERPRETED,
        EvaluationMode.forExpectedEvaluations(EvaluationMode.BREAK_EVEN_EVALUATIONS - 1));
    assertEquals(
        EvaluationMode.COMPILED,
        EvaluationMode.forExpectedEvaluations(EvaluationMode.BREAK_EVEN_EVALUATIONS));
  }
}
