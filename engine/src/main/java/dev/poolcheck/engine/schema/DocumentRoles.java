package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.List;

/**
 * Whether a pool document is a GET response rather than a request body. Responses carry what Azure
 * set (read-only members are expected) and never the secrets a request sent (write-only members are
 * not required); every rule about their content still applies.
 */
final class DocumentRoles {

  /**
   * Members only a data-plane GET returns ({@code CloudPool}/{@code BatchPool}): {@code url} and
   * {@code eTag} with at least one of the state members mean the document is {@code az batch pool
   * show} (or {@code list}) output, whatever its normaliser said.
   */
  private static final List<String> DATA_PLANE_STATE =
      List.of("state", "allocationState", "creationTime", "stateTransitionTime", "lastModified");

  private DocumentRoles() {}

  /**
   * A response: canonical {@code documentRole} says so, the document is a node-extension GET
   * response, or a data-plane body has the members only a GET returns.
   *
   * @param body the pool as written in the source
   */
  static boolean isResponse(DocumentKind kind, JsonNode canonical, JsonNode body) {
    if (canonical != null && "response".equals(canonical.path("documentRole").asText())) {
      return true;
    }
    if (kind == DocumentKind.NODE_EXTENSION) {
      return true;
    }
    return kind == DocumentKind.DATA_PLANE && looksLikeDataPlaneGet(body);
  }

  static boolean looksLikeDataPlaneGet(JsonNode body) {
    return body != null
        && body.isObject()
        && body.path("url").isTextual()
        && body.path("eTag").isTextual()
        && DATA_PLANE_STATE.stream().anyMatch(body::has);
  }
}
