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
import dev.poolcheck.engine.report.Finding;
import dev.poolcheck.engine.report.SourcePosition;
import dev.poolcheck.engine.report.SourceRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a {@link JsonNode} tree from a Jackson streaming parser while recording where every value
 * and key is written. Works without recursion, so nesting depth is bounded only by the parser's
 * {@link com.fasterxml.jackson.core.StreamReadConstraints}. Reports duplicate keys and turns every
 * parser failure into a finding; never throws on bad input.
 */
final class PositionedReader {

  /** Where a character offset of the parsed text is in the source file. */
  interface SourceMap {
    SourcePosition at(int offset);
  }

  /** One root value read (or not) from the text, with the problems met on the way. */
  record Root(JsonNode value, PositionIndex positions, List<Finding> problems) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Expanded YAML aliases may not add more nodes than this to one file. */
  private static final long MAX_ALIAS_EXPANSION = 1_000_000;

  private final String text;
  private final boolean yaml;
  private final String file;
  private final String prefix;
  private final SourceMap map;
  private final LineStarts yamlOffsets;
  private final LoaderLimits limits;

  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int aliases;
  private long aliasNodes;

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
    String lastKey = null;
    try {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        last = t;
        Frame top = stack.peek();
        if (t == JsonToken.FIELD_NAME) {
          top.key = parser.currentName();
          lastKey = top.key;
          top.keyStart = start(parser);
          top.keyEnd = yaml ? end(parser) : scalarEnd(top.keyStart);
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          Frame done = stack.pop();
          int end = containerEnd(parser, done);
          if (done.merges != null) {
            applyMerges(done, positions);
          }
          if (done.anchor != null) {
            anchors.put(done.anchor, done.node);
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
          value = expandAlias(parser.getText(), start, end, pointer, problems);
          if (value == null) {
            roots.add(new Root(null, positions, problems));
            return roots;
          }
        } else {
          value = scalar(parser, t);
          end = yaml ? end(parser) : scalarEnd(start);
          if (anchor != null) {
            anchors.put(anchor, value);
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
      problems.add(endOfInput(e, stack, last, lastKey));
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
    if (yaml && parent.isObject() && "<<".equals(parent.key) && isMergeable(value)) {
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

  private static boolean isMergeable(JsonNode value) {
    if (value.isObject()) {
      return true;
    }
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML 1.1 merge keys: members of the merged mappings that the mapping does not set itself are
   * added, earlier merges winning over later ones. Their position is the merge value (usually the
   * alias), since that is where they are written in this mapping.
   */
  private void applyMerges(Frame frame, PositionIndex positions) {
    ObjectNode target = (ObjectNode) frame.node;
    for (int i = 0; i < frame.merges.size(); i++) {
      JsonNode merge = frame.merges.get(i);
      SourceRange range = frame.mergeRanges.get(i);
      List<JsonNode> sources = new ArrayList<>();
      if (merge.isObject()) {
        sources.add(merge);
      } else {
        merge.forEach(sources::add);
      }
      for (JsonNode source : sources) {
        for (Map.Entry<String, JsonNode> e : source.properties()) {
          if (!target.has(e.getKey())) {
            target.set(e.getKey(), e.getValue().deepCopy());
            String pointer = childPointer(frame.pointer, e.getKey());
            positions.putValue(pointer, range);
            positions.putKey(pointer, range);
          }
        }
      }
    }
  }

  private JsonNode expandAlias(
      String name, int start, int end, String pointer, List<Finding> problems) {
    SourceRange range = new SourceRange(map.at(start), map.at(end));
    JsonNode target = anchors.get(name);
    if (target == null) {
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.SYNTAX_ERROR,
              "the alias '*" + name + "' refers to no anchor '&" + name + "' defined before it",
              file,
              pointer,
              range));
      return null;
    }
    aliases++;
    aliasNodes += countNodes(target);
    if (aliases > limits.maxYamlAliases() || aliasNodes > MAX_ALIAS_EXPANSION) {
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.UNREADABLE_INPUT,
              "the YAML uses more aliases than poolcheck expands (at most "
                  + limits.maxYamlAliases()
                  + " aliases and "
                  + MAX_ALIAS_EXPANSION
                  + " expanded values); this looks like an alias bomb ('billion laughs')",
              file,
              pointer,
              range));
      return null;
    }
    return target.deepCopy();
  }

  private static long countNodes(JsonNode node) {
    long n = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      JsonNode x = pending.pop();
      n++;
      if (n > MAX_ALIAS_EXPANSION) {
        return n;
      }
      x.forEach(pending::push);
    }
    return n;
  }

  private static String childPointer(Frame top) {
    if (top.isObject()) {
      return childPointer(top.pointer, top.key);
    }
    return top.pointer + "/" + top.node.size();
  }

  private static String childPointer(String parent, String key) {
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
    String original = e.getOriginalMessage();
    String message;
    if (original.contains("nesting depth")) {
      message =
          "the document nests objects and arrays more than "
              + limits.maxNestingDepth()
              + " levels deep; poolcheck stops reading here";
    } else if (original.contains("String value length") || original.contains("Name length")) {
      message = "a string or key is longer than " + limits.maxStringLength() + " characters";
    } else if (original.contains("Number value length")) {
      message = "a number has more digits than poolcheck reads (" + firstSentence(original) + ")";
    } else {
      message = "the document exceeds a reading limit: " + firstSentence(original);
    }
    SourceRange range =
        e.getLocation() != null && e.getLocation().getCharOffset() >= 0
            ? errorRange(e)
            : new SourceRange(map.at(start(p)), map.at(start(p)));
    // The pointer of a container 1000 levels down helps nobody: report against the document.
    return DocumentFindings.finding(
        DocumentFindings.UNREADABLE_INPUT, message, file, prefix, range);
  }

  private Finding endOfInput(JsonEOFException e, Deque<Frame> stack, JsonToken last, String key) {
    int endOffset = text.length();
    while (endOffset > 0 && Character.isWhitespace(text.charAt(endOffset - 1))) {
      endOffset--;
    }
    SourcePosition at = map.at(endOffset);
    String original = String.valueOf(e.getOriginalMessage());
    String inString =
        original.contains("VALUE_STRING")
                || original.contains("quote")
                || original.contains("field name")
            ? "the JSON ends inside a string: close it with '\"'"
            : null;
    StringBuilder closers = new StringBuilder();
    for (Frame f : stack) {
      closers.append(f.isObject() ? '}' : ']');
    }
    String message;
    if (stack.isEmpty()) {
      message = inString != null ? inString : "the JSON ends before its value is complete";
    } else {
      Frame outer = stack.peekLast();
      Frame inner = stack.peekFirst();
      String what = outer.isObject() ? "object" : "array";
      StringBuilder m = new StringBuilder();
      if (inString != null) {
        m.append(inString).append("; ");
      } else if (last == JsonToken.FIELD_NAME
          || (endOffset > 0 && text.charAt(endOffset - 1) == ':')) {
        m.append("a value is missing after the last ':'; ");
      } else if (endOffset > 0 && text.charAt(endOffset - 1) == ',') {
        m.append("the last ',' is followed by nothing; ");
      }
      m.append("the JSON ends before the ")
          .append(what)
          .append(" opened at ")
          .append(map.at(outer.start))
          .append(" is closed");
      if (stack.size() > 1) {
        m.append(" (")
            .append(stack.size())
            .append(" objects/arrays are still open, the innermost opened at ")
            .append(map.at(inner.start))
            .append(")");
      }
      m.append(": add '").append(closers).append("' at the end");
      message = m.toString();
    }
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
    String m = String.valueOf(e.getMessage());
    String id = DocumentFindings.SYNTAX_ERROR;
    String message;
    if (e instanceof StackOverflowError) {
      id = DocumentFindings.UNREADABLE_INPUT;
      message = "the document is nested too deeply to read";
    } else if (m.contains("exceeds the limit") || m.contains("code points")) {
      id = DocumentFindings.UNREADABLE_INPUT;
      message = "the YAML document is larger than poolcheck reads";
    } else if (m.contains("aliases") || m.contains("Number of aliases")) {
      id = DocumentFindings.UNREADABLE_INPUT;
      message = "the YAML uses too many aliases; this looks like an alias bomb ('billion laughs')";
    } else if (m.contains("Nesting Depth") || m.contains("nesting")) {
      id = DocumentFindings.UNREADABLE_INPUT;
      message = "the document nests more than " + limits.maxNestingDepth() + " levels deep";
    } else {
      message = "the document cannot be parsed: " + firstSentence(m);
    }
    SourcePosition at = stack.isEmpty() ? SourcePosition.START : map.at(stack.peek().start);
    return DocumentFindings.finding(id, message, file, openPointer(stack), new SourceRange(at, at));
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

  static String firstSentence(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    int paren = line.indexOf(" (");
    return (paren > 0 ? line.substring(0, paren) : line).trim();
  }
}
