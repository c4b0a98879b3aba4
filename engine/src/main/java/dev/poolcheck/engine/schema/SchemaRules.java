package dev.poolcheck.engine.schema;

import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.schema.SchemaProblem.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema checks of pool bodies as rules. All four share one validation per pool document
 * (through {@link dev.poolcheck.engine.rule.RuleContext#memo}); the schemas are compiled once per
 * JVM on first use and shared between threads.
 *
 * <p>What each kind is validated against: a management body against {@code
 * management-pool.schema.json}; an ARM template pool resource's {@code properties} and {@code
 * identity} against its {@code PoolProperties} and {@code BatchPoolIdentity} (ARM resource keys are
 * ARM's business); a data-plane body against {@code data-plane-pool.schema.json}; a node extension
 * response's {@code vmExtension} against the data-plane {@code VMExtension} (its {@code settings}
 * is a JSON string there and is not checked). Values that are ARM expressions are unknown: nothing
 * at or below them is reported.
 */
public final class SchemaRules {

  /** Since-version of the schema rules. */
  private static final String SINCE = "0.1.0";

  public static final RuleDescriptor INVALID_VALUE =
      descriptor(
          "schema-invalid-value",
          "A value has the wrong type, is not one of the allowed values, or breaks a format or range",
          Severity.ERROR,
          "The Azure Batch REST API rejects a pool body whose values do not match its spec: a"
              + " number written as a string, a value that is not one of the allowed ones, a duration"
              + " that is not ISO 8601.");
  public static final RuleDescriptor REQUIRED_PROPERTY =
      descriptor(
          "schema-required-property",
          "An object lacks a property the API requires",
          Severity.ERROR,
          "Reported at the object that lacks the property, naming it, because the missing"
              + " property has no place of its own in the file.");
  public static final RuleDescriptor UNKNOWN_PROPERTY =
      descriptor(
          "schema-unknown-property",
          "A property the API does not know, usually a typo",
          Severity.WARNING,
          "Azure ignores or rejects members it does not know; a misspelt name silently drops"
              + " the setting. The message suggests the nearest known name.");
  public static final RuleDescriptor READ_ONLY_PROPERTY =
      descriptor(
          "schema-read-only-property",
          "A read-only property, usually copied from a GET response",
          Severity.WARNING,
          "Read-only properties (provisioning state, current node counts, etag...) are set by"
              + " Azure; in a create body they are ignored or rejected.");

  public static final RuleDescriptor ENUM_CASE =
      descriptor(
          "schema-enum-case",
          "An allowed value written in another letter case",
          Severity.WARNING,
          "The value is one the API allows, but spelled with other capitals than the spec (`spread`"
              + " for the management plane's `Spread`; the data plane spells many of the same"
              + " values in lower case). The pool specs do not say whether the service compares"
              + " them case-insensitively, so this is a warning: write the spec's spelling.");

  private SchemaRules() {}

  /**
   * The four schema rules of the pool body, then the extension settings rules ({@link
   * ExtensionSettingsRule#all()}).
   */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(poolBody());
    rules.addAll(ExtensionSettingsRule.all());
    return List.copyOf(rules);
  }

  /** The descriptors of {@link #all()}, in the same order. */
  public static List<RuleDescriptor> descriptors() {
    return all().stream().map(Rule::descriptor).toList();
  }

  /** The schema rules of the pool body alone. */
  static List<Rule> poolBody() {
    return List.of(
        new SchemaRule(INVALID_VALUE, Kind.INVALID_VALUE),
        new SchemaRule(REQUIRED_PROPERTY, Kind.REQUIRED_PROPERTY),
        new SchemaRule(UNKNOWN_PROPERTY, Kind.UNKNOWN_PROPERTY),
        new SchemaRule(READ_ONLY_PROPERTY, Kind.READ_ONLY_PROPERTY),
        new SchemaRule(ENUM_CASE, Kind.ENUM_CASE));
  }

  /**
   * Readies the schemas a run most probably needs (the schema library, the newest management-plane
   * request schema and the extension schema index), so a caller can do it on another thread while
   * the first file loads and the policies start. Other roots compile on first use.
   */
  public static void prepare() {
    PoolSchemas.get().prepareCommon();
    ExtensionSchemas.get();
  }

  private static RuleDescriptor descriptor(
      String id, String title, Severity severity, String description) {
    return RuleDescriptor.builtIn(id, title, severity, SINCE, description);
  }
}
