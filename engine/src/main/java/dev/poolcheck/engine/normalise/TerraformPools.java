package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.EmbeddedJson;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PointerMap;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Terraform {@code azurerm_batch_pool} resources and turns each into the canonical pool: the
 * {@code resource} blocks of a {@code .tf} file (as {@link HclReader} reads it), and the resources
 * of {@code terraform show -json} output (plan: {@code resource_changes}, else {@code
 * planned_values}; state: {@code values}), in the root module and in child modules.
 *
 * <p>Both give a resource body of the same shape (nested blocks are lists), mapped to the REST
 * names of the canonical pool by one table: {@code vm_size} to {@code vmSize}, {@code
 * storage_image_reference} to {@code virtualMachineConfiguration.imageReference}, {@code
 * extensions} (with {@code settings_json} read as the object it holds) to {@code
 * virtualMachineConfiguration.extensions}, {@code identity.identity_ids} to {@code
 * identity.userAssignedIdentities[].resourceId}, and so on (docs/terraform.md). Every canonical
 * value maps back to the Terraform attribute it came from.
 *
 * <p>Over 400 lines: most of it is the mapping table, one line per provider argument of every block
 * of {@code azurerm_batch_pool} (docs/terraform.md mirrors it); kept in one place so that the table
 * can be read against the provider's schema top to bottom.
 */
final class TerraformPools {

  /** The resource type this reads. */
  public static final String RESOURCE_TYPE = "azurerm_batch_pool";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TerraformPools() {}

  /** Whether a JSON document is {@code terraform show -json} output (a plan or a state). */
  public static boolean isPlanOrState(JsonNode root) {
    return root != null
        && root.isObject()
        && root.has("format_version")
        && (root.has("planned_values")
            || root.has("resource_changes")
            || root.has("values")
            || root.has("terraform_version"));
  }

  /** The pools of a {@code .tf} file: every {@code resource "azurerm_batch_pool" "name"}. */
  public static List<PoolDocument> fromConfiguration(
      ParsedDocument doc, DocumentKind kind, List<Finding> findings) {
    List<PoolDocument> pools = new ArrayList<>();
    JsonNode root = doc.root().orElse(NODES.objectNode());
    JsonNode resources = root.path("resource").path(RESOURCE_TYPE);
    if (!resources.isObject()) {
      return pools;
    }
    String prefix = "/resource/" + RESOURCE_TYPE;
    resources
        .properties()
        .forEach(
            e -> {
              String pointer = prefix + CanonicalParts.segment(e.getKey());
              String address = RESOURCE_TYPE + "." + e.getKey();
              pools.add(pool(doc, kind, e.getValue(), pointer, address, findings));
            });
    return pools;
  }

  /**
   * The pools of {@code terraform show -json} output: of a plan, each {@code resource_changes}
   * entry that is not being deleted (its {@code change.after}), or, without those, the resources of
   * {@code planned_values}; of a state, the resources of {@code values}.
   */
  public static List<PoolDocument> fromPlan(
      ParsedDocument doc, DocumentKind kind, List<Finding> findings) {
    List<PoolDocument> pools = new ArrayList<>();
    JsonNode root = doc.root().orElse(NODES.objectNode());
    JsonNode changes = root.path("resource_changes");
    if (changes.isArray() && !changes.isEmpty()) {
      for (int i = 0; i < changes.size(); i++) {
        JsonNode rc = changes.get(i);
        if (!isPool(rc)) {
          continue;
        }
        JsonNode after = rc.path("change").path("after");
        if (!after.isObject()) {
          continue; // deleted: nothing will exist to check
        }
        String pointer = "/resource_changes/" + i + "/change/after";
        pools.add(pool(doc, kind, after, pointer, address(rc), findings));
      }
      return pools;
    }
    String base = root.has("planned_values") ? "/planned_values" : "/values";
    module(
        doc,
        kind,
        root.path(base.substring(1)).path("root_module"),
        base + "/root_module",
        pools,
        findings);
    return pools;
  }

