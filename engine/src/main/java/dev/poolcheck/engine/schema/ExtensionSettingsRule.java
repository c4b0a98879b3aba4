package dev.poolcheck.engine.schema;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import dev.poolcheck.engine.schema.ExtensionSettingsCheck.Kind;
import java.util.List;

/**
 * The extension settings checks: each extension of {@code virtualMachineConfiguration.extensions}
 * whose publisher and type {@code schemas/extensions/index.json} knows has its {@code settings}
 * validated against the schema for its typeHandlerVersion, and the shape (never the values) of its
 * {@code protectedSettings}. Three rules share one check per pool (through {@link
 * RuleContext#memo}); they report canonical pointers, so settings given as a JSON string (node
 * extension responses) are reported inside the string. ARM expressions are unknown: an extension
 * whose publisher, type or version is one is skipped, and nothing at or below one is reported.
 *
 * @param descriptor the rule's metadata
 * @param kind which problems of the shared check the rule reports
 */
public record ExtensionSettingsRule(RuleDescriptor descriptor, Kind kind) implements Rule {

  /** The {@link RuleContext#memo} key under which one check per pool is shared. */
  static final String MEMO_KEY = "dev.poolcheck.engine.schema.extension-settings";

  private static final String SINCE = "0.1.0";

  public static final RuleDescriptor SETTINGS_INVALID =
      descriptor(
          "extension-settings-invalid",
          "Extension settings do not match the extension's documented settings",
          Severity.ERROR,
          "Azure Batch passes extension settings to the extension unchecked; an extension whose"
              + " settings it cannot read fails on every node, after the pool was created. The"
              + " settings are checked against the schema for the extension's publisher, type and"
              + " major typeHandlerVersion (schemas/extensions/); protectedSettings only by shape,"
              + " and their values are never shown. Unknown members, usually typos, are warnings.");
  public static final RuleDescriptor VERSION_UNKNOWN =
      descriptor(
          "extension-version-unknown",
          "A known extension at a typeHandlerVersion poolcheck does not know",
          Severity.WARNING,
          "The extension is one poolcheck describes, but no schema covers the major version of"
              + " its typeHandlerVersion: either the version does not exist (the pool then fails"
              + " to provision) or it is newer than poolcheck. Its settings are not checked.");
  public static final RuleDescriptor SETTING_DEPRECATED =
      descriptor(
          "keyvault-setting-deprecated",
          "A Key Vault extension setting that its version no longer has",
          Severity.WARNING,
          "Key Vault extension for Windows 4.0 removed linkOnRenewal, keyExportable and"
              + " requireInitialSync; Key Vault for Linux 3.x reads observed certificates as"
              + " objects with their own store location, not the 1.x/2.x URL strings. Settings of"
              + " another version are accepted but do not do what they say.");

  /** The extension settings rules, in id order. */
  public static List<Rule> all() {
    return List.of(
        new ExtensionSettingsRule(SETTINGS_INVALID, Kind.SETTINGS_INVALID),
        new ExtensionSettingsRule(VERSION_UNKNOWN, Kind.VERSION_UNKNOWN),
        new ExtensionSettingsRule(SETTING_DEPRECATED, Kind.SETTING_DEPRECATED));
  }

  @Override
  public List<Violation> check(PoolDocument pool, RuleContext context) {
    List<ExtensionSettingsCheck.Problem> problems =
        context.memo(
            MEMO_KEY,
            () -> new ExtensionSettingsCheck(ExtensionSchemas.get()).check(pool.canonical()));
    return problems.stream()
        .filter(p -> p.kind() == kind)
        .map(
            p -> {
              Violation v = Violation.at(p.pointer(), p.message());
              return p.severity() == null ? v : v.withSeverity(p.severity());
            })
        .toList();
  }

  private static RuleDescriptor descriptor(
      String id, String title, Severity severity, String description) {
    return RuleDescriptor.builtIn(id, title, severity, SINCE, description);
  }
}
