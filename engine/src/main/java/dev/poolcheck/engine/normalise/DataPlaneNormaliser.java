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
 * The data-plane pool body ({@code id}, {@code vmSize}, {@code virtualMachineConfiguration} at the
 * top, as for {@code az batch pool create --json-file}); {@code certificateReferences} becomes
 * {@code /certificates}.
 */
final class DataPlaneNormaliser implements PoolNormaliser {

  /** Top-level members of a data-plane pool body that identify one. */
  private static final Set<String> DATA_PLANE_MEMBERS =
      Set.of(
          "vmSize",
          "virtualMachineConfiguration",
          "cloudServiceConfiguration",
          "enableAutoScale",
          "targetDedicatedNodes",
          "targetLowPriorityNodes",
          "autoScaleFormula");

  @Override
  public DocumentKind kind() {
    return DocumentKind.DATA_PLANE;
  }

  @Override
  public boolean recognises(JsonNode root) {
    return DATA_PLANE_MEMBERS.stream().anyMatch(root::has);
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    return List.of(pool(doc, root, "", findings));
  }

  /**
   * One data-plane pool body at source pointer {@code p} (Azure REST API examples and Batch
   * templates hold one below the root).
   */
  static PoolDocument pool(ParsedDocument doc, JsonNode root, String p, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", p);
    c.put("kind", DocumentKind.DATA_PLANE.id());
    c.put("scope", "pool");
    root.properties()
        .forEach(
            e -> {
              String key = e.getKey();
              String src = p + segment(key);
              switch (key) {
                case "kind", "scope" -> {
                  // not data-plane members; the canonical ones win
                }
                case "virtualMachineConfiguration" ->
                    CanonicalParts.virtualMachineConfiguration(
                        doc, c, e.getValue(), src, m, findings);
                case "certificateReferences" -> {
                  c.set("certificates", e.getValue());
                  m.map("/certificates", src);
                }
                case "identity" -> CanonicalParts.identity(c, e.getValue(), src, m);
                default -> {
                  if (!c.has(key)) {
                    c.set(key, e.getValue());
                  }
                }
              }
            });
    return new PoolDocument(doc, DocumentKind.DATA_PLANE, p, c, m);
  }
}
