package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The extension settings schemas and their index ({@code schemas/extensions/index.json}, described
 * in {@code docs/editor.md}), loaded from the class path and compiled once per JVM, on first use;
 * compiled networknt schemas are immutable and serve every thread.
 */
final class ExtensionSchemas {

  static final String INDEX = "extensions/index.json";

  /** One entry of the index: which schema validates one publisher/type at some versions. */
  record Entry(
      String publisher,
      String type,
      List<String> majorVersions,
      Optional<Pattern> versionPattern,
      String schema,
      String protectedSettingsSchema) {

    /** Whether this entry applies to {@code typeHandlerVersion} (publisher/type already match). */
    boolean covers(String typeHandlerVersion) {
      return versionPattern
          .map(p -> p.matcher(typeHandlerVersion).matches())
          .orElseGet(() -> majorVersions.contains(major(typeHandlerVersion)));
    }

    /** How the versions this entry covers are written in messages: {@code 3.x}, or any. */
    String versions() {
      return versionPattern.isPresent()
          ? "any"
          : String.join(", ", majorVersions.stream().map(m -> m + ".x").toList());
    }
  }

  private static final class Holder {
    static final ExtensionSchemas INSTANCE = new ExtensionSchemas();
  }

  private final String baseId;
  private final List<Entry> entries;
  private final Map<String, JsonNode> documents = new HashMap<>();
  private final SchemaRegistry registry = PoolSchemas.offlineRegistry();
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private ExtensionSchemas() {
    ObjectMapper json = new ObjectMapper();
    JsonNode index = read(json, INDEX);
    this.baseId = index.path("baseId").asText();
    List<Entry> list = new ArrayList<>();
    for (JsonNode e : index.path("extensions")) {
      List<String> majors = new ArrayList<>();
      e.path("majorVersions").forEach(m -> majors.add(m.asText()));
      Optional<Pattern> pattern =
          e.hasNonNull("versionPattern")
              ? Optional.of(Pattern.compile(e.get("versionPattern").asText()))
              : Optional.empty();
      Entry entry =
          new Entry(
              e.path("publisher").asText(),
              e.path("type").asText(),
              List.copyOf(majors),
              pattern,
              e.path("schema").asText(),
              e.path("protectedSettingsSchema").asText());
      list.add(entry);
      documents.computeIfAbsent(
          baseId + entry.schema(), id -> read(json, "extensions/" + entry.schema()));
    }
    this.entries = List.copyOf(list);
    // Compiled up front, as PoolSchemas does: the first pools are then checked on many threads.
    for (Entry entry : entries) {
      schema(entry.schema());
      schema(entry.protectedSettingsSchema());
    }
  }

  static ExtensionSchemas get() {
    return Holder.INSTANCE;
  }

  /** The major version of a typeHandlerVersion: the digits before the first dot. */
  static String major(String typeHandlerVersion) {
    int dot = typeHandlerVersion.indexOf('.');
    return dot < 0 ? typeHandlerVersion : typeHandlerVersion.substring(0, dot);
  }

  /** The entries for a publisher and type, compared case-insensitively; empty when unknown. */
  List<Entry> entriesFor(String publisher, String type) {
    String p = publisher.toLowerCase(Locale.ROOT);
    String t = type.toLowerCase(Locale.ROOT);
    return entries.stream()
        .filter(e -> e.publisher().toLowerCase(Locale.ROOT).equals(p))
        .filter(e -> e.type().toLowerCase(Locale.ROOT).equals(t))
        .toList();
  }

  /** The compiled schema of a {@code file} or {@code file#pointer} reference of the index. */
  Schema schema(String reference) {
    return compiled.computeIfAbsent(
        reference,
        ref -> {
          Schema schema = registry.getSchema(SchemaLocation.of(baseId + ref));
          schema.initializeValidators();
          return schema;
        });
  }

  /** The compiled schema at an absolute location (such as an {@code if} inside a schema). */
  Schema schemaAt(SchemaLocation location) {
    return compiled.computeIfAbsent(
        location.toString(),
        ref -> {
          Schema schema = registry.getSchema(location);
          schema.initializeValidators();
          return schema;
        });
  }

  /** The raw schema node at {@code pointer} in the extension schema with id {@code iri}. */
  JsonNode schemaNode(String iri, String pointer) {
    JsonNode doc = documents.get(iri);
    return doc == null ? MissingNode.getInstance() : doc.at(pointer);
  }

  private static JsonNode read(ObjectMapper json, String file) {
    String resource = PoolSchemas.CLASSPATH_BASE + file;
    try (InputStream in = ExtensionSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: " + resource);
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
