package dev.poolcheck.engine.schema;

import static dev.poolcheck.engine.rego.TestPools.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rego.TestPools;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExtensionSettingsRuleTest {

  private static final String EXT = "/virtualMachineConfiguration/extensions/0";

  /** The seed document's node-extension response, as the extractor makes it canonical. */
  private static final String SEED_NODE_EXTENSION_CANONICAL =
      """
      {"kind": "node-extension", "scope": "extension", "virtualMachineConfiguration": {"extensions": [
        {"name": "KVExtensions", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
         "typeHandlerVersion": "1.0", "autoUpgradeMinorVersion": true,
         "settings": {
           "secretsManagementSettings": {
             "pollingIntervalInS": "300",
             "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault",
             "requireInitialSync": true,
             "observedCertificates": ["https://testkvwestus2.vault.azure.net/secrets/testumi"]},
           "authenticationSettings": {
             "msiEndpoint": "http://169.254.169.254/metadata/identity",
             "msiClientId": "885b1a3d-f13c-4030-afcf-922f05044d78dc"}}}]}}
      """;

  static Stream<String> ruleIds() {
    return ExtensionSettingsRule.all().stream().map(r -> r.descriptor().id());
  }

  private static Rule rule(String id) {
    return ExtensionSettingsRule.all().stream()
        .filter(r -> r.descriptor().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<Violation> check(String id, String canonicalJson) {
    return rule(id).check(TestPools.canonical(canonicalJson), TestPools.context());
  }

  private static String pool(String extensionJson) {
    return "{\"kind\": \"management\", \"scope\": \"pool\", \"virtualMachineConfiguration\":"
        + " {\"extensions\": ["
        + extensionJson
        + "]}}";
  }

  private static String keyVault(String type, String version, String settings) {
    return pool(
        "{\"name\": \"kv\", \"publisher\": \"Microsoft.Azure.KeyVault\", \"type\": \""
            + type
            + "\", \"typeHandlerVersion\": \""
            + version
            + "\", \"settings\": "
            + settings
            + "}");
  }

  // --- fixtures

  @ParameterizedTest
  @MethodSource("ruleIds")
  void firesAtTheExpectedPointersOnItsBadFixture(String id) throws IOException {
    Path dir = REPO.resolve("fixtures/rules").resolve(id);
    List<String> expected =
        Files.readAllLines(dir.resolve("bad.expected.txt")).stream()
            .filter(l -> !l.isBlank())
            .sorted()
            .toList();
    List<Violation> found =
        rule(id).check(TestPools.fromDataPlane(dir.resolve("bad.json")), TestPools.context());
    assertEquals(expected, found.stream().map(Violation::pointer).sorted().toList());
    found.forEach(v -> assertEquals(Violation.PointerSpace.CANONICAL, v.space()));
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void staysQuietOnItsGoodFixture(String id) {
    Path good = REPO.resolve("fixtures/rules").resolve(id).resolve("good.json");
    assertEquals(List.of(), rule(id).check(TestPools.fromDataPlane(good), TestPools.context()));
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void hasAHelpPageWithABadAndAGoodExample(String id) throws IOException {
    Path page = REPO.resolve("docs/rules").resolve(id + ".md");
    String text = Files.readString(page);
    assertTrue(text.contains("# " + id + "\n"), page.toString());
    assertTrue(text.contains("\n## Bad\n") && text.contains("\n## Good\n"), page.toString());
    assertTrue(text.contains(rule(id).descriptor().description()), page + " lacks the description");
  }

  // --- the seed document

  @Test
  void reportsTheSeedResponsesMalformedClientIdAsNotAGuid() {
    List<Violation> found = check("extension-settings-invalid", SEED_NODE_EXTENSION_CANONICAL);
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(EXT + "/settings/authenticationSettings/msiClientId", v.pointer());
    assertTrue(
        v.message().startsWith("extension 'KVExtensions' (KeyVaultForLinux 1.0): "), v.message());
    assertTrue(v.message().contains("`msiClientId` must be a GUID"), v.message());
    assertTrue(v.message().contains("885b1a3d-f13c-4030-afcf-922f05044d78dc"), v.message());
    assertNull(v.severity());
  }

  @Test
  void acceptsTheSeedCreateBodysSettings() {
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": "300",
           "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault",
           "requireInitialSync": true,
           "observedCertificates": ["https://testkvwestus2.vault.azure.net/secrets/authsecreat"]},
         "authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity",
           "msiClientId": "885b1a3d-f13c-4030-afcf-9f05044d78dc"}}
        """;
    for (Rule r : ExtensionSettingsRule.all()) {
      assertEquals(
          List.of(),
          r.check(
              TestPools.canonical(keyVault("KeyVaultForLinux", "1.0", settings)),
              TestPools.context()));
    }
  }

  /**
   * The management-plane example of the Azure specs (PoolCreate_VirtualMachineConfiguration_
   * Extensions.json) passes the pool schema, but its Key Vault settings are placeholders the
   * extension cannot read (FACTS.md §1.5).
   */
  @Test
  void reportsThePlaceholderSettingsOfTheOfficialExample() {
    String extension =
        """
        {"name": "batchextension1", "type": "KeyVaultForLinux", "autoUpgradeMinorVersion": true,
         "enableAutomaticUpgrade": true, "publisher": "Microsoft.Azure.KeyVault",
         "settings": {"authenticationSettingsKey": "authenticationSettingsValue",
                      "secretsManagementSettingsKey": "secretsManagementSettingsValue"},
         "typeHandlerVersion": "2.0"}
        """;
    List<Violation> found = check("extension-settings-invalid", pool(extension));
    assertEquals(
        List.of(
            EXT + "/settings",
            EXT + "/settings/authenticationSettingsKey",
            EXT + "/settings/secretsManagementSettingsKey"),
        found.stream().map(Violation::pointer).toList());
    assertNull(found.get(0).severity());
    assertTrue(
        found.get(0).message().contains("`secretsManagementSettings`"), found.get(0).message());
    assertTrue(
        found.get(1).message().contains("did you mean `authenticationSettings`?"),
        found.get(1).message());
    assertEquals(Severity.WARNING, found.get(1).severity());
  }

  // --- settings

  @Test
  void requiresMsiEndpointWithMsiClientId() {
    String settings =
        """
        {"secretsManagementSettings": {"observedCertificates": []},
         "authenticationSettings": {"msiClientId": "7d3c2f61-5b0e-4a8d-9c1f-2e6b8a4d0f37"}}
        """;
    for (String[] kv :
        List.of(
            new String[] {"KeyVaultForLinux", "2.0"},
            new String[] {"KeyVaultForLinux", "3.0"},
            new String[] {"KeyVaultForWindows", "1.0"},
            new String[] {"KeyVaultForWindows", "3.0"},
            new String[] {"KeyVaultForWindows", "4.0"})) {
      List<Violation> found = check("extension-settings-invalid", keyVault(kv[0], kv[1], settings));
      assertEquals(1, found.size(), kv[0] + " " + kv[1] + ": " + found);
      assertEquals(EXT + "/settings/authenticationSettings", found.get(0).pointer());
      assertTrue(
          found
              .get(0)
              .message()
              .contains("is missing `msiEndpoint`, which is required when `msiClientId` is given"),
          found.get(0).message());
    }
  }

  @Test
  void misspeltMemberIsAWarningWithASuggestion() {
    String settings =
        """
        {"secretsManagementSettings": {"requiredInitialSync": true,
           "observedCertificates": [{"url": "https://kv.vault.azure.net/secrets/c"}]}}
        """;
    List<Violation> found =
        check("extension-settings-invalid", keyVault("KeyVaultForLinux", "3.0", settings));
    assertEquals(1, found.size(), found::toString);
    assertEquals(
        EXT + "/settings/secretsManagementSettings/requiredInitialSync", found.get(0).pointer());
    assertTrue(
        found.get(0).message().contains("did you mean `requireInitialSync`?"),
        found.get(0).message());
    assertEquals(Severity.WARNING, found.get(0).severity());
  }

  @Test
  void windowsStoreLocationIsCaseSensitive() {
    String settings =
        """
        {"secretsManagementSettings": {"certificateStoreLocation": "localMachine",
           "observedCertificates": ["https://kv.vault.azure.net/secrets/c"]}}
        """;
    List<Violation> found =
        check("extension-settings-invalid", keyVault("KeyVaultForWindows", "1.0", settings));
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).message().contains("must be written `LocalMachine`"), found.get(0).message());
  }

  @Test
  void pollingIntervalIsAStringOfWholeSeconds() {
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": 3600,
           "observedCertificates": [{"url": "https://kv.vault.azure.net/secrets/c"}]}}
        """;
    List<Violation> found =
        check("extension-settings-invalid", keyVault("KeyVaultForWindows", "3.0", settings));
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).message().contains("`pollingIntervalInS` must be a string, not an integer"),
        found.get(0).message());
  }

  @Test
  void protectedSettingsAreCheckedByShapeWithoutShowingAValue() {
    String extension =
        """
        {"name": "oms", "publisher": "Microsoft.EnterpriseCloud.Monitoring",
         "type": "OmsAgentForLinux", "typeHandlerVersion": "1.17",
         "settings": {"workspaceId": "0b8b6bd6-1d2f-4b4d-9f3e-6a2a5b1c9d10"},
         "protectedSettings": {"workspacekey": "c2VjcmV0LXdvcmtzcGFjZS1rZXk="}}
        """;
    List<Violation> found = check("extension-settings-invalid", pool(extension));
    assertFalse(found.isEmpty());
    for (Violation v : found) {
      assertTrue(v.pointer().startsWith(EXT + "/protectedSettings"), v.pointer());
      assertFalse(v.message().contains("c2VjcmV0"), v.message());
    }
    assertTrue(
        found.stream().anyMatch(v -> v.message().contains("`workspaceKey`")), found::toString);
  }

  @Test
  void keyVaultTakesNoProtectedSettings() {
    String extension =
        """
        {"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
         "typeHandlerVersion": "3.0",
         "settings": {"secretsManagementSettings": {"observedCertificates": []}},
         "protectedSettings": {"token": 123456789}}
        """;
    List<Violation> found = check("extension-settings-invalid", pool(extension));
    assertEquals(1, found.size(), found::toString);
    assertEquals(EXT + "/protectedSettings/token", found.get(0).pointer());
    assertFalse(found.get(0).message().contains("123456789"), found.get(0).message());
  }

  @Test
  void matchesPublisherAndTypeCaseInsensitively() {
    String extension =
        """
        {"name": "kv", "publisher": "microsoft.azure.keyvault", "type": "KEYVAULTFORLINUX",
         "typeHandlerVersion": "3.0", "settings": {"secretsManagementSettings": {}}}
        """;
    List<Violation> found = check("extension-settings-invalid", pool(extension));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).message().contains("`observedCertificates`"), found.get(0).message());
  }

  @Test
  void unknownExtensionsAreLeftAlone() {
    String extension =
        """
        {"name": "x", "publisher": "Contoso", "type": "Thing", "typeHandlerVersion": "1.0",
         "settings": {"anything": 1}}
        """;
    for (Rule r : ExtensionSettingsRule.all()) {
      assertEquals(List.of(), r.check(TestPools.canonical(pool(extension)), TestPools.context()));
    }
  }

  // --- ARM expressions

  @Test
  void skipsExtensionsWhosePublisherTypeOrVersionIsAnExpression() {
    String settings = "{\"secretsManagementSettings\": {\"bogus\": 1}}";
    for (String[] pv :
        List.of(
            new String[] {"[parameters('publisher')]", "KeyVaultForLinux", "\"3.0\""},
            new String[] {"Microsoft.Azure.KeyVault", "[variables('type')]", "\"3.0\""},
            new String[] {
              "Microsoft.Azure.KeyVault", "KeyVaultForLinux", "\"[parameters('v')]\""
            })) {
      String extension =
          "{\"name\": \"kv\", \"publisher\": \""
              + pv[0]
              + "\", \"type\": \""
              + pv[1]
              + "\", \"typeHandlerVersion\": "
              + pv[2]
              + ", \"settings\": "
              + settings
              + "}";
      for (Rule r : ExtensionSettingsRule.all()) {
        assertEquals(
            List.of(),
            r.check(TestPools.canonical(pool(extension)), TestPools.context()),
            extension);
      }
    }
  }

  @Test
  void neverJudgesExpressionsInsideSettings() {
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": "[parameters('poll')]",
           "observedCertificates": "[variables('certificates')]"},
         "authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity",
           "msiClientId": "[reference(variables('identity')).clientId]"}}
        """;
    assertEquals(
        List.of(),
        check("extension-settings-invalid", keyVault("KeyVaultForLinux", "3.0", settings)));
    assertEquals(
        List.of(),
        check(
            "extension-settings-invalid",
            keyVault("KeyVaultForLinux", "3.0", "\"[parameters('settings')]\"")));
  }

  // --- versions

  @Test
  void reportsAVersionNoSchemaCovers() {
    String settings = "{\"secretsManagementSettings\": {\"observedCertificates\": []}}";
    List<Violation> found =
        check("extension-version-unknown", keyVault("KeyVaultForWindows", "2.0", settings));
    assertEquals(1, found.size(), found::toString);
    assertEquals(EXT + "/typeHandlerVersion", found.get(0).pointer());
    assertTrue(
        found.get(0).message().contains("KeyVaultForWindows typeHandlerVersion 2.0"),
        found.get(0).message());
    assertTrue(found.get(0).message().contains("known: 1.x, 3.x, 4.x"), found.get(0).message());
    assertEquals(
        List.of(),
        check("extension-settings-invalid", keyVault("KeyVaultForWindows", "2.0", settings)));
  }

  @Test
  void takesTheMajorVersionFromTheDigitsBeforeTheFirstDot() {
    String settings =
        "{\"secretsManagementSettings\": {\"observedCertificates\": [{\"url\": \"https://kv.vault.azure.net/secrets/c\"}]}}";
    assertEquals(
        List.of(),
        check("extension-version-unknown", keyVault("KeyVaultForLinux", "3.2.1", settings)));
    assertEquals(
        List.of(), check("extension-version-unknown", keyVault("KeyVaultForLinux", "3", settings)));
    assertEquals(
        1,
        check("extension-version-unknown", keyVault("KeyVaultForLinux", "30.0", settings)).size());
  }

  @Test
  void versionPatternEntriesAcceptAnyNumericVersion() {
    String extension =
        """
        {"name": "gpu", "publisher": "Microsoft.HpcCompute", "type": "NvidiaGpuDriverLinux",
         "typeHandlerVersion": "1.9", "settings": {}}
        """;
    assertEquals(List.of(), check("extension-version-unknown", pool(extension)));
    assertEquals(
        1,
        check("extension-version-unknown", pool(extension.replace("\"1.9\"", "\"latest\"")))
            .size());
  }

  // --- deprecated settings

  @Test
  void warnsOnEachSettingRemovedInKeyVaultForWindows4() {
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": "3600", "linkOnRenewal": true,
           "requireInitialSync": false,
           "observedCertificates": [{"url": "https://kv.vault.azure.net/secrets/c",
             "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine",
             "keyExportable": true}]}}
        """;
    String body = keyVault("KeyVaultForWindows", "4.0", settings);
    List<Violation> found = check("keyvault-setting-deprecated", body);
    assertEquals(
        List.of(
            EXT + "/settings/secretsManagementSettings/linkOnRenewal",
            EXT + "/settings/secretsManagementSettings/observedCertificates/0/keyExportable",
            EXT + "/settings/secretsManagementSettings/requireInitialSync"),
        found.stream().map(Violation::pointer).toList());
    for (Violation v : found) {
      assertTrue(v.message().contains("(KeyVaultForWindows 4.0)"), v.message());
      assertTrue(v.message().endsWith("Remove it."), v.message());
    }
    assertTrue(
        found
            .get(0)
            .message()
            .contains(
                "(KeyVaultForWindows 4.0): linkOnRenewal was removed in KeyVaultForWindows 4.0:"
                    + " linking always happens. Remove it."),
        found.get(0).message());
    assertEquals(List.of(), check("extension-settings-invalid", body));
  }

  @Test
  void theSameSettingsAreFineInKeyVaultForWindows3() {
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": "3600", "linkOnRenewal": true,
           "requireInitialSync": true,
           "observedCertificates": [{"url": "https://kv.vault.azure.net/secrets/c",
             "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine",
             "keyExportable": true}]}}
        """;
    for (Rule r : ExtensionSettingsRule.all()) {
      assertEquals(
          List.of(),
          r.check(
              TestPools.canonical(keyVault("KeyVaultForWindows", "3.0", settings)),
              TestPools.context()));
    }
  }

  @Test
  void warnsOnStringCertificatesUnderKeyVaultForLinux3ButNotOnTheTopLevelStoreLocation() {
    // The 3.0 property table lists secretsManagementSettings.certificateStoreLocation (current);
    // only string observedCertificates are the 1.x/2.x shape.
    String settings =
        """
        {"secretsManagementSettings": {"pollingIntervalInS": "3600",
           "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault",
           "observedCertificates": ["https://kv.vault.azure.net/secrets/a",
             {"url": "https://kv.vault.azure.net/secrets/b"}]}}
        """;
    List<Violation> found =
        check("keyvault-setting-deprecated", keyVault("KeyVaultForLinux", "3.0", settings));
    assertEquals(
        List.of(EXT + "/settings/secretsManagementSettings/observedCertificates/0"),
        found.stream().map(Violation::pointer).toList());
    assertTrue(
        found.get(0).message().contains("`observedCertificates[0]` is deprecated"),
        found.get(0).message());
    assertTrue(found.get(0).message().contains("1.x/2.x shape"), found.get(0).message());
    assertEquals(
        List.of(),
        check(
            "keyvault-setting-deprecated",
            keyVault(
                "KeyVaultForLinux",
                "2.0",
                settings.replace(
                    ",\n             {\"url\": \"https://kv.vault.azure.net/secrets/b\"}", ""))));
  }

  // --- registration and sharing

  @Test
  void isRegisteredWithTheSchemaRules() {
    List<String> ids = SchemaRules.all().stream().map(r -> r.descriptor().id()).toList();
    assertTrue(
        ids.containsAll(
            List.of(
                "extension-settings-invalid",
                "extension-version-unknown",
                "keyvault-setting-deprecated")),
        ids::toString);
  }

  @Test
  void theRulesShareOneCheckPerPoolAndAgreeOnManyThreads() {
    PoolDocument seed = TestPools.canonical(SEED_NODE_EXTENSION_CANONICAL);
    RuleContext context = TestPools.context();
    ExtensionSettingsRule.all().forEach(r -> r.check(seed, context));
    List<?> shared = context.memo(ExtensionSettingsRule.MEMO_KEY, () -> null);
    assertEquals(1, shared.size());
    List<Integer> counts =
        IntStream.range(0, 32)
            .parallel()
            .mapToObj(
                i ->
                    rule("extension-settings-invalid")
                        .check(
                            TestPools.canonical(SEED_NODE_EXTENSION_CANONICAL), TestPools.context())
                        .size())
            .toList();
    assertTrue(counts.stream().allMatch(c -> c == 1), counts::toString);
  }
}
