package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extension settings schemas under {@code schemas/extensions/} and their index.
 *
 * <p>Samples live in {@code src/test/resources/extension-settings/}: each file names a publisher
 * and type, and each case a typeHandlerVersion, settings, optional protectedSettings and the errors
 * it must produce ({@code "<settings|protectedSettings><JSON pointer> <keyword>[ <property>]"}; an
 * empty list means the shape is valid). The schema is found through the index, the way the
 * extension-settings rule finds it. Schemas load from the class path only.
 */
class ExtensionSchemasTest {

  private static final String ID_BASE = "https://poolcheck.dev/schemas/";
  private static final String CLASSPATH_BASE = "dev/poolcheck/schemas/";
  private static final String EXTENSIONS = "extensions/";
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final Set<String> NAMED_PROPERTY_KEYWORDS =
      Set.of("additionalProperties", "required", "dependentRequired");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaLoader(
                      loader ->
                          loader
                              .fetchRemoteResources(false)
                              .schemaIdResolvers(
                                  ids -> ids.mapPrefix(ID_BASE, "classpath:" + CLASSPATH_BASE)))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .formatAssertionsEnabled(true)
                          .build()));

  /** One entry of {@code index.json}. */
  record IndexEntry(
      String publisher,
      String type,
      List<String> majorVersions,
      String versionPattern,
      String schema,
      String protectedSettingsSchema,
      String source,
      boolean verified,
      String notes) {

    boolean covers(String publisher, String type, String typeHandlerVersion) {
      if (!this.publisher.equalsIgnoreCase(publisher) || !this.type.equalsIgnoreCase(type)) {
        return false;
      }
      if (majorVersions != null) {
        return majorVersions.contains(typeHandlerVersion.split("\\.", 2)[0]);
      }
      return Pattern.compile(versionPattern).matcher(typeHandlerVersion).matches();
    }
  }

  /** One sample: an extension's settings and the errors its shape must produce. */
  record SettingsCase(
      String file,
      String name,
      String publisher,
      String type,
      String typeHandlerVersion,
      JsonNode settings,
      JsonNode protectedSettings,
      Set<String> expect) {

    @Override
    public String toString() {
      return file + ": " + name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settingsCases")
  void settingsShapeProducesExactlyTheExpectedErrors(SettingsCase sample) {
    IndexEntry entry = onlyEntryFor(sample);
    Set<String> actual = new TreeSet<>();
    actual.addAll(errors("settings", schemaAt(entry.schema()), sample.settings()));
    if (sample.protectedSettings() != null) {
      actual.addAll(
          errors(
              "protectedSettings",
              schemaAt(entry.protectedSettingsSchema()),
              sample.protectedSettings()));
    }
    assertEquals(new TreeSet<>(sample.expect()), actual, sample.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settingsCases")
  void protectedSettingsErrorsNeverQuoteAValue(SettingsCase sample) {
    if (sample.protectedSettings() == null) {
      return;
    }
    Schema schema = schemaAt(onlyEntryFor(sample).protectedSettingsSchema());
    List<String> values = new ArrayList<>();
    collectScalars(sample.protectedSettings(), values);
    for (Error error : schema.validate(sample.protectedSettings())) {
      for (String value : values) {
        assertFalse(error.getMessage().contains(value), "a protected value leaks into an error");
      }
    }
  }

  @Test
  void protectedSettingsSchemasCheckShapesNotValues() {
    for (IndexEntry entry : index()) {
      JsonNode schema = read(extensionsDirectory().resolve(entry.schema()));
      String pointer = entry.protectedSettingsSchema().substring(entry.schema().length() + 1);
      for (String valueKeyword : List.of("pattern", "enum", "const", "format", "examples")) {
        assertTrue(
            schema.at(pointer).findValues(valueKeyword).isEmpty(),
            entry.protectedSettingsSchema() + " uses " + valueKeyword);
      }
    }
  }

  private static void collectScalars(JsonNode node, List<String> values) {
    if (node.isValueNode()) {
      values.add(node.asText());
    }
    node.forEach(child -> collectScalars(child, values));
  }

  @Test
  void everySchemaHasValidAndInvalidSamples() {
    Map<String, Set<Boolean>> validityBySchema = new HashMap<>();
    for (SettingsCase sample : settingsCases().toList()) {
      validityBySchema
          .computeIfAbsent(onlyEntryFor(sample).schema(), k -> new HashSet<>())
          .add(sample.expect().isEmpty());
    }
    for (IndexEntry entry : index()) {
      assertEquals(
          Set.of(true, false),
          validityBySchema.getOrDefault(entry.schema(), Set.of()),
          entry.schema() + " needs at least one valid and one invalid sample");
    }
  }

  @Test
  void everySchemaFileIsValidJsonSchema202012WithItsOwnId() {
    Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
    List<Path> files = schemaFiles();
    assertFalse(files.isEmpty());
    for (Path file : files) {
      JsonNode schema = read(file);
      assertEquals(List.of(), metaSchema.validate(schema), file.getFileName().toString());
      assertEquals(META_SCHEMA, schema.path("$schema").asText(), file.getFileName().toString());
      assertEquals(
          ID_BASE + EXTENSIONS + file.getFileName(),
          schema.path("$id").asText(),
          "$id of " + file.getFileName());
    }
  }

  @Test
  void indexMatchesItsOwnSchema() {
    Schema indexSchema =
        REGISTRY.getSchema(SchemaLocation.of(ID_BASE + EXTENSIONS + "index.schema.json"));
    JsonNode index = read(extensionsDirectory().resolve("index.json"));
    assertEquals(List.of(), indexSchema.validate(index));
    assertEquals(ID_BASE + EXTENSIONS, index.path("baseId").asText());
  }

  @Test
  void indexEntriesPointAtSchemasThatExist() {
    for (IndexEntry entry : index()) {
      assertTrue(
          Files.isRegularFile(extensionsDirectory().resolve(entry.schema())), entry.schema());
      assertTrue(
          entry.protectedSettingsSchema().startsWith(entry.schema() + "#/"),
          entry.protectedSettingsSchema());
      JsonNode schema = read(extensionsDirectory().resolve(entry.schema()));
      String pointer = entry.protectedSettingsSchema().substring(entry.schema().length() + 1);
      assertFalse(schema.at(pointer).isMissingNode(), entry.protectedSettingsSchema());
      assertNotNull(schemaAt(entry.protectedSettingsSchema()));
    }
  }

  @Test
  void noSchemaFileIsLeftOutOfTheIndex() {
    Set<String> indexed = index().stream().map(IndexEntry::schema).collect(Collectors.toSet());
    for (Path file : schemaFiles()) {
      String name = file.getFileName().toString();
      if (!name.equals("index.schema.json")) {
        assertTrue(indexed.contains(name), name + " is not in index.json");
      }
    }
  }

  @Test
  void publisherTypeAndMajorVersionAreUniqueAcrossTheIndex() {
    Set<String> seen = new HashSet<>();
    Map<String, Boolean> tracksMajors = new HashMap<>();
    for (IndexEntry entry : index()) {
      String extension = (entry.publisher() + "/" + entry.type()).toLowerCase(Locale.ROOT);
      Boolean previous = tracksMajors.put(extension, entry.majorVersions() != null);
      if (previous != null) {
        assertEquals(
            previous,
            entry.majorVersions() != null,
            extension + " mixes majorVersions and versionPattern entries");
      }
      List<String> keys =
          entry.majorVersions() != null ? entry.majorVersions() : List.of("pattern");
      for (String key : keys) {
        assertTrue(
            seen.add(extension + "@" + key), "duplicate index entry " + extension + "@" + key);
      }
    }
  }

  @Test
  void unknownMajorVersionOfAKnownExtensionMatchesNoEntry() {
    assertTrue(entriesFor("Microsoft.Azure.KeyVault", "KeyVaultForLinux", "4.0").isEmpty());
    assertTrue(entriesFor("Microsoft.Azure.KeyVault", "KeyVaultForWindows", "2.0").isEmpty());
    assertEquals(1, entriesFor("microsoft.azure.keyvault", "keyvaultforwindows", "4.1").size());
  }

  @Test
  void reservedCustomScriptHasNoSchema() {
    for (IndexEntry entry : index()) {
      assertFalse(entry.type().toLowerCase(Locale.ROOT).startsWith("customscript"), entry.type());
    }
  }

  @Test
  void unverifiedEntriesAreThePermissiveAndSecurityPackOnes() {
    Set<String> unverified =
        index().stream()
            .filter(entry -> !entry.verified())
            .map(IndexEntry::publisher)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            Set.of(
                "Microsoft.Azure.Diagnostics",
                "Microsoft.Azure.Security",
                "Microsoft.Azure.Security.Monitoring",
                "Microsoft.HpcCompute",
                "Microsoft.Powershell")),
        unverified);
  }

  @Test
  void keyVaultWindows4MarksItsRemovedPropertiesDeprecated() {
    JsonNode schema = read(extensionsDirectory().resolve("key-vault-windows-4.schema.json"));
    JsonNode secrets = schema.at("/$defs/secretsManagementSettings/properties");
    assertTrue(secrets.at("/linkOnRenewal/deprecated").asBoolean());
    assertTrue(secrets.at("/requireInitialSync/deprecated").asBoolean());
    assertTrue(secrets.at("/pollingIntervalInS/deprecated").isMissingNode());
    JsonNode certificate = schema.at("/$defs/observedCertificate/properties");
    assertTrue(certificate.at("/keyExportable/deprecated").asBoolean());
    assertTrue(certificate.at("/url/deprecated").isMissingNode());
  }

  @Test
  void keyVaultLinux3MarksTheOlderShapeDeprecated() {
    JsonNode defs =
        read(extensionsDirectory().resolve("key-vault-linux-3.schema.json")).path("$defs");
    assertTrue(defs.at("/legacyObservedCertificate/deprecated").asBoolean());
    assertTrue(defs.at("/observedCertificate/deprecated").isMissingNode());
  }

  @Test
  void keyVaultLinux3KeepsTheTopLevelStoreLocationCurrent() {
    // The 3.0 property table lists certificateStoreLocation beside the per-certificate one.
    JsonNode schema = read(extensionsDirectory().resolve("key-vault-linux-3.schema.json"));
    JsonNode location = schema.at("/$defs/certificateStoreLocation");
    assertTrue(location.path("deprecated").isMissingNode());
    assertEquals(
        "#/$defs/certificateStoreLocation",
        schema
            .at("/$defs/secretsManagementSettings/properties/certificateStoreLocation/$ref")
            .asText());
    assertTrue(schema.at("/$defs/legacyCertificateStoreLocation").isMissingNode());
  }

  @Test
  void everyNamedPropertyAndDefinitionHasADescriptionForEditors() {
    List<String> undescribed = new ArrayList<>();
    for (Path file : schemaFiles()) {
      collectUndescribed(file.getFileName() + "#", read(file), undescribed);
    }
    assertEquals(List.of(), undescribed);
  }

  private static void collectUndescribed(String at, JsonNode node, List<String> undescribed) {
    if (!node.isObject()) {
      return;
    }
    for (String keyword : List.of("properties", "$defs")) {
      node.path(keyword)
          .fields()
          .forEachRemaining(
              named -> {
                JsonNode schema = named.getValue();
                if (!schema.has("description") && !schema.has("$ref")) {
                  undescribed.add(at + "/" + keyword + "/" + named.getKey());
                }
              });
    }
    node.fields()
        .forEachRemaining(
            child -> {
              if (child.getKey().equals("if")) {
                return; // a condition, never shown in an editor
              }
              if (child.getValue().isArray()) {
                child.getValue().forEach(item -> collectUndescribed(at, item, undescribed));
              } else {
                collectUndescribed(at + "/" + child.getKey(), child.getValue(), undescribed);
              }
            });
  }

  private static Set<String> errors(String root, Schema schema, JsonNode instance) {
    Set<String> errors = new TreeSet<>();
    for (Error error : schema.validate(instance)) {
      String at = root + error.getInstanceLocation().toString();
      String detail = "";
      if (error.getKeyword().equals("dependentRequired")) {
        detail = " " + error.getArguments()[0]; // the missing property, not the one present
      } else if (NAMED_PROPERTY_KEYWORDS.contains(error.getKeyword())) {
        detail = " " + error.getProperty();
      }
      errors.add(at + " " + error.getKeyword() + detail);
    }
    return errors;
  }

  private static IndexEntry onlyEntryFor(SettingsCase sample) {
    List<IndexEntry> entries =
        entriesFor(sample.publisher(), sample.type(), sample.typeHandlerVersion());
    assertEquals(1, entries.size(), "index entries for " + sample);
    return entries.get(0);
  }

  private static List<IndexEntry> entriesFor(String publisher, String type, String version) {
    return index().stream().filter(entry -> entry.covers(publisher, type, version)).toList();
  }

  private static Schema schemaAt(String reference) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_BASE + EXTENSIONS + reference));
    schema.initializeValidators();
    return schema;
  }

  private static List<IndexEntry> index() {
    JsonNode extensions = read(extensionsDirectory().resolve("index.json")).path("extensions");
    List<IndexEntry> entries = new ArrayList<>();
    for (JsonNode entry : extensions) {
      entries.add(JSON.convertValue(entry, IndexEntry.class));
    }
    return entries;
  }

  static Stream<SettingsCase> settingsCases() {
    Path samples = classpathDirectory("extension-settings");
    List<SettingsCase> cases = new ArrayList<>();
    for (Path file : jsonFiles(samples)) {
      JsonNode document = read(file);
      for (JsonNode sample : document.path("cases")) {
        Set<String> expect = new TreeSet<>();
        sample.path("expect").forEach(e -> expect.add(e.asText()));
        cases.add(
            new SettingsCase(
                file.getFileName().toString(),
                sample.path("name").asText(),
                sample.path("publisher").asText(document.path("publisher").asText()),
                sample.path("type").asText(document.path("type").asText()),
                sample.path("typeHandlerVersion").asText(),
                sample.get("settings"),
                sample.get("protectedSettings"),
                expect));
      }
    }
    return cases.stream();
  }

  private static List<Path> schemaFiles() {
    return jsonFiles(extensionsDirectory()).stream()
        .filter(path -> path.getFileName().toString().endsWith(".schema.json"))
        .toList();
  }

  private static Path extensionsDirectory() {
    return classpathDirectory(CLASSPATH_BASE + EXTENSIONS);
  }

  private static Path classpathDirectory(String name) {
    URL url = ExtensionSchemasTest.class.getClassLoader().getResource(name);
    assertNotNull(url, name + " is not on the class path");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(url.toString(), e);
    }
  }

  private static List<Path> jsonFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
