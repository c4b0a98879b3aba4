package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.ReportSchemas;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The json, SARIF and JUnit reports of every fixture validate against their schemas (poolcheck's
 * report schema, the official SARIF 2.1.0 schema, the JUnit XML schema), and SARIF results point at
 * the same places as the findings.
 */
class FixtureReportsValidTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> fixtures() {
    return FixtureRepository.allFixtureFiles().stream();
  }

  private static String render(String format, CheckResult result) throws Exception {
    StringWriter out = new StringWriter();
    Reporters.create(
            format,
            new ReporterOptions(false, "test", FixtureRepository.ROOT, FixtureRepository.ROOT))
        .write(result, out);
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyReportOfEveryFixtureValidates(String fixture) throws Exception {
    CheckResult result = new Poolcheck().check(FixtureRepository.request(fixture).build());

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
}
