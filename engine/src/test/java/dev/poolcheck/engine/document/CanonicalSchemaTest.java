package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.poolcheck.engine.normalise.Extraction;
import dev.poolcheck.engine.normalise.KindDetection;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical pools the extractor produces match schemas/pool-document.schema.json. */
class CanonicalSchemaTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        CanonicalSchemaTest.class.getResourceAsStream(
            "/dev/poolcheck/schemas/pool-document.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed/put-body-completed.json",
        "seed/get-node-extension.json",
        "management/pool-keyvault-linux.json",
        "management/pool-keyvault-linux.yaml",
        "data-plane/pool-ubuntu.json",
        "data-plane/pool-gallery-image.yaml",
        "arm/template-top-level-pool.json",
        "arm/template-nested-pool.json",
        "node-extension/get-extension-succeeded.json",
        "node-extension/get-extension-succeeded.yaml",
        "node-extension/get-extension-settings-broken.json",
        "terraform/render-pools.tf",
        "terraform/plan-modules.json",
        "terraform/state.json",
        "terraform/provider-examples/docs-batch-pool-example.tf",
        "rules/keyvault-initial-sync-disabled/bad.terraform.tf"
      })
  void canonicalPoolsMatchTheSchema(String fixture) {
    Extraction e = new KindDetection().extract(Fixtures.single(fixture), Optional.empty());
    assertFalse(e.pools().isEmpty());
    for (PoolDocument pool : e.pools()) {
      List<Error> errors = schema.validate(pool.canonical());
      assertTrue(errors.isEmpty(), () -> fixture + ": " + errors);
    }
  }

  @Test
  void schemaRejectsAnUnknownKindAndAMapOfIdentities() {
    PoolDocument pool =
        new KindDetection()
            .extract(Fixtures.single("management/pool-keyvault-linux.json"), Optional.empty())
            .pools()
            .get(0);
    ObjectNode broken = pool.canonical().deepCopy();
    broken.put("kind", "bicep");
    broken.with("identity").putObject("userAssignedIdentities").putObject("/subscriptions/x");
    String errors = schema.validate(broken).toString();
    assertTrue(errors.contains("/kind: does not have a value in the enumeration"), errors);
    assertTrue(
        errors.contains("/identity/userAssignedIdentities: object found, array expected"), errors);
  }
}
