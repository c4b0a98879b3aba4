package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.CanonicalParts.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The response of {@code GET .../pools/{p}/nodes/{n}/extensions/{e}}: one extension ({@code
 * vmExtension}, settings sent as a JSON string and parsed here) with its {@code instanceView}; a
 * status that is not a success becomes an {@code extension-status-failed} finding. Only the
 * extension is known, so the canonical pool has scope {@code extension}.
 */
final class NodeExtensionNormaliser implements PoolNormaliser {

  @Override
  public DocumentKind kind() {
    return DocumentKind.NODE_EXTENSION;
  }

  @Override
  public boolean recognises(JsonNode root) {
    return root.path("vmExtension").isObject();
  }

  @Override
  public List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings) {
    return List.of(extension(doc, root, "", findings));
  }

  /**
   * One node-extension response at source pointer {@code p} (an Azure REST API example holds one,
   * or a list of them, in its responses).
   */
  static PoolDocument extension(
      ParsedDocument doc, JsonNode root, String p, List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", p);
    c.put("kind", DocumentKind.NODE_EXTENSION.id());
    c.put("scope", "extension");
    JsonNode vmExtension = root.path("vmExtension");
    ArrayNode extensions = c.putObject("virtualMachineConfiguration").putArray("extensions");
    if (!vmExtension.isMissingNode()) {
      extensions.add(
          CanonicalParts.extension(doc, vmExtension, p + "/vmExtension", true, findings));
    }
    m.map("/virtualMachineConfiguration", p + "/vmExtension");
    m.map("/virtualMachineConfiguration/extensions", p + "/vmExtension");
    m.map("/virtualMachineConfiguration/extensions/0", p + "/vmExtension");
    statuses(doc, root, p, vmExtension.path("name").asText(""), findings);
    return new PoolDocument(doc, DocumentKind.NODE_EXTENSION, p, c, m);
  }

  private static void statuses(
      ParsedDocument doc, JsonNode root, String p, String extensionName, List<Finding> findings) {
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
      String pointer = p + "/instanceView/statuses/" + i;
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
}
