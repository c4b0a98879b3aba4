package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.walk.ItemWalkHandler;
import com.networknt.schema.walk.PropertyWalkHandler;
import com.networknt.schema.walk.WalkConfig;
import com.networknt.schema.walk.WalkEvent;
import com.networknt.schema.walk.WalkFlow;
import com.networknt.schema.walk.WalkListener;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.schema.ExtensionSchemas.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks the settings of each extension of one canonical pool against the schema the index gives
 * for its publisher, type and typeHandlerVersion; see {@link ExtensionSettingsRule}.
 */
final class ExtensionSettingsCheck {

  /** Which of the extension rules reports a problem. */
  enum Kind {
    SETTINGS_INVALID,
    VERSION_UNKNOWN,
    SETTING_DEPRECATED
  }

  /**
   * One problem, worded for the user.
   *
   * @param pointer canonical pointer
   * @param severity for this one problem, or null for the rule's default
   */
  record Problem(Kind kind, String pointer, String message, Severity severity) {}

  private static final String EXTENSIONS = "/virtualMachineConfiguration/extensions";

  /** Walks at most this many {@code $ref}/{@code if} steps to find a member's own schema. */
  private static final int MAX_RESOLVE_STEPS = 8;

  private final ExtensionSchemas schemas;
  private final SchemaValidation wording;

  ExtensionSettingsCheck(ExtensionSchemas schemas) {
    this.schemas = schemas;
    this.wording = new SchemaValidation(schemas::schemaNode);
  }

  /** Every problem of the pool's extensions, sorted by pointer. */
  List<Problem> check(JsonNode canonical) {
    List<Problem> problems = new ArrayList<>();
    JsonNode extensions = canonical.at(EXTENSIONS);
    for (int i = 0; i < extensions.size() && extensions.isArray(); i++) {
      JsonNode extension = extensions.get(i);
      if (extension.isObject()) {
        checkExtension(extension, EXTENSIONS + "/" + i, problems);
      }
    }
    problems.sort(Comparator.comparing(Problem::pointer).thenComparing(Problem::message));
    return List.copyOf(problems);
  }

  private void checkExtension(JsonNode extension, String at, List<Problem> out) {
    Optional<String> publisher = literal(extension.get("publisher"));
    Optional<String> type = literal(extension.get("type"));
    if (publisher.isEmpty() || type.isEmpty()) {
      return;
    }
    List<Entry> candidates = schemas.entriesFor(publisher.get(), type.get());
    if (candidates.isEmpty()) {
      return; // not an extension poolcheck describes; extension-not-allowed judges it
    }
    JsonNode versionNode = extension.get("typeHandlerVersion");
    Optional<String> version = literal(versionNode);
    Entry entry;
    if (version.isPresent()) {
      entry = candidates.stream().filter(e -> e.covers(version.get())).findFirst().orElse(null);
      if (entry == null) {
        out.add(unknownVersion(extension, type.get(), version.get(), candidates, at));
        return;
      }
    } else if (versionNode == null
        && candidates.stream().map(Entry::schema).distinct().count() == 1) {
      entry = candidates.get(0); // no version, but every version has the same settings
    } else {
      return; // an ARM expression, or no version where the settings differ between versions
    }
    String what =
        "extension '"
            + name(extension)
            + "' ("
            + type.get()
            + version.map(v -> " " + v).orElse("")
            + ")";
    JsonNode settings = extension.get("settings");
    if (settings != null && settings.isObject()) {
      validate(schemas.schema(entry.schema()), settings, at + "/settings", what, out);
      deprecated(schemas.schema(entry.schema()), settings, at + "/settings", what, out);
    }
    JsonNode secret = extension.get("protectedSettings");
    if (secret != null && secret.isObject()) {
      // Only the shape: SchemaValidation never quotes a value under protectedSettings.
      validate(
          schemas.schema(entry.protectedSettingsSchema()),
          secret,
          at + "/protectedSettings",
          what,
          out);
    }
  }

