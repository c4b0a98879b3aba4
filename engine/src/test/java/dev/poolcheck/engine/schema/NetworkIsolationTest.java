package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NetworkIsolationTest {

  @Test
  void refToAnHttpUrlIsNeverFetched() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/remote.schema.json";
      String schema =
          "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
              + " \"$id\": \"https://poolcheck.dev/schemas/test-remote.schema.json\","
              + " \"properties\": {\"a\": {\"$ref\": \""
              + remote
              + "\"}}}";
      SchemaRegistry registry = PoolSchemas.offlineRegistry();
      try {
        registry
            .getSchema(new ObjectMapper().readTree(schema))
            .validate(new ObjectMapper().readTree("{\"a\": 1}"));
      } catch (RuntimeException expected) {
        // Failing to resolve the reference is the expected outcome; fetching it is not.
      }
      assertEquals(0, requests.get(), "the validator fetched " + remote);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void poolSchemasLoadFromTheClassPath() {
    SchemaRegistry registry = PoolSchemas.offlineRegistry();
    var schema =
        registry.getSchema(SchemaLocation.of(PoolSchemas.ID_BASE + PoolSchemas.MANAGEMENT_FILE));
    assertEquals(
        PoolSchemas.ID_BASE + PoolSchemas.MANAGEMENT_FILE,
        schema.getSchemaNode().get("$id").asText());
  }
}
