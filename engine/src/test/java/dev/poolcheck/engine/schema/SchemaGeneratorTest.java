package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
