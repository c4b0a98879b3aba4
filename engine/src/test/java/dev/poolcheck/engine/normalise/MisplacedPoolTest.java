package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MisplacedPool}: a pool body in the wrong place is a warning, not a silent skip. */
class MisplacedPoolTest {

  @Test
  void aBodyWrappedInAnExtraParametersObjectIsAWarningAtTheBody() {
    Extraction e = extract("other/pool-wrapped-in-parameters.json");
    assertEquals(List.of(), e.pools());
    Finding f = e.findings().get(0);
    assertEquals("pool-definition-misplaced", f.ruleId());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("/parameters", f.pointer());
    assertTrue(f.message().contains("management-plane pool body at `/parameters`"), f.message());
    assertTrue(f.message().contains("properties.vmSize"), f.message());
  }

  @Test
  void aDataPlanePoolUnderAnUnexpectedKeyIsAWarning() {
    Extraction e = extract("other/pool-under-unexpected-key.yaml");
    Finding f = e.findings().get(0);
    assertEquals("pool-definition-misplaced", f.ruleId());
    assertEquals("/pools/render", f.pointer());
    assertTrue(f.message().contains("data-plane pool body"), f.message());
  }

  @Test
  void aFileWithNoPoolAnywhereIsStillOnlyInfo() {
    Extraction e = extract(Fixtures.one("x.json", "{\"name\": \"x\", \"a\": {\"b\": {}}}"));
    assertEquals("not-a-pool-definition", e.findings().get(0).ruleId());
  }
}
