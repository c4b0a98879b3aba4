package dev.poolcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import dev.poolcheck.engine.model.CheckResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReporterTest {

  /** The schema as packaged from the top-level {@code schemas/} folder. */
  private static final String SCHEMA = "dev/poolcheck/schemas/report.schema.json";

  private static String render(CheckResult result) throws IOException {
    StringWriter out = new StringWriter();
    new JsonReporter(ReporterOptions.plain(ReportScenarios.VERSION)).write(result, out);
    return out.toString();
  }

  private static void verifyJson(CheckResult result) throws IOException {
    Approvals.verify(render(result), new Options().forFile().withExtension(".json"));
  }

  @Test
  void writesEmptyFindingsAndZeroSummary() throws IOException {
    verifyJson(ReportScenarios.empty());
  }

  @Test
  void writesOneFindingWithPointerAndRange() throws IOException {
    verifyJson(ReportScenarios.oneFinding());
  }

  @Test
  void writesManyFindingsInOutputOrder() throws IOException {
    verifyJson(ReportScenarios.manyFindings());
  }

  @Test
  void writesToolErrorsBesideFindings() throws IOException {
    verifyJson(ReportScenarios.toolError());
  }

  @Test
  void keepsSuppressedAndBaselinedFindingsWithTheirStatus() throws IOException {
    verifyJson(ReportScenarios.suppressed());
  }

  static Stream<Supplier<CheckResult>> scenarios() {
    return Stream.of(
        ReportScenarios::empty,
        ReportScenarios::oneFinding,
        ReportScenarios::manyFindings,
        ReportScenarios::toolError,
        ReportScenarios::suppressed);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void outputIsValidAgainstReportSchema(Supplier<CheckResult> scenario) throws IOException {
    List<Error> errors = ReportSchemas.report(render(scenario.get()), InputFormat.JSON);
    assertTrue(errors.isEmpty(), () -> "schema violations: " + errors);
  }

  @Test
  void schemaRejectsAReportWithAnUnknownSeverity() throws IOException {
    String bad = render(ReportScenarios.oneFinding()).replace("\"error\"", "\"fatal\"");
    List<Error> errors = ReportSchemas.report(bad, InputFormat.JSON);
    assertTrue(
        errors.stream().anyMatch(e -> e.getInstanceLocation().toString().contains("severity")),
        () -> "expected a severity violation, got " + errors);
  }

  @Test
  void summaryCountsOnlyActiveFindingsButListsAll() throws IOException {
    JsonNode report = new ObjectMapper().readTree(render(ReportScenarios.suppressed()));
    assertEquals(3, report.get("findings").size());
    assertEquals(0, report.at("/summary/error").asInt());
    assertEquals(1, report.at("/summary/warning").asInt());
    assertEquals(1, report.at("/summary/suppressed").asInt());
    assertEquals(1, report.at("/summary/baselined").asInt());
  }
}
