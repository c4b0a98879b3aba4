package dev.poolcheck.engine.document;

import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings the loader and the extractor make themselves, before any rule runs. Their metadata
 * lives here once so the catalog, the docs and every {@link Finding} agree.
 */
public final class DocumentFindings {

  public static final String SYNTAX_ERROR = "syntax-error";
  public static final String DUPLICATE_KEY = "duplicate-key";
  public static final String UNREADABLE_INPUT = "unreadable-input";
  public static final String NOT_A_POOL_DEFINITION = "not-a-pool-definition";
  public static final String SETTINGS_NOT_JSON = "settings-not-json";
  public static final String EXTENSION_STATUS_FAILED = "extension-status-failed";
  public static final String POOL_DEFINITION_MISPLACED = "pool-definition-misplaced";
  public static final String EXTENSION_SETTINGS_STRINGIFIED = "extension-settings-stringified";

  private static final String SINCE = "0.1.0";

  private static final List<RuleDescriptor> DESCRIPTORS =
      List.of(
          descriptor(
              SYNTAX_ERROR,
              "The file is not well-formed JSON or YAML",
              Severity.ERROR,
              "Azure rejects a body it cannot parse. The finding points at the place where the"
                  + " syntax breaks and says what is missing, for example the braces a truncated"
                  + " body still needs."),
          descriptor(
              DUPLICATE_KEY,
              "A key appears twice in the same object",
              Severity.ERROR,
              "JSON readers keep only one of two equal keys, silently dropping the other, so a"
                  + " setting written twice is a setting that may not apply. poolcheck checks the"
                  + " last occurrence, as most readers do, and reports the second one."),
          descriptor(
              UNREADABLE_INPUT,
              "The file cannot be read as text",
              Severity.ERROR,
              "The file is not valid UTF-8 (or UTF-16/UTF-32 with a byte order mark), contains NUL"
                  + " bytes, or exceeds a safety limit: size, nesting depth, string length or YAML"
                  + " aliases. Such limits keep hostile inputs from exhausting time and memory."),
          descriptor(
              NOT_A_POOL_DEFINITION,
              "The file is not a pool definition poolcheck recognises",
              Severity.INFO,
              "poolcheck checks management-plane and data-plane pool bodies, ARM templates"
                  + " declaring Microsoft.Batch/batchAccounts/pools and node-extension responses."
                  + " Other files are reported once and otherwise skipped; use --kind to force a"
                  + " kind."),
          descriptor(
              SETTINGS_NOT_JSON,
              "Extension settings given as a string are not valid JSON",
              Severity.ERROR,
              "Extension settings that arrive as a string (node-extension responses) must hold a"
                  + " JSON object; the extension cannot read anything else and fails on the node."),
          descriptor(
              EXTENSION_STATUS_FAILED,
              "A node extension reports a status other than success",
              Severity.ERROR,
              "The instanceView of a node extension lists its provisioning statuses. A status"
                  + " whose code does not end in /succeeded, or whose level is Warning or Error,"
                  + " means the extension did not do its job on that node."),
          descriptor(
              POOL_DEFINITION_MISPLACED,
              "A pool body sits where poolcheck does not read pools",
              Severity.WARNING,
              "A file of no known kind holds, one to three levels down, what looks like a"
                  + " management-plane or data-plane pool body (wrapped in an extra parameters"
                  + " object, or under an unexpected key). The file was not checked; the finding"
                  + " names what was found and where pool properties are read."),
          descriptor(
              EXTENSION_SETTINGS_STRINGIFIED,
              "Extension settings are written as a JSON string in a pool body",
              Severity.WARNING,
              "The pool APIs take an extension's settings and protectedSettings as JSON objects;"
                  + " Azure's own data-plane examples send them as strings. poolcheck parses a"
                  + " settings string and checks the JSON inside it, and reports the string form"
                  + " once, here, instead of a schema error beside the findings inside."));

  private static final Map<String, RuleDescriptor> BY_ID =
      DESCRIPTORS.stream().collect(Collectors.toMap(RuleDescriptor::id, Function.identity()));

  private DocumentFindings() {}

  /** Metadata of every finding the document package makes. */
  public static List<RuleDescriptor> descriptors() {
    return DESCRIPTORS;
  }

  /** A finding of one of the ids above, with its default severity. */
  public static Finding finding(
      String id, String message, String file, String pointer, SourceRange range) {
    RuleDescriptor d = BY_ID.get(id);
    if (d == null) {
      throw new IllegalArgumentException("not a document finding id: " + id);
    }
    return new Finding(id, d.severity(), message, file, pointer, range);
  }

  private static RuleDescriptor descriptor(
      String id, String title, Severity severity, String description) {
    return RuleDescriptor.builtIn(id, title, severity, SINCE, description);
  }
}
