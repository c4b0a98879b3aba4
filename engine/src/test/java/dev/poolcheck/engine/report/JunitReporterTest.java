package dev.poolcheck.engine.report;

import static dev.poolcheck.engine.report.CiReportScenarios.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitReporterTest {

  private final JunitReporter reporter = new JunitReporter();

  private static Options approval() {
    return new Options().forFile().withExtension(".xml");
  }

  @Test
  void writesEmptySuite() {
    Approvals.verify(render(reporter, CiReportScenarios.empty()), approval());
  }

  @Test
  void writesOneFailingTestCase() {
    Approvals.verify(render(reporter, CiReportScenarios.oneFinding()), approval());
  }

  @Test
  void writesOneTestCasePerDocumentForManyFindingsInSeveralFiles() {
    Approvals.verify(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()), approval());
  }

  @Test
  void writesToolErrorsAsErrors() {
    Approvals.verify(render(reporter, CiReportScenarios.toolError()), approval());
  }

  @Test
  void writesSuppressedAndBaselinedFindingsToSystemOut() {
    Approvals.verify(render(reporter, CiReportScenarios.suppressedAndBaselined()), approval());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.poolcheck.engine.report.CiReportScenarios#all")
  void outputIsValidAgainstJunitSchema(String scenario, CheckResult result) throws Exception {
    validate(render(reporter, result));
  }

  @Test
  void schemaValidationRejectsAFailureOutsideATestCase() {
    String invalid =
        "<testsuites><testsuite name='x' tests='0' failures='1' errors='0'>"
            + "<failure message='m'/></testsuite></testsuites>";
    assertThrows(SAXException.class, () -> validate(invalid));
  }

  @Test
  void countsFailingDocumentsAndToolErrors() throws Exception {
    Element suite = suite(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()));
    // batch.yaml (first document), broken.json (no document), arm pool.json fail at warning;
    // batch.yaml's second document and clean.json pass.
    assertEquals("5", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));

    Element errors = suite(render(reporter, CiReportScenarios.toolError()));
    assertEquals("3", errors.getAttribute("tests"));
    assertEquals("0", errors.getAttribute("failures"));
    assertEquals("2", errors.getAttribute("errors"));
  }

  @Test
  void keepsFindingsBelowFailOnOutOfTheFailure() throws Exception {
    Element suite = suite(render(reporter, CiReportScenarios.suppressedAndBaselined()));
    Element testCase = (Element) suite.getElementsByTagName("testcase").item(0);
    assertEquals(0, testCase.getElementsByTagName("failure").getLength());
    String out = testCase.getElementsByTagName("system-out").item(0).getTextContent();
    assertTrue(out.contains("info image-version-latest"), out);
    assertTrue(out.contains("[suppressed]"), out);
    assertTrue(out.contains("[baselined]"), out);
  }

  @Test
  void namesEachDocumentOfAStream() throws Exception {
    Element suite = suite(render(reporter, CiReportScenarios.manyFindingsInSeveralFiles()));
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertEquals(
        List.of(
            "pools/batch.yaml [document 1]",
            "pools/batch.yaml [document 2]",
            "pools/broken.json",
            "pools/clean.json",
            "templates/arm pool.json"),
        names.subList(0, 5));
  }

  @Test
  void escapesCharactersXmlCannotCarry() throws Exception {
    Finding finding = CiReportScenarios.oneFinding().findings().get(0);
    CheckResult result =
        new CheckResult(
            List.of(
                new Finding(
                    finding.ruleId(),
                    finding.severity(),
                    "bad \u0001 byte",
                    finding.file(),
                    finding.pointer(),
                    finding.range())),
            List.of(),
            List.of(),
            List.of(),
            SourceExcerpts.none(),
            Severity.ERROR);
    String xml = render(reporter, result);
    validate(xml);
    // Written as a visible escape (issue 11): a control character in a finding reaches no log.
    assertTrue(xml.contains("bad \\x01 byte"), xml);
  }

  private static void validate(String xml) throws Exception {
    ReportSchemas.junit(xml);
  }

  private static Element suite(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    return (Element) document.getElementsByTagName("testsuite").item(0);
  }
}
