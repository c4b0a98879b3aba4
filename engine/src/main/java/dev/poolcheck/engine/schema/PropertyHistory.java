package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.poolcheck.engine.schema.ApiVersions.Plane;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In which shipped api-versions a property exists at a given place, so that a property the checked
 * version does not know, but another version does, is explained as a version difference ("was
 * removed in api-version 2025-06-01") instead of being taken for a typo.
 *
 * <p>Places are found by walking each version's schema along the instance path (following {@code
 * $ref}, {@code items}, {@code properties}, {@code additionalProperties} and {@code allOf}), not by
 * definition name: the data plane renamed its definitions when it moved to TypeSpec ({@code
 * PoolAddParameter} became {@code BatchPoolCreateOptions}) but kept the wire names.
 */
public final class PropertyHistory {

  /** Which schema of a version an instance was validated against. */
  public enum Root {
    REQUEST("request"),
    RESPONSE("response"),
    POOL_PROPERTIES("parts/PoolProperties"),
    POOL_IDENTITY("parts/BatchPoolIdentity"),
    EXTENSION("parts/VMExtension");

    final String entry;

    Root(String entry) {
      this.entry = entry;
    }
  }

  private static final class Holder {
    static final PropertyHistory SHIPPED = new PropertyHistory(load());
  }

  private final Map<Plane, JsonNode> schemas;

  PropertyHistory(Map<Plane, JsonNode> schemas) {
    this.schemas = schemas;
  }

  /** The history of the shipped schemas. */
  public static PropertyHistory shipped() {
    return Holder.SHIPPED;
  }

  /**
   * The shipped versions (newest first) whose {@code root} schema has {@code member} in the object
   * at {@code parent} (tokens of the instance path below the root, unescaped).
   */
  public List<String> versionsWith(Plane plane, Root root, List<String> parent, String member) {
    JsonNode schema = schemas.get(plane);
    List<String> out = new ArrayList<>();
    schema
        .path("x-api-versions")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode entry = e.getValue().at("/" + root.entry);
              if (entry.isMissingNode() && root == Root.RESPONSE) {
                entry = e.getValue().path("request");
              }
              if (!entry.isTextual()) {
                return;
              }
              JsonNode object = walk(schema, schema.at(entry.asText().substring(1)), parent);
              if (hasProperty(schema, object, member)) {
                out.add(e.getKey());
              }
            });
    return out;
  }

  /**
   * Why {@code member} is unknown at {@code parent} in {@code checked}, when another shipped
   * version knows it: "was removed in api-version X ...; remove it or target Y", or "was added in
   * api-version X ...". Empty when no shipped version of the plane knows it there.
   */
  public Optional<String> explain(
      Plane plane, String checked, Root root, List<String> parent, String member) {
    List<String> all = ApiVersions.shipped().of(plane); // newest first
    List<String> with = versionsWith(plane, root, parent, member);
    int at = all.indexOf(checked);
    if (with.isEmpty() || at < 0 || with.contains(checked)) {
      return Optional.empty();
    }
    // Older versions that have it: the newest of them is the one to target.
    for (int i = at + 1; i < all.size(); i++) {
      if (with.contains(all.get(i))) {
        String removedIn = all.get(i - 1);
        return Optional.of(
            "`"
                + member
                + "` was removed in api-version "
                + removedIn
                + " (the document is checked against "
                + checked
                + "); remove it, or target api-version "
                + all.get(i)
                + " where it still exists");
      }
    }
    for (int i = at - 1; i >= 0; i--) {
      if (with.contains(all.get(i))) {
        return Optional.of(
            "`"
                + member
                + "` was added in api-version "
                + all.get(i)
                + " (the document is checked against "
                + checked
                + "); target api-version "
                + all.get(i)
                + " or later, or remove it");
      }
    }
    return Optional.empty();
  }

  private static JsonNode walk(JsonNode doc, JsonNode node, List<String> tokens) {
    JsonNode current = node;
    for (String token : tokens) {
      current = resolve(doc, current);
      if (current.isMissingNode()) {
        return current;
      }
      current = child(doc, current, token);
    }
    return resolve(doc, current);
  }

  private static JsonNode child(JsonNode doc, JsonNode object, String token) {
    if (object.has("items") && token.chars().allMatch(Character::isDigit) && !token.isEmpty()) {
      return object.get("items");
    }
    JsonNode props = object.path("properties");
    if (props.has(token)) {
      return props.get(token);
    }
    for (JsonNode part : object.path("allOf")) {
      JsonNode hit = child(doc, resolve(doc, part), token);
      if (!hit.isMissingNode()) {
        return hit;
      }
    }
    JsonNode additional = object.path("additionalProperties");
    return additional.isObject() ? additional : MissingNode.getInstance();
  }

  private static boolean hasProperty(JsonNode doc, JsonNode object, String member) {
    if (object.path("properties").has(member)) {
      return true;
    }
    for (JsonNode part : object.path("allOf")) {
      if (hasProperty(doc, resolve(doc, part), member)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; depth < 32 && current.path("$ref").isTextual(); depth++) {
      String ref = current.get("$ref").asText();
      current = ref.startsWith("#") ? doc.at(ref.substring(1)) : MissingNode.getInstance();
    }
    return current;
  }

  private static Map<Plane, JsonNode> load() {
    Map<Plane, JsonNode> out = new EnumMap<>(Plane.class);
    ObjectMapper json = new ObjectMapper();
    for (Plane plane : Plane.values()) {
      String resource = PoolSchemas.CLASSPATH_BASE + plane.file;
      try (InputStream in = PropertyHistory.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("schema missing from the class path: " + resource);
        }
        out.put(plane, json.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema " + resource, e);
      }
    }
    return out;
  }
}
