package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON that arrives inside a string value, such as the {@code settings} of a node-extension
 * response ({@code "settings": "{\r\n  \"secretsManagementSettings\": ..."}). Parses it and adds
 * the position of every inner value to the document's {@link PositionIndex} under {@code
 * stringPointer + innerPointer}, so findings inside it point into the string.
 *
 * <p>Positions are exact for JSON sources, for YAML strings written on one line or as a literal
 * block ({@code |}), and for HCL strings and heredocs (whose loader records where each character
 * is); for other YAML strings (folded or multi-line quoted scalars) every inner value is placed at
 * the start of the string.
 */
public final class EmbeddedJson {

  /**
   * What parsing gave.
   *
   * @param value the parsed JSON, absent when it did not parse (or the pointer is not a string)
   * @param problems {@code settings-not-json} at the place of the syntax error, duplicate keys
   */
  public record Result(Optional<JsonNode> value, List<Finding> problems) {}

  private static final DocumentLoader PARSER = new DocumentLoader(LoaderLimits.defaults());

  private EmbeddedJson() {}

  /**
   * Parses the string at {@code stringPointer} of {@code doc} as JSON.
   *
   * @param doc a parsed document with a root
   * @param stringPointer RFC 6901 pointer of a string value in it
   */
  public static Result parse(ParsedDocument doc, String stringPointer) {
    Optional<JsonNode> root = doc.root();
    JsonNode node = root.isPresent() ? root.get().at(JsonPointer.compile(stringPointer)) : null;
    if (node == null || !node.isTextual()) {
      return new Result(Optional.empty(), List.of());
    }
    String value = node.textValue();
    PositionIndex positions = doc.positions();
    LineStarts lines =
        positions.lines() != null ? positions.lines() : new LineStarts(doc.source().text());
    SourceRange whole = positions.locate(stringPointer);
    int literalStart = lines.offset(whole.start());
    Optional<int[]> recorded = positions.stringOffsets(stringPointer);
    Optional<int[]> offsets =
        recorded.isPresent() && recorded.get().length == value.length() + 1
            ? recorded
            : StringLiteral.offsets(doc.source().text(), literalStart, value);
    PositionedReader.SourceMap map =
        offsets.isPresent()
            ? offset -> lines.position(offsets.get()[Math.max(0, Math.min(offset, value.length()))])
            : offset -> whole.start();
    PositionedReader reader =
        new PositionedReader(
            value, false, doc.source().name(), stringPointer, map, PARSER.limits());
    List<PositionedReader.Root> roots;
    try (JsonParser parser = PARSER.jsonFactory().createParser(value)) {
      roots = reader.readAll(parser, () -> positions);
    } catch (IOException e) {
      roots = List.of();
    }
    // The string keeps its own range (quotes included); its content got the parsed value's range.
    positions.putValue(stringPointer, whole);
    List<Finding> problems = new ArrayList<>();
    JsonNode parsed = null;
    for (PositionedReader.Root r : roots) {
      parsed = r.value();
      for (Finding f : r.problems()) {
        problems.add(asSettingsProblem(f, stringPointer));
      }
    }
    if (roots.isEmpty() || value.isBlank()) {
      SourcePosition at = whole.start();
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.SETTINGS_NOT_JSON,
              "the string is empty, not a JSON object",
              doc.source().name(),
              stringPointer,
              new SourceRange(at, whole.end())));
      parsed = null;
    }
    return new Result(Optional.ofNullable(parsed), List.copyOf(problems));
  }

  /** Syntax errors inside the string are settings problems; duplicate keys stay what they are. */
  private static Finding asSettingsProblem(Finding f, String stringPointer) {
    if (!f.ruleId().equals(DocumentFindings.SYNTAX_ERROR)
        && !f.ruleId().equals(DocumentFindings.UNREADABLE_INPUT)) {
      return f;
    }
    return DocumentFindings.finding(
        DocumentFindings.SETTINGS_NOT_JSON,
        "the string is not valid JSON, so the extension cannot read it: " + f.message(),
        f.file(),
        stringPointer,
        f.range());
  }
}
