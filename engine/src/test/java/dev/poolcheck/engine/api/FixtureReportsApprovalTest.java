package dev.poolcheck.engine.api;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.Reporter;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden text and JSON reports for every fixture, one approved file per fixture and format under
 * {@code src/test/resources/approved-reports/}. A changed report shows up as a diff to review; to
 * accept it, move the {@code .received.} file over the {@code .approved.} one.
 */
class FixtureReportsApprovalTest {

  private static final String DIR = "src/test/resources/approved-reports/";

  static Stream<String> fixtures() {
    return FixtureRepository.allFixtureFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void textAndJsonReports(String fixture) throws IOException {
    CheckResult result = new Poolcheck().check(FixtureRepository.request(fixture).build());
    Approvals.verify(render("text", result), options(fixture, ".txt"));
    Approvals.verify(render("json", result), options(fixture, ".json"));
  }

  private static String render(String format, CheckResult result) throws IOException {
    Reporter reporter =
        Reporters.create(
            format,
            new ReporterOptions(false, "test", FixtureRepository.ROOT, FixtureRepository.ROOT));
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  private static Options options(String fixture, String extension) {
    String name = fixture.replaceFirst("^fixtures/", "").replace('/', '_');
    return new Options()
        .forFile()
        .withNamer(new NamerWrapper(() -> name, () -> DIR))
        .forFile()
        .withExtension(extension);
  }
}