  private static void module(
      ParsedDocument doc,
      DocumentKind kind,
      JsonNode module,
      String pointer,
      List<PoolDocument> pools,
      List<Finding> findings) {
    JsonNode resources = module.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      if (isPool(r) && r.path("values").isObject()) {
        pools.add(
            pool(
                doc,
                kind,
                r.get("values"),
                pointer + "/resources/" + i + "/values",
                address(r),
                findings));
      }
    }
    JsonNode children = module.path("child_modules");
    for (int i = 0; i < children.size(); i++) {
      module(doc, kind, children.get(i), pointer + "/child_modules/" + i, pools, findings);
    }
  }

  private static boolean isPool(JsonNode r) {
    return RESOURCE_TYPE.equals(r.path("type").asText())
        && !"data".equals(r.path("mode").asText("managed"));
  }

  private static String address(JsonNode r) {
    String a = r.path("address").asText("");
    return a.isEmpty() ? RESOURCE_TYPE + "." + r.path("name").asText("?") : a;
  }

  // ---- the mapping -------------------------------------------------------------------------

  /** Builds one canonical pool. */
  static PoolDocument pool(
      ParsedDocument doc,
      DocumentKind kind,
      JsonNode body,
      String src,
      String address,
      List<Finding> findings) {
    ObjectNode c = NODES.objectNode();
    PointerMap m = new PointerMap().map("", src);
    c.put("kind", kind.id());
    c.put("scope", "pool");
    ObjectNode source = c.putObject("source");
    source.put("form", kind.id());
    source.put("address", address);
    Mapper map = new Mapper(doc, body, src, c, m, findings);
    map.value("name", "/id");
    map.value("display_name", "/displayName");
    map.value("vm_size", "/vmSize");
    map.value("max_tasks_per_node", "/taskSlotsPerNode");
    map.value("inter_node_communication", "/interNodeCommunication");
    map.value("target_node_communication_mode", "/targetNodeCommunicationMode");
    map.nameValueList("metadata", "/metadata");
    String vmc = "/virtualMachineConfiguration";
    map.value("node_agent_sku_id", vmc + "/nodeAgentSkuId");
    map.value("license_type", vmc + "/licenseType");
    map.value("os_disk_placement", vmc + "/osDisk/ephemeralOSDiskSettings/placement");
    map.block(
        "storage_image_reference",
        vmc + "/imageReference",
        b -> b.renames("publisher", "offer", "sku", "version", "id"));
    map.blocks("extensions", vmc + "/extensions", Mapper::extension);
    map.block(
        "windows",
        vmc + "/windowsConfiguration",
        b -> b.value("enable_automatic_updates", "/enableAutomaticUpdates"));
    map.blocks(
        "data_disks",
        vmc + "/dataDisks",
        b -> {
          b.renames("lun", "caching");
          b.value("disk_size_gb", "/diskSizeGB");
          b.value("storage_account_type", "/storageAccountType");
        });
    map.blockValues(
        "disk_encryption", "disk_encryption_target", vmc + "/diskEncryptionConfiguration/targets");
    map.block(
        "container_configuration",
        vmc + "/containerConfiguration",
        b -> {
          b.value("type", "/type");
          b.value("container_image_names", "/containerImageNames");
          b.blocks("container_registries", "/containerRegistries", Mapper::registry);
        });
    map.block(
        "node_placement", vmc + "/nodePlacementConfiguration", b -> b.value("policy", "/policy"));
    map.block(
        "security_profile",
        vmc + "/securityProfile",
        b -> {
          b.value("host_encryption_enabled", "/encryptionAtHost");
          b.value("security_type", "/securityType");
          b.value("secure_boot_enabled", "/uefiSettings/secureBootEnabled");
          b.value("vtpm_enabled", "/uefiSettings/vTpmEnabled");
        });
    map.block(
        "identity",
        "/identity",
        b -> {
          b.value("type", "/type");
          b.resourceIdList("identity_ids", "/userAssignedIdentities");
        });
    map.blocks(
        "certificate",
        "/certificates",
        b -> {
          b.value("id", "/id");
          b.value("store_location", "/storeLocation");
          b.value("store_name", "/storeName");
          b.value("visibility", "/visibility");
        });
    map.block("start_task", "/startTask", Mapper::startTask);
    map.block(
        "fixed_scale",
        "/scaleSettings/fixedScale",
        b -> {
          b.value("target_dedicated_nodes", "/targetDedicatedNodes");
          b.value("target_low_priority_nodes", "/targetLowPriorityNodes");
          b.value("resize_timeout", "/resizeTimeout");
          b.value("node_deallocation_method", "/nodeDeallocationOption");
        });
    map.block(
        "auto_scale",
        "/scaleSettings/autoScale",
        b -> {
          b.value("formula", "/formula");
          b.value("evaluation_interval", "/evaluationInterval");
        });
    map.blocks("mount", "/mountConfiguration", Mapper::mount);
    map.block("network_configuration", "/networkConfiguration", Mapper::network);
    map.block(
        "task_scheduling_policy",
        "/taskSchedulingPolicy",
        b -> b.value("node_fill_type", "/nodeFillType"));
    map.blocks("user_accounts", "/userAccounts", Mapper::userAccount);
    map.dynamicExtensions(vmc + "/extensions");
    return new PoolDocument(doc, kind, src, c, m);
  }

  /** Copies Terraform attributes of one body into the canonical pool, recording pointers. */
  private static final class Mapper {
    private final ParsedDocument doc;
    private final JsonNode body;
    private final String src;
    private final ObjectNode root;
    private final String at;
    private final PointerMap pointers;
    private final List<Finding> findings;

    Mapper(
        ParsedDocument doc,
        JsonNode body,
        String src,
        ObjectNode root,
        PointerMap pointers,
        List<Finding> findings) {
      this(doc, body, src, root, "", pointers, findings);
    }

    private Mapper(
        ParsedDocument doc,
        JsonNode body,
        String src,
        ObjectNode root,
        String at,
        PointerMap pointers,
        List<Finding> findings) {
      this.doc = doc;
      this.body = body;
      this.src = src;
      this.root = root;
      this.at = at;
      this.pointers = pointers;
      this.findings = findings;
    }

    private boolean has(String tf) {
      JsonNode v = body.get(tf);
      return v != null && !v.isNull();
    }

    /**
     * Sets {@code value} at canonical {@code at + rel}, creating objects on the way (mapped to this
     * block, the nearest thing the user wrote).
     */
    private void put(String rel, JsonNode value, String source) {
      String target = at + rel;
      String[] parts = target.substring(1).split("/");
      JsonNode node = root;
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        path.append('/').append(parts[i]);
        JsonNode next =
            node instanceof ArrayNode a ? a.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        if (next == null || !next.isContainerNode()) {
          next = ((ObjectNode) node).putObject(parts[i]);
          if (!pointers.entries().containsKey(path.toString())) {
            pointers.map(path.toString(), src);
          }
        }
        node = next;
      }
      String last = parts[parts.length - 1];
      if (node instanceof ArrayNode a) {
        a.set(Integer.parseInt(last), value);
      } else {
        ((ObjectNode) node).set(last, value);
      }
      pointers.map(target, source);
    }

    void value(String tf, String rel) {
      if (has(tf)) {
        put(rel, body.get(tf), src + CanonicalParts.segment(tf));
      }
    }

    void renames(String... same) {
      for (String s : same) {
        value(s, "/" + s);
      }
    }

    /** A map attribute ({@code metadata}) becomes a list of {@code {name, value}}. */
    void nameValueList(String tf, String rel) {
      if (!has(tf)) {
        return;
      }
      JsonNode map = body.get(tf);
      String mapSrc = src + CanonicalParts.segment(tf);
      if (!map.isObject()) {
        put(rel, map, mapSrc);
        return;
      }
      ArrayNode list = NODES.arrayNode();
      put(rel, list, mapSrc);
      map.properties()
          .forEach(
              e -> {
                String item = at + rel + "/" + list.size();
                String memberSrc = mapSrc + CanonicalParts.segment(e.getKey());
                ObjectNode o = list.addObject();
                o.put("name", e.getKey());
                o.set("value", e.getValue());
                pointers.map(item, memberSrc);
                pointers.map(item + "/name", memberSrc); // the key: reported at its member
                pointers.map(item + "/value", memberSrc);
              });
    }

    /** A list of ids ({@code identity_ids}) becomes a list of {@code {resourceId}}. */
    void resourceIdList(String tf, String rel) {
      if (!has(tf)) {
        return;
      }
      JsonNode ids = body.get(tf);
      String idsSrc = src + CanonicalParts.segment(tf);
      if (!ids.isArray()) {
        put(rel, ids, idsSrc);
        return;
      }
      ArrayNode list = NODES.arrayNode();
      put(rel, list, idsSrc);
      for (int i = 0; i < ids.size(); i++) {
        list.addObject().set("resourceId", ids.get(i));
        pointers.map(at + rel + "/" + i, idsSrc + "/" + i);
        pointers.map(at + rel + "/" + i + "/resourceId", idsSrc + "/" + i);
      }
    }

    interface BlockMapping {
      void apply(Mapper inner);
    }

    /** A block given at most once becomes an object. */
    void block(String tf, String rel, BlockMapping mapping) {
      JsonNode list = body.get(tf);
      if (list == null || !list.isArray() || list.isEmpty() || !list.get(0).isObject()) {
        if (list != null && !list.isNull() && !list.isArray()) {
          put(rel, list, src + CanonicalParts.segment(tf)); // an unknown value: kept as written
        }
        return;
      }
      String blockSrc = src + CanonicalParts.segment(tf) + "/0";
      put(rel, NODES.objectNode(), blockSrc);
      mapping.apply(new Mapper(doc, list.get(0), blockSrc, root, at + rel, pointers, findings));
    }

    /** Repeated blocks become a list of objects. */
    void blocks(String tf, String rel, BlockMapping mapping) {
      JsonNode list = body.get(tf);
      if (list == null || list.isNull()) {
        return;
      }
      String listSrc = src + CanonicalParts.segment(tf);
      if (!list.isArray()) {
        put(rel, list, listSrc);
        return;
      }
      ArrayNode out = NODES.arrayNode();
      put(rel, out, listSrc);
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        String itemSrc = listSrc + "/" + i;
        if (!item.isObject()) {
          out.add(item);
          pointers.map(at + rel + "/" + i, itemSrc);
          continue;
        }
        out.addObject();
        pointers.map(at + rel + "/" + i, itemSrc);
        mapping.apply(new Mapper(doc, item, itemSrc, root, at + rel + "/" + i, pointers, findings));
      }
    }

    /** One attribute of repeated blocks becomes a list of its values. */
    void blockValues(String tf, String attribute, String rel) {
      JsonNode list = body.get(tf);
      if (list == null || !list.isArray()) {
        return;
      }
      String listSrc = src + CanonicalParts.segment(tf);
      ArrayNode out = NODES.arrayNode();
      put(rel, out, listSrc);
      for (int i = 0; i < list.size(); i++) {
        JsonNode v = list.get(i).path(attribute);
        if (!v.isMissingNode()) {
          pointers.map(at + rel + "/" + out.size(), listSrc + "/" + i + "/" + attribute);
          out.add(v);
        }
      }
    }

    /**
     * {@code dynamic "extensions"} blocks: each content block is checked as one extension, since
     * every extension it generates has its literal values (its other values are unknown).
     */
    void dynamicExtensions(String rel) {
      JsonNode list = body.path("dynamic").path("extensions");
      if (!list.isArray()) {
        return;
      }
      JsonNode existing = root.at(rel);
      ArrayNode out;
      if (existing instanceof ArrayNode a) {
        out = a;
      } else {
        out = NODES.arrayNode();
        put(rel, out, src + "/dynamic/extensions");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode content = list.get(i).path("content");
        for (int j = 0; j < content.size(); j++) {
          String itemSrc = src + "/dynamic/extensions/" + i + "/content/" + j;
          int index = out.size();
          out.addObject();
          pointers.map(at + rel + "/" + index, itemSrc);
          extension(
              new Mapper(
                  doc, content.get(j), itemSrc, root, at + rel + "/" + index, pointers, findings));
        }
      }
    }

    static void extension(Mapper b) {
      b.renames("name", "publisher", "type");
      b.value("type_handler_version", "/typeHandlerVersion");
      b.value("auto_upgrade_minor_version", "/autoUpgradeMinorVersion");
      b.value("automatic_upgrade_enabled", "/enableAutomaticUpgrade");
      b.value("provision_after_extensions", "/provisionAfterExtensions");
      b.value("protected_settings", "/protectedSettings");
      b.settings();
    }

    /**
     * {@code settings_json}: an object when written with {@code jsonencode}, else a string of JSON
     * (quoted or a heredoc), parsed with positions inside it. A template whose interpolations sit
     * inside JSON strings ({@code "msiClientId": "${azurerm_user_assigned_identity.x.client_id}"})
     * still parses, those strings being unknown; any other unknown value stays as written.
     */
    private void settings() {
      if (!has("settings_json")) {
        return;
      }
      JsonNode value = body.get("settings_json");
      String pointer = src + "/settings_json";
      boolean template = value.isTextual() && value.textValue().contains("${");
      if (value.isTextual()) {
        EmbeddedJson.Result parsed = EmbeddedJson.parse(doc, pointer);
        if (template && parsed.value().isEmpty()) {
          // An interpolation outside a JSON string: the settings are unknown, not broken.
          put("/settings", value, pointer);
          return;
        }
        findings.addAll(parsed.problems());
        if (parsed.value().isPresent() && parsed.value().get().isObject()) {
          value = parsed.value().get();
        } else if (parsed.value().isPresent()) {
          findings.add(
              DocumentFindings.finding(
                  DocumentFindings.SETTINGS_NOT_JSON,
                  "settings_json holds a JSON "
                      + parsed.value().get().getNodeType().name().toLowerCase(Locale.ROOT)
                      + ", not an object; extensions read their settings as an object",
                  doc.source().name(),
                  pointer,
                  doc.positions().locate(pointer)));
        }
      }
      put("/settings", value, pointer);
    }

    static void registry(Mapper b) {
      b.value("registry_server", "/registryServer");
      b.value("user_name", "/username");
      b.value("password", "/password");
      b.value("user_assigned_identity_id", "/identityReference/resourceId");
    }

    static void startTask(Mapper b) {
      b.value("command_line", "/commandLine");
      b.value("task_retry_maximum", "/maxTaskRetryCount");
      b.value("wait_for_success", "/waitForSuccess");
      b.nameValueList("common_environment_properties", "/environmentSettings");
      b.block(
          "user_identity",
          "/userIdentity",
          u -> {
            u.value("user_name", "/userName");
            u.block(
                "auto_user",
                "/autoUser",
                a -> {
                  a.value("elevation_level", "/elevationLevel");
                  a.value("scope", "/scope");
                });
          });
      b.blocks(
          "resource_file",
          "/resourceFiles",
          r -> {
            r.value("auto_storage_container_name", "/autoStorageContainerName");
            r.value("blob_prefix", "/blobPrefix");
            r.value("file_mode", "/fileMode");
            r.value("file_path", "/filePath");
            r.value("http_url", "/httpUrl");
            r.value("storage_container_url", "/storageContainerUrl");
            r.value("user_assigned_identity_id", "/identityReference/resourceId");
          });
      b.block(
          "container",
          "/containerSettings",
          k -> {
            k.value("image_name", "/imageName");
            k.value("run_options", "/containerRunOptions");
            k.value("working_directory", "/workingDirectory");
            k.block("registry", "/registry", Mapper::registry);
          });
    }

    static void mount(Mapper b) {
      b.block(
          "azure_blob_file_system",
          "/azureBlobFileSystemConfiguration",
          x -> {
            x.value("account_name", "/accountName");
            x.value("container_name", "/containerName");
            x.value("relative_mount_path", "/relativeMountPath");
            x.value("account_key", "/accountKey");
            x.value("sas_key", "/sasKey");
            x.value("identity_id", "/identityReference/resourceId");
            x.value("blobfuse_options", "/blobfuseOptions");
          });
      b.block(
          "azure_file_share",
          "/azureFileShareConfiguration",
          x -> {
            x.value("account_name", "/accountName");
            x.value("azure_file_url", "/azureFileUrl");
            x.value("account_key", "/accountKey");
            x.value("relative_mount_path", "/relativeMountPath");
            x.value("mount_options", "/mountOptions");
          });
      b.block(
          "cifs_mount",
          "/cifsMountConfiguration",
          x -> {
            x.value("user_name", "/userName");
            x.value("source", "/source");
            x.value("relative_mount_path", "/relativeMountPath");
            x.value("mount_options", "/mountOptions");
            x.value("password", "/password");
          });
      b.block(
          "nfs_mount",
          "/nfsMountConfiguration",
          x -> {
            x.value("source", "/source");
            x.value("relative_mount_path", "/relativeMountPath");
            x.value("mount_options", "/mountOptions");
          });
    }

    private static final Pattern PORT_RANGE = Pattern.compile("^\\s*(\\d+)\\s*-\\s*(\\d+)\\s*$");

    static void network(Mapper b) {
      b.value("subnet_id", "/subnetId");
      b.value("dynamic_vnet_assignment_scope", "/dynamicVnetAssignmentScope");
      b.value("accelerated_networking_enabled", "/enableAcceleratedNetworking");
      b.value("public_address_provisioning_type", "/publicIPAddressConfiguration/provision");
      b.value("public_ips", "/publicIPAddressConfiguration/ipAddressIds");
      b.blocks(
          "endpoint_configuration",
          "/endpointConfiguration/inboundNatPools",
          e -> {
            e.value("name", "/name");
            e.value("protocol", "/protocol");
            e.value("backend_port", "/backendPort");
            JsonNode range = e.body.get("frontend_port_range");
            if (range != null && range.isTextual()) {
              Matcher mr = PORT_RANGE.matcher(range.textValue());
              String rangeSrc = e.src + "/frontend_port_range";
              if (mr.matches()) {
                e.put(
                    "/frontendPortRangeStart",
                    NODES.numberNode(Integer.parseInt(mr.group(1))),
                    rangeSrc);
                e.put(
                    "/frontendPortRangeEnd",
                    NODES.numberNode(Integer.parseInt(mr.group(2))),
                    rangeSrc);
              }
            }
            e.blocks(
                "network_security_group_rules",
                "/networkSecurityGroupRules",
                r -> {
                  r.value("priority", "/priority");
                  r.value("access", "/access");
                  r.value("source_address_prefix", "/sourceAddressPrefix");
                  r.value("source_port_ranges", "/sourcePortRanges");
                });
          });
    }

    static void userAccount(Mapper b) {
      b.value("name", "/name");
      b.value("password", "/password");
      b.value("elevation_level", "/elevationLevel");
      b.block(
          "linux_user_configuration",
          "/linuxUserConfiguration",
          l -> {
            l.value("uid", "/uid");
            l.value("gid", "/gid");
            l.value("ssh_private_key", "/sshPrivateKey");
          });
      b.block(
          "windows_user_configuration",
          "/windowsUserConfiguration",
          w -> w.value("login_mode", "/loginMode"));
    }
  }
}
