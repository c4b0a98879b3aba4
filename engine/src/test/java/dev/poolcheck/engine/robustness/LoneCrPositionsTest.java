package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: files with old-Mac line endings (a lone {@code \r}) get the positions an editor shows,
 * which count a lone {@code \r} as a line break, and no raw {@code \r} reaches a text report.
 */
class LoneCrPositionsTest {

  /**
   * Every line is its own line in an editor; the unknown property's value sits on line 4, column
   * 20.
   */
  private static final String POOL =
      String.join(
          "\n",
          "{",
          "  \"id\": \"p1\",",
          "  \"vmSize\": \"STANDARD_D2s_v3\",",
          "  \"bogusProperty\": 1,",
          "  \"virtualMachineConfiguration\": {",
          "    \"imageReference\": {\"publisher\": \"canonical\",",
          "      \"offer\": \"0001-com-ubuntu-server-jammy\", \"sku\": \"22_04-lts\",",
          "      \"version\": \"latest\"},",
          "    \"nodeAgentSKUId\": \"batch.node.ubuntu 22.04\"}}",
          "");

  @TempDir Path dir;

  private static List<String> positions(CheckResult r) {
    return r.findings().stream()
        .map(f -> f.ruleId() + " " + f.pointer() + " " + f.line() + ":" + f.column())
        .sorted()
        .toList();
  }

  @Test
  void loneCrEndsALineAsInAnEditor() {
    Workspace.write(dir.resolve("lf.json"), POOL);
    Workspace.write(dir.resolve("cr.json"), POOL.replace("\n", "\r"));
    CheckResult lf = new Poolcheck().check(Workspace.request(dir, "lf.json").build());
    CheckResult cr = new Poolcheck().check(Workspace.request(dir, "cr.json").build());

    assertTrue(lf.errors().isEmpty(), lf.errors()::toString);
    assertTrue(cr.errors().isEmpty(), cr.errors()::toString);
    Finding unknown =
        cr.findings().stream()
            .filter(f -> f.pointer().equals("/bogusProperty"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(cr.findings().toString()));
    assertEquals(4, unknown.line(), unknown::toString);
    assertEquals(20, unknown.column(), unknown::toString);
    assertFalse(positions(lf).isEmpty());
    assertEquals(positions(lf), positions(cr), "a lone CR counts as a line break, as \\n does");

    for (Map.Entry<String, String> report : Workspace.reports(cr, dir).entrySet()) {
      assertFalse(report.getValue().contains("\r"), () -> "raw CR in " + report.getKey());
    }
  }

  @Test
  void syntaxErrorInALoneCrFileIsPositionedAsInAnEditor() {
    Workspace.write(dir.resolve("broken.json"), "{\r  \"id\": \"p1\",\r  \"vmSize\" 1\r}\r");
    CheckResult r = new Poolcheck().check(Workspace.request(dir, "broken.json").build());
    Finding syntax =
        r.findings().stream()
            .filter(f -> f.ruleId().equals("syntax-error"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.findings() + " " + r.errors()));
    assertEquals(3, syntax.line(), syntax::toString);
    for (Map.Entry<String, String> report : Workspace.reports(r, dir).entrySet()) {
      assertFalse(report.getValue().contains("\r"), () -> "raw CR in " + report.getKey());
    }
  }
}
