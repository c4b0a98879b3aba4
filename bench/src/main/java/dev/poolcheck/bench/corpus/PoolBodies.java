package dev.poolcheck.bench.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the bodies of one corpus file from one {@link Random}: a pool design first (image, node
 * agent, extensions, scale), then that design written the way each plane spells it. Shapes follow
 * fixtures/ and the Azure documentation quoted in /work/shared/reference: Key Vault 3.0 settings
 * with observed certificates, Azure Security Pack agents, user-assigned identities, ARM templates
 * with nested and top-level pool resources, node-extension responses with stringified settings.
 *
 * <p>Clean designs use only what the built-in rules accept: extensions from the default allow-list
 * (Key Vault, Azure Security Pack), node agents that are supported, spelled property names.
 *
 * <p>Over 400 lines on purpose: most of it is the value tables a design is drawn from and one
 * writer per plane; split up, every writer would need the same design record and tables passed in,
 * and the corpus would be harder to read against the fixtures it imitates.
 */
final class PoolBodies {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final String[] WORKLOADS = {
    "render", "genomics", "etl", "ml-train", "sim", "video", "risk", "cfd", "nightly", "reports"
  };
  private static final String[] VM_SIZES = {
    "STANDARD_D2S_V5",
    "STANDARD_D4S_V5",
    "standard_d8s_v5",
    "STANDARD_E4S_V5",
    "STANDARD_E8AS_V5",
    "STANDARD_F4S_V2",
    "STANDARD_D4DS_V5",
    "STANDARD_HB120RS_V3",
    "STANDARD_NC24ADS_A100_V4"
  };
  private static final List<Image> LINUX_IMAGES =
      List.of(
          new Image("canonical", "ubuntu-24_04-lts", "server", "batch.node.ubuntu 24.04"),
          new Image("almalinux", "almalinux-x86_64", "9-gen2", "batch.node.el 9"),
          new Image("microsoft-dsvm", "ubuntu-hpc", "2404", "batch.node.ubuntu 24.04"));
  private static final List<Image> WINDOWS_IMAGES =
      List.of(
          new Image(
              "microsoftwindowsserver",
              "windowsserver",
              "2022-datacenter",
              "batch.node.windows amd64"),
          new Image(
              "microsoftwindowsserver",
              "windowsserver",
              "2022-datacenter-smalldisk",
              "batch.node.windows amd64"),
          new Image(
              "microsoftwindowsserver",
              "windowsserver",
              "2025-datacenter",
              "batch.node.windows amd64"));
  private static final List<Image> RETIRED_IMAGES =
      List.of(
          new Image("canonical", "ubuntuserver", "18.04-lts", "batch.node.ubuntu 18.04"),
          new Image("openlogic", "centos", "7_9-gen2", "batch.node.centos 7"),
          new Image(
              "canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "batch.node.ubuntu 20.04"));
  private static final List<String[]> UNLISTED_EXTENSIONS =
      List.of(
          new String[] {"Microsoft.Azure.Extensions", "DockerExtension", "1.0"},
          new String[] {"Microsoft.Compute", "BGInfo", "2.1"},
          new String[] {"Microsoft.Azure.NetworkWatcher", "NetworkWatcherAgentLinux", "1.4"},
          new String[] {"Contoso.Tools", "InventoryAgent", "0.9"});
  private static final String MSI_ENDPOINT = "http://169.254.169.254/metadata/identity";

  private final Random random;
  private boolean single;

  PoolBodies(Random random) {
    this.random = random;
  }

  /** From now on, pools get exactly one extension (the corpus's small single-file case). */
  PoolBodies singleExtension() {
    single = true;
    return this;
  }

  /** A Linux or Windows image with the node agent that matches it. */
  private record Image(String publisher, String offer, String sku, String nodeAgent) {}

  /** Identity of a pool: the ARM resource id (or expression) and the client id KV uses. */
  private record Identity(String resourceId, String clientId) {}

  /** What a pool is, before a plane spells it. */
  private record Design(
      String name,
      boolean windows,
      String vmSize,
      Image image,
      String galleryImageId,
      List<ObjectNode> extensions,
      Identity identity,
      boolean autoScale,
      int dedicated,
      int lowPriority,
      boolean startTask,
      boolean metadata,
      boolean subnet) {}

  // ---- the four kinds ---------------------------------------------------------------------

  ObjectNode management(String name, Violation violation) {
    Design design = design(name, violation, identity(name), false);
    ObjectNode body = JSON.objectNode();
    body.put("name", design.name());
    body.put("type", "Microsoft.Batch/batchAccounts/pools");
    body.set("identity", managementIdentity(design.identity().resourceId()));
    body.set("properties", managementProperties(design, false));
    return body;
  }

  ObjectNode dataPlane(String name, Violation violation) {
    // The data plane cannot set a pool identity, so its pools carry no Key Vault extension (it
    // would have no identity to authenticate with): only extensions that need none.
    Design design = design(name, violation, identity(name), true);
    ObjectNode body = JSON.objectNode();
    body.put("id", design.name());
    if (random.nextBoolean()) {
      body.put("displayName", displayName(design));
    }
    body.put("vmSize", design.vmSize());
    ObjectNode vm = body.putObject("virtualMachineConfiguration");
    ObjectNode image = vm.putObject("imageReference");
    if (design.galleryImageId() != null) {
      image.put("virtualMachineImageId", design.galleryImageId());
    } else {
      putMarketplaceImage(image, design.image());
    }
    vm.put("nodeAgentSKUId", design.image().nodeAgent());
    if (design.windows()) {
      vm.putObject("windowsConfiguration").put("enableAutomaticUpdates", false);
    }
    vm.set("extensions", array(design.extensions()));
    if (design.autoScale()) {
      body.put("enableAutoScale", true);
      body.put("autoScaleFormula", autoScaleFormula());
      body.put("autoScaleEvaluationInterval", "PT15M");
    } else {
      body.put("targetDedicatedNodes", design.dedicated());
      body.put("targetLowPriorityNodes", design.lowPriority());
      body.put("resizeTimeout", "PT15M");
    }
    body.put("enableInterNodeCommunication", false);
    body.put("taskSlotsPerNode", 1 + random.nextInt(4));
    body.putObject("taskSchedulingPolicy").put("nodeFillType", pick("spread", "pack"));
    if (design.startTask()) {
      ObjectNode startTask = body.putObject("startTask");
      startTask.put("commandLine", startCommand(design.windows()));
      startTask
          .putObject("userIdentity")
          .putObject("autoUser")
          .put("scope", "pool")
          .put("elevationLevel", "admin");
      startTask.put("maxTaskRetryCount", 1);
      startTask.put("waitForSuccess", true);
    }
    if (design.subnet()) {
      body.putObject("networkConfiguration").put("subnetId", subnetId(design.name()));
    }
    if (design.metadata()) {
      body.set("metadata", metadata(design.name()));
    }
    return body;
  }

  /** An ARM template declaring {@code pools} pools, with the violation in one of them. */
  ObjectNode armTemplate(String accountName, List<String> poolNames, Violation violation) {
    int spoiled = random.nextInt(poolNames.size());
    boolean nested = random.nextBoolean();
    ObjectNode template = JSON.objectNode();
    template.put(
        "$schema",
        "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
    template.put("contentVersion", "1.0.0.0");
    ObjectNode parameters = template.putObject("parameters");
    parameters
        .putObject("location")
        .put("type", "string")
        .put("defaultValue", "[resourceGroup().location]");
    parameters.putObject("batchAccountName").put("type", "string").put("defaultValue", accountName);
    parameters.putObject("identityId").put("type", "string");
    parameters.putObject("nodeCount").put("type", "int").put("defaultValue", 2);
    ArrayNode resources = template.putArray("resources");
    ObjectNode account = resources.addObject();
    account.put("type", "Microsoft.Batch/batchAccounts");
    account.put("apiVersion", "2025-06-01");
    account.put("name", "[parameters('batchAccountName')]");
    account.put("location", "[parameters('location')]");
    account.putObject("properties").put("poolAllocationMode", "BatchService");
    ArrayNode nestedPools = nested ? account.putArray("resources") : null;
    Identity identity =
        new Identity(
            "[parameters('identityId')]",
            "[reference(parameters('identityId'), '2023-01-31').clientId]");
    for (int i = 0; i < poolNames.size(); i++) {
      Design design =
          design(poolNames.get(i), i == spoiled ? violation : Violation.NONE, identity, false);
      ObjectNode pool = nested ? nestedPools.addObject() : resources.addObject();
      pool.put("type", nested ? "pools" : "Microsoft.Batch/batchAccounts/pools");
      pool.put("apiVersion", "2025-06-01");
      pool.put(
          "name",
          nested
              ? design.name()
              : "[concat(parameters('batchAccountName'), '/" + design.name() + "')]");
      pool.putArray("dependsOn")
          .add("[resourceId('Microsoft.Batch/batchAccounts', parameters('batchAccountName'))]");
      pool.set("identity", managementIdentity(identity.resourceId()));
      pool.set("properties", managementProperties(design, i == 0));
    }
    template
        .putObject("outputs")
        .putObject("accountEndpoint")
        .put("type", "string")
        .put(
            "value",
            "[reference(resourceId('Microsoft.Batch/batchAccounts', parameters('batchAccountName'))).accountEndpoint]");
    return template;
  }

  /**
   * A node-extension GET response. {@code settings} is a JSON string, the way the Batch service
   * returns it, with the given line break.
   */
  ObjectNode nodeExtension(String poolName, Violation violation, String lineBreak) {
    boolean windows = random.nextInt(4) == 0;
    Identity identity = identity(poolName);
    ObjectNode extension =
        switch (violation) {
          case CUSTOM_SCRIPT -> customScript(windows);
          case UNLISTED_EXTENSION -> unlisted();
          case BAD_KEY_VAULT_URL -> spoilKeyVaultUrl(keyVault(windows, identity, "kv-certs"));
          default ->
              random.nextInt(3) == 0
                  ? securityPack(windows)
                  : keyVault(windows, identity, "kv-certs");
        };
    if (violation == Violation.TYPO_PROPERTY) {
      misspell(extension);
    }
    String account = "contoso" + pick(WORKLOADS).replace("-", "") + random.nextInt(100);
    String region = pick("westus2", "westeurope", "eastus", "northeurope");
    ObjectNode body = JSON.objectNode();
    body.put(
        "odata.metadata",
        "https://" + account + "." + region + ".batch.azure.com/$metadata#extensions/@Element");
    ObjectNode view = body.putObject("instanceView");
    view.put("name", extension.path("name").asText());
    ObjectNode status = view.putArray("statuses").addObject();
    status.put("code", "ProvisioningState/succeeded");
    status.put("level", "Info");
    status.put("displayStatus", "Provisioning succeeded");
    status.put(
        "message",
        "Enable succeeded: extension started at 2026-0"
            + (1 + random.nextInt(9))
            + "-1"
            + random.nextInt(10)
            + "T0"
            + random.nextInt(10)
            + ":"
            + (10 + random.nextInt(50))
            + ":00Z");
    ObjectNode vmExtension = body.putObject("vmExtension");
    extension
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("settings")) {
                vmExtension.put(
                    "settings", CorpusGenerator.prettyJson(field.getValue(), lineBreak));
              } else {
                vmExtension.set(field.getKey(), field.getValue());
              }
            });
    return body;
  }

