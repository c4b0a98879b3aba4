package dev.poolcheck.engine.normalise;

import static dev.poolcheck.engine.normalise.NormaliserFixtures.extract;
import static dev.poolcheck.engine.normalise.NormaliserFixtures.onlyPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TerraformPlanNormaliser}: pools of plans and states, in every module. */
class TerraformPlanNormaliserTest {

  @Test
  void readsTheResourceChangesOfAPlanButNotThoseBeingDeleted() {
    Extraction e = extract("terraform/plan-modules.json");
    assertEquals(Optional.of(DocumentKind.TERRAFORM_PLAN), e.kind());
    List<String> addresses =
        e.pools().stream().map(p -> TerraformNames.address(p).orElseThrow()).toList();
    assertEquals(
        List.of(
            "azurerm_batch_pool.cpu",
            "module.batch.azurerm_batch_pool.gpu",
            "module.batch.module.legacy[\"eu\"].azurerm_batch_pool.pool"),
        addresses);
    PoolDocument gpu = e.pools().get(1);
    assertEquals("/resource_changes/1/change/after", gpu.sourcePointer());
    JsonNode c = gpu.canonical();
    assertEquals("terraform-plan", c.at("/source/form").textValue());
    assertEquals(
        "CustomScript", c.at("/virtualMachineConfiguration/extensions/0/type").textValue());
    assertEquals(
        "/resource_changes/1/change/after/extensions/0/type",
        gpu.pointers().toSource("/virtualMachineConfiguration/extensions/0/type"));
    // settings_json is a string of JSON in a plan: parsed, positions inside the string
    assertEquals(
        "./install-cuda.sh",
        c.at("/virtualMachineConfiguration/extensions/0/settings/commandToExecute").textValue());
    // unset blocks are empty lists and unset arguments null in a plan: nothing to map
    assertTrue(c.path("startTask").isMissingNode());
    // known after apply: absent from the plan, absent from the canonical pool
    assertTrue(e.pools().get(0).canonical().path("accountName").isMissingNode());
  }

  @Test
  void readsTheResourcesOfAStateInChildModules() {
    PoolDocument pool = onlyPool(extract("terraform/state.json"));
    assertEquals("/values/root_module/child_modules/0/resources/0/values", pool.sourcePointer());
    assertEquals("module.batch.azurerm_batch_pool.gpu", TerraformNames.address(pool).orElseThrow());
  }
}
