package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HCL native syntax (Terraform {@code .tf} files) into a JSON tree with the position of every
 * value, as {@link PositionedReader} does for JSON and YAML.
 *
 * <p>The tree follows Terraform's JSON configuration syntax, except that every nested block is a
 * list (as in {@code terraform show -json}): {@code resource "azurerm_batch_pool" "gpu" {
 * extensions { type = "X" } }} becomes {@code
 * {"resource":{"azurerm_batch_pool":{"gpu":{"extensions":[{"type":"X"}]}}}}}. Other top-level
 * blocks ({@code provider}, {@code locals}, {@code variable}...) are lists of their bodies under
 * their type. A {@code dynamic "x"} block is kept as {@code "dynamic":{"x":[{...}]}}.
 *
 * <p>Values: literals become JSON values; object and tuple constructors become objects and arrays;
 * {@code jsonencode(x)} becomes the value of {@code x}, the object it encodes. Every other
 * expression (references such as {@code var.x}, templates with {@code ${...}}, other function
 * calls, operators, conditionals, {@code for} expressions) is unknown until Terraform evaluates it,
 * and becomes a string holding {@code ${...}}: a template keeps its text, any other expression is
 * written {@code ${expression}}, as Terraform's JSON syntax writes it. Rules treat such strings as
 * unknown.
 *
 * <p>Why not a library: hcl4j 0.9.1 (the only HCL parser for the JVM on Maven Central) was measured
 * on the provider's examples: its public parser evaluates the file (functions, variables, HTTP data
 * lookups) and gives no positions; its lexer is package-private and places values at their end, not
 * their start, with 0-based lines; its POM declares {@code slf4j-parent} as a jar dependency, which
 * does not resolve. See docs/terraform.md.
 *
 * <p>Over 400 lines: it is one recursive-descent grammar (bodies, blocks, attributes, expressions,
 * collections, function calls, templates) whose productions call one another and share the token
 * cursor and the position index; split across classes, each production would need that state passed
 * in.
 */