  // ---- the design ---------------------------------------------------------------------------

  private Design design(String name, Violation violation, Identity identity, boolean dataPlane) {
    boolean windows = violation != Violation.RETIRED_NODE_AGENT && random.nextInt(4) == 0;
    Image image =
        switch (violation) {
          case RETIRED_NODE_AGENT -> pick(RETIRED_IMAGES);
          default -> windows ? pick(WINDOWS_IMAGES) : pick(LINUX_IMAGES);
        };
    String galleryImageId = null;
    if (!windows && violation != Violation.RETIRED_NODE_AGENT && random.nextInt(8) == 0) {
      galleryImageId =
          "/subscriptions/"
              + uuid()
              + "/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/batchGallery/images/"
              + name
              + "-image/versions/1."
              + random.nextInt(10)
              + ".0";
      image = LINUX_IMAGES.get(0);
    }
    String vmSize = pick(VM_SIZES);
    List<ObjectNode> extensions =
        dataPlane
            ? dataPlaneExtensions(
                windows, vmSize.toUpperCase(java.util.Locale.ROOT).contains("_NC"), violation)
            : extensions(windows, identity, violation);
    boolean autoScale = random.nextInt(3) == 0;
    return new Design(
        name,
        windows,
        vmSize,
        image,
        galleryImageId,
        extensions,
        identity,
        autoScale,
        random.nextInt(21),
        random.nextInt(4) == 0 ? random.nextInt(51) : 0,
        random.nextInt(3) != 0,
        random.nextBoolean(),
        random.nextInt(3) == 0);
  }

