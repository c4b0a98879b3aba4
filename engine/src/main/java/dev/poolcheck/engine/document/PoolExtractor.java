package dev.poolcheck.engine.document;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.report.Finding;
import dev.poolcheck.engine.report.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Detects what kind of document a {@link ParsedDocument} is and turns every pool in it into the
 * canonical shape of {@code schemas/pool-document.schema.json} (see {@code
 * docs/canonical-model.md}), recording for every canonical pointer the source pointer it came from.
 * Never throws on bad input.
 */
public final class PoolExtractor {

  static final String POOL_TYPE = "Microsoft.Batch/batchAccounts/pools";
  static final String ACCOUNT_TYPE = "Microsoft.Batch/batchAccounts";
  private static final String DEPLOYMENT_TYPE = "Microsoft.Resources/deployments";

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

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    Optional<DocumentKind> kind = forcedKind.isPresent() ? forcedKind : detect(root);
    if (kind.isEmpty() || !root.isObject()) {
      return new Extraction(
          Optional.empty(),
          List.of(),
          List.of(
              notAPool(
                  doc,
                  "not a pool definition: poolcheck checks management-plane pool bodies"
                      + " (properties.deploymentConfiguration...), data-plane pool bodies (id,"
                      + " vmSize, virtualMachineConfiguration), ARM templates declaring "
                      + POOL_TYPE
                      + " and node-extension responses (vmExtension); use --kind to force"
                      + " one")));
    }
    List<Finding> findings = new ArrayList<>();
    List<PoolDocument> pools = new ArrayList<>();
    switch (kind.get()) {
      case MANAGEMENT -> pools.add(management(doc, root, "", DocumentKind.MANAGEMENT, findings));
      case DATA_PLANE -> pools.add(dataPlane(doc, root, findings));
      case ARM_TEMPLATE -> {
        List<String> pointers = new ArrayList<>();
        armPools(root.get("resources"), "/resources", false, pointers);
        for (String p : pointers) {
          pools.add(
              management(
                  doc, root.at(JsonPointer.compile(p)), p, DocumentKind.ARM_TEMPLATE, findings));
        }
        if (pointers.isEmpty()) {
          findings.add(
              notAPool(
                  doc,
                  "not a pool definition: the ARM template declares no "
                      + POOL_TYPE
                      + " resource (top level, or 'pools' nested under "
                      + ACCOUNT_TYPE
                      + ")"));
        }
      }
      case NODE_EXTENSION -> pools.add(nodeExtension(doc, root, findings));
    }
    return new Extraction(kind, pools, findings);
  }

  /** The kind of a document, judged from its top-level members. */
  public static Optional<DocumentKind> detect(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode schema = root.get("$schema");
    JsonNode resources = root.get("resources");
    boolean hasResources = resources != null && (resources.isArray() || resources.isObject());
    if ((schema != null && schema.asText().contains("deploymentTemplate"))
        || (hasResources && root.has("contentVersion"))) {
      return Optional.of(DocumentKind.ARM_TEMPLATE);
    }
    if (root.path("vmExtension").isObject()) {
      return Optional.of(DocumentKind.NODE_EXTENSION);
    }
    JsonNode properties = root.get("properties");
    if (properties != null && properties.isObject()) {
      boolean poolType = POOL_TYPE.equalsIgnoreCase(root.path("type").asText());
      boolean poolProps = POOL_PROPERTIES.stream().anyMatch(properties::has);
      if (poolType || poolProps) {
        return Optional.of(DocumentKind.MANAGEMENT);
      }
    }
    if (DATA_PLANE_MEMBERS.stream().anyMatch(root::has)) {
      return Optional.of(DocumentKind.DATA_PLANE);
    }
    return Optional.empty();
  }

  /**
   * Whether a value is an ARM template expression ({@code "[parameters('x')]"}); {@code "[["}
   * escapes a literal bracket.
   */
  public static boolean isArmExpression(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String s = value.textValue().strip();
    return s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");
  }

  // --- ARM ---------------------------------------------------------------------------------

  /** Collects pool resources: full type anywhere, or {@code pools} nested under an account. */
  private static void armPools(
      JsonNode resources, String pointer, boolean underAccount, List<String> found) {
    if (resources == null) {
      return;
    }
    // languageVersion 2.0 templates hold resources in an object keyed by symbolic name.
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (resources.isArray()) {
      for (int i = 0; i < resources.size(); i++) {
        entries.add(Map.entry(String.valueOf(i), resources.get(i)));
      }
    } else if (resources.isObject()) {
      resources.properties().forEach(entries::add);
    }
    for (Map.Entry<String, JsonNode> e : entries) {
      JsonNode r = e.getValue();
      if (!r.isObject()) {
        continue;
      }
      String p = pointer + segment(e.getKey());
      String type = r.path("type").asText("");
      if (POOL_TYPE.equalsIgnoreCase(type) || (underAccount && "pools".equalsIgnoreCase(type))) {
        found.add(p);
        continue;
      }
      armPools(r.get("resources"), p + "/resources", ACCOUNT_TYPE.equalsIgnoreCase(type), found);
      if (DEPLOYMENT_TYPE.equalsIgnoreCase(type)) {
        armPools(
            r.path("properties").path("template").get("resources"),
            p + "/properties/template/resources",
            false,
            found);
      }
    }
  }

  // --- management plane (and ARM pool resources) -------------------------------------------

  private PoolDocument management(
      ParsedDocument doc, JsonNode pool, String p, DocumentKind kind, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", p);
    c.put("kind", kind.id());
    c.put("scope", "pool");
    JsonNode name = pool.get("name");
    if (name != null) {
      c.set("id", kind == DocumentKind.ARM_TEMPLATE ? armPoolName(name) : name);
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
                            virtualMachineConfiguration(doc, c, d.getValue(), dsrc, m, findings);
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
      identity(c, pool.get("identity"), p + "/identity", m);
    }
    if (pool.has("tags") && !c.has("tags")) {
      c.set("tags", pool.get("tags"));
      m.map("/tags", p + "/tags");
    }
    return new PoolDocument(doc, kind, p, c, m);
  }

  /** {@code account/pool} names of top-level ARM resources name the pool by their last part. */
  private static JsonNode armPoolName(JsonNode name) {
    if (!name.isTextual() || isArmExpression(name)) {
      return name;
    }
    String s = name.textValue();
    int slash = s.lastIndexOf('/');
    return slash < 0 ? name : NODES.textNode(s.substring(slash + 1));
  }

  private static void identity(ObjectNode c, JsonNode identity, String src, PointerMap m) {
    m.map("/identity", src);
    if (!identity.isObject()) {
      c.set("identity", identity);
      return;
    }
    ObjectNode out = c.putObject("identity");
    identity
        .properties()
        .forEach(
            e -> {
              if (e.getKey().equals("userAssignedIdentities") && e.getValue().isObject()) {
                String uaSrc = src + "/userAssignedIdentities";
                ArrayNode list = out.putArray("userAssignedIdentities");
                e.getValue()
                    .properties()
                    .forEach(
                        id -> {
                          String itemCanonical = "/identity/userAssignedIdentities/" + list.size();
                          String itemSrc = uaSrc + segment(id.getKey());
                          ObjectNode item = list.addObject();
                          item.put("resourceId", id.getKey());
                          if (id.getValue().isObject()) {
                            id.getValue()
                                .properties()
                                .forEach(
                                    f -> {
                                      if (!f.getKey().equals("resourceId")) {
                                        item.set(f.getKey(), f.getValue());
                                      }
                                    });
                          }
                          m.map(itemCanonical, itemSrc);
                          m.map(itemCanonical + "/resourceId", itemSrc);
                        });
              } else {
                out.set(e.getKey(), e.getValue());
              }
            });
  }

  // --- data plane --------------------------------------------------------------------------

  private PoolDocument dataPlane(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", "");
    c.put("kind", DocumentKind.DATA_PLANE.id());
    c.put("scope", "pool");
    root.properties()
        .forEach(
            e -> {
              String key = e.getKey();
              String src = segment(key);
              switch (key) {
                case "kind", "scope" -> {
                  // not data-plane members; the canonical ones win
                }
                case "virtualMachineConfiguration" ->
                    virtualMachineConfiguration(doc, c, e.getValue(), src, m, findings);
                case "certificateReferences" -> {
                  c.set("certificates", e.getValue());
                  m.map("/certificates", src);
                }
                case "identity" -> identity(c, e.getValue(), src, m);
                default -> {
                  if (!c.has(key)) {
                    c.set(key, e.getValue());
                  }
                }
              }
            });
    return new PoolDocument(doc, DocumentKind.DATA_PLANE, "", c, m);
  }

  // --- shared: virtualMachineConfiguration -------------------------------------------------

  private void virtualMachineConfiguration(
      ParsedDocument doc,
      ObjectNode c,
      JsonNode vmc,
      String src,
      PointerMap m,
      List<Finding> findings) {
    String canonical = "/virtualMachineConfiguration";
    m.map(canonical, src);
    if (!vmc.isObject()) {
      c.set("virtualMachineConfiguration", vmc);
      return;
    }
    ObjectNode out = c.putObject("virtualMachineConfiguration");
    vmc.properties()
        .forEach(
            e -> {
              String key = e.getKey();
              JsonNode value = e.getValue();
              if (key.equals("nodeAgentSKUId")) {
                if (!vmc.has("nodeAgentSkuId")) {
                  out.set("nodeAgentSkuId", value);
                  m.map(canonical + "/nodeAgentSkuId", src + "/nodeAgentSKUId");
                }
              } else if (key.equals("imageReference") && value.has("virtualMachineImageId")) {
                ObjectNode image = out.putObject("imageReference");
                value
                    .properties()
                    .forEach(
                        f -> {
                          if (f.getKey().equals("virtualMachineImageId")) {
                            if (!value.has("id")) {
                              image.set("id", f.getValue());
                              m.map(
                                  canonical + "/imageReference/id",
                                  src + "/imageReference/virtualMachineImageId");
                            }
                          } else {
                            image.set(f.getKey(), f.getValue());
                          }
                        });
              } else if (key.equals("extensions") && value.isArray()) {
                ArrayNode list = out.putArray("extensions");
                for (int i = 0; i < value.size(); i++) {
                  list.add(extension(doc, value.get(i), src + "/extensions/" + i, false, findings));
                }
              } else {
                out.set(key, value);
              }
            });
  }

  /**
   * A copy of an extension whose {@code settings}, when given as a string holding JSON, is parsed
   * into an object (always for node-extension responses, which send it that way; in pool bodies
   * only when the string looks like a JSON object).
   */
  private JsonNode extension(
      ParsedDocument doc, JsonNode ext, String src, boolean alwaysParse, List<Finding> findings) {
    if (!ext.isObject()) {
      return ext;
    }
    JsonNode settings = ext.get("settings");
    if (settings == null || !settings.isTextual()) {
      return ext;
    }
    // In pool bodies a string is parsed only when it holds an object ("[...]" may be an ARM
    // expression there); node-extension responses always send settings as a string.
    if (!alwaysParse && !settings.textValue().strip().startsWith("{")) {
      return ext;
    }
    String pointer = src + "/settings";
    EmbeddedJson.Result parsed = EmbeddedJson.parse(doc, pointer);
    findings.addAll(parsed.problems());
    if (parsed.value().isEmpty()) {
      return ext;
    }
    JsonNode value = parsed.value().get();
    if (!value.isObject()) {
      findings.add(
          DocumentFindings.finding(
              DocumentFindings.SETTINGS_NOT_JSON,
              "the settings string holds a JSON "
                  + value.getNodeType().name().toLowerCase(Locale.ROOT)
                  + ", not an object; extensions read their settings as an object",
              doc.source().name(),
              pointer,
              doc.positions().locate(pointer)));
      return ext;
    }
    ObjectNode copy = ((ObjectNode) ext).deepCopy();
    copy.set("settings", value);
    return copy;
  }

  // --- node-extension response -------------------------------------------------------------

  private PoolDocument nodeExtension(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", "");
    c.put("kind", DocumentKind.NODE_EXTENSION.id());
    c.put("scope", "extension");
    JsonNode vmExtension = root.path("vmExtension");
    ArrayNode extensions = c.putObject("virtualMachineConfiguration").putArray("extensions");
    if (!vmExtension.isMissingNode()) {
      extensions.add(extension(doc, vmExtension, "/vmExtension", true, findings));
    }
    m.map("/virtualMachineConfiguration", "/vmExtension");
    m.map("/virtualMachineConfiguration/extensions", "/vmExtension");
    m.map("/virtualMachineConfiguration/extensions/0", "/vmExtension");
    statuses(doc, root, vmExtension.path("name").asText(""), findings);
    return new PoolDocument(doc, DocumentKind.NODE_EXTENSION, "", c, m);
  }

  private static void statuses(
      ParsedDocument doc, JsonNode root, String extensionName, List<Finding> findings) {
    JsonNode statuses = root.path("instanceView").path("statuses");
    if (!statuses.isArray()) {
      return;
    }
    String name =
        extensionName.isEmpty() ? root.path("instanceView").path("name").asText("") : extensionName;
    for (int i = 0; i < statuses.size(); i++) {
      JsonNode status = statuses.get(i);
      String code = status.path("code").asText("");
      JsonNode level = status.path("level");
      boolean succeeded = code.toLowerCase(Locale.ROOT).endsWith("/succeeded");
      boolean bad =
          level.isNumber()
              ? level.asInt() != 0
              : level.isTextual() && !level.textValue().equalsIgnoreCase("Info");
      if (succeeded && !bad) {
        continue;
      }
      String pointer = "/instanceView/statuses/" + i;
      StringBuilder message =
          new StringBuilder("extension '")
              .append(name)
              .append("' reports status '")
              .append(code)
              .append("'");
      if (!level.isMissingNode()) {
        message.append(" at level ").append(levelName(level));
      }
      String shown = status.path("displayStatus").asText("");
      String detail = status.path("message").asText("");
      if (!shown.isEmpty()) {
        message.append(" (").append(abbreviate(shown)).append(")");
      }
      if (!detail.isEmpty()) {
        message.append(": ").append(abbreviate(detail));
      }
      message.append("; the extension did not finish its work on this node, check its logs there");
      findings.add(
          DocumentFindings.finding(
              DocumentFindings.EXTENSION_STATUS_FAILED,
              message.toString(),
              doc.source().name(),
              pointer,
              doc.positions().locate(pointer)));
    }
  }

  private static String levelName(JsonNode level) {
    if (level.isNumber()) {
      return switch (level.asInt()) {
        case 0 -> "Info";
        case 1 -> "Warning";
        case 2 -> "Error";
        default -> level.asText();
      };
    }
    return level.asText();
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  // --- helpers -----------------------------------------------------------------------------

  private static Finding notAPool(ParsedDocument doc, String message) {
    SourceRange at = doc.index() == 0 ? SourceRange.FILE_START : doc.positions().locate("");
    return DocumentFindings.finding(
        DocumentFindings.NOT_A_POOL_DEFINITION, message, doc.source().name(), "", at);
  }

  /** {@code "/" + key}, escaped as RFC 6901 requires. */
  static String segment(String key) {
    return JsonPointer.empty().appendProperty(key).toString();
  }
}
