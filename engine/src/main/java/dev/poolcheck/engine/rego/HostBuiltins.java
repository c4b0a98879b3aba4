package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;
import java.util.function.Function;

/**
 * The Rego built-in functions that an OPA wasm module leaves to its host, as {@link OpaInstance}
 * provides them. OPA compiles most built-ins into the module itself; the ones it imports are named
 * in the module's {@code builtins} export. These are the ones opa-java-wasm 1.0.4 provides, so user
 * bundles that ran before still run: {@code sprintf} (the only one the built-in policies use),
 * {@code json.is_valid}, {@code yaml.is_valid}, {@code yaml.unmarshal} and {@code yaml.marshal}.
 */
final class HostBuiltins {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  /** A built-in function: its arguments, read from the module's memory as JSON, to its value. */
  interface Builtin extends Function<JsonNode[], JsonNode> {}

  private static final Map<String, Builtin> ALL =
      Map.of(
          "sprintf", HostBuiltins::sprintf,
          "json.is_valid", args -> BooleanNode.valueOf(parses(JSON, args[0])),
          "yaml.is_valid", args -> BooleanNode.valueOf(parses(YAML, args[0])),
          "yaml.unmarshal", HostBuiltins::yamlUnmarshal,
          "yaml.marshal", HostBuiltins::yamlMarshal);

  private HostBuiltins() {}

  /** The built-in of that name, or null when the host has none. */
  static Builtin named(String name) {
    return ALL.get(name);
  }

  private static JsonNode sprintf(JsonNode[] args) {
    if (!args[0].isTextual()) {
      throw new IllegalArgumentException("sprintf: operand 1 must be a string");
    }
    if (!args[1].isArray()) {
      throw new IllegalArgumentException("sprintf: operand 2 must be an array");
    }
    return TextNode.valueOf(Sprintf.format(args[0].textValue(), args[1]));
  }

  private static boolean parses(ObjectMapper mapper, JsonNode text) {
    if (!text.isTextual()) {
      return false;
    }
    try {
      mapper.readTree(text.textValue());
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static JsonNode yamlUnmarshal(JsonNode[] args) {
    if (!args[0].isTextual()) {
      throw new IllegalArgumentException("yaml.unmarshal: operand 1 must be a string");
    }
    try {
      return YAML.readTree(args[0].textValue());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("yaml.unmarshal: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode yamlMarshal(JsonNode[] args) {
    try {
      return TextNode.valueOf(YAML.writeValueAsString(args[0]));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("yaml.marshal: " + e.getOriginalMessage(), e);
    }
  }
}
