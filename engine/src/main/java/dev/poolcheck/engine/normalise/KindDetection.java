package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolOperation;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects what kind of document a {@link ParsedDocument} is and hands it to that kind's {@link
 * PoolNormaliser}. The one place that knows every kind and the order they are tried in. Never
 * throws on bad input.
 */
public final class KindDetection {

  /**
   * Tried in this order; the first that recognises a document wins. ARM templates, node-extension
   * responses and Terraform plans and files have unmistakable members, so they go before the pool
   * bodies, whose members overlap; the wrappers (Azure REST API examples, Batch templates, a bare
   * ARM pool resource) go before the bodies they wrap.
   */
  private static final List<PoolNormaliser> NORMALISERS =
      List.of(
          new ArmTemplateNormaliser(),
          new NodeExtensionNormaliser(),
          new TerraformPlanNormaliser(),
          new TerraformNormaliser(),
          new AzureRestExampleNormaliser(),
          new BatchTemplateNormaliser(),
          new ArmResourceNormaliser(),
          new ManagementNormaliser(),
          new DataPlaneNormaliser());

  /**
   * Finds and normalises the pools of one document.
   *
   * @param doc a loaded document; one without a root gives an empty extraction (its problems were
   *     already reported by the loader)
   * @param forcedKind the kind given with {@code --kind}, which skips detection
   */
  public Extraction extract(ParsedDocument doc, Optional<DocumentKind> forcedKind) {
    if (doc.root().isEmpty()) {
      return new Extraction(Optional.empty(), List.of(), List.of());
    }
    JsonNode root = doc.root().get();
    Optional<PoolNormaliser> normaliser =
        forcedKind.isPresent() ? Optional.of(normaliserFor(forcedKind.get())) : detect(root);
    if (normaliser.isEmpty() && forcedKind.isEmpty() && root.isObject()) {
      Optional<Finding> misplaced = MisplacedPool.find(doc, root);
      if (misplaced.isPresent()) {
        return new Extraction(Optional.empty(), List.of(), List.of(misplaced.get()));
      }
    }
    if (normaliser.isEmpty() || !root.isObject()) {
      return new Extraction(
          Optional.empty(),
          List.of(),
          List.of(
              notAPool(
                  doc,
                  "not a pool definition: poolcheck checks management-plane pool bodies"
                      + " (properties.deploymentConfiguration...), data-plane pool bodies (id,"
                      + " vmSize, virtualMachineConfiguration), ARM templates declaring "
                      + ArmTemplateNormaliser.POOL_TYPE
                      + ", node-extension responses (vmExtension) and Terraform azurerm_batch_pool"
                      + " resources (.tf files, terraform show -json); use --kind to force"
                      + " one")));
    }
    List<Finding> findings = new ArrayList<>();
    List<PoolDocument> pools = normaliser.get().normalise(doc, root, findings);
    return new Extraction(Optional.of(normaliser.get().kind()), pools, findings);
  }

  private static Optional<PoolNormaliser> detect(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    return NORMALISERS.stream().filter(n -> n.recognises(root)).findFirst();
  }

  private static PoolNormaliser normaliserFor(DocumentKind kind) {
    return NORMALISERS.stream()
        .filter(n -> n.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no normaliser for kind " + kind));
  }

  /** An info finding for a document that holds no pool poolcheck can read. */
  static Finding notAPool(ParsedDocument doc, String message) {
    SourceRange at = doc.index() == 0 ? SourceRange.FILE_START : doc.positions().locate("");
    return DocumentFindings.finding(
        DocumentFindings.NOT_A_POOL_DEFINITION, message, doc.source().name(), "", at);
  }

  /**
   * Records {@code operation} ({@code --operation}) on the request bodies that do not say what they
   * do themselves (Azure REST API examples do); responses are not requests.
   */
  public static void assumeOperation(List<PoolDocument> pools, PoolOperation operation) {
    for (PoolDocument pool : pools) {
      if (pool.canonical() instanceof ObjectNode c
          && !c.has("operation")
          && !PoolProvenance.RESPONSE.equals(c.path("documentRole").asText())
          && !"extension".equals(c.path("scope").asText())) {
        c.put("operation", operation.id());
      }
    }
  }
}
