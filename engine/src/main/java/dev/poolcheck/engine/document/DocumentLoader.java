package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the bytes of one input into {@link ParsedDocument}s: decodes the text, parses JSON, YAML or
 * HCL (Terraform, with {@link HclReader}; by the file name, see {@link SourceFile.Format#fromName})
 * and records the source position of every value. A YAML stream gives one document per {@code ---}
 * section.
 *
 * <p>Never throws on bad input: undecodable bytes, syntax errors, duplicate keys and exceeded
 * {@link LoaderLimits} all become findings in {@link ParsedDocument#problems()}; a document that
 * could not be parsed has an empty {@link ParsedDocument#root()}. Thread-safe.
 */
public final class DocumentLoader {

  private final LoaderLimits limits;
  private final JsonFactory json;
  private final YAMLFactory yaml;

  public DocumentLoader(LoaderLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = constraints(limits);
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.json.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setMaxAliasesForCollections(limits.maxYamlAliases());
    options.setAllowRecursiveKeys(false);
    this.yaml =
        YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }

  static StreamReadConstraints constraints(LoaderLimits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNestingDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(limits.maxStringLength())
        .maxDocumentLength(limits.maxBytes())
        .build();
  }

  LoaderLimits limits() {
    return limits;
  }

  JsonFactory jsonFactory() {
    return json;
  }

  /**
   * Loads one input.
   *
   * @param name the file as the user named it ({@code -} for stdin); used in findings and to pick
   *     the format
   * @param path where it was read from, if anywhere
   * @param bytes its content
   * @return at least one document
   */
  public List<ParsedDocument> load(String name, Optional<Path> path, byte[] bytes) {
    return load(name, path, bytes, Optional.empty());
  }

  /**
   * Loads one input whose kind the user forced: {@code --kind terraform} reads it as HCL whatever
   * its name.
   */
  public List<ParsedDocument> load(
      String name, Optional<Path> path, byte[] bytes, Optional<DocumentKind> forcedKind) {
    SourceFile.Format format =
        forcedKind.orElse(null) == DocumentKind.TERRAFORM
            ? SourceFile.Format.HCL
            : SourceFile.Format.fromName(name);
    if (bytes.length > limits.maxBytes()) {
      SourceFile source = new SourceFile(name, path, "", format);
      return List.of(
          failed(
              source,
              DocumentFindings.UNREADABLE_INPUT,
              String.format(
                  Locale.ROOT,
                  "the file is larger than the %,d bytes poolcheck reads; a pool definition is"
                      + " far smaller, so check what the file holds",
                  limits.maxBytes()),
              SourcePosition.START));
    }
    InputDecoder.Decoded decoded = InputDecoder.decode(bytes);
    if (!decoded.ok()) {
      SourceFile source = new SourceFile(name, path, "", format);
      return List.of(
          failed(source, DocumentFindings.UNREADABLE_INPUT, decoded.problem(), decoded.at()));
    }
    SourceFile source = new SourceFile(name, path, decoded.text(), format);
    if (decoded.text().isBlank()) {
      return List.of(
          failed(
              source,
              DocumentFindings.NOT_A_POOL_DEFINITION,
              "empty file: there is nothing to check",
              SourcePosition.START));
    }
    return parse(source);
  }

  private List<ParsedDocument> parse(SourceFile source) {
    String text = source.text();
    if (source.format() == SourceFile.Format.HCL) {
      HclReader.Result hcl =
          new HclReader(text, source.name(), new LineStarts(text), limits).read();
      hcl.stringOffsets().forEach(hcl.positions()::putStringOffsets);
      return List.of(
          new ParsedDocument(
              source, 0, Optional.ofNullable(hcl.root()), hcl.positions(), hcl.problems()));
    }
    boolean isYaml = source.format() == SourceFile.Format.YAML;
    LineStarts lines = new LineStarts(text);
    if (isYaml) {
      int longLine = firstLineLongerThan(text, MAX_YAML_LINE);
      if (longLine >= 0) {
        SourcePosition at = lines.position(longLine);
        return List.of(
            failed(
                source,
                DocumentFindings.UNREADABLE_INPUT,
                String.format(
                    Locale.ROOT,
                    "line %d is longer than the %,d characters poolcheck reads in a YAML line",
                    at.line(),
                    MAX_YAML_LINE),
                at));
      }
    }
    PositionedReader reader =
        new PositionedReader(text, isYaml, source.name(), "", lines::position, limits);
    List<PositionedReader.Root> roots;
    try (JsonParser parser = isYaml ? yaml.createParser(text) : json.createParser(text)) {
      roots =
          reader.readAll(
              parser,
              () -> {
                // About one value per 30 characters in typical pool bodies.
                PositionIndex index = new PositionIndex(text.length() / 30);
                index.attach(lines);
                return index;
              });
    } catch (IOException | RuntimeException e) {
      // Creating or closing a parser over a String does no I/O; this guards the contract anyway.
      return List.of(
          failed(
              source,
              DocumentFindings.SYNTAX_ERROR,
              "the document cannot be parsed: " + SyntaxMessages.firstSentence(e.getMessage()),
              SourcePosition.START));
    }
    List<ParsedDocument> documents = new ArrayList<>();
    for (PositionedReader.Root root : roots) {
      documents.add(
          new ParsedDocument(
              source,
              documents.size(),
              Optional.ofNullable(root.value()),
              root.positions(),
              List.copyOf(root.problems())));
    }
    if (documents.isEmpty()) {
      // A YAML stream of only comments or directives holds no document.
      documents.add(
          failed(
              source,
              DocumentFindings.NOT_A_POOL_DEFINITION,
              "the file holds no document, only comments or whitespace",
              SourcePosition.START));
    }
    return documents;
  }

  /**
   * Longest YAML line read. SnakeYAML copies its whole look-ahead buffer for every 1,024 characters
   * it reads within one token or line, so its time grows with the square of the longest line: a
   * line of 32 Mi characters takes hours, one of 1 Mi a fraction of a second.
   */
  static final int MAX_YAML_LINE = 1 << 20;

  /** The offset where the first line longer than {@code max} starts, or -1. */
  private static int firstLineLongerThan(String text, int max) {
    int start = 0;
    while (start < text.length()) {
      int end = LineStarts.nextBreak(text, start);
      if (end < 0) {
        end = text.length();
      }
      if (end - start > max) {
        return start;
      }
      start = end + 1;
    }
    return -1;
  }

  private static ParsedDocument failed(
      SourceFile source, String id, String message, SourcePosition at) {
    PositionIndex index = new PositionIndex();
    index.attach(new LineStarts(source.text()));
    Finding finding =
        DocumentFindings.finding(id, message, source.name(), "", new SourceRange(at, at));
    return new ParsedDocument(source, 0, Optional.empty(), index, List.of(finding));
  }
}
