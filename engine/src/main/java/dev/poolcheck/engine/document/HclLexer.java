package dev.poolcheck.engine.document;

import dev.poolcheck.engine.document.HclReader.Token;
import dev.poolcheck.engine.document.HclReader.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits HCL native syntax into tokens (see the HCL native syntax specification): identifiers,
 * numbers, quoted templates, heredocs, punctuation, operators and the new lines that end
 * attributes. Comments ({@code #}, {@code //}, {@code /* *}{@code /}) are dropped; a line comment
 * keeps its new line. A quoted template or heredoc is one token; its interpolations ({@code
 * ${...}}, {@code %{...}}) are skipped with their nesting, as their value is unknown anyway.
 *
 * <p>Over 400 lines: one scanner state machine over the text (numbers, identifiers, quoted
 * templates with nested interpolations, heredocs with indentation stripping, comments, operators),
 * all advancing the same offset and line counters.
 */
final class HclLexer {

  /** A syntax error (or an exceeded limit) at a source offset. */
  static final class SyntaxProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int offset;
    final boolean unreadable;

    SyntaxProblem(String message, int offset, boolean unreadable) {
      super(message, null, false, false);
      this.offset = offset;
      this.unreadable = unreadable;
    }
  }

  private final String s;
  private final LoaderLimits limits;
  private int i;

  /** Open brackets: inside ( and [ new lines do not end anything. */
  private final ArrayList<Character> open = new ArrayList<>();

  HclLexer(String text, LoaderLimits limits) {
    this.s = text;
    this.limits = limits;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments(out);
      if (i >= s.length()) {
        out.add(new Token(TokenKind.EOF, s.length(), s.length(), "", ""));
        return out;
      }
      int start = i;
      char c = s.charAt(i);
      if (c == '\n') {
        i++;
        if (!insideParensOrBrackets()) {
          addNewline(out, start);
        }
      } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
        if (!insideParensOrBrackets()) {
          addNewline(out, start);
        }
      } else if (isIdentStart(c)) {
        while (i < s.length() && isIdentPart(s.charAt(i))) {
          i++;
        }
        String name = s.substring(start, i);
        out.add(new Token(TokenKind.IDENT, start, i, name, name));
      } else if (c >= '0' && c <= '9') {
        out.add(number(start));
      } else if (c == '"') {
        out.add(quoted(start));
      } else if (c == '<' && s.startsWith("<<", i) && heredocFollows()) {
        out.add(heredoc(start));
      } else {
        out.add(punctuation(start, c));
      }
    }
  }

  private void addNewline(List<Token> out, int start) {
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == TokenKind.NEWLINE) {
      return;
    }
    out.add(new Token(TokenKind.NEWLINE, start, start, "\n", "\n"));
  }

  private boolean insideParensOrBrackets() {
    if (open.isEmpty()) {
      return false;
    }
    char top = open.get(open.size() - 1);
    return top == '(' || top == '[';
  }

  private void skipSpaceAndComments(List<Token> out) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || (c == '\r' && !s.startsWith("\r\n", i))) {
        i++;
      } else if (c == '#' || (c == '/' && s.startsWith("//", i))) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          throw new SyntaxProblem("the comment opened here is not closed: add '*/'", i, false);
        }
        i = end + 2;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
      } else {
        return;
      }
    }
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private Token number(int start) {
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
      i++;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int save = i;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i < s.length() && Character.isDigit(s.charAt(i))) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
      } else {
        i = save;
      }
    }
    String t = s.substring(start, i);
    return new Token(TokenKind.NUMBER, start, i, t, t);
  }

  /** A quoted template: {@code "..."} on one line, with escapes and interpolations. */
  private Token quoted(int start) {
    i++; // opening quote
    StringBuilder value = new StringBuilder();
    int[] offsets = new int[16];
    boolean template = false;
    while (true) {
      if (i >= s.length() || s.charAt(i) == '\n') {
        throw new SyntaxProblem(
            "the string that starts here is not closed on its line: add '\"'", start, false);
      }
      char c = s.charAt(i);
      if (c == '"') {
        offsets = put(offsets, value.length(), i);
        i++;
        String raw = s.substring(start + 1, i - 1);
        checkLength(value.length(), start);
        return new Token(
            TokenKind.STRING,
            start,
            i,
            s.substring(start, i),
            value.toString(),
            template,
            raw,
            template
                ? rawOffsets(start + 1, raw.length())
                : Arrays.copyOf(offsets, value.length() + 1));
      }
      if ((c == '$' || c == '%') && s.startsWith("{", i + 1)) {
        template = true;
        i = skipInterpolation(i + 2, start);
        continue;
      }
      if ((c == '$' || c == '%')
          && i + 2 < s.length()
          && s.charAt(i + 1) == c
          && s.charAt(i + 2) == '{') {
        // $${ and %%{ escape a literal ${ and %{.
        offsets = put(offsets, value.length(), i);
        value.append(c);
        offsets = put(offsets, value.length(), i + 1);
        value.append('{');
        i += 3;
        continue;
      }
      offsets = put(offsets, value.length(), i);
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new SyntaxProblem("the string ends with a lone '\\'", i, false);
      }
      char e = s.charAt(i + 1);
      switch (e) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case '"' -> value.append('"');
        case '\\' -> value.append('\\');
        case 'u', 'U' -> {
          int len = e == 'u' ? 4 : 8;
          if (i + 2 + len > s.length()) {
            throw new SyntaxProblem("incomplete \\" + e + " escape", i, false);
          }
          int cp;
          try {
            cp = Integer.parseInt(s.substring(i + 2, i + 2 + len), 16);
          } catch (NumberFormatException ex) {
            throw new SyntaxProblem("invalid \\" + e + " escape", i, false);
          }
          if (!Character.isValidCodePoint(cp)) {
            throw new SyntaxProblem("invalid \\" + e + " escape", i, false);
          }
          String chars = new String(Character.toChars(cp));
          value.append(chars.charAt(0));
          if (chars.length() == 2) {
            offsets = put(offsets, value.length(), i);
            value.append(chars.charAt(1));
          }
          i += len;
        }
        default ->
            throw new SyntaxProblem(
                "'\\" + e + "' is not an escape HCL knows (\\n \\r \\t \\\" \\\\ \\u \\U)",
                i,
                false);
      }
      i += 2;
    }
  }

  /**
   * Skips an interpolation or directive body starting just after its '{', with nested braces and
   * strings; returns the offset after its closing '}'.
   */
  private int skipInterpolation(int from, int stringStart) {
    int depth = 0;
    int j = from;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '"') {
        j = skipNestedString(j + 1, stringStart);
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return j + 1;
        }
        depth--;
      }
      j++;
    }
    throw new SyntaxProblem(
        "the interpolation in the string that starts here is not closed: add '}'",
        stringStart,
        false);
  }

  private int skipNestedString(int from, int stringStart) {
    int j = from;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '"') {
        return j + 1;
      }
      if ((c == '$' || c == '%') && s.startsWith("{", j + 1)) {
        j = skipInterpolation(j + 2, stringStart);
        continue;
      }
      j++;
    }
    throw new SyntaxProblem("the string that starts here is not closed", stringStart, false);
  }

  private boolean heredocFollows() {
    int j = i + 2;
    if (j < s.length() && s.charAt(j) == '-') {
      j++;
    }
    return j < s.length() && isIdentStart(s.charAt(j));
  }

  /** {@code <<EOT ... EOT} or {@code <<-EOT ... EOT} (indentation stripped). */
  private Token heredoc(int start) {
    i += 2;
    boolean indented = false;
    if (s.charAt(i) == '-') {
      indented = true;
      i++;
    }
    int nameStart = i;
    while (i < s.length() && isIdentPart(s.charAt(i))) {
      i++;
    }
    String marker = s.substring(nameStart, i);
    int lineEnd = s.indexOf('\n', i);
    if (lineEnd < 0 || !s.substring(i, lineEnd).strip().isEmpty()) {
      throw new SyntaxProblem("a heredoc marker <<" + marker + " must end its line", start, false);
    }
    // Collect the content lines up to the closing marker line.
    List<int[]> lineSpans = new ArrayList<>();
    int lineStart = lineEnd + 1;
    int closeEnd = -1;
    while (lineStart <= s.length()) {
      int end = s.indexOf('\n', lineStart);
      int contentEnd = end < 0 ? s.length() : end;
      int trimmedEnd =
          contentEnd > lineStart && s.charAt(contentEnd - 1) == '\r' ? contentEnd - 1 : contentEnd;
      String line = s.substring(lineStart, trimmedEnd);
      if (line.strip().equals(marker)) {
        closeEnd = trimmedEnd;
        break;
      }
      lineSpans.add(new int[] {lineStart, end < 0 ? s.length() : end + 1});
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
    }
    if (closeEnd < 0) {
      throw new SyntaxProblem(
          "the heredoc opened here is not closed: add a line with " + marker, start, false);
    }
    int strip = 0;
    if (indented) {
      strip = Integer.MAX_VALUE;
      for (int[] span : lineSpans) {
        int k = span[0];
        while (k < span[1] && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
          k++;
        }
        if (k < span[1] && s.charAt(k) != '\n' && s.charAt(k) != '\r') {
          strip = Math.min(strip, k - span[0]);
        }
      }
      if (strip == Integer.MAX_VALUE) {
        strip = 0;
      }
    }
    StringBuilder value = new StringBuilder();
    int[] offsets = new int[64];
    boolean template = false;
    for (int[] span : lineSpans) {
      int k = span[0];
      int skip = 0;
      while (skip < strip && k < span[1] && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
        k++;
        skip++;
      }
      while (k < span[1]) {
        char c = s.charAt(k);
        if ((c == '$' || c == '%') && k + 1 < s.length() && s.charAt(k + 1) == '{') {
          template = true;
        }
        if (c == '\r' && k + 1 < span[1] && s.charAt(k + 1) == '\n') {
          k++;
          continue;
        }
        offsets = put(offsets, value.length(), k);
        value.append(c);
        k++;
      }
    }
    int contentEnd = lineSpans.isEmpty() ? lineEnd + 1 : lineSpans.get(lineSpans.size() - 1)[1];
    offsets = put(offsets, value.length(), contentEnd);
    checkLength(value.length(), start);
    i = closeEnd;
    String raw = value.toString();
    return new Token(
        TokenKind.STRING,
        start,
        closeEnd,
        s.substring(start, closeEnd),
        raw,
        template,
        raw,
        Arrays.copyOf(offsets, value.length() + 1));
  }

  private Token punctuation(int start, char c) {
    i++;
    TokenKind kind;
    switch (c) {
      case '{' -> {
        open.add('{');
        kind = TokenKind.OPEN_BRACE;
      }
      case '}' -> {
        close('{', start);
        kind = TokenKind.CLOSE_BRACE;
      }
      case '[' -> {
        open.add('[');
        kind = TokenKind.OPEN_BRACKET;
      }
      case ']' -> {
        close('[', start);
        kind = TokenKind.CLOSE_BRACKET;
      }
      case '(' -> {
        open.add('(');
        kind = TokenKind.OPEN_PAREN;
      }
      case ')' -> {
        close('(', start);
        kind = TokenKind.CLOSE_PAREN;
      }
      case ',' -> kind = TokenKind.COMMA;
      case '?' -> kind = TokenKind.QUESTION;
      case ':' -> {
        if (i < s.length() && s.charAt(i) == ':') {
          i++;
          kind = TokenKind.DOUBLE_COLON;
        } else {
          kind = TokenKind.COLON;
        }
      }
      case '.' -> {
        if (s.startsWith("..", i)) {
          i += 2;
          kind = TokenKind.ELLIPSIS;
        } else {
          kind = TokenKind.DOT;
        }
      }
      case '=' -> {
        if (i < s.length() && s.charAt(i) == '=') {
          i++;
          kind = TokenKind.OPERATOR;
        } else if (i < s.length() && s.charAt(i) == '>') {
          i++;
          kind = TokenKind.ARROW;
        } else {
          kind = TokenKind.EQUALS;
        }
      }
      case '!', '<', '>' -> {
        if (i < s.length() && s.charAt(i) == '=') {
          i++;
        }
        kind = TokenKind.OPERATOR;
      }
      case '&', '|' -> {
        if (i < s.length() && s.charAt(i) == c) {
          i++;
          kind = TokenKind.OPERATOR;
        } else {
          throw new SyntaxProblem(
              "'" + c + "' is not an operator; did you mean '" + c + c + "'?", start, false);
        }
      }
      case '+', '-', '*', '/', '%' -> kind = TokenKind.OPERATOR;
      default ->
          throw new SyntaxProblem(
              String.format(Locale.ROOT, "unexpected character '%s'", printable(c)), start, false);
    }
    return new Token(kind, start, i, s.substring(start, i), s.substring(start, i));
  }

  private void close(char opener, int at) {
    if (open.isEmpty() || open.get(open.size() - 1) != opener) {
      throw new SyntaxProblem(
          "this '" + s.charAt(at) + "' closes nothing that is open here", at, false);
    }
    open.remove(open.size() - 1);
  }

  private static String printable(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c)
        ? String.format(Locale.ROOT, "\\u%04x", (int) c)
        : String.valueOf(c);
  }

  private void checkLength(int length, int at) {
    if (length > limits.maxStringLength()) {
      throw new SyntaxProblem(
          String.format(
              Locale.ROOT,
              "a string longer than the %,d characters poolcheck reads",
              limits.maxStringLength()),
          at,
          true);
    }
  }

  /** Offsets of a template's raw content, written as is between its quotes. */
  private static int[] rawOffsets(int from, int length) {
    int[] map = new int[length + 1];
    for (int k = 0; k <= length; k++) {
      map[k] = from + k;
    }
    return map;
  }

  private static int[] put(int[] map, int index, int offset) {
    int[] m = index < map.length ? map : Arrays.copyOf(map, Math.max(index + 1, map.length * 2));
    m[index] = offset;
    return m;
  }
}
