package dev.poolcheck.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Summary;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The machine format, described by {@code schemas/report.schema.json}. Every finding is listed,
 * suppressed and baselined ones too (with their {@code status}), so that tools reading the report
 * see the same counts as the summary. Output is pretty-printed with {@code \n} line ends whatever
 * the platform, so that reports are byte-for-byte reproducible.
 */
public final class JsonReporter implements Reporter {

  /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String toolVersion;

  public JsonReporter(ReporterOptions options) {
    this.toolVersion = options.toolVersion();
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setPrettyPrinter(printer);
      MAPPER.writeTree(generator, toJson(result));
    }
    out.write("\n");
    out.flush();
  }

  ObjectNode toJson(CheckResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ReporterOptions.TOOL_NAME);
    tool.put("version", toolVersion);

    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode node = findings.addObject();
      node.put("ruleId", f.ruleId());
      node.put("severity", f.severity().id());
      node.put("message", f.message());
      node.put("file", f.file());
      node.put("pointer", f.pointer());
      node.put("line", f.line());
      node.put("column", f.column());
      node.put("endLine", f.range().end().line());
      node.put("endColumn", f.range().end().column());
      node.put("status", f.status().name().toLowerCase(Locale.ROOT));
    }

    Summary s = result.summary();
    ObjectNode summary = root.putObject("summary");
    summary.put("error", s.error());
    summary.put("warning", s.warning());
    summary.put("info", s.info());
    summary.put("suppressed", s.suppressed());
    summary.put("baselined", s.baselined());
    summary.put("files", s.files());
    summary.put("documents", s.documents());

    ArrayNode errors = root.putArray("errors");
    for (ToolError e : result.errors()) {
      errors.addObject().put("source", e.source()).put("message", e.message());
    }
    return root;
  }
}
