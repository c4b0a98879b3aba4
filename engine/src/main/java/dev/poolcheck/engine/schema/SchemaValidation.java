package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.schema.SchemaProblem.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates the source of one pool against the schema for its kind and words each networknt error
 * as a {@link SchemaProblem} with a pointer into the source document.
 *
 * <p>Over 400 lines: one translation per networknt error keyword (required, additionalProperties,
 * type, enum, format, pattern, range, readOnly), each of which now also asks which api-versions
 * know a property and whether the document is a response; they share the lookup of the failing node
 * and its parent. Splitting it into one translator class per keyword behind a small interface is
 * the next step when another keyword is added.
 */
final class SchemaValidation {

  /** Longest string value quoted in a message; longer ones may be keys, tokens or SAS URLs. */
  static final int MAX_QUOTED_LENGTH = 40;

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|secret|key|token|sas|credential|connectionstring|protectedsettings).*");

  /** SAS signatures, connection strings and PEM keys, wherever they are written. */
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(?i).*([?&]sig=|accountkey=|sharedaccesskey=|password=|-----begin).*", Pattern.DOTALL);

  /** Definitions whose members are "pool properties" in messages. */
  private static final Set<String> POOL_DEFINITIONS =
      Set.of("Pool", "PoolProperties", "BatchPoolCreateOptions", "PoolAddParameter", "CloudPool");

  private static final Set<String> VALUE_KEYWORDS =
      Set.of(
          "enum",
          "const",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "minItems",
          "maxItems",
          "uniqueItems");

  /** GUIDs, as the specs and the extension schemas write them. */
  static final String GUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private final PoolSchemas schemas;

  /** The raw schema node at a pointer of the schema document with an id, for suggestions. */
  private final BiFunction<String, String, JsonNode> schemaNodes;

  SchemaValidation(PoolSchemas schemas) {
    this.schemas = schemas;
    this.schemaNodes = schemas::schemaNode;
  }

  /**
   * Words errors of other schemas (the extension settings schemas) the same way.
   *
   * @param schemaNodes the raw schema node at a pointer of the schema document with an id
   */
  SchemaValidation(BiFunction<String, String, JsonNode> schemaNodes) {
    this.schemas = null;
    this.schemaNodes = schemaNodes;
  }

  /**
   * The schema a validation ran against, for the messages that compare api-versions: its plane,
   * api-version and root, and where the validated instance is in the pool's instance tree.
   */
  record Against(
      ApiVersions.Plane plane, String apiVersion, PropertyHistory.Root root, boolean response) {}

  /** Every schema problem of the pool's source, sorted by pointer and message. */
  List<SchemaProblem> check(PoolDocument pool) {
    JsonNode root = pool.source().root().orElse(null);
    if (root == null) {
      return List.of();
    }
    JsonNode body = root.at(pool.sourcePointer());
    if (body.isMissingNode()) {
      return List.of();
    }
    String at = pool.sourcePointer();
    ApiVersions.Plane plane =
        switch (pool.kind()) {
          case MANAGEMENT, ARM_TEMPLATE -> ApiVersions.Plane.MANAGEMENT;
          default -> ApiVersions.Plane.DATA_PLANE;
        };
    String version = checkedVersion(pool.canonical(), plane);
    boolean response = DocumentRoles.isResponse(pool.kind(), pool.canonical(), body);
    List<SchemaProblem> problems = new ArrayList<>();
    switch (pool.kind()) {
      case MANAGEMENT ->
          validate(
              new Against(plane, version, PropertyHistory.Root.REQUEST, response),
              body,
              at,
              false,
              problems);
      case DATA_PLANE ->
          validate(
              new Against(
                  plane,
                  version,
                  response ? PropertyHistory.Root.RESPONSE : PropertyHistory.Root.REQUEST,
                  response),
              body,
              at,
              false,
              problems);
      case ARM_TEMPLATE -> {
        // Only the pool's own parts: ARM resource keys (apiVersion, dependsOn, copy...) are ARM's.
        if (body.has("properties")) {
          validate(
              new Against(plane, version, PropertyHistory.Root.POOL_PROPERTIES, response),
              body.get("properties"),
              at + "/properties",
              false,
              problems);
        }
        if (body.has("identity")) {
          validate(
              new Against(plane, version, PropertyHistory.Root.POOL_IDENTITY, response),
              body.get("identity"),
              at + "/identity",
              false,
              problems);
        }
      }
      case TERRAFORM -> {
        // The provider's own arguments, not the REST API's: see docs/terraform.md.
        for (TerraformSchema.Problem p : TerraformSchema.get().check(body, at)) {
          problems.add(new SchemaProblem(p.kind(), p.pointer(), p.message(), p.severity()));
        }
      }
      case TERRAFORM_PLAN -> {
        // Terraform validated the configuration against the provider's schema when it planned.
      }
      case NODE_EXTENSION -> {
        JsonNode extension = body.has("vmExtension") ? body.get("vmExtension") : body;
        String extensionAt = body.has("vmExtension") ? at + "/vmExtension" : at;
        if (extension.isObject()) {
          validate(
              new Against(plane, version, PropertyHistory.Root.EXTENSION, true),
              extension,
              extensionAt,
              true,
              problems);
        }
      }
    }
    if ("update".equals(pool.canonical().path("operation").asText())) {
      // A PATCH (or an update of some properties) sends only what changes: the create body's
      // required members are not required at its top.
      problems.removeIf(
          p -> p.kind() == Kind.REQUIRED_PROPERTY && bodyRoot(p.pointer(), pool.sourcePointer()));
    }
    problems.sort(
        Comparator.comparing(SchemaProblem::pointer)
            .thenComparing(SchemaProblem::kind)
            .thenComparing(SchemaProblem::message));
    return List.copyOf(problems);
  }

  /** Whether a pointer is the pool body itself (or an ARM resource's properties). */
  private static boolean bodyRoot(String pointer, String body) {
    return pointer.equals(body) || pointer.equals(body + "/properties");
  }

  /**
   * The api-version the pool is checked against: canonical {@code resolvedApiVersion} when the
   * engine set it (the same value every version-dependent rule reads), else the choice from the
   * declared {@code apiVersion}.
   */
  static String checkedVersion(JsonNode canonical, ApiVersions.Plane plane) {
    ApiVersions shipped = ApiVersions.shipped();
    JsonNode resolved = canonical == null ? null : canonical.get("resolvedApiVersion");
    if (resolved != null && resolved.isTextual() && shipped.of(plane).contains(resolved.asText())) {
      return resolved.asText();
    }
    JsonNode declared = canonical == null ? null : canonical.get("apiVersion");
    return shipped
        .choose(
            plane,
            declared != null && declared.isTextual()
                ? Optional.of(declared.asText())
                : Optional.empty(),
            Optional.empty())
        .version();
  }

  private void validate(
      Against against,
      JsonNode instance,
      String prefix,
      boolean settingsIsText,
      List<SchemaProblem> out) {
    if (ArmExpressions.isExpression(instance)) {
      return;
    }
    List<Error> errors =
        schemas.validate(against.plane(), against.apiVersion(), against.root(), instance);
    List<SchemaProblem> found = new ArrayList<>();
    translateAll(errors, instance, prefix, settingsIsText, against, found);
    for (SchemaProblem p : found) {
      if (against.response() && p.kind() == Kind.READ_ONLY_PROPERTY) {
        continue; // a response carries what Azure set: that is what read-only means
      }
      out.add(p);
    }
  }

  /**
   * Words the errors of one validation of {@code instance}, which sits at {@code prefix}: drops
   * errors at or below ARM expressions and value errors on values of the wrong type.
   */
  void translateAll(
      List<Error> errors,
      JsonNode instance,
      String prefix,
      boolean settingsIsText,
      List<SchemaProblem> out) {
    translateAll(errors, instance, prefix, settingsIsText, null, out);
  }

  private void translateAll(
      List<Error> errors,
      JsonNode instance,
      String prefix,
      boolean settingsIsText,
      Against against,
      List<SchemaProblem> out) {
    // A wrong type makes enum, format and range errors on the same value noise.
    Set<String> wrongType = new HashSet<>();
    errors.stream()
        .filter(e -> "type".equals(e.getKeyword()))
        .forEach(e -> wrongType.add(JsonPointers.of(e.getInstanceLocation())));
    for (Error error : errors) {
      NodePath path = error.getInstanceLocation();
      String relative = JsonPointers.of(path);
      if (wrongType.contains(relative) && VALUE_KEYWORDS.contains(error.getKeyword())) {
        continue;
      }
      if (ArmExpressions.onPath(instance, path)) {
        continue; // an ARM expression's value is unknown until deployment
      }
      if (settingsIsText && (relative.equals("/settings") || relative.startsWith("/settings/"))) {
        continue; // a node extension response carries settings as a JSON string
      }
      if (wrongType.contains(relative) && instance.at(relative).isNull()) {
        // Azure's REST APIs read an explicit null as "not given", although the specs mark few
        // members x-nullable (UefiSettings.secureBootEnabled is a plain boolean in openapi.json
        // 2025-06-01 and 2026-08-01). Azure's own example PoolCreate_SecurityProfile (management
        // 2023-11-01 to 2026-08-01) sends "secureBootEnabled": null and its response leaves the
        // member out; Microsoft.Compute, which receives uefiSettings, documents for updates that
        // when "a null value is passed, it will remain unchanged" (MicrosoftDocs/azure-docs
        // articles/virtual-machines/put-calls-create-or-update.md@9949e687).
        continue;
      }
      if (wrongType.contains(relative) && stringifiedSettings(relative, instance.at(relative))) {
        continue; // reported once as extension-settings-stringified by the normaliser
      }
      if (against != null
          && against.response()
          && "required".equals(error.getKeyword())
          && writeOnly(error)) {
        continue; // a GET never returns secrets (passwords, keys): their absence is expected
      }
      if ("required".equals(error.getKeyword())
          && writtenInOtherCase(errors, relative, instance.at(relative), error.getProperty())
              .isPresent()) {
        // The property is there, in another letter case: the unknown-property warning on it
        // names the spec's spelling; calling it missing would be false. Azure's own example
        // PoolCreate_DualStackNetworking (management 2025-06-01) sends nodeAgentSKUId and
        // inboundNATPools, and its response returns the values under the spec's names.
        continue;
      }
      out.add(translate(error, instance.at(relative), prefix + relative, relative, against));
    }
  }

  /**
   * Whether the property a {@code required} error names is write-only (a secret the service never
   * returns): {@code writeOnly} in the schema, or, where the spec does not mark it (the
   * hand-written data-plane specs), a secret-looking name such as {@code password}.
   */
  private boolean writeOnly(Error error) {
    String missing = error.getProperty();
    if (missing == null) {
      return false;
    }
    String fragment = JsonPointers.of(error.getSchemaLocation().getFragment());
    String objectFragment = fragment.substring(0, Math.max(0, fragment.lastIndexOf('/')));
    String iri = String.valueOf(error.getSchemaLocation().getAbsoluteIri());
    JsonNode property = schemaNodes.apply(iri, objectFragment).path("properties").path(missing);
    return property.path("writeOnly").asBoolean(false) || SECRET_NAME.matcher(missing).matches();
  }

  /** The allowed value that equals {@code value} but for letter case, if there is one. */
  private static Optional<String> sameIgnoringCase(JsonNode expected, JsonNode value) {
    if (!value.isTextual() || expected == null) {
      return Optional.empty();
    }
    List<JsonNode> allowed = new ArrayList<>();
    if (expected.isValueNode()) {
      allowed.add(expected);
    } else {
      expected.forEach(allowed::add);
    }
    return allowed.stream()
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(a -> a.equalsIgnoreCase(value.asText()) && !a.equals(value.asText()))
        .findFirst();
  }

  /**
   * The member of {@code object} that spells {@code missing} in another letter case and that the
   * schema rejects as unknown (an additionalProperties or unevaluatedProperties error on the same
   * object), if there is one.
   */
  private static Optional<String> writtenInOtherCase(
      List<Error> errors, String relative, JsonNode object, String missing) {
    if (missing == null || !object.isObject()) {
      return Optional.empty();
    }
    for (String name : (Iterable<String>) object::fieldNames) {
      if (!name.equals(missing)
          && name.equalsIgnoreCase(missing)
          && errors.stream()
              .anyMatch(
                  e ->
                      ("additionalProperties".equals(e.getKeyword())
                              || "unevaluatedProperties".equals(e.getKeyword()))
                          && name.equals(e.getProperty())
                          && relative.equals(JsonPointers.of(e.getInstanceLocation())))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** An extension's settings or protectedSettings written as a string holding a JSON object. */
  private static boolean stringifiedSettings(String relative, JsonNode value) {
    return STRINGIFIED_SETTINGS.matcher(relative).matches()
        && value.isTextual()
        && value.textValue().strip().startsWith("{");
  }

  private static final Pattern STRINGIFIED_SETTINGS =
      Pattern.compile(".*/extensions/\\d+/(settings|protectedSettings)$");

  private SchemaProblem translate(
      Error error, JsonNode value, String pointer, String relative, Against against) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String name = label(pointer);
    return switch (keyword) {
      case "required" -> {
        String missing = error.getProperty();
        yield new SchemaProblem(
            Kind.REQUIRED_PROPERTY,
            pointer,
            name + " is missing the required property `" + missing + "`; add it");
      }
      case "dependentRequired" -> {
        Object[] args = error.getArguments();
        String missing = args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
        yield new SchemaProblem(
            Kind.REQUIRED_PROPERTY,
            pointer,
            name
                + " is missing `"
                + missing
                + "`, which is required when `"
                + error.getProperty()
                + "` is given; add it");
      }
      case "additionalProperties", "unevaluatedProperties" ->
          unknown(error, pointer, relative, against);
      case "readOnly" ->
          new SchemaProblem(
              Kind.READ_ONLY_PROPERTY,
              pointer,
              name
                  + " is read-only: it comes from a GET response and is ignored or rejected when a"
                  + " pool is created; remove it");
      case "enum", "const" -> {
        Optional<String> spelled = sameIgnoringCase(error.getSchemaNode(), value);
        // Pool bodies only: the extension schemas cite documents that call their values
        // case-sensitive (Key Vault for Windows certificateStoreLocation), the pool specs do not.
        yield spelled.isPresent() && schemas != null
            ? new SchemaProblem(
                Kind.ENUM_CASE,
                pointer,
                name
                    + " is written `"
                    + value.asText()
                    + "`; the API spec spells it `"
                    + spelled.get()
                    + "`: write it that way (the spec does not say whether other casings are"
                    + " accepted)")
            : new SchemaProblem(
                Kind.INVALID_VALUE, pointer, invalid(keyword, error, value, pointer));
      }
      default ->
          new SchemaProblem(Kind.INVALID_VALUE, pointer, invalid(keyword, error, value, pointer));
    };
  }

  /**
   * A property of the same name one level down, for members written at the wrong depth (such as
   * {@code virtualMachineConfiguration} directly under a management pool's {@code properties}).
   */
  private Optional<String> nestedSuggestion(String iri, JsonNode siblings, String member) {
    Iterator<Map.Entry<String, JsonNode>> it = siblings.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> sibling = it.next();
      JsonNode schema = sibling.getValue();
      String ref = schema.path("$ref").asText("");
      if (ref.startsWith("#")) {
        schema = schemaNodes.apply(iri, ref.substring(1));
      }
      Set<String> names = new TreeSet<>();
      schema.path("properties").fieldNames().forEachRemaining(names::add);
      var hit = NearestName.sameOrTruncated(member, names);
      if (hit.isPresent()) {
        return Optional.of("`" + hit.get() + "` inside `" + sibling.getKey() + "`");
      }
    }
    return Optional.empty();
  }

  private SchemaProblem unknown(
      Error error, String parentPointer, String relativeParent, Against against) {
    String member = error.getProperty();
    String pointer = parentPointer + "/" + JsonPointers.escape(member);
    // The error's schema location is <object schema>/additionalProperties: its known names are
    // the sibling "properties".
    String fragment = JsonPointers.of(error.getSchemaLocation().getFragment());
    String objectFragment = fragment.substring(0, Math.max(0, fragment.lastIndexOf('/')));
    String iri = String.valueOf(error.getSchemaLocation().getAbsoluteIri());
    JsonNode known = schemaNodes.apply(iri, objectFragment).path("properties");
    Set<String> names = new TreeSet<>();
    Iterator<String> it = known.fieldNames();
    it.forEachRemaining(names::add);
    String definition = definitionName(objectFragment);
    String owner =
        POOL_DEFINITIONS.contains(definition)
            ? "a pool property"
            : "a property of " + label(parentPointer);
    if (against != null) {
      Optional<String> history =
          PropertyHistory.shipped()
              .explain(
                  against.plane(),
                  against.apiVersion(),
                  against.root(),
                  JsonPointers.tokens(relativeParent),
                  member);
      if (history.isPresent()) {
        return new SchemaProblem(Kind.UNKNOWN_PROPERTY, pointer, history.get());
      }
    }
    Optional<String> otherCase = names.stream().filter(member::equalsIgnoreCase).findFirst();
    if (otherCase.isPresent()) {
      return new SchemaProblem(
          Kind.UNKNOWN_PROPERTY,
          pointer,
          "`"
              + member
              + "` is written in another letter case than the API spec's `"
              + otherCase.get()
              + "`: write it that way (the spec does not say whether property names are matched"
              + " case-insensitively)");
    }
    String message = "`" + member + "` is not " + owner;
    Optional<String> suggestion =
        NearestName.suggest(member, names)
            .map(n -> "`" + n + "`")
            .or(() -> nestedSuggestion(iri, known, member));
    if (member.equals("$schema") || member.equals("$ref")) {
      // Say plainly that nothing is fetched: users may expect a remote schema to be used.
      message +=
          "; poolcheck never downloads schemas or references and checks against its own"
              + " built-in schemas, so remove it";
    } else if (suggestion.isPresent()) {
      message += "; did you mean " + suggestion.get() + "?";
    } else if (!names.isEmpty() && names.size() <= 12) {
      message +=
          "; known properties: "
              + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    } else {
      message += "; check its spelling and place, or remove it";
    }
    return new SchemaProblem(Kind.UNKNOWN_PROPERTY, pointer, message);
  }

  private static String invalid(String keyword, Error error, JsonNode value, String pointer) {
    String name = label(pointer);
    String found = quotable(value, pointer) ? " (found " + value + ")" : "";
    JsonNode expected = error.getSchemaNode();
    return switch (keyword) {
      case "type" -> {
        Object[] args = error.getArguments();
        String actual = args != null && args.length > 0 ? String.valueOf(args[0]) : "another type";
        yield name + " must be " + article(expected.asText()) + ", not " + article(actual);
      }
      case "enum", "const" -> {
        List<String> allowed = new ArrayList<>();
        expected.forEach(v -> allowed.add(v.isTextual() ? v.asText() : v.toString()));
        if (expected.isValueNode()) {
          allowed.add(expected.isTextual() ? expected.asText() : expected.toString());
        }
        String sameIgnoringCase =
            value.isTextual()
                ? allowed.stream()
                    .filter(a -> a.equalsIgnoreCase(value.asText()))
                    .findFirst()
                    .orElse(null)
                : null;
        String list = allowed.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
        yield sameIgnoringCase != null
            ? name
                + " must be written `"
                + sameIgnoringCase
                + "`"
                + found
                + "; values are case-sensitive"
            : name + " must be one of " + list + found;
      }
      case "format" -> name + " must be " + formatDescription(expected.asText()) + found;
      case "minimum" -> name + " must be at least " + expected + found;
      case "maximum" -> name + " must be at most " + expected + found;
      case "exclusiveMinimum" -> name + " must be greater than " + expected + found;
      case "exclusiveMaximum" -> name + " must be less than " + expected + found;
      case "minLength" -> name + " must have at least " + expected + " characters";
      case "maxLength" -> name + " must have at most " + expected + " characters";
      case "pattern" ->
          switch (expected.asText()) {
            case GUID_PATTERN ->
                name + " must be a GUID such as `00000000-0000-0000-0000-000000000000`" + found;
            case "^https://" -> name + " must be an `https://` URL" + found;
            default -> name + " must match the pattern `" + expected.asText() + "`" + found;
          };
      case "minItems" -> name + " must have at least " + expected + " items";
      case "maxItems" -> name + " must have at most " + expected + " items";
      case "uniqueItems" -> name + " must not repeat items";
      default -> name + " is not valid here: " + error.getMessage();
    };
  }

  private static String formatDescription(String format) {
    return switch (format) {
      case "duration" -> "an ISO 8601 duration such as `PT15M`";
      case "date-time" -> "an RFC 3339 date-time such as `2026-01-31T12:00:00Z`";
      case "uuid" -> "a UUID such as `00000000-0000-0000-0000-000000000000`";
      default -> "a valid " + format;
    };
  }

  private static String article(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "integer", "object", "array" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  /**
   * Whether {@code value} may appear in a message: never under protected settings or a
   * secret-looking name, and never a long string.
   */
  static boolean quotable(JsonNode value, String pointer) {
    if (value == null || value.isMissingNode() || value.isContainerNode()) {
      return false;
    }
    for (String token : pointer.split("/")) {
      if (SECRET_NAME.matcher(JsonPointers.unescape(token)).matches()) {
        return false;
      }
    }
    if (!value.isTextual()) {
      return true;
    }
    String text = value.asText();
    return text.length() <= MAX_QUOTED_LENGTH && !SECRET_VALUE.matcher(text).matches();
  }

  /** How a message names the value at a pointer: its member name, or the pool body. */
  static String label(String pointer) {
    if (pointer.isEmpty()) {
      return "the pool body";
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    String last = JsonPointers.unescape(tokens[tokens.length - 1]);
    if (last.chars().allMatch(Character::isDigit) && tokens.length > 1) {
      return "`" + JsonPointers.unescape(tokens[tokens.length - 2]) + "[" + last + "]`";
    }
    return "`" + last + "`";
  }

  /** The spec name of the definition a fragment is in ({@code PoolProperties.2024-07-01} too). */
  private static String definitionName(String schemaFragment) {
    String[] tokens = schemaFragment.split("/");
    String name = tokens.length >= 3 && tokens[1].equals("$defs") ? tokens[2] : "";
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
