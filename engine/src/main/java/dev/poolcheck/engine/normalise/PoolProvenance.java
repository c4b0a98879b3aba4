package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.PoolDocument;

/**
 * What a wrapper says about the pool body it holds, written into the canonical pool as {@code
 * apiVersion}, {@code documentRole}, {@code operation} and {@code source} (see {@code
 * docs/canonical-model.md}). Values the body itself declares win over the wrapper's.
 */
final class PoolProvenance {

  static final String REQUEST = "request";
  static final String RESPONSE = "response";
  static final String CREATE = "create";
  static final String UPDATE = "update";

  private PoolProvenance() {}

  /**
   * Stamps a normalised pool.
   *
   * @param apiVersion the api-version the wrapper declares, or null
   * @param apiVersionPointer where it is written in the source
   * @param role {@link #REQUEST} or {@link #RESPONSE}
   * @param operation {@link #CREATE}, {@link #UPDATE} or null when not known
   * @param source the wrapper, e.g. {@code {"form": "azure-rest-example"}}
   */
  static PoolDocument stamp(
      PoolDocument pool,
      JsonNode apiVersion,
      String apiVersionPointer,
      String role,
      String operation,
      ObjectNode source) {
    if (!(pool.canonical() instanceof ObjectNode c)) {
      return pool;
    }
    if (apiVersion != null && !c.has("apiVersion")) {
      c.set("apiVersion", apiVersion);
      pool.pointers().map("/apiVersion", apiVersionPointer);
    }
    c.put("documentRole", role);
    if (operation != null) {
      c.put("operation", operation);
    }
    c.set("source", source);
    return pool;
  }
}