  private void validate(
      Schema schema, JsonNode instance, String at, String what, List<Problem> out) {
    List<Error> errors =
        schema.validate(instance, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    List<SchemaProblem> worded = new ArrayList<>();
    wording.translateAll(errors, instance, at, false, worded);
    for (SchemaProblem p : worded) {
      Severity severity = p.kind() == SchemaProblem.Kind.UNKNOWN_PROPERTY ? Severity.WARNING : null;
      out.add(new Problem(Kind.SETTINGS_INVALID, p.pointer(), what + ": " + p.message(), severity));
    }
  }

  /**
   * Members whose own schema says {@code "deprecated": true}: networknt walks the settings with
   * their schema (following properties and items), and each member's schema is followed through
   * {@code $ref} and {@code if}/{@code then}/{@code else} to the one that applies.
   */
  private void deprecated(
      Schema schema, JsonNode instance, String at, String what, List<Problem> out) {
    Map<String, String> found = new LinkedHashMap<>();
    WalkListener listener =
        new WalkListener() {
          @Override
          public WalkFlow onWalkStart(WalkEvent event) {
            JsonNode value = event.getInstanceNode();
            if (value != null && !value.isMissingNode()) {
              deprecation(event.getSchema(), value)
                  .ifPresent(
                      m -> found.putIfAbsent(JsonPointers.of(event.getInstanceLocation()), m));
            }
            return WalkFlow.CONTINUE;
          }

          @Override
          public void onWalkEnd(WalkEvent event, List<Error> errors) {}
        };
    WalkConfig walk =
        WalkConfig.builder()
            .propertyWalkHandler(
                PropertyWalkHandler.builder().propertyWalkListener(listener).build())
            .itemWalkHandler(ItemWalkHandler.builder().itemWalkListener(listener).build())
            .build();
    ExecutionContext context = schema.createExecutionContext();
    context.setWalkConfig(walk);
    schema.walk(context, instance, false);
    found.forEach(
        (relative, message) -> {
          String pointer = at + relative;
          String member = SchemaValidation.label(pointer);
          // "linkOnRenewal was removed in ..." names the member itself.
          boolean named = message.startsWith(member.replace("`", "") + " ");
          String text =
              what
                  + ": "
                  + (named ? "" : member + " is deprecated: ")
                  + message
                  + (message.contains("removed") ? " Remove it." : "");
          out.add(new Problem(Kind.SETTING_DEPRECATED, pointer, text, null));
        });
  }

  /** The deprecation message of the schema that applies to {@code value}, if it is deprecated. */
  private Optional<String> deprecation(Schema schema, JsonNode value) {
    SchemaLocation location = schema.getSchemaLocation();
    String iri = String.valueOf(location.getAbsoluteIri());
    String fragment = JsonPointers.of(location.getFragment());
    JsonNode node = schema.getSchemaNode();
    for (int step = 0; step < MAX_RESOLVE_STEPS && node.isObject(); step++) {
      if (node.path("deprecated").asBoolean(false)) {
        JsonNode message = node.path("deprecationMessage");
        return Optional.of(
            message.isTextual() ? message.asText() : node.path("description").asText());
      }
      String ref = node.path("$ref").asText("");
      if (ref.startsWith("#")) {
        fragment = ref.substring(1);
        node = schemas.schemaNode(iri, fragment);
      } else if (node.has("if")) {
        Schema condition = schemas.schemaAt(SchemaLocation.of(iri + "#" + fragment + "/if"));
        String branch = condition.validate(value).isEmpty() ? "then" : "else";
        fragment = fragment + "/" + branch;
        node = node.path(branch);
      } else {
        break;
      }
    }
    return Optional.empty();
  }

  private static Problem unknownVersion(
      JsonNode extension, String type, String version, List<Entry> known, String at) {
    String versions =
        known.stream().map(Entry::versions).distinct().collect(Collectors.joining(", "));
    return new Problem(
        Kind.VERSION_UNKNOWN,
        at + "/typeHandlerVersion",
        "extension '"
            + name(extension)
            + "' uses "
            + type
            + " typeHandlerVersion "
            + version
            + ", a version poolcheck does not know (known: "
            + versions
            + "); check it against the extension's documentation. Its settings are not checked.",
        null);
  }

  /** A literal string value (numbers as written); empty for ARM expressions and other values. */
  private static Optional<String> literal(JsonNode value) {
    if (value == null || !(value.isTextual() || value.isNumber())) {
      return Optional.empty();
    }
    return ArmExpressions.isExpression(value) ? Optional.empty() : Optional.of(value.asText());
  }

  private static String name(JsonNode extension) {
    JsonNode name = extension.get("name");
    return name != null && name.isTextual() ? name.asText() : "(unnamed)";
  }
}