  /** One to six extensions, most pools having one to three. */
  private List<ObjectNode> extensions(boolean windows, Identity identity, Violation violation) {
    int count = single ? 1 : 1 + random.nextInt(random.nextInt(3) == 0 ? 6 : 3);
    List<ObjectNode> extensions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean securityPack = false;
    for (int i = 0; i < count; i++) {
      if (!securityPack && i > 0 && random.nextInt(3) == 0) {
        extensions.add(securityPack(windows));
        securityPack = true;
      } else {
        String extensionName = "kv-" + pick("certs", "tls", "app", "db", "api", "sftp", "ingest");
        while (!names.add(extensionName)) {
          extensionName = extensionName + "-" + i;
        }
        extensions.add(keyVault(windows, identity, extensionName));
      }
    }
    int spoiled = random.nextInt(extensions.size());
    switch (violation) {
      case CUSTOM_SCRIPT -> extensions.add(spoiled, customScript(windows));
      case UNLISTED_EXTENSION -> extensions.add(spoiled, unlisted());
      case BAD_KEY_VAULT_URL -> {
        ObjectNode keyVault =
            extensions.stream()
                .filter(e -> e.path("type").asText().startsWith("KeyVault"))
                .findFirst()
                .orElseThrow();
        spoilKeyVaultUrl(keyVault);
      }
      case TYPO_PROPERTY -> misspell(extensions.get(spoiled));
      default -> {}
    }
    return extensions;
  }

