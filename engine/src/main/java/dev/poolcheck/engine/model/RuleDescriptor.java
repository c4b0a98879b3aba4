package dev.poolcheck.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a report, the catalog and the docs say about a rule. Built-in Java rules, Rego rules
 * (from their {@code # METADATA} block) and the schema checks all end up as one of these.
 *
 * @param id stable kebab-case id, for example {@code extension-customscript-reserved}
 * @param title one line saying what the rule detects
 * @param severity default severity (configuration may override it)
 * @param helpUri where the rule's documentation page is
 * @param since the poolcheck version that introduced the rule
 * @param description a paragraph explaining why the rule exists
 * @param origin where the rule came from
 */
public record RuleDescriptor(
    String id,
    String title,
    Severity severity,
    String helpUri,
    String since,
    String description,
    Origin origin) {

  /** Where a rule is defined. */
  public enum Origin {
    /** Part of poolcheck itself (Java or Rego). */
    BUILT_IN,
    /** Found on the class path through {@link java.util.ServiceLoader}. */
    PLUGIN,
    /** From a policy bundle the user gave. */
    USER_POLICY
  }

  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Base of the rule pages; {@code <id>.md} is appended. */
  public static final String DOCS_BASE =
      "https://github.com/poolcheck/poolcheck/blob/main/docs/rules/";

  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(helpUri, "helpUri");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(origin, "origin");
  }

  public static boolean isKebabCase(String id) {
    return KEBAB.matcher(id).matches();
  }

  /** A built-in rule or finding id, with its page under {@code docs/rules/}. */
  public static RuleDescriptor builtIn(
      String id, String title, Severity severity, String since, String description) {
    return new RuleDescriptor(
        id, title, severity, builtInHelpUri(id), since, description, Origin.BUILT_IN);
  }

  /** The help page of a built-in rule. */
  public static String builtInHelpUri(String id) {
    return DOCS_BASE + id + ".md";
  }
}
