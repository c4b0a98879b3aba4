package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a {@link JsonNode} tree from a Jackson streaming parser while recording where every value
 * and key is written. Works without recursion, so nesting depth is bounded only by the parser's
 * {@link com.fasterxml.jackson.core.StreamReadConstraints}. Reports duplicate keys and turns every
 * parser failure into a finding; never throws on bad input.
 *
 * <p>Over 400 lines on purpose: the streaming loop, its frame stack and the offset arithmetic (JSON
 * chars, YAML code points, scanned scalar ends) share state that would otherwise have to be passed
 * around; anchors and merges ({@link YamlAnchors}) and message wording ({@link SyntaxMessages})
 * live elsewhere.
 */
final class PositionedReader {

  /** Where a character offset of the parsed text is in the source file. */
  interface SourceMap {
    SourcePosition at(int offset);
  }

  /** One root value read (or not) from the text, with the problems met on the way. */
  record Root(JsonNode value, PositionIndex positions, List<Finding> problems) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private final boolean yaml;
  private final String file;
  private final String prefix;
  private final SourceMap map;
  private final LineStarts yamlOffsets;
  private final LoaderLimits limits;

  private final YamlAnchors anchors;

  /**
   * @param text what the parser reads (columns and scanning are over this text)
   * @param yaml whether offsets from the parser count code points (SnakeYAML) rather than chars
   * @param file the file name for findings
   * @param prefix pointer prefix of every recorded pointer ({@code ""} for a whole document)
   * @param map from offsets of {@code text} to positions in the source file
   */
  PositionedReader(
      String text, boolean yaml, String file, String prefix, SourceMap map, LoaderLimits limits) {
    this.text = text;
    this.yaml = yaml;
    this.file = file;
    this.prefix = prefix;
    this.map = map;
    this.yamlOffsets = yaml ? new LineStarts(text) : null;
    this.limits = limits;
    this.anchors = new YamlAnchors(file, limits.maxYamlAliases());
  }

  private static final class Frame {
    final ContainerNode<?> node;
    final String pointer;
    final int start;
    final String anchor;
    String key;
    int keyStart;
    int keyEnd;
    int lastEnd;

    /** YAML merge keys ({@code <<: *base}) of this mapping, applied when it ends. */
    List<JsonNode> merges;

    List<SourceRange> mergeRanges;

    Frame(ContainerNode<?> node, String pointer, int start, String anchor) {
      this.node = node;
      this.pointer = pointer;
      this.start = start;
      this.anchor = anchor;
      this.lastEnd = start + 1;
    }

    boolean isObject() {
      return node.isObject();
    }
  }