  /** One to three extensions that need no pool identity, for data-plane bodies. */
  private List<ObjectNode> dataPlaneExtensions(boolean windows, boolean gpu, Violation violation) {
    List<ObjectNode> extensions = new ArrayList<>();
    extensions.add(securityPack(windows));
    if (windows && random.nextBoolean()) {
      extensions.add(
          plainExtension("antimalware", "Microsoft.Azure.Security", "IaaSAntimalware", "1.3"));
      extensions
          .get(extensions.size() - 1)
          .putObject("settings")
          .put("AntimalwareEnabled", true)
          .put("RealtimeProtectionEnabled", "true");
    }
    if (gpu) {
      extensions.add(
          plainExtension(
              "gpudriver",
              "Microsoft.HpcCompute",
              windows ? "NvidiaGpuDriverWindows" : "NvidiaGpuDriverLinux",
              windows ? "1.4" : "1.6"));
    }
    int spoiled = random.nextInt(extensions.size());
    switch (violation) {
      case CUSTOM_SCRIPT -> extensions.add(spoiled, customScript(windows));
      case UNLISTED_EXTENSION -> extensions.add(spoiled, unlisted());
      case TYPO_PROPERTY -> misspell(extensions.get(spoiled));
      case BAD_KEY_VAULT_URL ->
          throw new IllegalArgumentException("data-plane pools carry no Key Vault extension");
      default -> {}
    }
    return extensions;
  }

  private static ObjectNode plainExtension(
      String name, String publisher, String type, String version) {
    ObjectNode extension = JSON.objectNode();
    extension.put("name", name);
    extension.put("publisher", publisher);
    extension.put("type", type);
    extension.put("typeHandlerVersion", version);
    extension.put("autoUpgradeMinorVersion", true);
    return extension;
  }

  private ObjectNode keyVault(boolean windows, Identity identity, String name) {
    ObjectNode extension = JSON.objectNode();
    extension.put("name", name);
    extension.put("publisher", "Microsoft.Azure.KeyVault");
    extension.put("type", windows ? "KeyVaultForWindows" : "KeyVaultForLinux");
    extension.put("typeHandlerVersion", "3.0");
    extension.put("autoUpgradeMinorVersion", true);
    if (random.nextBoolean()) {
      extension.put("enableAutomaticUpgrade", true);
    }
    ObjectNode settings = extension.putObject("settings");
    ObjectNode secrets = settings.putObject("secretsManagementSettings");
    secrets.put("pollingIntervalInS", pick("3600", "1800", "900"));
    // Without it the extension reports success before the certificates arrive (a rule warns).
    secrets.put("requireInitialSync", true);
    ArrayNode certificates = secrets.putArray("observedCertificates");
    String vault = "contoso-" + pick(WORKLOADS) + "-kv" + random.nextInt(10);
    int certificateCount = 1 + random.nextInt(4);
    for (int i = 0; i < certificateCount; i++) {
      String certificate = pick("tls", "client-auth", "signing", "mtls", "db-client") + "-" + i;
      ObjectNode observed = certificates.addObject();
      observed.put("url", "https://" + vault + ".vault.azure.net/secrets/" + certificate);
      if (windows) {
        observed.put("certificateStoreName", pick("MY", "TrustedPeople"));
        observed.put("certificateStoreLocation", "LocalMachine");
      } else {
        observed.put(
            "certificateStoreLocation", "/var/lib/waagent/Microsoft.Azure.KeyVault/" + certificate);
      }
    }
    ObjectNode authentication = settings.putObject("authenticationSettings");
    authentication.put("msiEndpoint", MSI_ENDPOINT);
    authentication.put("msiClientId", identity.clientId());
    return extension;
  }

