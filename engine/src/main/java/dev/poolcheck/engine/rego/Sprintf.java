package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rego's {@code sprintf(format, values)} for policies run by {@link OpaInstance}: the one built-in
 * function the poolcheck policies need from their host. It follows OPA's own implementation
 * (topdown {@code builtinSprintf}, open-policy-agent/opa v1 {@code topdown/strings.go}), which
 * hands the values to Go's {@code fmt.Sprintf}: integers as integers, other numbers as {@code
 * float64}, strings as strings, anything else as its Rego text ({@code ["a", 1]}, {@code {"k":
 * true}}).
 *
 * <p>Supported verbs: {@code %s %v %d %q %f %t %%}, with the flags {@code -+0 }, a width and a
 * precision. A verb that does not fit its value prints as Go does, for example {@code
 * %!d(string=abc)}; missing values print {@code %!d(MISSING)}; extra values are appended as {@code
 * %!(EXTRA string=x)}.
 */
final class Sprintf {

  private Sprintf() {}

  /** Formats as OPA's sprintf does. */
  static String format(String format, JsonNode values) {
    Object[] args = new Object[values.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = argument(values.get(i));
    }
    // OPA's fast path: sprintf("%d", [n]) for an integer is its decimal text.
    if (format.equals("%d") && args.length == 1 && args[0] instanceof BigInteger n) {
      return n.toString();
    }
    StringBuilder out = new StringBuilder(format.length() + 16 * args.length);
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      Spec spec = new Spec();
      while (i < format.length() && "-+ 0#".indexOf(format.charAt(i)) >= 0) {
        switch (format.charAt(i)) {
          case '-' -> spec.minus = true;
          case '+' -> spec.plus = true;
          case ' ' -> spec.space = true;
          case '0' -> spec.zero = true;
          default -> spec.sharp = true;
        }
        i++;
      }
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      spec.width = i > start ? Integer.parseInt(format.substring(start, i)) : -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        start = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (next >= args.length) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      out.append(pad(spec, formatOne(verb, spec, args[next++])));
    }
    if (next < args.length) {
      out.append("%!(EXTRA ");
      for (int a = next; a < args.length; a++) {
        if (a > next) {
          out.append(", ");
        }
        out.append(typeName(args[a])).append('=').append(plain(args[a]));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static final class Spec {
    boolean minus;
    boolean plus;
    boolean space;
    boolean zero;
    boolean sharp;
    int width = -1;
    int precision = -1;
  }

  /** The Go value OPA passes for one array element. */
  private static Object argument(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return new RegoText(regoText(value));
  }

  /** A value OPA passes as its Rego text (a string to Go, but named for what it is). */
  private record RegoText(String text) {}

  private static String formatOne(char verb, Spec spec, Object arg) {
    if (arg instanceof RegoText text) {
      arg = text.text();
    }
    if (arg instanceof String s) {
      return switch (verb) {
        case 's', 'v' -> spec.precision >= 0 ? truncate(s, spec.precision) : s;
        case 'q' -> goQuote(s);
        default -> bad(verb, arg);
      };
    }
    if (arg instanceof BigInteger n) {
      return switch (verb) {
        case 'd', 'v' -> signed(spec, n.toString());
        default -> bad(verb, arg);
      };
    }
    double f = (Double) arg;
    return switch (verb) {
      case 'v', 'g' -> signed(spec, shortestG(f));
      case 'f', 'F' ->
          signed(
              spec,
              new BigDecimal(f)
                  .setScale(
                      spec.precision < 0 ? 6 : spec.precision, java.math.RoundingMode.HALF_EVEN)
                  .toPlainString());
      default -> bad(verb, arg);
    };
  }

  private static String signed(Spec spec, String digits) {
    if (!digits.startsWith("-")) {
      if (spec.plus) {
        return "+" + digits;
      }
      if (spec.space) {
        return " " + digits;
      }
    }
    return digits;
  }

  private static String pad(Spec spec, String text) {
    int length = text.codePointCount(0, text.length());
    if (spec.width <= length) {
      return text;
    }
    String fill = (spec.zero && !spec.minus ? "0" : " ").repeat(spec.width - length);
    if (spec.minus) {
      return text + fill;
    }
    if (spec.zero && !text.isEmpty() && "+- ".indexOf(text.charAt(0)) >= 0) {
      return text.charAt(0) + fill + text.substring(1);
    }
    return fill + text;
  }

  private static String truncate(String s, int codePoints) {
    return s.codePointCount(0, s.length()) <= codePoints
        ? s
        : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  private static String bad(char verb, Object arg) {
    return "%!" + verb + "(" + typeName(arg) + "=" + plain(arg) + ")";
  }

  private static String typeName(Object arg) {
    if (arg instanceof BigInteger n) {
      return n.bitLength() < 64 ? "int64" : "*big.Int";
    }
    return arg instanceof Double ? "float64" : "string";
  }

  private static String plain(Object arg) {
    if (arg instanceof Double d) {
      return shortestG(d);
    }
    return arg instanceof RegoText text ? text.text() : arg.toString();
  }

  /** Go's {@code %v} of a float64: {@code strconv.FormatFloat(f, 'g', -1, 64)}. */
  static String shortestG(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int pointAt = digits.length() - exact.scale(); // digits before the decimal point
    int exponent = pointAt - 1;
    StringBuilder out = new StringBuilder();
    if (f < 0) {
      out.append('-');
    }
    // Shortest formatting decides with precision 6, as strconv does for 'g' with precision -1.
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      out.append(abs < 10 ? "0" : "").append(abs);
    } else if (pointAt <= 0) {
      out.append("0.").append("0".repeat(-pointAt)).append(digits);
    } else if (pointAt >= digits.length()) {
      out.append(digits).append("0".repeat(pointAt - digits.length()));
    } else {
      out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
    return out.toString();
  }

  /** Go's {@code strconv.Quote} for the characters JSON can carry. */
  private static String goQuote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A value as OPA prints a Rego term: JSON with ", " and ": " separators, keys sorted. */
  static String regoText(JsonNode value) {
    StringBuilder out = new StringBuilder();
    appendRego(out, value);
    return out.toString();
  }

  private static void appendRego(StringBuilder out, JsonNode value) {
    if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        appendRego(out, value.get(i));
      }
      out.append(']');
    } else if (value.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        sorted.put(field.getKey(), field.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()))
            .append(": ");
        appendRego(out, field.getValue());
      }
      out.append('}');
    } else {
      out.append(value.toString());
    }
  }
}
