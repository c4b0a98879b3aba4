package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.report.ReportSchemas;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every fixture file is held to, checked on one engine run per fixture:
 *
 * <ul>
 *   <li>no tool error;
 *   <li>every finding's line:column is where its pointer's value is written ({@link
 *       PositionOracle}, which re-reads the source with a fresh parser);
 *   <li>the json, SARIF and JUnit reports validate against their schemas (poolcheck's report
 *       schema, the official SARIF 2.1.0 schema, the JUnit XML schema), and SARIF results point at
 *       the same places as the findings;
 *   <li>{@code fixtures/rules/<id>/bad.*} reports {@code <id>}, {@code good.*} does not;
 *   <li>a fixture with findings has approved text and json reports under {@code
 *       src/test/resources/approved-reports/} (a change shows up as a diff to review: move the
 *       {@code .received.} file over the {@code .approved.} one); a fixture without findings has
 *       none, since "no findings" is the one shared expectation for clean files.
 * </ul>
 */
class FixtureContractTest {

  private static final String APPROVED = "src/test/resources/approved-reports/";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> fixtures() {
    return FixtureRepository.allFixtureFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureHoldsTheContract(String fixture) throws Exception {
    CheckResult result = new Poolcheck().check(FixtureRepository.request(fixture).build());
    assertTrue(result.errors().isEmpty(), () -> "tool errors: " + result.errors());

    List<String> misplaced = PositionOracle.problems(fixture, result);
    assertTrue(misplaced.isEmpty(), () -> String.join("\n", misplaced));

    reportsValidate(result);
    ruleFixtureReportsItsRule(fixture, result);

    String name = fixture.replaceFirst("^fixtures/", "").replace('/', '_');
    if (result.findings().isEmpty()) {
      for (String ext : List.of(".txt", ".json")) {
        Path stale = Path.of(APPROVED, name + ".approved" + ext);
        assertFalse(
            Files.exists(stale),
            () -> fixture + " has no findings: delete its approved report " + stale);
      }
    } else {
      Approvals.verify(render("text", result), options(name, ".txt"));
      Approvals.verify(render("json", result), options(name, ".json"));
    }
  }

  private static void reportsValidate(CheckResult result) throws Exception {
    JsonNode json = JSON.readTree(render("json", result));
    assertTrue(ReportSchemas.report(json).isEmpty(), () -> ReportSchemas.report(json).toString());

    JsonNode sarif = JSON.readTree(render("sarif", result));
    assertTrue(ReportSchemas.sarif(sarif).isEmpty(), () -> ReportSchemas.sarif(sarif).toString());
    JsonNode results = sarif.at("/runs/0/results");
    assertEquals(result.findings().size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode region = results.get(i).at("/locations/0/physicalLocation/region");
      assertEquals(result.findings().get(i).line(), region.get("startLine").asInt());
      assertEquals(result.findings().get(i).column(), region.get("startColumn").asInt());
    }

    ReportSchemas.junit(render("junit", result));
  }

  private static void ruleFixtureReportsItsRule(String fixture, CheckResult result) {
    String[] parts = fixture.split("/");
    if (parts.length < 4 || !parts[1].equals("rules")) {
      return;
    }
    String rule = parts[2];
    String file = parts[parts.length - 1];
    List<Finding> hits = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    if (file.startsWith("bad")) {
      assertFalse(
          hits.isEmpty(), () -> fixture + " should report " + rule + "; got " + result.findings());
    } else if (file.startsWith("good")) {
      assertTrue(hits.isEmpty(), () -> fixture + " should not report " + rule + "; got " + hits);
    }
  }

  private static String render(String format, CheckResult result) throws Exception {
    StringWriter out = new StringWriter();
    Reporters.create(
            format,
            new ReporterOptions(false, "test", FixtureRepository.ROOT, FixtureRepository.ROOT))
        .write(result, out);
    return out.toString();
  }

  private static Options options(String name, String extension) {
    return new Options()
        .forFile()
        .withNamer(new NamerWrapper(() -> name, () -> APPROVED))
        .forFile()
        .withExtension(extension);
  }
}