  private ObjectNode securityPack(boolean windows) {
    ObjectNode extension = JSON.objectNode();
    extension.put("name", "azsecpack");
    extension.put("publisher", "Microsoft.Azure.Security.Monitoring");
    extension.put("type", windows ? "AzureSecurityWindowsAgent" : "AzureSecurityLinuxAgent");
    extension.put("typeHandlerVersion", windows ? "1.0" : "2.0");
    extension.put("autoUpgradeMinorVersion", true);
    ObjectNode settings = extension.putObject("settings");
    settings.put("enableGenevaUpload", true);
    settings.put("enableAutoConfig", true);
    return extension;
  }

  private ObjectNode customScript(boolean windows) {
    ObjectNode extension = JSON.objectNode();
    extension.put("name", "setup");
    extension.put("publisher", "Microsoft.Azure.Extensions");
    extension.put("type", "CustomScript");
    extension.put("typeHandlerVersion", "2.1");
    extension.put("autoUpgradeMinorVersion", true);
    ObjectNode settings = extension.putObject("settings");
    settings
        .putArray("fileUris")
        .add("https://contososcripts.blob.core.windows.net/setup/install.sh");
    settings.put(
        "commandToExecute",
        windows ? "powershell -File install.ps1" : "bash install.sh --with-drivers");
    return extension;
  }

  private ObjectNode unlisted() {
    String[] entry = pick(UNLISTED_EXTENSIONS);
    ObjectNode extension = JSON.objectNode();
    extension.put("name", entry[1].toLowerCase(java.util.Locale.ROOT));
    extension.put("publisher", entry[0]);
    extension.put("type", entry[1]);
    extension.put("typeHandlerVersion", entry[2]);
    extension.put("autoUpgradeMinorVersion", true);
    extension.putObject("settings");
    return extension;
  }

  /** Replaces one observed certificate URL with one Key Vault will not serve a secret from. */
  private ObjectNode spoilKeyVaultUrl(ObjectNode keyVault) {
    ArrayNode certificates =
        (ArrayNode)
            keyVault
                .path("settings")
                .path("secretsManagementSettings")
                .path("observedCertificates");
    ObjectNode observed = (ObjectNode) certificates.get(random.nextInt(certificates.size()));
    String good = observed.path("url").asText();
    String bad =
        switch (random.nextInt(3)) {
          case 0 -> good.replace("https://", "http://");
          case 1 -> good.replace("/secrets/", "/certificates/");
          default -> good.replace(".vault.azure.net", ".blob.core.windows.net");
        };
    observed.put("url", bad);
    return keyVault;
  }

  /** Renames {@code typeHandlerVersion} to a misspelling, keeping its place in the object. */
  private void misspell(ObjectNode extension) {
    List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = new ArrayList<>();
    extension.fields().forEachRemaining(fields::add);
    extension.removeAll();
    for (var field : fields) {
      String key =
          field.getKey().equals("typeHandlerVersion") ? "typeHandlerVerison" : field.getKey();
      extension.set(key, field.getValue());
    }
  }

  // ---- management-plane spelling ------------------------------------------------------------

