package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The secret values of a document: every scalar under {@code protectedSettings}, values of
 * secret-looking keys (passwords, keys, tokens, SAS, connection strings) and strings that look like
 * SAS URLs or connection strings wherever they are. ARM expressions are not secrets. Reports use
 * this to mask source excerpts and to scrub messages, so that no output ever shows a secret.
 */
public final class SecretValues {

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|pwd|secret|token|credential|connectionstring|sas(url|uri|token)?"
              + "|privatekey|accountkey|workspacekey|storagekey|apikey|sharedkey|primarykey"
              + "|secondarykey|[a-z]key)$");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(?i).*([?&]sig=|accountkey=|sharedaccesskey=|password=|-----begin).*", Pattern.DOTALL);

  private final List<SourceRange> ranges;
  private final Set<String> literals;

  private final boolean unparsed;

  private SecretValues(List<SourceRange> ranges, Set<String> literals, boolean unparsed) {
    this.ranges = ranges;
    this.literals = literals;
    this.unparsed = unparsed;
  }

  public static SecretValues none() {
    return new SecretValues(List.of(), Set.of(), false);
  }

  /** Finds the secrets of a parsed document. */
  public static SecretValues of(ParsedDocument doc) {
    return of(doc, List.of());
  }

  /**
   * Finds the secrets of a parsed document and of its pools, whose canonical form also holds what
   * was parsed out of strings (stringified extension settings).
   */
  public static SecretValues of(ParsedDocument doc, List<PoolDocument> pools) {
    if (doc.root().isEmpty()) {
      return new SecretValues(List.of(), Set.of(), true);
    }
    List<SourceRange> ranges = new ArrayList<>();
    Set<String> literals = new HashSet<>();
    walk(
        doc.root().get(),
        JsonPointer.empty(),
        false,
        p -> doc.positions().value(p),
        ranges,
        literals);
    for (PositionIndex.Shadowed s : doc.positions().shadowed()) {
      // Values lost to a duplicate key: inner positions are gone, so mask the whole value.
      Set<String> found = new HashSet<>();
      List<SourceRange> ignored = new ArrayList<>();
      walk(
          s.value(),
          JsonPointer.empty(),
          isSecretPath(s.pointer()),
          p -> Optional.empty(),
          ignored,
          found);
      boolean secretScalar =
          s.value().isValueNode() && (isSecretPath(s.pointer()) || looksSecret(s.value().asText()));
      if (!found.isEmpty() || secretScalar) {
        ranges.add(s.range());
        literals.addAll(found);
      }
    }
    for (PoolDocument pool : pools) {
      walk(
          pool.canonical(),
          JsonPointer.empty(),
          false,
          p -> doc.positions().value(pool.pointers().toSource(p)),
          ranges,
          literals);
    }
    return new SecretValues(List.copyOf(ranges), Set.copyOf(literals), false);
  }

  /**
   * Whether a member name looks like it holds a secret ({@code workspaceKey}, {@code password}).
   */
  public static boolean isSecretKey(String name) {
    return SECRET_KEY.matcher(name).matches() && !name.equalsIgnoreCase("type");
  }

  /** Whether a member on the way to {@code pointer} is protectedSettings or looks secret. */
  private static boolean isSecretPath(String pointer) {
    for (String token : pointer.split("/")) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (name.equals("protectedSettings") || isSecretKey(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a string looks like a secret wherever it is (SAS URL, connection string, PEM key). */
  public static boolean looksSecret(String value) {
    return SECRET_VALUE.matcher(value).matches();
  }

  /** An ARM template expression such as {@code [parameters('key')]} (not {@code [[} escaped). */
  public static boolean isArmExpression(String value) {
    return value.startsWith("[") && !value.startsWith("[[") && value.endsWith("]");
  }

  private static void walk(
      JsonNode node,
      JsonPointer ptr,
      boolean secret,
      Function<String, Optional<SourceRange>> positions,
      List<SourceRange> ranges,
      Set<String> literals) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        boolean childSecret = secret || k.equals("protectedSettings") || isSecretKey(k);
        walk(e.getValue(), ptr.appendProperty(k), childSecret, positions, ranges, literals);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), ptr.appendIndex(i), secret, positions, ranges, literals);
      }
    } else if (node.isValueNode() && !node.isNull() && !node.isBoolean()) {
      String text = node.asText();
      boolean isSecret = (secret || looksSecret(text)) && !isArmExpression(text);
      if (isSecret && !text.isEmpty()) {
        positions.apply(ptr.toString()).ifPresent(ranges::add);
        if (text.length() >= 4) {
          literals.add(text);
        }
      }
    }
  }

  /**
   * The line with every secret value on it, and every copy of one, replaced by asterisks of the
   * same length. For a document that could not be parsed, values of secret-looking keys and
   * secret-looking strings on the line are masked as well as the line's text allows.
   */
  public String mask(int lineNumber, String line) {
    if (unparsed) {
      return maskUnparsed(line);
    }
    char[] chars = line.toCharArray();
    for (SourceRange r : ranges) {
      int startLine = r.start().line();
      int endLine = r.end().line();
      if (lineNumber < startLine || lineNumber > endLine) {
        continue;
      }
      int from = lineNumber == startLine ? r.start().column() - 1 : 0;
      int to = lineNumber == endLine ? r.end().column() - 1 : chars.length;
      // Keep the quotes of a JSON string so the line still reads as JSON.
      if (from < chars.length && (chars[from] == '"' || chars[from] == '\'')) {
        from++;
        if (to - 1 > from && to - 1 < chars.length && chars[to - 1] == chars[from - 1]) {
          to--;
        }
      }
      for (int i = Math.max(0, from); i < Math.min(to, chars.length); i++) {
        chars[i] = '*';
      }
    }
    // A secret copied somewhere that is not secret itself (a command line, a message) is a secret
    // there too.
    for (String secret : literals) {
      for (int at = line.indexOf(secret); at >= 0; at = line.indexOf(secret, at + 1)) {
        java.util.Arrays.fill(chars, at, at + secret.length(), '*');
      }
    }
    return new String(chars);
  }

  // A quoted or plain scalar after a key: "key": "value" (JSON) or key: value (YAML). Possessive,
  // so that a long string costs one loop step per escape rather than one recursion per character.
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "([\"']?)([A-Za-z0-9_.-]++)\\1\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"?|'[^']*+'?|[^\\s,{}\\[\\]#][^,{}#]*+)");

  /** Longest line of an unparsed document searched for secrets; the rest is masked unread. */
  static final int MAX_UNPARSED_LINE = 4096;

  private static String maskUnparsed(String fullLine) {
    // The search is quadratic in the worst case, so a very long line is cut and its tail masked.
    String line =
        fullLine.length() > MAX_UNPARSED_LINE ? fullLine.substring(0, MAX_UNPARSED_LINE) : fullLine;
    java.util.regex.Matcher m = KEY_VALUE.matcher(line);
    StringBuilder out = new StringBuilder(fullLine);
    for (int i = line.length(); i < fullLine.length(); i++) {
      out.setCharAt(i, '*');
    }
    while (m.find()) {
      String value = m.group(3);
      String bare = value.replaceAll("^[\"']|[\"']$", "");
      if ((isSecretKey(m.group(2)) || looksSecret(bare)) && !isArmExpression(bare.trim())) {
        for (int i = m.start(3); i < m.end(3); i++) {
          char c = line.charAt(i);
          if (c != '"' && c != '\'') {
            out.setCharAt(i, '*');
          }
        }
      }
    }
    return out.toString();
  }

  /** The text with every secret literal of this document replaced by {@code ***}. */
  public String scrub(String text) {
    String out = text;
    for (String s : literals) {
      if (out.contains(s)) {
        out = out.replace(s, "***");
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return ranges.isEmpty() && literals.isEmpty();
  }
}
