package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.FailOn;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes JUnit XML in the Ant/Jenkins dialect that Jenkins, GitLab and Azure DevOps render.
 *
 * <p>One test case per checked document. A document fails ({@code <failure>}) when it has active
 * findings at or above the fail-on severity; all of them are listed in the failure's body, the
 * first one in its {@code message}. Lower active findings, suppressed and baselined ones go to the
 * test case's {@code <system-out>}, which all three services show beside the test. Each tool error
 * is a test case of its own with an {@code <error>}. Times are always {@code 0} so that the output
 * is deterministic.
 *
 * <p>A finding does not say which document of a multi-document file it belongs to, so a file's
 * findings are reported on its first document. Findings in a file with no checked document (an
 * unreadable file) get a test case for the file, so that nothing is dropped.
 */
public final class JunitReporter implements Reporter {

  private static final String SUITE = "poolcheck";

  @Override
  public String format() {
    return "junit";
  }

  /** Surefire's {@code TEST-*.xml} naming, so that test-report globs pick it up. */
  @Override
  public String defaultFileName() {
    return "TEST-poolcheck.xml";
  }

  /** One row of the report: a test case with its findings, or a tool error. */
  private record TestCase(
      String file, int index, String name, List<Finding> findings, ToolError error) {}

  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    List<TestCase> cases = testCases(result);
    int failures = 0;
    int errors = 0;
    for (TestCase c : cases) {
      if (c.error() != null) {
        errors++;
      } else if (!failing(c.findings(), result.failOn()).isEmpty()) {
        failures++;
      }
    }
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", Integer.toString(cases.size()));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", Integer.toString(errors));
      xml.writeAttribute("time", "0");
      newline(xml, 1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", Integer.toString(cases.size()));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", Integer.toString(errors));
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", "0");
      newline(xml, 2);
      xml.writeStartElement("properties");
      newline(xml, 3);
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "failOn");
      xml.writeAttribute("value", result.failOn().id());
      newline(xml, 2);
      xml.writeEndElement();
      for (TestCase c : cases) {
        newline(xml, 2);
        writeTestCase(xml, c, result.failOn());
      }
      newline(xml, 1);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.write('\n');
    } catch (XMLStreamException e) {
      throw new IOException("could not write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static List<TestCase> testCases(CheckResult result) {
    Map<String, List<Finding>> byFile =
        result.findings().stream()
            .collect(Collectors.groupingBy(Finding::file, LinkedHashMap::new, Collectors.toList()));
    Map<String, Long> documentsPerFile =
        result.documents().stream()
            .collect(Collectors.groupingBy(CheckedDocument::file, Collectors.counting()));

    List<CheckedDocument> documents =
        result.documents().stream()
            .sorted(
                Comparator.comparing(CheckedDocument::file)
                    .thenComparingInt(CheckedDocument::index))
            .toList();
    List<TestCase> cases = new ArrayList<>();
    for (CheckedDocument document : documents) {
      String file = document.file();
      boolean several = documentsPerFile.get(file) > 1;
      String name = several ? file + " [document " + (document.index() + 1) + "]" : file;
      // remove: the first document of a file takes all of the file's findings.
      List<Finding> findings = byFile.containsKey(file) ? byFile.remove(file) : List.of();
      cases.add(new TestCase(file, document.index(), name, findings, null));
    }
    byFile.forEach((file, findings) -> cases.add(new TestCase(file, -1, file, findings, null)));
    cases.sort(Comparator.comparing(TestCase::file).thenComparingInt(TestCase::index));
    for (ToolError error : result.errors()) {
      cases.add(
          new TestCase(error.source(), -1, "tool error: " + error.source(), List.of(), error));
    }
    return cases;
  }

  private static List<Finding> failing(List<Finding> findings, FailOn failOn) {
    return findings.stream().filter(f -> f.active() && failOn.fails(f.severity())).toList();
  }

  private static void writeTestCase(XMLStreamWriter xml, TestCase c, FailOn failOn)
      throws XMLStreamException {
    List<Finding> failing = failing(c.findings(), failOn);
    List<Finding> others = c.findings().stream().filter(f -> !failing.contains(f)).toList();
    boolean empty = c.error() == null && failing.isEmpty() && others.isEmpty();
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("name", attribute(c.name()));
    xml.writeAttribute("classname", SUITE);
    xml.writeAttribute("time", "0");
    if (empty) {
      return;
    }
    if (c.error() != null) {
      newline(xml, 3);
      xml.writeStartElement("error");
      xml.writeAttribute("message", attribute(c.error().message()));
      xml.writeAttribute("type", "tool-error");
      xml.writeCharacters(
          text(PrintableText.escape(c.error().source() + ": " + c.error().message())));
      xml.writeEndElement();
    }
    if (!failing.isEmpty()) {
      Finding first = failing.get(0);
      String message =
          failing.size() == 1
              ? first.ruleId() + ": " + first.message()
              : failing.size()
                  + " findings at or above "
                  + failOn.id()
                  + "; first: "
                  + first.ruleId()
                  + ": "
                  + first.message();
      newline(xml, 3);
      xml.writeStartElement("failure");
      xml.writeAttribute("message", attribute(message));
      xml.writeAttribute("type", highest(failing).id());
      xml.writeCharacters(text(lines(failing)));
      xml.writeEndElement();
    }
    if (!others.isEmpty()) {
      newline(xml, 3);
      xml.writeStartElement("system-out");
      xml.writeCharacters(text(lines(others)));
      xml.writeEndElement();
    }
    newline(xml, 2);
    xml.writeEndElement();
  }

  private static Severity highest(List<Finding> findings) {
    return findings.stream().map(Finding::severity).max(Severity::compareTo).orElseThrow();
  }

  /** {@code file:line:column: severity rule-id: message (at /pointer)}, one per line. */
  private static String lines(List<Finding> findings) {
    StringBuilder text = new StringBuilder("\n");
    for (Finding f : findings) {
      // Every field is from the repository: one finding stays one line, no control characters.
      text.append(PrintableText.escape(f.file()))
          .append(':')
          .append(f.line())
          .append(':')
          .append(f.column())
          .append(": ")
          .append(f.severity().id())
          .append(' ')
          .append(f.ruleId())
          .append(": ")
          .append(PrintableText.escape(f.message()));
      if (!f.pointer().isEmpty()) {
        text.append(" (at ").append(PrintableText.escape(f.pointer())).append(')');
      }
      switch (f.status()) {
        case ACTIVE -> {}
        case SUPPRESSED -> text.append(" [suppressed]");
        case BASELINED -> text.append(" [baselined]");
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * A one-line attribute value: parsers turn line breaks in attributes into spaces anyway, so they
   * are replaced here, where the output shows it.
   */
  static String attribute(String s) {
    return text(PrintableText.escape(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')));
  }

  /** Replaces characters that XML 1.0 cannot carry at all (most control characters). */
  static String text(String s) {
    StringBuilder clean = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean allowed =
                  cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || (cp >= 0x20 && cp <= 0xD7FF)
                      || (cp >= 0xE000 && cp <= 0xFFFD)
                      || (cp >= 0x10000 && cp <= 0x10FFFF);
              clean.appendCodePoint(allowed ? cp : 0xFFFD);
            });
    return clean.toString();
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
