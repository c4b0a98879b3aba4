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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>One file per plane holds every shipped api-version. The newest version's definitions keep
 * their spec names, so the file's root ({@code $ref}) is the newest request body and editors see it
 * unchanged. An older version's definition that differs from every variant already written (after
 * its own references are resolved to variants, so identical subtrees are shared) is written as
 * {@code Name.<api-version>}, named after the newest version that has it. {@code x-api-versions}
 * maps each version to its roots and its definition variants.
 *
 * <p>An excerpt may be an overlay: {@code x-excerpt.base} names the excerpt it extends; its own
 * {@code definitions} replace or add to the base's, {@code unchangedFromBase} lists the definitions
 * that were compared and found equal, {@code assumedFromBase} those taken from the base without
 * being read. Every other base definition is not part of that version.
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

  /** Definitions the engine validates against besides the roots, when a version has them. */
  static final List<String> PARTS = List.of("PoolProperties", "BatchPoolIdentity", "VMExtension");

  /**
   * One api-version of one plane: its excerpt and the definitions that are the request body and the
   * GET response ({@code null} when the excerpt has none).
   */
  record Version(String apiVersion, String specFile, String requestRoot, String responseRoot) {}

  /** One generated schema file: every shipped api-version of a plane, newest first. */
  record Target(String outputFile, String title, List<Version> versions) {
    /** The newest version, whose definitions keep their spec names. */
    Version newest() {
      return versions.get(0);
    }

    /** The newest version's excerpt. */
    String specFile() {
      return newest().specFile();
    }

    /** The newest version's request body definition: the file's root. */
    String rootDefinition() {
      return newest().requestRoot();
    }
  }

  static final List<Target> TARGETS =
      List.of(
          new Target(
              "management-pool.schema.json",
              "Azure Batch pool, management plane: body of PUT .../batchAccounts/{a}/pools/{p}",
              List.of(
                  new Version("2026-08-01", "openapi.json", "Pool", "Pool"),
                  new Version("2025-06-01", "management/2025-06-01.json", "Pool", "Pool"),
                  new Version("2024-07-01", "management/2024-07-01.json", "Pool", "Pool"),
                  new Version("2024-02-01", "management/2024-02-01.json", "Pool", "Pool"),
                  new Version("2023-11-01", "management/2023-11-01.json", "Pool", "Pool"),
                  new Version("2023-05-01", "management/2023-05-01.json", "Pool", "Pool"))),
          new Target(
              "data-plane-pool.schema.json",
              "Azure Batch pool, data plane: body of POST {endpoint}/pools",
              List.of(
                  new Version(
                      "2025-06-01.21.0", "BatchService.json", "BatchPoolCreateOptions", null),
                  new Version(
                      "2024-07-01.20.0",
                      "data-plane/2024-07-01.20.0.json",
                      "PoolAddParameter",
                      "CloudPool"),
                  new Version(
                      "2024-02-01.19.0",
                      "data-plane/2024-02-01.19.0.json",
                      "PoolAddParameter",
                      "CloudPool"),
                  new Version(
                      "2023-05-01.17.0",
                      "data-plane/2023-05-01.17.0.json",
                      "PoolAddParameter",
                      "CloudPool"))));

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
      System.out.println("wrote " + out + " (" + e.getValue().length() + " chars)");
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
    Map<Target, String> out = new LinkedHashMap<>();
    Path specs = root.resolve("schemas/generator/specs");
    for (Target t : TARGETS) {
      try {
        out.put(t, JSON.writeValueAsString(generate(t, specs)) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** One excerpt with its overlay resolved: the definitions of exactly one api-version. */
  record Excerpt(JsonNode spec, ObjectNode definitions, List<String> assumed) {}

  static Excerpt load(Path specs, String file) throws IOException {
    JsonNode spec = JSON.readTree(specs.resolve(file).toFile());
    JsonNode x = spec.path("x-excerpt");
    ObjectNode own = ((ObjectNode) spec.get("definitions")).deepCopy();
    if (!x.has("base")) {
      return new Excerpt(spec, own, List.of());
    }
    JsonNode base = load(specs, x.get("base").asText()).definitions();
    ObjectNode merged = NODES.objectNode();
    List<String> assumed = new ArrayList<>();
    for (String list : List.of("unchangedFromBase", "assumedFromBase")) {
      for (JsonNode n : x.path(list)) {
        String name = n.asText();
        if (!base.has(name)) {
          throw new IllegalStateException(file + ": " + list + " names " + name + ", not in base");
        }
        if (own.has(name)) {
          throw new IllegalStateException(file + ": " + name + " is both overlaid and " + list);
        }
        merged.set(name, base.get(name));
        if (list.equals("assumedFromBase")) {
          assumed.add(name);
        }
      }
    }
    merged.setAll(own);
    return new Excerpt(spec, merged, List.copyOf(assumed));
  }

  private static ObjectNode generate(Target target, Path specs) throws IOException {
    ObjectNode allDefs = NODES.objectNode();
    // definition name -> (canonical content -> variant name)
    Map<String, Map<String, String>> variants = new HashMap<>();
    ObjectNode versions = NODES.objectNode();
    ObjectNode newestSource = null;
    for (Version v : target.versions()) {
      Excerpt excerpt = load(specs, v.specFile());
      SchemaGenerator gen = new SchemaGenerator(excerpt.definitions());
      List<String> roots = new ArrayList<>();
      roots.add(v.requestRoot());
      if (v.responseRoot() != null) {
        roots.add(v.responseRoot());
      }
      PARTS.stream().filter(p -> excerpt.definitions().has(p)).forEach(roots::add);
      Map<String, ObjectNode> converted = new LinkedHashMap<>();
      for (String name : gen.reachable(roots)) {
        converted.put(name, (ObjectNode) gen.convert(excerpt.definitions().get(name)));
      }
      patchExtensionSettings(converted);
      if (converted.containsKey("Pool")) {
        patchProxyResource(converted.get("Pool"));
      }
      Map<String, String> chosen = new LinkedHashMap<>();
      for (String name : converted.keySet()) {
        variantOf(name, converted, chosen, variants, allDefs, v.apiVersion(), new HashSet<>());
      }
      JsonNode x = excerpt.spec().get("x-excerpt");
      ObjectNode entry = versions.putObject(v.apiVersion());
      entry.put("repository", x.get("repository").asText());
      entry.put("path", x.get("path").asText());
      entry.put("commit", x.get("commit").asText());
      entry.put("excerpt", "schemas/generator/specs/" + v.specFile());
      if (x.has("base")) {
        entry.put("base", "schemas/generator/specs/" + x.get("base").asText());
      }
      entry.put("request", "#/$defs/" + chosen.get(v.requestRoot()));
      if (v.responseRoot() != null) {
        entry.put("response", "#/$defs/" + chosen.get(v.responseRoot()));
      }
      ObjectNode parts = entry.putObject("parts");
      for (String p : PARTS) {
        if (chosen.containsKey(p)) {
          parts.put(p, "#/$defs/" + chosen.get(p));
        }
      }
      ArrayNode permissive = entry.putArray("permissiveDefinitions");
      gen.unresolved.forEach(permissive::add);
      ArrayNode assumed = entry.putArray("assumedDefinitions");
      excerpt.assumed().stream().filter(converted::containsKey).sorted().forEach(assumed::add);
      if (newestSource == null) {
        newestSource = NODES.objectNode();
        newestSource.put("repository", x.get("repository").asText());
        newestSource.put("path", x.get("path").asText());
        newestSource.put("apiVersion", excerpt.spec().get("info").get("version").asText());
        newestSource.put("commit", x.get("commit").asText());
        newestSource.put("excerpt", "schemas/generator/specs/" + v.specFile());
        ArrayNode p = newestSource.putArray("permissiveDefinitions");
        gen.unresolved.forEach(p::add);
      }
    }

    Version newest = target.newest();
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", ID_BASE + target.outputFile());
    schema.put("title", target.title());
    schema.put(
        "$comment",
        "GENERATED by dev.poolcheck.engine.schema.SchemaGenerator from "
            + newestSource.get("repository").asText()
            + " "
            + newestSource.get("path").asText()
            + " (api-version "
            + newestSource.get("apiVersion").asText()
            + ", commit "
            + newestSource.get("commit").asText()
            + ") and the older api-versions listed in x-api-versions; do not edit, see"
            + " docs/schemas.md.");
    schema.set("x-source", newestSource);
    schema.set("x-api-versions", versions);
    schema.put("$ref", "#/$defs/" + newest.requestRoot());
    schema.set("$defs", allDefs);
    return schema;
  }

  /**
   * The variant name of {@code name} in the version being generated: its references are first
   * resolved to their own variants, then the content is compared with the variants written so far.
   */
  private static String variantOf(
      String name,
      Map<String, ObjectNode> converted,
      Map<String, String> chosen,
      Map<String, Map<String, String>> variants,
      ObjectNode allDefs,
      String apiVersion,
      Set<String> visiting) {
    if (chosen.containsKey(name)) {
      return chosen.get(name);
    }
    if (!visiting.add(name)) {
      throw new IllegalStateException("recursive definition " + name + " in " + apiVersion);
    }
    ObjectNode content = converted.get(name).deepCopy();
    rewriteRefs(
        content, ref -> variantOf(ref, converted, chosen, variants, allDefs, apiVersion, visiting));
    String key = content.toString();
    Map<String, String> known = variants.computeIfAbsent(name, k -> new LinkedHashMap<>());
    String variant = known.get(key);
    if (variant == null) {
      variant = known.isEmpty() ? name : name + "." + apiVersion;
      known.put(key, variant);
      allDefs.set(variant, content);
    }
    visiting.remove(name);
    chosen.put(name, variant);
    return variant;
  }

  private interface RefRewrite {
    String variant(String definition);
  }

  private static void rewriteRefs(JsonNode node, RefRewrite rewrite) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
        o.put("$ref", "#/$defs/" + rewrite.variant(ref.asText().substring("#/$defs/".length())));
      }
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("$ref")) {
          rewriteRefs(e.getValue(), rewrite);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> rewriteRefs(n, rewrite));
    }
  }

  /** The definitions reachable from {@code roots}, in a stable order (roots first). */
  private Set<String> reachable(List<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      String name = work.removeFirst();
      if (!definitions.has(name) || !seen.add(name)) {
        continue;
      }
      collectRefs(definitions.get(name), work);
    }
    return seen;
  }

  private static void collectRefs(JsonNode node, Deque<String> out) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
        out.addLast(ref.asText().substring("#/definitions/".length()));
      }
      node.forEach(n -> collectRefs(n, out));
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, out));
    }
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
      Iterator<Map.Entry<String, JsonNode>> it = s.get("properties").fields();
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
  private static void patchExtensionSettings(Map<String, ObjectNode> defs) {
    if (!defs.containsKey("VMExtension")) {
      return;
    }
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
  private static void patchProxyResource(ObjectNode pool) {
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
