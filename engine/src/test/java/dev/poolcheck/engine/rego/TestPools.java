package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.document.PositionIndex;
import dev.poolcheck.engine.document.SourceFile;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.rule.RuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Canonical pools for tests, built from Jackson trees (the loader is not used here), and the repo
 * folders the tests read.
 */
public final class TestPools {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** The repository root; tests run in {@code engine/}. */
  /** The repository root: the nearest folder upwards that holds both policies/ and fixtures/. */
  public static final Path REPO = findRepo();

  private static Path findRepo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(java.nio.file.Files.isDirectory(dir.resolve("policies"))
            && java.nio.file.Files.isDirectory(dir.resolve("fixtures")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private TestPools() {}

  /** A pool in canonical shape from JSON text. */
  public static PoolDocument canonical(String json) {
    try {
      return pool(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A data-plane pool body as the canonical pool: the same shape but for {@code nodeAgentSKUId} and
   * {@code certificateReferences}, plus kind and scope.
   */
  public static PoolDocument fromDataPlane(Path file) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(file));
      ObjectNode canonical = JSON.createObjectNode().put("kind", "data-plane").put("scope", "pool");
      canonical.setAll(body);
      JsonNode vm = canonical.path("virtualMachineConfiguration");
      if (vm instanceof ObjectNode config && config.has("nodeAgentSKUId")) {
        config.set("nodeAgentSkuId", config.remove("nodeAgentSKUId"));
      }
      if (canonical.has("certificateReferences")) {
        canonical.set("certificates", canonical.remove("certificateReferences"));
      }
      return pool(canonical);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first resource of an ARM template as the canonical pool, for rules about templates only:
   * kind, scope and apiVersion, with {@code deploymentConfiguration} lifted (identities are left
   * out).
   */
  public static PoolDocument fromArmTemplate(Path file) {
    try {
      JsonNode resource = JSON.readTree(Files.readString(file)).path("resources").path(0);
      ObjectNode canonical = JSON.createObjectNode().put("kind", "arm").put("scope", "pool");
      canonical.set("apiVersion", resource.get("apiVersion"));
      ObjectNode properties = resource.path("properties").deepCopy();
      JsonNode deployment = properties.remove("deploymentConfiguration");
      canonical.setAll(properties);
      if (deployment instanceof ObjectNode configurations) {
        canonical.setAll(configurations);
      }
      return pool(canonical);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A rule's {@code bad} or {@code good} fixture: the data-plane body ({@code <side>.json}), or for
   * rules about templates only, the ARM template ({@code <side>.arm.json}).
   */
  public static PoolDocument ruleFixture(Path dir, String side) {
    Path dataPlane = dir.resolve(side + ".json");
    return Files.exists(dataPlane)
        ? fromDataPlane(dataPlane)
        : fromArmTemplate(dir.resolve(side + ".arm.json"));
  }

  public static PoolDocument pool(JsonNode canonical) {
    SourceFile file =
        new SourceFile("pool.json", Optional.empty(), canonical.toString(), SourceFile.Format.JSON);
    ParsedDocument parsed =
        new ParsedDocument(file, 0, Optional.of(canonical), new PositionIndex(), List.of());
    return new PoolDocument(parsed, DocumentKind.DATA_PLANE, "", canonical, new PointerMap());
  }

  /** A context with no configured data. */
  public static RuleContext context() {
    return new RuleContext(LocalDate.of(2026, 11, 27), JSON.createObjectNode());
  }

  public static RuleContext context(String dataJson) {
    try {
      return new RuleContext(LocalDate.of(2026, 11, 27), JSON.readTree(dataJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
