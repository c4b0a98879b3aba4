package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a secret looks like, read from {@code policies/rego/secrets/data.json}: the same file the
 * Rego rule {@code extension-secret-in-settings} reads as {@code data.secrets.definition}, so the
 * rule and the masker cannot drift apart. The masker uses the rule's definition plus the file's
 * {@code maskOnly} part (hiding a value that is not secret costs little; flagging one is a false
 * positive).
 */
public final class SecretDefinition {

  static final String RESOURCE = "/dev/poolcheck/secrets/data.json";

  /** What every value pattern that has no {@code =} in it needs (see isSecretValue). */
  static final String PEM_HEADER = "-----BEGIN";

  private static final SecretDefinition MASKER = load(true);
  private static final SecretDefinition RULE = load(false);

  private final Set<String> keyNames;
  private final List<String> keyEndings;
  private final List<Pattern> valuePatterns;

  private SecretDefinition(
      Set<String> keyNames, List<String> keyEndings, List<Pattern> valuePatterns) {
    this.keyNames = keyNames;
    this.keyEndings = keyEndings;
    this.valuePatterns = valuePatterns;
  }

  /** What the masker hides: the rule's definition and {@code maskOnly}. */
  public static SecretDefinition masker() {
    return MASKER;
  }

  /** What the secret rule flags (for tests that hold the masker to a superset of it). */
  public static SecretDefinition rule() {
    return RULE;
  }

  /** A key name as the definition compares it: lower case, without {@code _ - .}. */
  public static String normalised(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
  }

  /** Whether a member with this name holds a secret. */
  public boolean isSecretKey(String key) {
    String n = normalised(key);
    if (keyNames.contains(n)) {
      return true;
    }
    for (String ending : keyEndings) {
      if (n.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a string gives itself away as a secret (SAS signature, connection string, PEM key). */
  public boolean isSecretValue(String value) {
    // Every value pattern needs an '=' (sig=, AccountKey=, ...) or a PEM header; most values have
    // neither, and a string search is far cheaper than running each pattern (a tenth of the masking
    // work in a profile of 10,000 files). SecretDefinitionTest holds the patterns to this.
    if (value.indexOf('=') < 0 && !value.contains(PEM_HEADER)) {
      return false;
    }
    for (Pattern p : valuePatterns) {
      if (p.matcher(value).find()) {
        return true;
      }
    }
    return false;
  }

  List<Pattern> valuePatterns() {
    return valuePatterns;
  }

  private static SecretDefinition load(boolean withMaskOnly) {
    JsonNode root;
    try (InputStream in = SecretDefinition.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> names = new LinkedHashSet<>();
    List<String> endings = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    List<JsonNode> parts = new ArrayList<>(List.of(root.path("definition")));
    if (withMaskOnly) {
      parts.add(root.path("maskOnly"));
    }
    for (JsonNode part : parts) {
      part.path("keyNames").forEach(n -> names.add(n.asText()));
      part.path("keyEndings").forEach(n -> endings.add(n.asText()));
      // RE2 (Rego) and java.util.regex agree on the subset the file uses: (?i), classes, \s, ^.
      part.path("valuePatterns").forEach(n -> patterns.add(Pattern.compile(n.asText())));
    }
    return new SecretDefinition(Set.copyOf(names), List.copyOf(endings), List.copyOf(patterns));
  }
}
