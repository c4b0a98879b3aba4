package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {

  @Test
  void committedSchemasMatchGenerator() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    for (Map.Entry<SchemaGenerator.Target, String> e :
        SchemaGenerator.generateAll(root).entrySet()) {
      Path committed = root.resolve("schemas").resolve(e.getKey().outputFile());
      assertEquals(
          e.getValue(),
          Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "",
          committed
              + " is stale: run SchemaGenerator.main (see docs/schemas.md) and commit the result");
    }
  }

  @Test
  void eachSchemaRecordsTheSpecFileApiVersionAndCommitOfSources() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    String sources =
        Files.readString(
            root.resolve("schemas/generator/specs/SOURCES.txt"), StandardCharsets.UTF_8);
    for (SchemaGenerator.Target t : SchemaGenerator.TARGETS) {
      JsonNode source = schema(root, t).get("x-source");
      assertTrue(sources.contains(source.get("path").asText()), source::toString);
      assertTrue(sources.contains(source.get("commit").asText()), source::toString);
      assertTrue(source.get("path").asText().contains(source.get("apiVersion").asText()));
    }
  }

  @Test
  void closedEnumsAreEnforcedAndOpenOnesOnlySuggested() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    JsonNode mgmt = schema(root, SchemaGenerator.TARGETS.get(0)).get("$defs");
    JsonNode data = schema(root, SchemaGenerator.TARGETS.get(1)).get("$defs");
    assertTrue(mgmt.at("/TaskSchedulingPolicy/properties/nodeFillType").has("enum"));
    assertFalse(mgmt.get("JobDefaultOrder").has("enum"));
    assertTrue(mgmt.get("JobDefaultOrder").has("examples"));
    assertFalse(data.get("BatchNodeFillType").has("enum"));
  }

  @Test
  void unresolvedDataPlaneReferencesAcceptAnything() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    JsonNode data = schema(root, SchemaGenerator.TARGETS.get(1));
    JsonNode startTask = data.at("/$defs/BatchPoolCreateOptions/properties/startTask");
    assertFalse(startTask.has("$ref"), startTask::toString);
    assertFalse(startTask.has("type"), startTask::toString);
    assertTrue(data.at("/x-source/permissiveDefinitions").toString().contains("BatchStartTask"));
  }

  @Test
  void extensionSettingsAreAnyObjectInBothPlanes() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    for (SchemaGenerator.Target t : SchemaGenerator.TARGETS) {
      JsonNode ext = schema(root, t).at("/$defs/VMExtension/properties");
      for (String member : new String[] {"settings", "protectedSettings"}) {
        assertEquals("object", ext.at("/" + member + "/type").asText(), t + " " + member);
        assertFalse(ext.get(member).has("additionalProperties"), t + " " + member);
      }
    }
  }

  @Test
  void everyShippedApiVersionRecordsItsSpecFileAndCommitInSources() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    String sources =
        Files.readString(
            root.resolve("schemas/generator/specs/SOURCES.txt"), StandardCharsets.UTF_8);
    for (SchemaGenerator.Target t : SchemaGenerator.TARGETS) {
      JsonNode versions = schema(root, t).get("x-api-versions");
      assertEquals(t.versions().size(), versions.size(), t.outputFile());
      for (SchemaGenerator.Version v : t.versions()) {
        JsonNode entry = versions.get(v.apiVersion());
        assertTrue(entry.get("path").asText().contains("/" + v.apiVersion() + "/"), v::toString);
        assertTrue(sources.contains(entry.get("path").asText()), entry::toString);
        assertTrue(sources.contains(entry.get("commit").asText()), entry::toString);
        assertTrue(
            schema(root, t).at(entry.get("request").asText().substring(1)).isObject(),
            entry::toString);
        // Every version has its GET response model (BatchPool, CloudPool, Pool).
        assertTrue(
            schema(root, t).at(entry.get("response").asText().substring(1)).isObject(),
            entry::toString);
      }
    }
  }

  @Test
  void propertiesFollowTheApiVersionThatDeclaresThem() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    JsonNode mgmt = schema(root, SchemaGenerator.TARGETS.get(0));
    JsonNode newest = mgmt.at("/$defs/PoolProperties/properties");
    JsonNode v20240701 = poolProperties(mgmt, "2024-07-01");
    JsonNode v20231101 = poolProperties(mgmt, "2023-11-01");
    // BatchManagement.json 2024-07-01 still has them; the 2026-08-01 openapi.json does not.
    for (String removed :
        new String[] {"targetNodeCommunicationMode", "resourceTags", "applicationLicenses"}) {
      assertTrue(v20240701.has(removed), removed);
      assertFalse(newest.has(removed), removed);
    }
    assertTrue(v20240701.has("upgradePolicy"));
    // 2023-11-01 added resourceTags (BatchManagement.json 2023-11-01 at f764b53; SOURCES.txt 6).
    assertTrue(v20231101.has("resourceTags"), "resourceTags came in 2023-11-01");
    assertFalse(poolProperties(mgmt, "2023-05-01").has("resourceTags"));
    assertFalse(poolProperties(mgmt, "2024-02-01").has("upgradePolicy"));
    JsonNode dataDisk =
        mgmt.at(
            mgmt.at("/$defs/VirtualMachineConfiguration.2024-07-01/properties/dataDisks/items/$ref")
                .asText()
                .substring(1));
    assertTrue(dataDisk.at("/properties/storageAccountType").isObject(), dataDisk::toString);
    assertFalse(mgmt.at("/$defs/DataDisk/properties").has("storageAccountType"));
  }

  @Test
  void definitionsEqualAcrossVersionsAreWrittenOnce() throws IOException {
    Path root = SchemaGenerator.repositoryRoot();
    for (SchemaGenerator.Target t : SchemaGenerator.TARGETS) {
      JsonNode defs = schema(root, t).get("$defs");
      java.util.Set<String> contents = new java.util.HashSet<>();
      defs.properties()
          .iterator()
          .forEachRemaining(
              e ->
                  assertTrue(
                      contents.add(e.getKey().split("\\.")[0] + e.getValue()),
                      "duplicate " + e.getKey()));
    }
    JsonNode mgmt = schema(root, SchemaGenerator.TARGETS.get(0)).get("$defs");
    // UserAccount did not change from 2023-05-01 to 2026-08-01: one definition serves all.
    assertFalse(mgmt.fieldNames().next().isEmpty());
    java.util.List<String> names = new java.util.ArrayList<>();
    mgmt.fieldNames().forEachRemaining(names::add);
    assertEquals(
        1, names.stream().filter(n -> n.startsWith("UserAccount")).count(), names::toString);
  }

  @Test
  void overlayNamingADefinitionItsBaseLacksIsRejected(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("base.json"), "{\"definitions\": {\"A\": {\"type\": \"string\"}}}");
    Files.writeString(
        dir.resolve("over.json"),
        "{\"x-excerpt\": {\"base\": \"base.json\", \"unchangedFromBase\": [\"B\"]},"
            + " \"definitions\": {}}");
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> SchemaGenerator.load(dir, "over.json"));
    assertTrue(e.getMessage().contains("B"), e.getMessage());
  }

  private static JsonNode poolProperties(JsonNode schema, String apiVersion) {
    String ref = schema.at("/x-api-versions/" + apiVersion + "/parts/PoolProperties").asText();
    return schema.at(ref.substring(1) + "/properties");
  }

  private static JsonNode schema(Path root, SchemaGenerator.Target t) throws IOException {
    return new ObjectMapper().readTree(root.resolve("schemas").resolve(t.outputFile()).toFile());
  }
}