  /**
   * Reads every root value: one for JSON (content after it is a syntax error), one per document for
   * a YAML stream. A root that failed has a null value.
   */
  List<Root> readAll(JsonParser parser, Supplier<PositionIndex> newIndex) {
    List<Root> roots = new ArrayList<>();
    PositionIndex positions = newIndex.get();
    List<Finding> problems = new ArrayList<>();
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken last = null;
    try {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        last = t;
        Frame top = stack.peek();
        if (t == JsonToken.FIELD_NAME) {
          top.key = parser.currentName();
          top.keyStart = start(parser);
          top.keyEnd = yaml ? end(parser) : scalarEnd(top.keyStart);
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          Frame done = stack.pop();
          int end = containerEnd(parser, done);
          if (done.merges != null) {
            YamlAnchors.applyMerges(
                (ObjectNode) done.node, done.pointer, done.merges, done.mergeRanges, positions);
          }
          if (done.anchor != null) {
            anchors.define(done.anchor, done.node);
          }
          JsonNode finished = done.node;
          if (attach(stack, finished, done.pointer, done.start, end, positions, problems)) {
            roots.add(new Root(finished, positions, problems));
            if (!yaml) {
              break;
            }
            positions = newIndex.get();
            problems = new ArrayList<>();
          }
          continue;
        }
        String pointer = top == null ? prefix : childPointer(top);
        int start = start(parser);
        String anchor = yaml ? parser.getObjectId() instanceof String s ? s : null : null;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          ContainerNode<?> node =
              t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
          stack.push(new Frame(node, pointer, start, anchor));
          continue;
        }
        JsonNode value;
        int end;
        if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
          end = end(parser);
          SourceRange range = new SourceRange(map.at(start), map.at(end));
          value = anchors.expand(parser.getText(), range, pointer, problems);
          if (value == null) {
            roots.add(new Root(null, positions, problems));
            return roots;
          }
        } else {
          value = scalar(parser, t);
          end = yaml ? end(parser) : scalarEnd(start);
          if (anchor != null) {
            anchors.define(anchor, value);
          }
        }
        if (attach(stack, value, pointer, start, end, positions, problems)) {
          roots.add(new Root(value, positions, problems));
          if (!yaml) {
            break;
          }
          positions = newIndex.get();
          problems = new ArrayList<>();
        }
      }
      if (!yaml && !roots.isEmpty()) {
        trailingContent(parser, problems);
      }
    } catch (StreamConstraintsException e) {
      problems.add(limitFinding(e, parser, stack));
      roots.add(new Root(null, positions, problems));
    } catch (JsonEOFException e) {
      problems.add(endOfInput(e, stack, last));
      roots.add(new Root(null, positions, problems));
    } catch (JsonProcessingException e) {
      problems.add(syntaxError(e, stack));
      roots.add(new Root(null, positions, problems));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // SnakeYAML reports some limits (document size, aliases) with its own unchecked exceptions.
      problems.add(otherFailure(e, stack));
      roots.add(new Root(null, positions, problems));
    }
    return roots;
  }

  /** A JSON file holds one value: anything after it is reported on that value's document. */
  private void trailingContent(JsonParser parser, List<Finding> problems) {
    SourcePosition at;
    try {
      if (parser.nextToken() == null) {
        return;
      }
      at = map.at(start(parser));
    } catch (IOException | RuntimeException e) {
      at =
          e instanceof JsonProcessingException j && j.getLocation() != null
              ? errorRange(j).start()
              : map.at(text.length());
    }
    problems.add(
        DocumentFindings.finding(
            DocumentFindings.SYNTAX_ERROR,
            "unexpected content at "
                + at
                + " after the end of the JSON value; a JSON file holds exactly one value: remove"
                + " it",
            file,
            prefix,
            new SourceRange(at, at)));
  }

  /** Records the value's position and adds it to its parent; true when it is a finished root. */
  private boolean attach(
      Deque<Frame> stack,
      JsonNode value,
      String pointer,
      int start,
      int end,
      PositionIndex positions,
      List<Finding> problems) {
    SourceRange range = new SourceRange(map.at(start), map.at(end));
    Frame parent = stack.peek();
    if (parent == null) {
      positions.putValue(pointer, range);
      return true;
    }
    parent.lastEnd = end;
    if (yaml && parent.isObject() && "<<".equals(parent.key) && YamlAnchors.isMergeable(value)) {
      if (parent.merges == null) {
        parent.merges = new ArrayList<>();
        parent.mergeRanges = new ArrayList<>();
      }
      parent.merges.add(value);
      parent.mergeRanges.add(range);
      return false;
    }
    if (parent.isObject()) {
      ObjectNode obj = (ObjectNode) parent.node;
      SourceRange keyRange = new SourceRange(map.at(parent.keyStart), map.at(parent.keyEnd));
      if (obj.has(parent.key)) {
        // The first value leaves the tree, but its text stays in the file: keep it for masking.
        JsonNode shadowed = obj.get(parent.key);
        positions.value(pointer).ifPresent(r -> positions.putShadowed(pointer, r, shadowed));
        int firstLine = positions.key(pointer).map(r -> r.start().line()).orElse(0);
        problems.add(
            DocumentFindings.finding(
                DocumentFindings.DUPLICATE_KEY,
                "key '"
                    + parent.key
                    + "' appears again here; it was already given on line "
                    + firstLine
                    + ". Azure keeps only one of them, so one value is silently lost (poolcheck"
                    + " checks this last one); remove one of them",
                file,
                pointer,
                keyRange));
      }
      obj.set(parent.key, value);
      positions.putKey(pointer, keyRange);
    } else {
      ((ArrayNode) parent.node).add(value);
    }
    positions.putValue(pointer, range);
    return false;
  }

  private static String childPointer(Frame top) {
    if (top.isObject()) {
      return childPointer(top.pointer, top.key);
    }
    return top.pointer + "/" + top.node.size();
  }

  static String childPointer(String parent, String key) {
    boolean plain = key.indexOf('~') < 0 && key.indexOf('/') < 0;
    return parent + (plain ? "/" + key : JsonPointer.empty().appendProperty(key).toString());
  }

  private JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        double d;
        BigDecimal exact;
        try {
          d = p.getDoubleValue();
          exact = p.getDecimalValue();
        } catch (IOException | NumberFormatException e) {
          // YAML .inf / .nan have no JSON form, and YAML 1.1 sexagesimals (4711:08:15.1337) are
          // strings in YAML 1.2 (and to Azure): keep what was written.
          return NODES.textNode(p.getText());
        }
        // A double that lost digits (1e-400 is 0.0, 1.0000000000000000000001 is 1.0) would pass
        // as an integer: keep the exact value.
        if (Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(exact) == 0) {
          return NODES.numberNode(d);
        }
        return NODES.numberNode(exact);
      default:
        return NODES.textNode(p.getText());
    }
  }

  private int start(JsonParser p) {
    return offset(p.currentTokenLocation());
  }

  private int end(JsonParser p) {
    return offset(p.currentLocation());
  }

  private int offset(JsonLocation loc) {
    long o = loc.getCharOffset();
    if (o < 0) {
      return 0;
    }
    return yaml ? yamlOffsets.charOffset((int) o) : (int) o;
  }

  private int containerEnd(JsonParser p, Frame done) {
    if (!yaml) {
      return start(p) + 1;
    }
    // Flow collections end at their bracket; block collections at their last value (the parser's
    // end mark lies at the start of whatever follows).
    int at = start(p);
    if (at < text.length() && (text.charAt(at) == '}' || text.charAt(at) == ']')) {
      return end(p);
    }
    return done.node.isEmpty() ? done.start : done.lastEnd;
  }

  /** End offset of the JSON scalar or key starting at {@code start}, by scanning the text. */
  private int scalarEnd(int start) {
    int i = start;
    int n = text.length();
    if (i < n && text.charAt(i) == '"') {
      i++;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '"') {
          return i + 1;
        } else {
          i++;
        }
      }
      return n;
    }
    while (i < n && "+-.0123456789eEtruefalsn".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return Math.max(i, start + 1);
  }

  private Finding limitFinding(StreamConstraintsException e, JsonParser p, Deque<Frame> stack) {
    String message = SyntaxMessages.readingLimit(e.getOriginalMessage(), limits);
    SourceRange range =
        e.getLocation() != null && e.getLocation().getCharOffset() >= 0
            ? errorRange(e)
            : new SourceRange(map.at(start(p)), map.at(start(p)));
    // The pointer of a container 1000 levels down helps nobody: report against the document.
    return DocumentFindings.finding(
        DocumentFindings.UNREADABLE_INPUT, message, file, prefix, range);
  }

  private Finding endOfInput(JsonEOFException e, Deque<Frame> stack, JsonToken last) {
    int endOffset = text.length();
    while (endOffset > 0 && Character.isWhitespace(text.charAt(endOffset - 1))) {
      endOffset--;
    }
    SourcePosition at = map.at(endOffset);
    List<SyntaxMessages.OpenContainer> open = new ArrayList<>();
    for (Frame f : stack) {
      open.add(new SyntaxMessages.OpenContainer(f.isObject(), map.at(f.start)));
    }
    String message =
        SyntaxMessages.endOfInput(
            String.valueOf(e.getOriginalMessage()),
            endOffset > 0 ? text.charAt(endOffset - 1) : '\0',
            open,
            last == JsonToken.FIELD_NAME);
    return DocumentFindings.finding(
        DocumentFindings.SYNTAX_ERROR, message, file, openPointer(stack), new SourceRange(at, at));
  }

  private Finding syntaxError(JsonProcessingException e, Deque<Frame> stack) {
    SourceRange range = errorRange(e);
    String message =
        yaml
            ? SyntaxMessages.yaml(e, map, yamlOffsets)
            : SyntaxMessages.json(
                e.getOriginalMessage(),
                range.start(),
                stack.isEmpty() ? null : map.at(stack.peek().start));
    return DocumentFindings.finding(
        DocumentFindings.SYNTAX_ERROR, message, file, openPointer(stack), range);
  }

  private Finding otherFailure(Throwable e, Deque<Frame> stack) {
    SyntaxMessages.Failure failure = SyntaxMessages.otherFailure(e, limits);
    SourcePosition at = stack.isEmpty() ? SourcePosition.START : map.at(stack.peek().start);
    return DocumentFindings.finding(
        failure.id(), failure.message(), file, openPointer(stack), new SourceRange(at, at));
  }

  private SourceRange errorRange(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if (loc == null) {
      return SourceRange.FILE_START;
    }
    SourcePosition at;
    if (loc.getCharOffset() >= 0) {
      at = map.at(offset(loc));
    } else if (loc.getLineNr() > 0) {
      at =
          map.at(
              new LineStarts(text)
                  .offset(new SourcePosition(loc.getLineNr(), Math.max(1, loc.getColumnNr()))));
    } else {
      at = SourcePosition.START;
    }
    return new SourceRange(at, at);
  }

  private String openPointer(Deque<Frame> stack) {
    return stack.isEmpty() ? prefix : stack.peek().pointer;
  }
}