final class HclReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Top-level blocks keyed by their labels, whose repetition Terraform rejects. */
  private static final java.util.Set<String> LABELLED_BLOCKS = java.util.Set.of("resource", "data");

  /**
   * What reading gave.
   *
   * @param root the tree, or {@code null} after a syntax error
   * @param positions where every pointer is written
   * @param problems syntax errors, duplicate attributes, exceeded limits
   * @param stringOffsets for each literal string value (by pointer), the source offset of each of
   *     its characters and, last, of the end of its content
   */
  record Result(
      JsonNode root,
      PositionIndex positions,
      List<Finding> problems,
      Map<String, int[]> stringOffsets) {}

  private final String text;
  private final String file;
  private final LineStarts lines;
  private final LoaderLimits limits;
  private final PositionIndex positions;
  private final List<Finding> problems = new ArrayList<>();
  private final Map<String, int[]> stringOffsets = new HashMap<>();
  private List<Token> tokens;
  private int p;

  HclReader(String text, String file, LineStarts lines, LoaderLimits limits) {
    this.text = text;
    this.file = file;
    this.lines = lines;
    this.limits = limits;
    this.positions = new PositionIndex(Math.max(16, text.length() / 30));
    this.positions.attach(lines);
  }

  /** Reads the whole text. Never throws on bad input. */
  Result read() {
    ObjectNode root = NODES.objectNode();
    try {
      tokens = new HclLexer(text, limits).tokens();
      p = 0;
      positions.putValue("", new SourceRange(SourcePosition.START, lines.position(text.length())));
      readBody(root, "", true, 0);
      return new Result(root, positions, List.copyOf(problems), Map.copyOf(stringOffsets));
    } catch (StackOverflowError e) {
      // Each nesting level of an expression takes several frames; a thread with a small stack
      // can run out below the depth limit. The file is refused like one over the limit.
      problems.clear();
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.UNREADABLE_INPUT,
              "the file nests expressions or blocks too deeply for poolcheck to read",
              file,
              "",
              SourceRange.FILE_START));
      return new Result(null, positions, List.copyOf(problems), Map.of());
    } catch (HclLexer.SyntaxProblem e) {
      String id = e.unreadable ? DocumentFindings.UNREADABLE_INPUT : DocumentFindings.SYNTAX_ERROR;
      SourcePosition at = lines.position(e.offset);
      problems.add(DocumentFindings.finding(id, e.getMessage(), file, "", new SourceRange(at, at)));
      return new Result(null, positions, List.copyOf(problems), Map.of());
    }
  }

  // ---- bodies ------------------------------------------------------------------------------

  private void readBody(ObjectNode body, String pointer, boolean topLevel, int depth) {
    checkDepth(depth);
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.kind == TokenKind.EOF) {
        if (!topLevel) {
          throw new HclLexer.SyntaxProblem(
              "the file ends inside a block: add '}' at the end", text.length(), false);
        }
        return;
      }
      if (t.kind == TokenKind.CLOSE_BRACE) {
        if (topLevel) {
          throw problem(t, "this '}' closes no block: remove it");
        }
        return;
      }
      if (t.kind != TokenKind.IDENT) {
        throw problem(t, "expected an attribute name or a block type, found " + t.describe());
      }
      Token name = next();
      if (peek().kind == TokenKind.EQUALS) {
        next();
        readAttribute(body, pointer, name, depth);
      } else {
        readBlock(body, pointer, name, topLevel, depth);
      }
    }
  }

  private void readAttribute(ObjectNode body, String pointer, Token name, int depth) {
    String child = childPointer(pointer, name.text);
    Expr value = expression(depth + 1);
    endOfItem("attribute '" + name.text + "'");
    if (body.has(name.text)) {
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.DUPLICATE_KEY,
              "the attribute '"
                  + name.text
                  + "' is set twice in this block; Terraform rejects a redefined attribute:"
                  + " keep one",
              file,
              child,
              range(name.start, name.end)));
    }
    positions.putKey(child, range(name.start, name.end));
    body.set(name.text, toJson(value, child, depth + 1));
  }

  private void readBlock(ObjectNode body, String pointer, Token type, boolean topLevel, int depth) {
    List<Token> labels = new ArrayList<>();
    while (peek().kind == TokenKind.STRING || peek().kind == TokenKind.IDENT) {
      Token label = next();
      if (label.kind == TokenKind.STRING && label.template) {
        throw problem(label, "a block label cannot hold an interpolation");
      }
      labels.add(label);
    }
    Token open = peek();
    if (open.kind != TokenKind.OPEN_BRACE) {
      throw problem(
          type,
          "expected '=' or '{' after '"
              + type.text
              + "' (an attribute needs '=', a block '{'), found "
              + open.describe());
    }
    next();
    ObjectNode inner = NODES.objectNode();
    String innerPointer;
    if (topLevel && LABELLED_BLOCKS.contains(type.text) && !labels.isEmpty()) {
      ObjectNode parent = objectMember(body, type.text, pointer, type);
      String at = childPointer(pointer, type.text);
      for (int i = 0; i < labels.size() - 1; i++) {
        at = childPointer(at, labels.get(i).value);
        parent = objectMember(parent, labels.get(i).value, at, type);
      }
      Token last = labels.get(labels.size() - 1);
      innerPointer = childPointer(at, last.value);
      if (parent.has(last.value)) {
        problems.add(
            DocumentFindings.finding(
                DocumentFindings.DUPLICATE_KEY,
                "a second "
                    + type.text
                    + " block with the labels "
                    + labelText(labels)
                    + "; Terraform rejects a duplicate "
                    + type.text
                    + ": rename or remove one",
                file,
                innerPointer,
                range(last.start, last.end)));
      }
      parent.set(last.value, inner);
      positions.putKey(innerPointer, range(last.start, last.end));
    } else if (type.text.equals("dynamic") && labels.size() == 1 && !topLevel) {
      ObjectNode dynamic = objectMember(body, "dynamic", pointer, type);
      String at = childPointer(pointer, "dynamic");
      Token label = labels.get(0);
      ArrayNode list = arrayMember(dynamic, label.value, at, label);
      innerPointer = childPointer(childPointer(at, label.value), Integer.toString(list.size()));
      list.add(inner);
    } else {
      ArrayNode list = arrayMember(body, type.text, pointer, type);
      innerPointer = childPointer(childPointer(pointer, type.text), Integer.toString(list.size()));
      list.add(inner);
      positions.putKey(innerPointer, range(type.start, type.end));
    }
    readBody(inner, innerPointer, false, depth + 1);
    Token close = next(); // readBody stops only at '}' here
    positions.putValue(innerPointer, range(type.start, close.end));
    endOfItem("block '" + type.text + "'");
  }

  private static String labelText(List<Token> labels) {
    StringBuilder s = new StringBuilder();
    for (Token l : labels) {
      s.append(s.length() == 0 ? "" : " ").append('"').append(l.value).append('"');
    }
    return s.toString();
  }

  /** The object member {@code name} of {@code parent}, created (positioned at {@code at}). */
  private ObjectNode objectMember(ObjectNode parent, String name, String parentPointer, Token at) {
    JsonNode existing = parent.get(name);
    if (existing instanceof ObjectNode o) {
      return o;
    }
    ObjectNode o = NODES.objectNode();
    parent.set(name, o);
    String pointer = childPointer(parentPointer, name);
    positions.putValue(pointer, range(at.start, at.end));
    positions.putKey(pointer, range(at.start, at.end));
    return o;
  }

  private ArrayNode arrayMember(ObjectNode parent, String name, String parentPointer, Token at) {
    JsonNode existing = parent.get(name);
    if (existing instanceof ArrayNode a) {
      return a;
    }
    ArrayNode a = NODES.arrayNode();
    parent.set(name, a);
    String pointer = childPointer(parentPointer, name);
    positions.putValue(pointer, range(at.start, at.end));
    positions.putKey(pointer, range(at.start, at.end));
    return a;
  }

  private void endOfItem(String what) {
    Token t = peek();
    if (t.kind == TokenKind.NEWLINE) {
      next();
    } else if (t.kind != TokenKind.EOF && t.kind != TokenKind.CLOSE_BRACE) {
      throw problem(t, "expected a new line after the " + what + ", found " + t.describe());
    }
  }

  // ---- expressions -------------------------------------------------------------------------

  /** What an expression is, before it becomes JSON. */
  private enum ExprKind {
    LITERAL,
    OBJECT,
    TUPLE,
    ENCODED,
    UNKNOWN
  }

  /**
   * @param kind what it is
   * @param start source offset of its first character
   * @param end source offset just after it
   * @param literal the value of a literal
   * @param offsets for a literal string, the source offset of each character
   * @param keys object keys (as written) and their tokens
   * @param items tuple items or object values; the encoded value of {@code jsonencode}
   * @param unknownText for an unknown, its {@code ${...}} form
   */
  private record Expr(
      ExprKind kind,
      int start,
      int end,
      JsonNode literal,
      int[] offsets,
      List<Token> keys,
      List<Expr> items,
      String unknownText) {

    static Expr unknown(int start, int end, String text) {
      return new Expr(ExprKind.UNKNOWN, start, end, null, null, List.of(), List.of(), text);
    }
  }

  private Expr expression(int depth) {
    checkDepth(depth);
    int start = peek().start;
    Expr first = binary(depth);
    if (peek().kind == TokenKind.QUESTION) {
      next();
      expression(depth + 1);
      expect(TokenKind.COLON, "':' of the conditional expression");
      Expr last = expression(depth + 1);
      return unknownSpan(start, last.end);
    }
    return first;
  }

  private Expr binary(int depth) {
    int start = peek().start;
    Expr left = unary(depth);
    boolean combined = false;
    int end = left.end;
    while (peek().kind == TokenKind.OPERATOR) {
      next();
      Expr right = unary(depth + 1);
      end = right.end;
      combined = true;
    }
    return combined ? unknownSpan(start, end) : left;
  }

  private Expr unary(int depth) {
    checkDepth(depth); // "- - - - 1" recurses once per operator
    Token t = peek();
    if (t.kind == TokenKind.OPERATOR && (t.text.equals("-") || t.text.equals("!"))) {
      next();
      Expr operand = unary(depth + 1);
      if (t.text.equals("-")
          && operand.kind == ExprKind.LITERAL
          && operand.literal.isNumber()
          && operand.start == t.end) {
        JsonNode negated =
            operand.literal.isBigDecimal() || operand.literal.isDouble()
                ? NODES.numberNode(operand.literal.decimalValue().negate())
                : NODES.numberNode(operand.literal.bigIntegerValue().negate());
        return new Expr(
            ExprKind.LITERAL, t.start, operand.end, negated, null, List.of(), List.of(), null);
      }
      return unknownSpan(t.start, operand.end);
    }
    return postfix(depth);
  }

  private Expr postfix(int depth) {
    Expr e = primary(depth);
    boolean traversed = false;
    int end = e.end;
    while (true) {
      Token t = peek();
      if (t.kind == TokenKind.DOT) {
        next();
        Token member = next();
        if (member.kind != TokenKind.IDENT
            && member.kind != TokenKind.NUMBER
            && !(member.kind == TokenKind.OPERATOR && member.text.equals("*"))) {
          throw problem(member, "expected an attribute name after '.', found " + member.describe());
        }
        end = member.end;
        traversed = true;
      } else if (t.kind == TokenKind.OPEN_BRACKET) {
        next();
        if (peek().kind == TokenKind.OPERATOR && peek().text.equals("*")) {
          next();
        } else {
          expression(depth + 1);
        }
        end = expect(TokenKind.CLOSE_BRACKET, "']' of the index").end;
        traversed = true;
      } else {
        break;
      }
    }
    return traversed ? unknownSpan(e.start, end) : e;
  }

  private Expr primary(int depth) {
    Token t = next();
    switch (t.kind) {
      case NUMBER:
        return new Expr(
            ExprKind.LITERAL, t.start, t.end, number(t), null, List.of(), List.of(), null);
      case STRING:
        if (t.template) {
          // Kept as written: JSON inside a template can still be read where it is literal.
          return new Expr(
              ExprKind.UNKNOWN,
              t.start,
              t.end,
              null,
              t.offsets,
              List.of(),
              List.of(),
              t.rawContent);
        }
        return new Expr(
            ExprKind.LITERAL,
            t.start,
            t.end,
            NODES.textNode(t.value),
            t.offsets,
            List.of(),
            List.of(),
            null);
      case IDENT:
        return identifier(t, depth);
      case OPEN_PAREN:
        {
          Expr inner = expression(depth + 1);
          Token close = expect(TokenKind.CLOSE_PAREN, "')'");
          return inner.kind == ExprKind.UNKNOWN
              ? unknownSpan(t.start, close.end)
              : new Expr(
                  inner.kind,
                  t.start,
                  close.end,
                  inner.literal,
                  inner.offsets,
                  inner.keys,
                  inner.items,
                  inner.unknownText);
        }
      case OPEN_BRACKET:
        return tuple(t, depth);
      case OPEN_BRACE:
        return object(t, depth);
      default:
        throw problem(t, "expected a value, found " + t.describe());
    }
  }

  private Expr identifier(Token t, int depth) {
    switch (t.text) {
      case "true":
      case "false":
        return new Expr(
            ExprKind.LITERAL,
            t.start,
            t.end,
            NODES.booleanNode(t.text.equals("true")),
            null,
            List.of(),
            List.of(),
            null);
      case "null":
        return new Expr(
            ExprKind.LITERAL, t.start, t.end, NODES.nullNode(), null, List.of(), List.of(), null);
      default:
        break;
    }
    // Provider-defined functions: provider::azurerm::name(...)
    int nameEnd = t.end;
    while (peek().kind == TokenKind.DOUBLE_COLON) {
      next();
      nameEnd = expect(TokenKind.IDENT, "a function name after '::'").end;
    }
    if (peek().kind != TokenKind.OPEN_PAREN) {
      return unknownSpan(t.start, nameEnd);
    }
    next();
    List<Expr> args = new ArrayList<>();
    skipNewlines();
    while (peek().kind != TokenKind.CLOSE_PAREN) {
      args.add(expression(depth + 1));
      skipNewlines();
      if (peek().kind == TokenKind.COMMA) {
        next();
        skipNewlines();
      } else if (peek().kind == TokenKind.ELLIPSIS) {
        next();
        skipNewlines();
      } else if (peek().kind != TokenKind.CLOSE_PAREN) {
        throw problem(peek(), "expected ',' or ')' in the call of " + t.text + "()");
      }
    }
    Token close = next();
    if (t.text.equals("jsonencode") && nameEnd == t.end && args.size() == 1) {
      return new Expr(
          ExprKind.ENCODED, t.start, close.end, null, null, List.of(), List.of(args.get(0)), null);
    }
    return unknownSpan(t.start, close.end);
  }

  private Expr tuple(Token open, int depth) {
    skipNewlines();
    if (peek().kind == TokenKind.IDENT && peek().text.equals("for") && isForExpression()) {
      return unknownSpan(open.start, skipTo(TokenKind.CLOSE_BRACKET, open).end);
    }
    List<Expr> items = new ArrayList<>();
    while (peek().kind != TokenKind.CLOSE_BRACKET) {
      items.add(expression(depth + 1));
      skipNewlines();
      if (peek().kind == TokenKind.COMMA) {
        next();
        skipNewlines();
      } else if (peek().kind != TokenKind.CLOSE_BRACKET) {
        throw problem(peek(), "expected ',' or ']' in the list, found " + peek().describe());
      }
    }
    Token close = next();
    return new Expr(ExprKind.TUPLE, open.start, close.end, null, null, List.of(), items, null);
  }

  private Expr object(Token open, int depth) {
    skipNewlines();
    if (peek().kind == TokenKind.IDENT && peek().text.equals("for") && isForExpression()) {
      return unknownSpan(open.start, skipTo(TokenKind.CLOSE_BRACE, open).end);
    }
    List<Token> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (peek().kind != TokenKind.CLOSE_BRACE) {
      Token key = peek();
      if (key.kind == TokenKind.IDENT || (key.kind == TokenKind.STRING && !key.template)) {
        next();
      } else {
        // A key computed from an expression: the object's shape is unknown.
        Expr k = expression(depth + 1);
        key = new Token(TokenKind.STRING, k.start, k.end, "", "${" + span(k) + "}");
      }
      Token eq = next();
      if (eq.kind != TokenKind.EQUALS && eq.kind != TokenKind.COLON) {
        throw problem(eq, "expected '=' or ':' after the key, found " + eq.describe());
      }
      keys.add(key);
      values.add(expression(depth + 1));
      Token sep = peek();
      if (sep.kind == TokenKind.COMMA || sep.kind == TokenKind.NEWLINE) {
        next();
        skipNewlines();
      } else if (sep.kind != TokenKind.CLOSE_BRACE) {
        throw problem(
            sep, "expected ',', a new line or '}' in the object, found " + sep.describe());
      }
    }
    Token close = next();
    return new Expr(ExprKind.OBJECT, open.start, close.end, null, null, keys, values, null);
  }

  /** After '[' or '{': whether {@code for x in} (or {@code for k, v in}) follows. */
  private boolean isForExpression() {
    Token a = peekAt(1);
    Token b = peekAt(2);
    return a.kind == TokenKind.IDENT
        && ((b.kind == TokenKind.IDENT && b.text.equals("in")) || b.kind == TokenKind.COMMA);
  }

  /** Skips to the bracket that closes {@code open}, counting nested brackets. */
  private Token skipTo(TokenKind close, Token open) {
    int depth = 0;
    while (true) {
      Token t = next();
      switch (t.kind) {
        case OPEN_BRACE, OPEN_BRACKET, OPEN_PAREN -> depth++;
        case CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN -> {
          if (depth == 0) {
            if (t.kind != close) {
              throw problem(t, "unbalanced brackets in the for expression opened here");
            }
            return t;
          }
          depth--;
        }
        case EOF -> throw problem(open, "the for expression that starts here is not closed");
        default -> {}
      }
    }
  }

  private Expr unknownSpan(int start, int end) {
    return Expr.unknown(start, end, "${" + text.substring(start, end) + "}");
  }

  private String span(Expr e) {
    return text.substring(e.start, e.end);
  }

  private JsonNode number(Token t) {
    String s = t.text;
    try {
      if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
        BigInteger i = new BigInteger(s);
        return i.bitLength() < 32
            ? NODES.numberNode(i.intValue())
            : i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
      }
      return NODES.numberNode(new BigDecimal(s));
    } catch (NumberFormatException e) {
      throw problem(t, "'" + s + "' is not a number");
    }
  }

  // ---- JSON with positions -----------------------------------------------------------------

  private JsonNode toJson(Expr e, String pointer, int depth) {
    checkDepth(depth);
    positions.putValue(pointer, range(e.start, e.end));
    switch (e.kind) {
      case LITERAL:
        if (e.offsets != null) {
          stringOffsets.put(pointer, e.offsets);
        }
        return e.literal;
      case TUPLE:
        {
          ArrayNode a = NODES.arrayNode();
          for (Expr item : e.items) {
            a.add(toJson(item, childPointer(pointer, Integer.toString(a.size())), depth + 1));
          }
          return a;
        }
      case OBJECT:
        {
          ObjectNode o = NODES.objectNode();
          for (int i = 0; i < e.keys.size(); i++) {
            Token key = e.keys.get(i);
            String child = childPointer(pointer, key.value);
            if (o.has(key.value)) {
              problems.add(
                  DocumentFindings.finding(
                      DocumentFindings.DUPLICATE_KEY,
                      "the key '" + key.value + "' appears twice in this object: keep one",
                      file,
                      child,
                      range(key.start, key.end)));
            }
            positions.putKey(child, range(key.start, key.end));
            o.set(key.value, toJson(e.items.get(i), child, depth + 1));
          }
          return o;
        }
      case ENCODED:
        {
          JsonNode value = toJson(e.items.get(0), pointer, depth + 1);
          positions.putValue(pointer, range(e.start, e.end));
          return value;
        }
      default:
        if (e.offsets != null) {
          stringOffsets.put(pointer, e.offsets);
        }
        return NODES.textNode(e.unknownText);
    }
  }

  // ---- tokens ------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(p);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(p + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind != TokenKind.EOF) {
      p++;
    }
    return t;
  }

  private void skipNewlines() {
    while (peek().kind == TokenKind.NEWLINE) {
      p++;
    }
  }

  private Token expect(TokenKind kind, String what) {
    Token t = next();
    if (t.kind != kind) {
      throw problem(t, "expected " + what + ", found " + t.describe());
    }
    return t;
  }

  private HclLexer.SyntaxProblem problem(Token t, String message) {
    return new HclLexer.SyntaxProblem(message, t.start, false);
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new HclLexer.SyntaxProblem(
          String.format(
              Locale.ROOT,
              "the file nests deeper than the %d levels poolcheck reads",
              limits.maxNestingDepth()),
          tokens.get(Math.min(p, tokens.size() - 1)).start,
          true);
    }
  }

  private SourceRange range(int start, int end) {
    return new SourceRange(lines.position(start), lines.position(end));
  }

  private static String childPointer(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  // ---- the token model, shared with HclLexer -----------------------------------------------

  enum TokenKind {
    IDENT,
    NUMBER,
    STRING,
    OPEN_BRACE,
    CLOSE_BRACE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    OPEN_PAREN,
    CLOSE_PAREN,
    EQUALS,
    COMMA,
    DOT,
    COLON,
    DOUBLE_COLON,
    QUESTION,
    ELLIPSIS,
    ARROW,
    OPERATOR,
    NEWLINE,
    EOF
  }

  /**
   * One token.
   *
   * @param kind what it is
   * @param start source offset of its first character
   * @param end source offset just after it
   * @param text its source text (for strings, the literal with quotes or heredoc markers)
   * @param value for strings, the decoded value; for identifiers, the name
   * @param template whether a string holds an interpolation or directive
   * @param rawContent for strings, the content as written, between the quotes
   * @param offsets for strings, the source offset of each character of {@code value} (of {@code
   *     rawContent} for a quoted template)
   */
  record Token(
      TokenKind kind,
      int start,
      int end,
      String text,
      String value,
      boolean template,
      String rawContent,
      int[] offsets) {

    Token(TokenKind kind, int start, int end, String text, String value) {
      this(kind, start, end, text, value, false, null, null);
    }

    String describe() {
      return switch (kind) {
        case EOF -> "the end of the file";
        case NEWLINE -> "the end of the line";
        case STRING -> "a string";
        case NUMBER -> "the number " + text;
        case IDENT -> "'" + text + "'";
        default -> "'" + text + "'";
      };
    }
  }
}
