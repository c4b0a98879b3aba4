package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.poolcheck.engine.report.SourcePosition;
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
    return "the JSON is malformed at " + at + ": " + PositionedReader.firstSentence(m);
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
      problem = PositionedReader.firstSentence(e.getOriginalMessage());
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
