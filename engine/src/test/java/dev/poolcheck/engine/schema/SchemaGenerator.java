package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives the JSON Schema 2020-12 files in {@code schemas/} from the Swagger 2.0 spec excerpts in
 * {@code schemas/generator/specs/}. Run {@link #main} to rewrite them; {@code
 * SchemaGeneratorTest.committedSchemasMatchGenerator} fails when the committed files are stale.
 *
 * <p>Conversion, in short: {@code definitions} become {@code $defs}; {@code int32}/{@code int64}
 * stay {@code integer} without a format; {@code date-time}, {@code duration} and {@code uuid} stay
 * formats (asserted); {@code uri}, {@code arm-id} and {@code password} are dropped (registry
 * servers are usually written as bare host names); closed enums ({@code modelAsString: false})
 * become {@code enum}, open ones only {@code examples}; {@code x-ms-secret} becomes {@code
 * writeOnly}; objects with {@code properties} get {@code additionalProperties: false} so unknown
 * members are reported; references to definitions outside the excerpt become permissive schemas.
 */
public final class SchemaGenerator {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ID_BASE = "https://poolcheck.dev/schemas/";
  private static final Set<String> ASSERTED_FORMATS = Set.of("date-time", "duration", "uuid");
  private static final List<String> COPIED =
      List.of(
          "title",
          "description",
          "type",
          "default",
          "readOnly",
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

  /** One generated schema: where it comes from and where it goes. */
  record Target(String specFile, String outputFile, String rootDefinition, String title) {}

  static final List<Target> TARGETS =
      List.of(
          new Target(
              "openapi.json",
              "management-pool.schema.json",
              "Pool",
              "Azure Batch pool, management plane: body of PUT .../batchAccounts/{a}/pools/{p}"),
          new Target(
              "BatchService.json",
              "data-plane-pool.schema.json",
              "BatchPoolCreateOptions",
              "Azure Batch pool, data plane: body of POST {endpoint}/pools"));

  private final JsonNode definitions;
  private final Set<String> unresolved = new TreeSet<>();

  private SchemaGenerator(JsonNode definitions) {
    this.definitions = definitions;
  }

  /** Rewrites the committed schemas. Argument: the repository root (default: found upwards). */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : repositoryRoot();
    for (Map.Entry<Target, String> e : generateAll(root).entrySet()) {
      Path out = root.resolve("schemas").resolve(e.getKey().outputFile());
      Files.writeString(out, e.getValue(), StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    }
  }

  /** The repository root: the nearest directory upwards that holds {@code schemas/generator}. */
  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("schemas/generator/specs"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException(
        "no schemas/generator/specs above " + Path.of("").toAbsolutePath());
  }

  /** Generates every target's text, in {@link #TARGETS} order. */
  static Map<Target, String> generateAll(Path root) {
    Map<Target, String> out = new java.util.LinkedHashMap<>();
    Path specs = root.resolve("schemas/generator/specs");
    for (Target t : TARGETS) {
      try {
        JsonNode spec = JSON.readTree(specs.resolve(t.specFile()).toFile());
        out.put(
            t,
            JSON.writeValueAsString(new SchemaGenerator(spec.get("definitions")).generate(t, spec))
                + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private ObjectNode generate(Target target, JsonNode spec) {
    JsonNode excerpt = spec.get("x-excerpt");
    ObjectNode defs = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = definitions.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> d = it.next();
      defs.set(d.getKey(), convert(d.getValue()));
    }
    patchExtensionSettings(defs);
    if (target.rootDefinition().equals("Pool")) {
      patchProxyResource(defs);
    }

    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", ID_BASE + target.outputFile());
    schema.put("title", target.title());
    schema.put(
        "$comment",
        "GENERATED by dev.poolcheck.engine.schema.SchemaGenerator from "
            + excerpt.get("repository").asText()
            + " "
            + excerpt.get("path").asText()
            + " (api-version "
            + spec.get("info").get("version").asText()
            + ", commit "
            + excerpt.get("commit").asText()
            + "); do not edit, see docs/schemas.md.");
    ObjectNode source = schema.putObject("x-source");
    source.put("repository", excerpt.get("repository").asText());
    source.put("path", excerpt.get("path").asText());
    source.put("apiVersion", spec.get("info").get("version").asText());
    source.put("commit", excerpt.get("commit").asText());
    source.put("excerpt", "schemas/generator/specs/" + target.specFile());
    ArrayNode permissive = source.putArray("permissiveDefinitions");
    unresolved.forEach(permissive::add);
    schema.put("$ref", "#/$defs/" + target.rootDefinition());
    schema.set("$defs", defs);
    return schema;
  }

  private JsonNode convert(JsonNode s) {
    ObjectNode out = NODES.objectNode();
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (ref.startsWith("#/definitions/") && definitions.has(name)) {
        out.put("$ref", "#/$defs/" + name);
      } else {
        // Outside the excerpt: accept anything rather than guess (see x-source).
        unresolved.add(name);
        out.put("$comment", "not in the spec excerpt: " + name + "; accepts any value");
      }
    }
    for (String k : COPIED) {
      if (s.has(k)) {
        out.set(k, s.get(k));
      }
    }
    String format = s.path("format").asText("");
    if (ASSERTED_FORMATS.contains(format)) {
      out.put("format", format);
    }
    if (s.path("x-ms-secret").asBoolean(false)) {
      out.put("writeOnly", true);
    }
    if (s.has("enum")) {
      boolean open = s.path("x-ms-enum").path("modelAsString").asBoolean(false);
      out.set(open ? "examples" : "enum", s.get("enum"));
      if (open) {
        out.put("$comment", "extensible enum (modelAsString): other values are accepted");
      }
    }
    if (s.has("required")) {
      out.set("required", s.get("required"));
    }
    if (s.has("properties")) {
      ObjectNode props = out.putObject("properties");
      Iterator<Map.Entry<String, JsonNode>> it = s.get("properties").properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        props.set(p.getKey(), convert(p.getValue()));
      }
      if (!s.has("additionalProperties")) {
        out.put("additionalProperties", false);
      }
    }
    if (s.has("additionalProperties")) {
      JsonNode ap = s.get("additionalProperties");
      out.set("additionalProperties", ap.isObject() ? convert(ap) : ap);
    }
    if (s.has("items")) {
      out.set("items", convert(s.get("items")));
    }
    if (s.has("allOf")) {
      List<JsonNode> parts = new ArrayList<>();
      for (JsonNode part : s.get("allOf")) {
        if (!part.path("$ref").asText().contains("ProxyResource")) {
          parts.add(convert(part));
        }
      }
      if (!parts.isEmpty()) {
        out.putArray("allOf").addAll(parts);
      }
    }
    return out;
  }

  /**
   * Extension settings are free-form JSON in both planes. The data-plane spec's {@code map<string,
   * string>} is a TypeSpec artifact (FACTS.md §1.3): real settings nest objects.
   */
  private static void patchExtensionSettings(ObjectNode defs) {
    ObjectNode props = (ObjectNode) defs.get("VMExtension").get("properties");
    ObjectNode settings = NODES.objectNode();
    settings.put(
        "description", "JSON formatted public settings for the extension; any JSON object.");
    settings.put("type", "object");
    props.set("settings", settings);
    ObjectNode secret = NODES.objectNode();
    secret.put(
        "description",
        "Protected settings for the extension, encrypted on the node and never returned; any JSON"
            + " object.");
    secret.put("type", "object");
    secret.put("writeOnly", true);
    props.set("protectedSettings", secret);
  }

  /**
   * {@code Pool} is {@code allOf ProxyResource} (common-types, not in the excerpt). Its members are
   * inlined so unknown members can be reported. {@code name} and {@code type} are read-only in the
   * spec but routinely written in PUT bodies (the Batch docs do), so they are not marked read-only.
   */
  private static void patchProxyResource(ObjectNode defs) {
    ObjectNode pool = (ObjectNode) defs.get("Pool");
    ObjectNode props = (ObjectNode) pool.get("properties");
    ObjectNode merged = NODES.objectNode();
    ObjectNode id = merged.putObject("id");
    id.put("type", "string");
    id.put("description", "Fully qualified resource ID (ProxyResource); set by Azure.");
    id.put("readOnly", true);
    ObjectNode name = merged.putObject("name");
    name.put("type", "string");
    name.put("description", "The pool name (ProxyResource; the URL's poolName wins).");
    ObjectNode type = merged.putObject("type");
    type.put("type", "string");
    type.put(
        "description", "The resource type, Microsoft.Batch/batchAccounts/pools (ProxyResource).");
    ObjectNode systemData = merged.putObject("systemData");
    systemData.put("type", "object");
    systemData.put("description", "Azure Resource Manager metadata (ProxyResource); set by Azure.");
    systemData.put("readOnly", true);
    merged.setAll(props);
    pool.set("properties", merged);
  }
}