  private ObjectNode managementProperties(Design design, boolean parameterisedCount) {
    ObjectNode properties = JSON.objectNode();
    properties.put("displayName", displayName(design));
    properties.put("vmSize", design.vmSize());
    properties.put("interNodeCommunication", "Disabled");
    properties.put("taskSlotsPerNode", 1 + random.nextInt(4));
    properties.putObject("taskSchedulingPolicy").put("nodeFillType", pick("Spread", "Pack"));
    ObjectNode vm =
        properties.putObject("deploymentConfiguration").putObject("virtualMachineConfiguration");
    ObjectNode image = vm.putObject("imageReference");
    if (design.galleryImageId() != null) {
      image.put("id", design.galleryImageId());
    } else {
      putMarketplaceImage(image, design.image());
    }
    vm.put("nodeAgentSkuId", design.image().nodeAgent());
    if (design.windows()) {
      vm.putObject("windowsConfiguration").put("enableAutomaticUpdates", false);
    }
    vm.set("extensions", array(design.extensions()));
    ObjectNode scale = properties.putObject("scaleSettings");
    if (design.autoScale()) {
      ObjectNode autoScale = scale.putObject("autoScale");
      autoScale.put("formula", autoScaleFormula());
      autoScale.put("evaluationInterval", pick("PT5M", "PT15M"));
    } else {
      ObjectNode fixed = scale.putObject("fixedScale");
      if (parameterisedCount) {
        fixed.put("targetDedicatedNodes", "[parameters('nodeCount')]");
      } else {
        fixed.put("targetDedicatedNodes", design.dedicated());
      }
      fixed.put("targetLowPriorityNodes", design.lowPriority());
      fixed.put("resizeTimeout", pick("PT15M", "PT30M"));
    }
    if (design.startTask()) {
      ObjectNode startTask = properties.putObject("startTask");
      startTask.put("commandLine", startCommand(design.windows()));
      startTask
          .putObject("userIdentity")
          .putObject("autoUser")
          .put("scope", "Pool")
          .put("elevationLevel", "Admin");
      startTask.put("maxTaskRetryCount", 1);
      startTask.put("waitForSuccess", true);
    }
    if (design.subnet()) {
      properties.putObject("networkConfiguration").put("subnetId", subnetId(design.name()));
    }
    if (design.metadata()) {
      properties.set("metadata", metadata(design.name()));
    }
    return properties;
  }

  private static ObjectNode managementIdentity(String resourceId) {
    ObjectNode identity = JSON.objectNode();
    identity.put("type", "UserAssigned");
    identity.putObject("userAssignedIdentities").putObject(resourceId);
    return identity;
  }

  // ---- small pieces -------------------------------------------------------------------------

  private Identity identity(String poolName) {
    return new Identity(
        "/subscriptions/"
            + uuid()
            + "/resourceGroups/batch-"
            + pick("prod", "test", "dev")
            + "-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
            + poolName
            + "-identity",
        uuid());
  }

  private static void putMarketplaceImage(ObjectNode image, Image source) {
    image.put("publisher", source.publisher());
    image.put("offer", source.offer());
    image.put("sku", source.sku());
    image.put("version", "latest");
  }

  private String displayName(Design design) {
    return pick("Render", "Analysis", "Batch", "Nightly", "Training", "Simulation")
        + " pool for "
        + design.name()
        + (design.windows() ? " (Windows)" : " (Linux)");
  }

  private String autoScaleFormula() {
    int max = 5 + random.nextInt(50);
    return "startingNumberOfVMs = 1;\nmaxNumberofVMs = "
        + max
        + ";\npendingTaskSamplePercent = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second);\n"
        + "pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(180 * TimeInterval_Second));\n"
        + "$TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);\n"
        + "$NodeDeallocationOption = taskcompletion;";
  }

  private String startCommand(boolean windows) {
    return windows
        ? "cmd /c \"powershell -ExecutionPolicy Bypass -File install-tools.ps1\""
        : "/bin/bash -c \"apt-get update && apt-get install -y "
            + pick("jq", "ffmpeg", "python3-pip", "nfs-common")
            + "\"";
  }

  private String subnetId(String poolName) {
    return "/subscriptions/"
        + uuid()
        + "/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/batch-vnet/subnets/"
        + poolName;
  }

  private ArrayNode metadata(String poolName) {
    ArrayNode metadata = JSON.arrayNode();
    metadata.addObject().put("name", "team").put("value", pick("platform", "research", "media"));
    metadata
        .addObject()
        .put("name", "costCenter")
        .put("value", "cc-" + (1000 + random.nextInt(9000)));
    metadata.addObject().put("name", "workload").put("value", poolName);
    return metadata;
  }

  private static ArrayNode array(List<ObjectNode> items) {
    ArrayNode array = JSON.arrayNode();
    items.forEach(array::add);
    return array;
  }

  String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
