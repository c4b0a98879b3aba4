package dev.poolcheck.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The schemas every report must satisfy, loaded once, offline: poolcheck's own JSON report schema,
 * the official SARIF 2.1.0 schema and the JUnit XML schema (test resources).
 */
public final class ReportSchemas {

  private static final Schema REPORT =
      load(SpecificationVersion.DRAFT_2020_12, "/dev/poolcheck/schemas/report.schema.json");
  // The official SARIF schema declares draft-04; its $refs are all local.
  private static final Schema SARIF =
      load(SpecificationVersion.DRAFT_4, "/sarif-schema-2.1.0.json");
  private static final javax.xml.validation.Schema JUNIT = loadJunit();

  private ReportSchemas() {}

  /** Problems of a poolcheck JSON report; empty when it is valid. */
  public static List<Error> report(JsonNode report) {
    return REPORT.validate(report);
  }

  /** Problems of a poolcheck report given as text; empty when it is valid. */
  public static List<Error> report(String text, InputFormat format) {
    return REPORT.validate(text, format);
  }

  /** Problems of a SARIF log given as text; empty when it is valid. */
  public static List<Error> sarif(String text, InputFormat format) {
    return SARIF.validate(text, format);
  }

  /** Problems of a SARIF log; empty when it is valid. */
  public static List<Error> sarif(JsonNode log) {
    return SARIF.validate(log);
  }

  /** Throws when the JUnit XML is not valid against the schema. */
  public static void junit(String xml) throws SAXException, IOException {
    Validator validator = JUNIT.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Schema load(SpecificationVersion dialect, String resource) {
    // Remote fetching is off and http(s) is blocked outright, so a reference that would need the
    // network fails the test instead of reaching out.
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            builder ->
                builder.schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .block(iri -> iri.toString().startsWith("http"))));
    try (InputStream in = ReportSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path");
      }
      return registry.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static javax.xml.validation.Schema loadJunit() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newSchema(ReportSchemas.class.getResource("/junit-10.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException("the JUnit XML schema is unusable", e);
    }
  }
}
