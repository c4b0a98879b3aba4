package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.poolcheck.engine.model.SourcePosition;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jackson's and SnakeYAML's parser messages into sentences a user can act on: what is
 * wrong at the position, and what to write instead.
 */
final class SyntaxMessages {

  private static final Pattern UNEXPECTED_CHAR =
      Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
  private static final Pattern CLOSE_MARKER =
      Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");

  private SyntaxMessages() {}

  static String json(String original, SourcePosition at, SourcePosition openedAt) {
    String m = original == null ? "" : original;
    Matcher close = CLOSE_MARKER.matcher(m);
    if (close.find()) {
      return "'"
          + close.group(1)
          + "' at "
          + at
          + " closes nothing open here: the "
          + ("]".equals(close.group(2)) ? "array" : "object")
          + (openedAt != null ? " opened at " + openedAt : "")
          + " needs '"
          + close.group(2)
          + "' first";
    }
    Matcher unrecognized = UNRECOGNIZED.matcher(m);
    if (unrecognized.find()) {
      return "'"
          + abbreviate(unrecognized.group(1))
          + "' at "
          + at
          + " is not a JSON value: strings need double quotes; the literals are true, false"
          + " and null (lower case)";
    }
    Matcher unexpected = UNEXPECTED_CHAR.matcher(m);
    String ch = unexpected.find() ? describe(unexpected.group(1)) : "this character";
    if (m.contains("comma to separate Object entries")) {
      return "a ',' is missing before " + ch + " at " + at + " (between two members of an object)";
    }
    if (m.contains("comma to separate Array entries")) {
      return "a ',' is missing before " + ch + " at " + at + " (between two items of an array)";
    }
    if (m.contains("colon to separate field name and value")) {
      return "a ':' is missing after the key, before " + ch + " at " + at;
    }
    if (m.contains("double-quote to start field name")) {
      if (ch.equals("'}'")) {
        return "a trailing ',' before '}' at " + at + " is not allowed in JSON: remove the comma";
      }
      if (ch.equals("'''")) {
        return "keys need double quotes, not single quotes (at " + at + ")";
      }
      return "a key in double quotes is expected at " + at + ", found " + ch;
    }
    if (m.contains("maybe a (non-standard) comment")) {
      return "comments are not allowed in JSON (at " + at + "): remove it";
    }
    if (m.contains("expected a valid value") || m.contains("expected a value")) {
      if (ch.equals("']'")) {
        return "a trailing ',' before ']' at " + at + " is not allowed in JSON: remove the comma";
      }
      if (ch.equals("'''")) {
        return "strings need double quotes, not single quotes (at " + at + ")";
      }
      return "a value is expected at " + at + ", found " + ch;
    }
    if (m.contains("Illegal unquoted character")) {
      return "a control character (such as a line break or tab) at "
          + at
          + " must be escaped inside a JSON string: write \\n or \\t";
    }
    if (m.contains("Unrecognized character escape")) {
      return "'\\' at " + at + " starts no valid escape: write '\\\\' for a backslash";
    }
    if (m.contains("Leading zeroes")) {
      return "numbers may not start with 0 (at "
          + at
          + "); write the number as a string if it"
          + " is an identifier";
    }
    if (m.contains("Invalid numeric value") || m.contains("Non-standard token")) {
      return "the number at " + at + " is not valid JSON";
    }
    return "the JSON is malformed at " + at + ": " + firstSentence(m);
  }

