package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;
import static dev.poolcheck.engine.normalise.CanonicalParts.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An Azure REST API example file ({@code specification/batch/.../examples/*.json}): {@code
 * {"parameters": {"api-version", <body parameter>, ...}, "responses": {"200": {"body": ...}}}}.
 * Every request body and every response body that holds a pool (management plane, data plane, a
 * node extension, or a list of them) becomes its own canonical pool, with {@code apiVersion} from
 * {@code parameters.api-version}, {@code documentRole} request or response and, for requests, the
 * {@code operation} the example performs (from {@code operationId} or the file name).
 */
final class AzureRestExampleNormaliser implements PoolNormaliser {

  /** Data-plane api-versions carry the service version: {@code 2025-06-01.21.0}. */
  private static final Pattern DATA_PLANE_VERSION =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.\\d+$");

  /** Request parameters that are never a body. */
  private static final List<String> NOT_BODIES =
      List.of("api-version", "subscriptionId", "resourceGroupName", "accountName", "poolName");

  @Override
  public DocumentKind kind() {
    return DocumentKind.AZURE_REST_EXAMPLE;
  }

  @Override
  public boolean recognises(JsonNode root) {
    return root.path("parameters").path("api-version").isTextual()
        && root.path("responses").isObject();
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    JsonNode parameters = root.path("parameters");
    JsonNode apiVersion = parameters.get("api-version");
    boolean dataPlane =
        (apiVersion != null && DATA_PLANE_VERSION.matcher(apiVersion.asText("")).matches())
            || parameters.has("batchUrl")
            || parameters.has("endpoint");
    String operation = operation(root, doc.source().name());
    List<PoolDocument> pools = new ArrayList<>();
    if (parameters.isObject()) {
      for (Map.Entry<String, JsonNode> e : parameters.properties()) {
        if (NOT_BODIES.contains(e.getKey()) || !e.getValue().isObject()) {
          continue;
        }
        String p = "/parameters" + segment(e.getKey());
        PoolDocument pool = body(doc, e.getValue(), p, dataPlane, findings);
        if (pool != null) {
          pools.add(
              stamp(pool, apiVersion, PoolProvenance.REQUEST, operation, root, e.getKey(), null));
          if (!pool.canonical().has("id") && parameters.path("poolName").isTextual()) {
            ((ObjectNode) pool.canonical()).set("id", parameters.get("poolName"));
            pool.pointers().map("/id", "/parameters/poolName");
          }
        }
      }
    }
    JsonNode responses = root.path("responses");
    for (Map.Entry<String, JsonNode> r : responses.properties()) {
      JsonNode body = r.getValue().path("body");
      String p = "/responses" + segment(r.getKey()) + "/body";
      if (!body.isObject()) {
        continue;
      }
      JsonNode list = body.get("value");
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          PoolDocument pool = body(doc, list.get(i), p + "/value/" + i, dataPlane, findings);
          if (pool != null) {
            pools.add(
                stamp(pool, apiVersion, PoolProvenance.RESPONSE, null, root, null, r.getKey()));
          }
        }
      } else {
        PoolDocument pool = body(doc, body, p, dataPlane, findings);
        if (pool != null) {
          pools.add(stamp(pool, apiVersion, PoolProvenance.RESPONSE, null, root, null, r.getKey()));
        }
      }
    }
    if (pools.isEmpty()) {
      findings.add(
          KindDetection.notAPool(
              doc,
              "not a pool definition: this Azure REST API example has no pool in its request"
                  + " parameters or response bodies (an operation such as a delete or a resize"
                  + " sends none)"));
    }
    return pools;
  }

  /** The pool in one body, or null when the body holds none. */
  private static PoolDocument body(
      ParsedDocument doc, JsonNode body, String p, boolean dataPlane, List<Finding> findings) {
    if (!body.isObject()) {
      return null;
    }
    if (body.path("vmExtension").isObject()) {
      return NodeExtensionNormaliser.extension(doc, body, p, findings);
    }
    if (body.path("properties").isObject()) {
      return ManagementNormaliser.pool(doc, body, p, DocumentKind.MANAGEMENT, findings);
    }
    if (dataPlane || new DataPlaneNormaliser().recognises(body)) {
      return DataPlaneNormaliser.pool(doc, body, p, findings);
    }
    return null;
  }

  private static PoolDocument stamp(
      PoolDocument pool,
      JsonNode apiVersion,
      String role,
      String operation,
      JsonNode root,
      String parameter,
      String status) {
    ObjectNode source = NODES.objectNode().put("form", "azure-rest-example");
    if (root.path("operationId").isTextual()) {
      source.set("operationId", root.get("operationId"));
    }
    if (parameter != null) {
      source.put("parameter", parameter);
    }
    if (status != null) {
      source.put("status", status);
    }
    return PoolProvenance.stamp(
        pool, apiVersion, "/parameters/api-version", role, operation, source);
  }

  /**
   * The operation an example performs: its {@code operationId} ({@code Pool_Create}, {@code
   * Pools_CreatePool}, {@code Pool_Update}), else its file name ({@code PoolCreate_*}, {@code
   * PoolAdd_*}, {@code PoolUpdate_*}); null for reads and anything else.
   */
  static String operation(JsonNode root, String fileName) {
    String id = root.path("operationId").asText("");
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    for (String s : List.of(id, name)) {
      String text = s.toLowerCase(Locale.ROOT).replace("_", "");
      if (text.isEmpty()) {
        continue;
      }
      if (text.contains("poolcreate")
          || text.contains("createpool")
          || text.contains("pooladd")
          || text.contains("addpool")) {
        return PoolProvenance.CREATE;
      }
      if (text.contains("poolupdate")
          || text.contains("updatepool")
          || text.contains("poolpatch")
          || text.contains("replacepool")
          || text.contains("poolreplace")) {
        return PoolProvenance.UPDATE;
      }
      if (!id.isEmpty()) {
        return null; // an operationId that is neither: a read or another action
      }
    }
    return null;
  }
}
