package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.EmbeddedJson;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a pool that several kinds write the same way and that land at one canonical place:
 * {@code virtualMachineConfiguration} (with its extensions) and {@code identity}.
 */
final class CanonicalParts {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CanonicalParts() {}

  /** {@code "/" + key}, escaped as RFC 6901 requires. */
  static String segment(String key) {
    return JsonPointer.empty().appendProperty(key).toString();
  }

  /**
   * Copies a {@code virtualMachineConfiguration} to {@code /virtualMachineConfiguration}:
   * data-plane {@code nodeAgentSKUId} becomes {@code nodeAgentSkuId}, {@code
   * imageReference.virtualMachineImageId} becomes {@code id}, stringified extension settings that
   * hold an object are parsed.
   */
  static void virtualMachineConfiguration(
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
  static JsonNode extension(
      ParsedDocument doc, JsonNode ext, String src, boolean alwaysParse, List<Finding> findings) {
    if (!ext.isObject()) {
      return ext;
    }
    if (!alwaysParse) {
      stringified(doc, ext, src, findings);
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

  /**
   * Copies an {@code identity} to {@code /identity}; the management plane's map of user-assigned
   * identities becomes a list of {@code {resourceId}} whose items map back to their keys.
   */
  static void identity(ObjectNode c, JsonNode identity, String src, PointerMap m) {
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

  /**
   * One {@code extension-settings-stringified} warning per pool-body extension whose {@code
   * settings} or {@code protectedSettings} is a string holding a JSON object: the APIs take objects
   * (Azure's own data-plane examples send strings). Protected settings are never quoted or parsed.
   */
  private static void stringified(
      ParsedDocument doc, JsonNode ext, String src, List<Finding> findings) {
    for (String member : List.of("settings", "protectedSettings")) {
      JsonNode value = ext.get(member);
      if (value == null || !value.isTextual() || !value.textValue().strip().startsWith("{")) {
        continue;
      }
      String pointer = src + "/" + member;
      String name = ext.path("name").asText("(unnamed)");
      String what =
          member.equals("settings")
              ? "; poolcheck checked the JSON inside the string"
              : "; poolcheck does not read protected settings";
      findings.add(
          DocumentFindings.finding(
              DocumentFindings.EXTENSION_SETTINGS_STRINGIFIED,
              "extension '"
                  + name
                  + "' gives `"
                  + member
                  + "` as a JSON string; the pool APIs take an object: write the object itself,"
                  + " without the quotes"
                  + what,
              doc.source().name(),
              pointer,
              doc.positions().locate(pointer)));
    }
  }
}