  static String yaml(JsonProcessingException e, PositionedReader.SourceMap map, LineStarts lines) {
    Throwable cause = e.getCause();
    String problem;
    String context = null;
    SourcePosition contextAt = null;
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
      problem = y.getProblem();
      context = y.getContext();
      if (y.getContextMark() != null) {
        contextAt = map.at(lines.charOffset(y.getContextMark().getIndex()));
      }
    } else {
      problem = firstSentence(e.getOriginalMessage());
    }
    problem = problem == null ? "" : problem;
    String friendly;
    if (problem.contains("mapping values are not allowed here")) {
      friendly =
          "a ':' is not allowed here: quote a value that contains ': ', or put a nested mapping"
              + " on its own indented lines";
    } else if (problem.contains("could not find expected ':'")) {
      friendly = "a key is missing its ':' (or the indentation is wrong)";
    } else if (problem.contains("cannot start any token") && problem.contains("\\t")) {
      friendly = "a tab cannot indent YAML: use spaces";
    } else if (problem.contains("but got <stream end>")
        || problem.contains("found unexpected end of stream")) {
      friendly = "the YAML ends before the collection or quoted string is closed";
    } else if (problem.contains("expected <block end>")) {
      friendly = "the indentation is inconsistent: this line does not line up with its siblings";
    } else if (problem.contains("found undefined alias")) {
      friendly = problem.replace("found undefined alias", "alias refers to no anchor:");
    } else if (problem.contains("found duplicate anchor")) {
      friendly = "an anchor name is defined twice";
    } else {
      friendly = problem;
    }
    StringBuilder m = new StringBuilder("YAML syntax error: ").append(friendly);
    if (context != null && contextAt != null) {
      m.append(" (").append(context.trim()).append(" at ").append(contextAt).append(')');
    }
    return m.toString();
  }

  /** An object or array still open where the input ends, and where it was opened. */
  record OpenContainer(boolean object, SourcePosition openedAt) {}

  /** A finding id with its message. */
  record Failure(String id, String message) {}

  /**
   * The input ends too early.
   *
   * @param open the containers still open, innermost first
   * @param lastChar the last character before trailing white space ({@code '\0'} for none)
   * @param afterFieldName whether the last token read was a key
   */
  static String endOfInput(
      String original, char lastChar, List<OpenContainer> open, boolean afterFieldName) {
    String inString =
        original.contains("VALUE_STRING")
                || original.contains("quote")
                || original.contains("field name")
            ? "the JSON ends inside a string: close it with '\"'"
            : null;
    if (open.isEmpty()) {
      return inString != null ? inString : "the JSON ends before its value is complete";
    }
    StringBuilder closers = new StringBuilder();
    for (OpenContainer c : open) {
      closers.append(c.object() ? '}' : ']');
    }
    OpenContainer outer = open.get(open.size() - 1);
    OpenContainer inner = open.get(0);
    StringBuilder m = new StringBuilder();
    if (inString != null) {
      m.append(inString).append("; ");
    } else if (afterFieldName || lastChar == ':') {
      m.append("a value is missing after the last ':'; ");
    } else if (lastChar == ',') {
      m.append("the last ',' is followed by nothing; ");
    }
    m.append("the JSON ends before the ")
        .append(outer.object() ? "object" : "array")
        .append(" opened at ")
        .append(outer.openedAt())
        .append(" is closed");
    if (open.size() > 1) {
      m.append(" (")
          .append(open.size())
          .append(" objects/arrays are still open, the innermost opened at ")
          .append(inner.openedAt())
          .append(")");
    }
    return m.append(": add '").append(closers).append("' at the end").toString();
  }

  /** A reading limit of the parser ({@code StreamReadConstraints}) was hit. */
  static String readingLimit(String original, LoaderLimits limits) {
    if (original.contains("nesting depth")) {
      return "the document nests objects and arrays more than "
          + limits.maxNestingDepth()
          + " levels deep; poolcheck stops reading here";
    } else if (original.contains("String value length") || original.contains("Name length")) {
      return "a string or key is longer than " + limits.maxStringLength() + " characters";
    } else if (original.contains("Number value length")) {
      return "a number has more digits than poolcheck reads (" + firstSentence(original) + ")";
    }
    return "the document exceeds a reading limit: " + firstSentence(original);
  }

  /** A failure other than a syntax error: SnakeYAML's own limits, a stack overflow, anything. */
  static Failure otherFailure(Throwable e, LoaderLimits limits) {
    String m = String.valueOf(e.getMessage());
    if (e instanceof StackOverflowError) {
      return new Failure(
          DocumentFindings.UNREADABLE_INPUT, "the document is nested too deeply to read");
    } else if (m.contains("exceeds the limit") || m.contains("code points")) {
      return new Failure(
          DocumentFindings.UNREADABLE_INPUT, "the YAML document is larger than poolcheck reads");
    } else if (m.contains("aliases") || m.contains("Number of aliases")) {
      return new Failure(
          DocumentFindings.UNREADABLE_INPUT,
          "the YAML uses too many aliases; this looks like an alias bomb ('billion laughs')");
    } else if (m.contains("Nesting Depth") || m.contains("nesting")) {
      return new Failure(
          DocumentFindings.UNREADABLE_INPUT,
          "the document nests more than " + limits.maxNestingDepth() + " levels deep");
    }
    return new Failure(
        DocumentFindings.SYNTAX_ERROR, "the document cannot be parsed: " + firstSentence(m));
  }

  /** The first line of a parser message, without Jackson's parenthesised location details. */
  static String firstSentence(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    int paren = line.indexOf(" (");
    return (paren > 0 ? line.substring(0, paren) : line).trim();
  }

  private static String describe(String ch) {
    switch (ch) {
      case "\\n":
      case "\n":
        return "a line break";
      default:
        return "'" + ch + "'";
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
