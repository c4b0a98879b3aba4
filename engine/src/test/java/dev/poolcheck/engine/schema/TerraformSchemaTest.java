package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.schema.SchemaProblem.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A complete, valid pool body in the shape HclReader gives (blocks are lists). */
  private static final String VALID =
      """
      {"name": "p", "resource_group_name": "rg", "account_name": "${azurerm_batch_account.a.name}",
       "vm_size": "Standard_D2s_v3", "node_agent_sku_id": "batch.node.ubuntu 22.04",
       "max_tasks_per_node": "2",
       "storage_image_reference": [{"publisher": "canonical", "offer": "o", "sku": "s"}],
       "fixed_scale": [{"target_dedicated_nodes": 2}],
       "identity": [{"type": "UserAssigned", "identity_ids": ["${azurerm_user_assigned_identity.a.id}"]}],
       "start_task": [{"command_line": "echo", "wait_for_success": "true",
                       "common_environment_properties": {"A": "b"},
                       "user_identity": [{"auto_user": [{"elevation_level": "Admin", "scope": "Pool"}]}]}],
       "container_configuration": [{"type": "DockerCompatible",
                                    "container_registries": [{"registry_server": "r.io"}]}],
       "extensions": [{"name": "kv", "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux",
                       "settings_json": {"a": 1}, "provision_after_extensions": ["x"]}],
       "dynamic": {"extensions": [{"for_each": "${var.x}", "content": [{"name": "${extensions.key}",
                       "publisher": "p", "type": "t"}]}]},
       "lifecycle": [{"ignore_changes": ["${metadata}"]}],
       "count": 1, "timeouts": [{"create": "60m"}],
       "certificate": [{"id": "c", "store_location": "LocalMachine", "visibility": ["StartTask"]}]}
      """;

  private static List<TerraformSchema.Problem> check(String body) throws IOException {
    return TerraformSchema.get().check(JSON.readTree(body), "/resource/azurerm_batch_pool/p");
  }

  private static JsonNode with(String json, Map<String, String> changes) throws IOException {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
    for (var e : changes.entrySet()) {
      node.set(e.getKey(), JSON.readTree(e.getValue()));
    }
    return node;
  }

  @Test
  void acceptsAValidPoolWithConversionsUnknownsMetaArgumentsAndDynamicBlocks() throws IOException {
    List<TerraformSchema.Problem> problems = check(VALID);
    assertTrue(problems.isEmpty(), problems::toString);
  }

  @Test
  void reportsAMisspeltArgumentWithTheNearestName() throws IOException {
    var problems =
        check(VALID.replace("\"vm_size\"", "\"vmsize\"").replace("\"scope\"", "\"scop\""));
    assertEquals(3, problems.size(), problems::toString);
    var misspelt =
        problems.stream().filter(p -> p.pointer().endsWith("/vmsize")).findFirst().orElseThrow();
    assertEquals(Kind.UNKNOWN_PROPERTY, misspelt.kind());
    assertEquals(Severity.ERROR, misspelt.severity());
    assertTrue(misspelt.message().contains("did you mean `vm_size`?"), misspelt.message());
    var nested =
        problems.stream().filter(p -> p.pointer().endsWith("/scop")).findFirst().orElseThrow();
    assertEquals(
        "/resource/azurerm_batch_pool/p/start_task/0/user_identity/0/auto_user/0/scop",
        nested.pointer());
    assertTrue(
        nested.message().startsWith("`start_task[0].user_identity[0].auto_user[0].scop`"),
        nested.message());
    var required =
        problems.stream().filter(p -> p.kind() == Kind.REQUIRED_PROPERTY).findFirst().orElseThrow();
    assertEquals("/resource/azurerm_batch_pool/p", required.pointer());
    assertTrue(required.message().contains("`vm_size`"), required.message());
  }

  @Test
  void saysWhichMajorVersionRemovedAnArgument() throws IOException {
    var body =
        with(
            VALID,
            Map.of(
                "start_task",
                "[{\"command_line\": \"x\", \"max_task_retry_count\": 1, \"environment\": {},"
                    + " \"user_identity\": [{\"user_name\": \"u\"}]}]"));
    var problems = TerraformSchema.get().check(body, "");
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(
        problems.get(0).message().contains("was removed in azurerm 3.0.0")
            && problems.get(0).message().contains("use `task_retry_maximum`"),
        problems.get(0).message());
  }

  @Test
  void reportsWrongTypesEnumsRangesAndRepeatedSingleBlocks() throws IOException {
    var body =
        with(
            VALID,
            Map.of(
                "max_tasks_per_node", "\"two\"",
                "fixed_scale", "[{\"target_dedicated_nodes\": 5000}]",
                "identity",
                    "[{\"type\": \"userassigned\", \"identity_ids\": [\"a\"]}, {\"type\": \"UserAssigned\", \"identity_ids\": [\"b\"]}]",
                "storage_image_reference", "{\"publisher\": \"x\"}",
                "display_name", "[{\"a\": 1}]"));
    var problems = TerraformSchema.get().check(body, "");
    List<String> messages = problems.stream().map(TerraformSchema.Problem::message).toList();
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith("`max_tasks_per_node` must be a number")),
        messages::toString);
    assertTrue(
        messages.stream()
            .anyMatch(m -> m.contains("5000, outside the range the provider accepts (0 to 2000)")),
        messages::toString);
    assertTrue(
        messages.stream()
            .anyMatch(
                m -> m.contains("write `UserAssigned`: the provider's values are case-sensitive")),
        messages::toString);
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith("`identity` may be given once")),
        messages::toString);
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith("`storage_image_reference` is a block")),
        messages::toString);
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith("`display_name` is an argument, not a block")),
        messages::toString);
    assertEquals(6, problems.size(), messages::toString);
  }

  @Test
  void theTableNamesItsSourceAndOnlyKnownTypes() throws IOException {
    JsonNode table;
    try (var in =
        TerraformSchema.class.getClassLoader().getResourceAsStream(TerraformSchema.RESOURCE)) {
      table = JSON.readTree(in);
    }
    assertEquals(4, table.path("providerMajorVersion").asInt());
    for (JsonNode f : table.path("source").path("files")) {
      assertTrue(f.path("commit").asText().matches("[0-9a-f]{40}"), f::toString);
    }
    List<String> types =
        List.of("string", "number", "bool", "list(string)", "set(string)", "map(string)");
    table
        .findValues("attributes")
        .forEach(
            attrs ->
                attrs
                    .fields()
                    .forEachRemaining(
                        a -> {
                          if (a.getValue().isObject()) {
                            assertTrue(
                                types.contains(a.getValue().path("type").asText()), a::toString);
                          }
                        }));
    for (JsonNode r : table.path("removed")) {
      assertTrue(!r.path("source").asText().isBlank(), r::toString);
    }
  }
}
