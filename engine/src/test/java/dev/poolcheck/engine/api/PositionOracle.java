package dev.poolcheck.engine.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An oracle for finding positions, independent of the loader: the text at a finding's reported line
 * and column, read by a fresh parser, must be the value at the finding's pointer.
 */
final class PositionOracle {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private PositionOracle() {}

  /** What is wrong with the positions of a fixture's findings; empty when every one is right. */
  static List<String> problems(String fixture, CheckResult result) throws IOException {
    Path file = FixtureRepository.ROOT.resolve(fixture);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().toList();
    JsonNode root = parseWhole(fixture, text);
    if (fixture.endsWith(".tf")) {
      return terraformProblems(fixture, text, lines, result);
    }
    List<String> problems = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (!fixture.equals(f.file())) {
        problems.add("finding in another file: " + f);
        continue;
      }
      if (f.line() < 1 || f.column() < 1) {
        problems.add("position not 1-based: " + f);
        continue;
      }
      if (f.line() > Math.max(1, lines.size()) + 1) {
        problems.add("line beyond the end of the file: " + f);
        continue;
      }
      if (root == null || f.pointer().isEmpty()) {
        continue; // unparseable file or whole-file finding: nothing to compare against
      }
      String error = checkAgainstSource(fixture, text, lines, root, f);
      if (error != null) {
        problems.add(error);
      }
    }
    return problems;
  }

  /**
   * A {@code .tf} file has no second HCL parser to compare with, so the oracle takes the value at
   * each pointer from the loader's tree and checks that the source at the reported position is
   * where that value is written: a string's opening quote (or heredoc marker) followed by its text,
   * a number or bool as written, an unknown value's expression, a block's type name (or {@code
   * resource "type" "name"}), a collection's opening bracket, a {@code jsonencode(} call.
   */
  private static List<String> terraformProblems(
      String fixture, String text, List<String> lines, CheckResult r) throws IOException {
    Path file = FixtureRepository.ROOT.resolve(fixture);
    var loader =
        new dev.poolcheck.engine.document.DocumentLoader(
            dev.poolcheck.engine.document.LoaderLimits.defaults());
    JsonNode root =
        loader
            .load(fixture, java.util.Optional.of(file), Files.readAllBytes(file))
            .get(0)
            .root()
            .orElse(null);
    List<String> problems = new ArrayList<>();
    for (Finding f : r.findings()) {
      if (!fixture.equals(f.file())) {
        problems.add("finding in another file: " + f);
        continue;
      }
      if (f.line() > lines.size() + 1) {
        problems.add("line beyond the end of the file: " + f);
        continue;
      }
      if (root == null || f.pointer().isEmpty()) {
        continue;
      }
      String rest = tail(text, lines, f.line(), f.column());
      String pointer = f.pointer();
      String key = pointer.substring(pointer.lastIndexOf('/') + 1);
      if (f.ruleId().equals("duplicate-key")) {
        if (!rest.startsWith(key) && !rest.startsWith("\"" + key + "\"")) {
          problems.add(f + ": no key '" + key + "' at " + f.line() + ":" + f.column());
        }
        continue;
      }
      if (f.ruleId().equals("settings-not-json") && root.at(pointer).isTextual()) {
        continue; // reported inside the string, where its JSON breaks
      }
      while (root.at(pointer).isMissingNode()) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        if (root.at(parent).isTextual()) {
          // inside a string that holds JSON (settings_json)
          String error =
              checkInsideEmbeddedJson(
                  root.at(parent).asText(), f.pointer().substring(parent.length()), rest, f);
          if (error != null) {
            problems.add(error);
          }
          pointer = null;
          break;
        }
        pointer = parent;
      }
      if (pointer == null) {
        continue;
      }
      if (!writtenAt(root.at(pointer), pointer, rest)) {
        problems.add(
            f
                + ": at "
                + f.line()
                + ":"
                + f.column()
                + " the source is '"
                + rest.lines().findFirst().orElse("")
                + "', not "
                + pointer
                + " = "
                + abbreviate(root.at(pointer)));
      }
    }
    return problems;
  }

  static boolean writtenAt(JsonNode value, String pointer, String rest) {
    String last =
        pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    String parentPointer = pointer.isEmpty() ? "" : pointer.substring(0, pointer.lastIndexOf('/'));
    String parentName = parentPointer.substring(parentPointer.lastIndexOf('/') + 1);
    if (value.isTextual()) {
      String s = value.asText();
      if (rest.startsWith("<<")) {
        return true; // a heredoc: its content starts on the next line
      }
      if (s.startsWith("${") && s.endsWith("}")) {
        return rest.startsWith(s.substring(2, s.length() - 1));
      }
      String quoted = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
      return rest.startsWith(quoted) || (s.contains("${") && rest.startsWith("\""));
    }
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return rest.startsWith(value.asText()) || rest.startsWith("\"" + value.asText() + "\"");
    }
    if (last.matches("\\d+") && value.isObject()) {
      // a block in a list of blocks: its type name, or (dynamic) content
      return rest.startsWith(parentName) || rest.startsWith("content") || rest.startsWith("{");
    }
    if (pointer.matches("/resource/[^/]+/[^/]+")) {
      String[] parts = pointer.split("/");
      return rest.matches(
          "(?s)resource\\s+\""
              + java.util.regex.Pattern.quote(parts[2])
              + "\"\\s+\""
              + java.util.regex.Pattern.quote(parts[3])
              + "\".*");
    }
    return rest.startsWith(last)
        || rest.startsWith("{")
        || rest.startsWith("[")
        || rest.startsWith("jsonencode(");
  }

  private static JsonNode parseWhole(String name, String text) {
    try {
      if (name.endsWith(".json")) {
        return JSON.readTree(text);
      }
      List<JsonNode> docs = YAML.readValues(YAML.createParser(text), JsonNode.class).readAll();
      return docs.size() == 1 ? docs.get(0) : null; // multi-document: pointers are per document
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Null when the source at the finding's position is the value at its pointer. */
  static String checkAgainstSource(
      String name, String text, List<String> lines, JsonNode root, Finding f) {
    JsonNode expected = root.at(f.pointer());
    String rest = tail(text, lines, f.line(), f.column());
    if (f.ruleId().equals("duplicate-key")) {
      // Reported at the second key, which is where the user has to look.
      String key =
          f.pointer()
              .substring(f.pointer().lastIndexOf('/') + 1)
              .replace("~1", "/")
              .replace("~0", "~");
      return rest.startsWith("\"" + key + "\"") || rest.startsWith(key)
          ? null
          : f + ": no key '" + key + "' at " + f.line() + ":" + f.column();
    }
    if (f.ruleId().equals("settings-not-json")) {
      // The parse error of a string that holds JSON is reported inside that string.
      return insideStringLiteral(lines.get(f.line() - 1), f.column())
          ? null
          : f + ": not inside the settings string";
    }
    if (expected.isMissingNode()) {
      // Either a property that is missing, reported at its parent, or a value inside a string that
      // holds JSON (stringified settings), whose position must then lie inside that string.
      String ancestor = f.pointer();
      while (root.at(ancestor).isMissingNode()) {
        ancestor = ancestor.substring(0, ancestor.lastIndexOf('/'));
      }
      if (root.at(ancestor).isTextual()) {
        return checkInsideEmbeddedJson(
            root.at(ancestor).asText(), f.pointer().substring(ancestor.length()), rest, f);
      }
      Finding atParent =
          new Finding(f.ruleId(), f.severity(), f.message(), f.file(), ancestor, f.range());
      return checkAgainstSource(name, text, lines, root, atParent);
    }
    if (name.endsWith(".json") && expected.isValueNode()) {
      // A scalar written in JSON is its own serialisation (Jackson will not read a lone number
      // followed by a comma, so compare the text).
      String written;
      try {
        written = JSON.writeValueAsString(expected);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return rest.startsWith(written)
          ? null
          : f + ": at " + f.line() + ":" + f.column() + " the source is not " + written;
    }
    JsonNode actual;
    try {
      actual = name.endsWith(".json") ? readOneJson(rest) : readOneYaml(rest, expected, f.column());
    } catch (IOException | RuntimeException e) {
      return f
          + ": cannot read a value at "
          + f.line()
          + ":"
          + f.column()
          + " ("
          + e.getMessage()
          + ")";
    }
    if (!sameValue(expected, actual)) {
      return f
          + ": at "
          + f.line()
          + ":"
          + f.column()
          + " the source has "
          + abbreviate(actual)
          + " but "
          + f.pointer()
          + " is "
          + abbreviate(expected);
    }
    return null;
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isValueNode()) {
      return expected.asText().equals(actual.asText());
    }
    return expected.equals(actual);
  }

  private static JsonNode readOneJson(String rest) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(rest)) {
      return JSON.readTree(p);
    }
  }

  /** A YAML value at a position: a scalar up to the end of its line, or a block by indentation. */
  private static JsonNode readOneYaml(String rest, JsonNode expected, int column)
      throws IOException {
    if (expected.isValueNode()) {
      String line = rest.lines().findFirst().orElse("");
      String scalar = line.replaceFirst("\\s+#.*$", "").replaceFirst("[,\\]}]+\\s*$", "").trim();
      return YAML.readTree("v: " + scalar).get("v");
    }
    if (rest.startsWith("{") || rest.startsWith("[")) {
      return YAML.readTree(rest.lines().findFirst().get());
    }
    // A block: the first line at its column, then the lines indented at least that far.
    List<String> block = rest.lines().toList();
    int indent = column - 1;
    StringBuilder out = new StringBuilder(block.get(0)).append('\n');
    for (String l : block.subList(1, block.size())) {
      int lead = l.length() - l.stripLeading().length();
      if (l.isBlank()) {
        continue;
      }
      if (lead < indent) {
        break;
      }
      out.append(l.substring(indent)).append('\n');
    }
    return YAML.readTree(out.toString());
  }

  /**
   * A finding inside a string that holds JSON: the source at its position must be the inner value,
   * written plainly (a YAML block scalar) or JSON-escaped (inside a JSON string).
   */
  private static String checkInsideEmbeddedJson(
      String embedded, String innerPointer, String rest, Finding f) {
    JsonNode inner;
    try {
      inner = JSON.readTree(embedded).at(innerPointer);
    } catch (IOException e) {
      return f + ": the string at its pointer is not JSON";
    }
    if (inner.isMissingNode()) {
      return null; // a missing member reported at its parent inside the string
    }
    String plain;
    try {
      plain =
          inner.isContainerNode() ? inner.isObject() ? "{" : "[" : JSON.writeValueAsString(inner);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String escaped = plain.replace("\\", "\\\\").replace("\"", "\\\"");
    return rest.startsWith(plain) || rest.startsWith(escaped)
        ? null
        : f + ": the source at its position is not " + plain;
  }

  /** Whether a 1-based column of a JSON line lies inside a string literal (after its quote). */
  private static boolean insideStringLiteral(String line, int column) {
    boolean inside = false;
    int start = -1;
    for (int i = 0; i < line.length() && i < column - 1; i++) {
      char c = line.charAt(i);
      if (inside && c == '\\') {
        i++;
      } else if (c == '"') {
        inside = !inside;
        start = i;
      }
    }
    return inside && start >= 0 && start < column - 2;
  }

  private static String tail(String text, List<String> lines, int line, int column) {
    int offset = 0;
    for (int i = 1; i < line; i++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return text.substring(Math.min(text.length(), offset + column - 1));
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
