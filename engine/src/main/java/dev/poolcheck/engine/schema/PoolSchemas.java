package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated pool schemas, loaded from the class path ({@code dev/poolcheck/schemas/}) and
 * compiled lazily: each plane's schema file is read when a document of that plane is first checked,
 * and each root (a plane, an api-version, request or response or part) is compiled on its first
 * use, once per JVM. A cold check of one management-plane body compiles one root of one file, not
 * the five roots of both files it compiled before (docs/performance.md).
 *
 * <p>Nothing is ever fetched over the network: schema ids under {@code
 * https://poolcheck.dev/schemas/} are mapped to the class path, remote fetching is off, and the
 * 2020-12 meta-schema is built into networknt. Compiled networknt {@link Schema}s are immutable
 * once their validators are initialised (done here, when a root is compiled) and each {@code
 * validate} call gets its own execution context, so one instance serves every thread.
 */
public final class PoolSchemas {

  /** The schemas' common id prefix; ids below it resolve to {@link #CLASSPATH_BASE}. */
  public static final String ID_BASE = "https://poolcheck.dev/schemas/";

  /** Where the engine jar holds the files of the top-level {@code schemas/} folder. */
  public static final String CLASSPATH_BASE = "dev/poolcheck/schemas/";

  static final String MANAGEMENT_FILE = "management-pool.schema.json";
  static final String DATA_PLANE_FILE = "data-plane-pool.schema.json";

  /** The (sub)schemas of the newest api-versions. */
  public enum Part {
    /** Body of a management-plane PUT: {@code Pool}. */
    MANAGEMENT_POOL(ApiVersions.Plane.MANAGEMENT, PropertyHistory.Root.REQUEST),
    /** The {@code properties} of an ARM template pool resource. */
    MANAGEMENT_POOL_PROPERTIES(ApiVersions.Plane.MANAGEMENT, PropertyHistory.Root.POOL_PROPERTIES),
    /** The {@code identity} of an ARM template pool resource. */
    MANAGEMENT_POOL_IDENTITY(ApiVersions.Plane.MANAGEMENT, PropertyHistory.Root.POOL_IDENTITY),
    /** Body of a data-plane pool create: {@code BatchPoolCreateOptions}. */
    DATA_PLANE_POOL(ApiVersions.Plane.DATA_PLANE, PropertyHistory.Root.REQUEST),
    /** The {@code vmExtension} of a node extension response. */
    DATA_PLANE_EXTENSION(ApiVersions.Plane.DATA_PLANE, PropertyHistory.Root.EXTENSION);

    final ApiVersions.Plane plane;
    final PropertyHistory.Root root;

    Part(ApiVersions.Plane plane, PropertyHistory.Root root) {
      this.plane = plane;
      this.root = root;
    }
  }

  /** One compiled root: a plane, an api-version and which of its schemas. */
  private record Key(ApiVersions.Plane plane, String apiVersion, PropertyHistory.Root root) {}

  private static final class Holder {
    static final PoolSchemas INSTANCE = new PoolSchemas();
  }

  private final SchemaRegistry registry = offlineRegistry();
  private final Map<Key, Schema> compiled = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

  private PoolSchemas() {}

  /** The schemas; nothing is read or compiled until a root is first used. */
  public static PoolSchemas get() {
    return Holder.INSTANCE;
  }

  /**
   * Compiles the newest management-plane request schema (the most common document), so that a
   * caller can do it on another thread while the first file loads.
   */
  void prepareCommon() {
    schema(
        ApiVersions.Plane.MANAGEMENT,
        ApiVersions.shipped().newest(ApiVersions.Plane.MANAGEMENT),
        PropertyHistory.Root.REQUEST);
  }

  /** The schema file with id {@code iri}, read on first use; missing node for other ids. */
  private JsonNode document(String iri) {
    if (!iri.equals(ID_BASE + MANAGEMENT_FILE) && !iri.equals(ID_BASE + DATA_PLANE_FILE)) {
      return MissingNode.getInstance();
    }
    return documents.computeIfAbsent(
        iri, id -> readClasspath(new ObjectMapper(), id.substring(ID_BASE.length())));
  }

  /**
   * Where {@code root} of {@code apiVersion} is in its plane's schema file ({@code
   * x-api-versions}). A version without a response schema of its own (the data plane's
   * 2025-06-01.21.0 excerpt has no {@code BatchPool}) uses the one of the nearest older version
   * that has one.
   */
  String pointer(ApiVersions.Plane plane, String apiVersion, PropertyHistory.Root root) {
    JsonNode versions = document(ID_BASE + plane.file).path("x-api-versions");
    List<String> shipped = ApiVersions.shipped().of(plane);
    int from = Math.max(0, shipped.indexOf(apiVersion));
    for (int i = from; i < shipped.size(); i++) {
      JsonNode ref = versions.path(shipped.get(i)).at("/" + root.entry);
      if (ref.isTextual()) {
        return ref.asText().substring(1);
      }
      if (root != PropertyHistory.Root.RESPONSE) {
        break;
      }
    }
    throw new IllegalArgumentException("no " + root + " schema for " + plane + " " + apiVersion);
  }

  /** The compiled schema of one root of one api-version; compiled once, on first use. */
  Schema schema(ApiVersions.Plane plane, String apiVersion, PropertyHistory.Root root) {
    return compiled.computeIfAbsent(
        new Key(plane, apiVersion, root),
        k -> {
          String location = ID_BASE + plane.file + "#" + pointer(plane, apiVersion, root);
          synchronized (registry) {
            Schema schema = registry.getSchema(SchemaLocation.of(location));
            schema.initializeValidators();
            return schema;
          }
        });
  }

  /**
   * A 2020-12 registry that resolves poolcheck's schema ids from the class path and never fetches
   * anything remote; format assertions are on.
   */
  public static SchemaRegistry offlineRegistry() {
    // x-source records where a generated schema came from; deprecationMessage (the VS Code
    // annotation the extension-settings schemas use) says what replaced a setting. Declared here,
    // they are not unknown keywords, which the validator would warn about through SLF4J: in a Maven
    // build that warning lands in the build log ("Unknown keyword deprecationMessage").
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("x-source"))
            .keyword(new NonValidationKeyword("deprecationMessage"))
            .keyword(new NonValidationKeyword("x-api-versions"))
            .build();
    return SchemaRegistry.withDefaultDialect(
        dialect,
        b ->
            b.schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .schemaIdResolvers(
                                ids -> ids.mapPrefix(ID_BASE, "classpath:" + CLASSPATH_BASE)))
                .schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** Validates {@code instance} against one part of the newest api-version. */
  public List<Error> validate(Part part, JsonNode instance) {
    return validate(part.plane, ApiVersions.shipped().newest(part.plane), part.root, instance);
  }

  /** Validates {@code instance} against one root of one api-version, reporting read-only too. */
  public List<Error> validate(
      ApiVersions.Plane plane, String apiVersion, PropertyHistory.Root root, JsonNode instance) {
    return schema(plane, apiVersion, root)
        .validate(
            instance,
            ctx -> ctx.executionConfig(c -> c.readOnly(true).formatAssertionsEnabled(true)));
  }

  /** The raw schema node at {@code pointer} in the schema document with id {@code iri}. */
  JsonNode schemaNode(String iri, String pointer) {
    return document(iri).at(pointer);
  }

  private static JsonNode readClasspath(ObjectMapper json, String file) {
    String resource = CLASSPATH_BASE + file;
    try (InputStream in = PoolSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the class path: " + resource);
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }
}
