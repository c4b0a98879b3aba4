package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;
import static dev.poolcheck.engine.normalise.CanonicalParts.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Set;

/**
 * The management-plane body of {@code PUT .../batchAccounts/{account}/pools/{pool}}: pool fields
 * under {@code properties}, {@code deploymentConfiguration.virtualMachineConfiguration} lifted to
 * {@code /virtualMachineConfiguration}. ARM pool resources have the same shape ({@link
 * ArmTemplateNormaliser} uses {@link #pool}).
 */
final class ManagementNormaliser implements PoolNormaliser {

  /** Members of management {@code properties} that only a pool has. */
  private static final Set<String> POOL_PROPERTIES =
      Set.of(
          "deploymentConfiguration",
          "vmSize",
          "scaleSettings",
          "taskSchedulingPolicy",
          "startTask",
          "interNodeCommunication",
          "taskSlotsPerNode",
          "mountConfiguration",
          "applicationPackages",
          "upgradePolicy");

  @Override
  public DocumentKind kind() {
    return DocumentKind.MANAGEMENT;
  }

  @Override
  public boolean recognises(JsonNode root) {
    JsonNode properties = root.get("properties");
    if (properties == null || !properties.isObject()) {
      return false;
    }
    boolean poolType = ArmTemplateNormaliser.POOL_TYPE.equalsIgnoreCase(root.path("type").asText());
    return poolType || POOL_PROPERTIES.stream().anyMatch(properties::has);
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    return List.of(pool(doc, root, "", DocumentKind.MANAGEMENT, findings));
  }

  /**
   * One management-shaped pool at source pointer {@code p}.
   *
   * @param kind the kind reported for it (a management body, or a pool resource of an ARM template)
   */
  static PoolDocument pool(
      ParsedDocument doc, JsonNode pool, String p, DocumentKind kind, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", p);
    c.put("kind", kind.id());
    c.put("scope", "pool");
    JsonNode name = pool.get("name");
    if (name != null) {
      c.set("id", kind == DocumentKind.ARM_TEMPLATE ? ArmTemplateNormaliser.poolName(name) : name);
      m.map("/id", p + "/name");
    }
    JsonNode apiVersion = pool.get("apiVersion");
    if (apiVersion != null) {
      c.set("apiVersion", apiVersion);
      m.map("/apiVersion", p + "/apiVersion");
    }
    String props = p + "/properties";
    JsonNode properties = pool.path("properties");
    properties
        .properties()
        .forEach(
            e -> {
              String key = e.getKey();
              String src = props + segment(key);
              if (key.equals("deploymentConfiguration") && e.getValue().isObject()) {
                e.getValue()
                    .properties()
                    .forEach(
                        d -> {
                          String dsrc = src + segment(d.getKey());
                          if (d.getKey().equals("virtualMachineConfiguration")) {
                            CanonicalParts.virtualMachineConfiguration(
                                doc, c, d.getValue(), dsrc, m, findings);
                          } else {
                            // cloudServiceConfiguration and anything else: kept beside it
                            c.set(d.getKey(), d.getValue());
                            m.map(segment(d.getKey()), dsrc);
                          }
                        });
              } else if (!c.has(key)) {
                c.set(key, e.getValue());
                m.map(segment(key), src);
              }
            });
    if (pool.has("identity")) {
      CanonicalParts.identity(c, pool.get("identity"), p + "/identity", m);
    }
    if (pool.has("tags") && !c.has("tags")) {
      c.set("tags", pool.get("tags"));
      m.map("/tags", p + "/tags");
    }
    return new PoolDocument(doc, kind, p, c, m);
  }
}
