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

  private static JsonNode schema(Path root, SchemaGenerator.Target t) throws IOException {
    return new ObjectMapper().readTree(root.resolve("schemas").resolve(t.outputFile()).toFile());
  }
}
