package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of one file, collected before anything about the file is reported, and the one
 * redactor every string about the file passes through on its way out (messages, pointers, tool
 * errors, excerpts; baselines and stderr are written from those).
 *
 * <p>What is secret ({@link SecretDefinition#masker()}, the same file the Rego secret rule reads):
 * every scalar under {@code protectedSettings}, values of secret-looking keys, keys and values that
 * look like SAS URLs, connection strings with a key or PEM private keys, and values lost to a
 * duplicate key. The source text is searched too, by pattern, so that what the parsed tree does not
 * hold (a file that did not parse, a comment, a token a parser quotes) is found as well. ARM
 * expressions such as {@code [parameters('adminPassword')]} are not secrets, in ARM templates only.
 *
 * <p>Each secret is hidden in every form it may take ({@link Redactor}): as written, escaped, with
 * its whitespace collapsed, or cut to a prefix of 8 or more characters.
 */
public final class SecretValues {

  private static final SecretDefinition SECRETS = SecretDefinition.masker();

  private final List<SourceRange> ranges;
  private final Map<Integer, List<SourceRange>> rangesByLine = new HashMap<>();
  private final Redactor redactor;
  private final boolean unparsed;

  private SecretValues(List<SourceRange> ranges, Redactor redactor, boolean unparsed) {
    this.ranges = ranges;
    this.redactor = redactor;
    this.unparsed = unparsed;
    for (SourceRange r : ranges) {
      for (int line = r.start().line(); line <= r.end().line(); line++) {
        rangesByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(r);
      }
    }
  }

  public static SecretValues none() {
    return new SecretValues(List.of(), Redactor.none(), false);
  }

  /** One document of a file and what the extractor made of it. */
  public record Part(ParsedDocument document, List<PoolDocument> pools, boolean armTemplate) {}

  /** The secrets of a whole file: every document, its pools and its source text. */
  public static SecretValues ofFile(SourceFile source, List<Part> parts) {
    List<SourceRange> ranges = new ArrayList<>();
    Set<String> literals = new LinkedHashSet<>();
    boolean unparsed = false;
    for (Part part : parts) {
      ParsedDocument doc = part.document();
      if (doc.root().isEmpty()) {
        unparsed = true;
        continue;
      }
      boolean arm = part.armTemplate();
      walk(
          doc.root().get(),
          JsonPointer.empty(),
          false,
          arm,
          p -> doc.positions().value(p),
          ranges,
          literals);
      for (PositionIndex.Shadowed s : doc.positions().shadowed()) {
        // Values lost to a duplicate key: inner positions are gone, so mask the whole value.
        Set<String> found = new LinkedHashSet<>();
        walk(
            s.value(),
            JsonPointer.empty(),
            isSecretPath(s.pointer()),
            arm,
            p -> Optional.empty(),
            new ArrayList<>(),
            found);
        boolean secretScalar =
            s.value().isValueNode()
                && (isSecretPath(s.pointer()) || SECRETS.isSecretValue(s.value().asText()));
        if (!found.isEmpty() || secretScalar) {
          ranges.add(s.range());
          literals.addAll(found);
          if (secretScalar) {
            literals.add(s.value().asText());
          }
        }
      }
      for (PoolDocument pool : part.pools()) {
        walk(
            pool.canonical(),
            JsonPointer.empty(),
            false,
            arm,
            p -> doc.positions().value(pool.pointers().toSource(p)),
            ranges,
            literals);
      }
    }
    literals.addAll(SourcePatterns.secretsIn(source.text()));
    return new SecretValues(List.copyOf(ranges), Redactor.of(literals), unparsed);
  }

  /**
   * Whether a member name looks like it holds a secret ({@code workspaceKey}, {@code password}).
   */
  public static boolean isSecretKey(String name) {
    return SECRETS.isSecretKey(name);
  }

  /** Whether a string looks like a secret wherever it is (SAS URL, connection string, PEM key). */
  public static boolean looksSecret(String value) {
    return SECRETS.isSecretValue(value);
  }

  /** An ARM template expression such as {@code [parameters('key')]} (not {@code [[} escaped). */
  public static boolean isArmExpression(String value) {
    return value.startsWith("[") && !value.startsWith("[[") && value.endsWith("]");
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

  private static void walk(
      JsonNode node,
      JsonPointer ptr,
      boolean secret,
      boolean arm,
      Function<String, Optional<SourceRange>> positions,
      List<SourceRange> ranges,
      Set<String> literals) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if (SECRETS.isSecretValue(k)) {
          literals.add(k); // a SAS URL used as a key is as secret as one used as a value
        }
        boolean childSecret = secret || k.equals("protectedSettings") || isSecretKey(k);
        walk(e.getValue(), ptr.appendProperty(k), childSecret, arm, positions, ranges, literals);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), ptr.appendIndex(i), secret, arm, positions, ranges, literals);
      }
    } else if (node.isValueNode() && !node.isNull() && !node.isBoolean()) {
      String text = node.asText();
      boolean isSecret =
          (secret || SECRETS.isSecretValue(text)) && !(arm && isArmExpression(text.strip()));
      if (isSecret && !text.isEmpty()) {
        positions.apply(ptr.toString()).ifPresent(ranges::add);
        literals.add(text);
      }
    }
  }

  /**
   * The line with every secret value on it, and every copy of one, replaced by asterisks of the
   * same length. For a document that could not be parsed, values of secret-looking keys and
   * secret-looking strings on the line are masked as well as the line's text allows.
   */
  public String mask(int lineNumber, String line) {
    char[] chars = line.toCharArray();
    for (SourceRange r : rangesByLine.getOrDefault(lineNumber, List.of())) {
      int startLine = r.start().line();
      int endLine = r.end().line();
      int from = lineNumber == startLine ? r.start().column() - 1 : 0;
      int to = lineNumber == endLine ? r.end().column() - 1 : chars.length;
      // Keep the quotes of a JSON string so the line still reads as JSON.
      if (from >= 0 && from < chars.length && (chars[from] == '"' || chars[from] == '\'')) {
        from++;
        if (to - 1 > from && to - 1 < chars.length && chars[to - 1] == chars[from - 1]) {
          to--;
        }
      }
      for (int i = Math.max(0, from); i < Math.min(to, chars.length); i++) {
        chars[i] = '*';
      }
    }
    String masked = redactor.mask(new String(chars));
    return unparsed ? SourcePatterns.maskLine(masked) : masked;
  }

  /** The text with every secret of this file, in any of its forms, replaced by {@code ***}. */
  public String scrub(String text) {
    return redactor.redact(text);
  }

  public boolean isEmpty() {
    return ranges.isEmpty() && redactor.isEmpty();
  }

  /**
   * Secrets found in source text by pattern, without parsing it: values after secret-looking keys
   * (on the same line or the next), SAS signatures, connection-string keys and passwords, PEM
   * private key blocks. Each search is linear in the text's length: a key is tried only where a run
   * of key characters starts, for at most 128 of them, and each match consumes what it matched.
   */
  static final class SourcePatterns {

    private SourcePatterns() {}

    // A quoted or plain scalar after a key: "key": "value" (JSON) or key: value (YAML).
    private static final Pattern KEY_VALUE =
        Pattern.compile(
            "(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z0-9_.-]{1,128}+)\\1[ \\t]*[:=][ \\t]*(\"(?:[^\"\\\\\\n]++|\\\\.)*+\"?|'[^'\\n]*+'?|[^\\s,{}\\[\\]#\"'|>][^,{}#\\n]*+)?");
    private static final Pattern SIG =
        Pattern.compile("(?i)(?:^|[?&\\s\"'])sig=([^&\\s\"',;}\\]]{4,})");
    private static final Pattern CONNECTION_KEY =
        Pattern.compile(
            "(?i)(?:^|[;\"'\\s])(?:pwd|password|accountkey|sharedaccesskey|sharedaccesssignature)[ \\t]*=[ \\t]*([^;\"'\\n]{4,})");
    private static final Pattern PEM_BEGIN =
        Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----");
    private static final Pattern NEXT_VALUE =
        Pattern.compile(
            "\\G\\s*(\"(?:[^\"\\\\\\n]++|\\\\.)*+\"?|'[^'\\n]*+'?|[^\\s,{}\\[\\]#][^,{}#\\n]*+)");

    static Set<String> secretsIn(String text) {
      Set<String> out = new LinkedHashSet<>();
      Matcher m = KEY_VALUE.matcher(text);
      while (m.find()) {
        if (!SECRETS.isSecretKey(m.group(2))) {
          continue;
        }
        String value = m.group(3);
        if (value == null || value.isBlank()) {
          // The value is on the next line (a JSON value after a line break, a YAML block).
          Matcher next = NEXT_VALUE.matcher(text);
          next.region(m.end(), text.length());
          if (next.lookingAt()) {
            value = next.group(1);
          }
        }
        addValue(out, value);
      }
      for (Pattern p : List.of(SIG, CONNECTION_KEY)) {
        Matcher v = p.matcher(text);
        while (v.find()) {
          addValue(out, v.group(1));
        }
      }
      for (int[] body : pemBodies(text)) {
        String found = text.substring(body[0], body[1]);
        addValue(out, found);
        for (String line : found.split("\\R")) {
          addValue(out, line);
        }
      }
      return out;
    }

    /** Start and end of the body of each PEM private key block; one pass over the text. */
    static List<int[]> pemBodies(String text) {
      List<int[]> out = new ArrayList<>();
      Matcher begin = PEM_BEGIN.matcher(text);
      int from = 0;
      while (from < text.length() && begin.find(from)) {
        int end = text.indexOf("-----END", begin.end());
        int stop = end < 0 ? text.length() : end;
        out.add(new int[] {begin.end(), stop});
        from = end < 0 ? text.length() : end + 8;
      }
      return out;
    }

    private static void addValue(Set<String> out, String raw) {
      if (raw == null) {
        return;
      }
      String value = raw.strip();
      if (value.length() >= 2
          && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      } else if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
        value = value.substring(1);
      }
      value = value.strip();
      if (value.length() >= Redactor.MIN_SECRET && !value.equals("null")) {
        out.add(value);
      }
    }

    /** Longest line of an unparsed document searched for secrets; the rest is masked unread. */
    static final int MAX_UNPARSED_LINE = 4096;

    /** Masks, on a line of a file that did not parse, whatever the patterns take for a secret. */
    static String maskLine(String fullLine) {
      String line =
          fullLine.length() > MAX_UNPARSED_LINE
              ? fullLine.substring(0, MAX_UNPARSED_LINE)
              : fullLine;
      StringBuilder out = new StringBuilder(fullLine);
      for (int i = line.length(); i < fullLine.length(); i++) {
        out.setCharAt(i, '*');
      }
      Matcher m = KEY_VALUE.matcher(line);
      while (m.find()) {
        if (m.group(3) != null && SECRETS.isSecretKey(m.group(2))) {
          star(out, line, m.start(3), m.end(3));
        }
      }
      for (Pattern p : List.of(SIG, CONNECTION_KEY)) {
        Matcher v = p.matcher(line);
        while (v.find()) {
          star(out, line, v.start(1), v.end(1));
        }
      }
      for (int[] body : pemBodies(line)) {
        star(out, line, body[0], body[1]);
      }
      // A line inside a PEM block, or a bare run of base64 long enough to be key material.
      if (line.strip().matches("[A-Za-z0-9+/=]{40,}")) {
        star(out, line, 0, line.length());
      }
      return out.toString();
    }

    private static void star(StringBuilder out, String line, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = line.charAt(i);
        if (c != '"' && c != '\'') {
          out.setCharAt(i, '*');
        }
      }
    }
  }
}
