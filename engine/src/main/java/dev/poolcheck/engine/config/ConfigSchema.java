package dev.poolcheck.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a configuration tree against {@code schemas/config.schema.json} (packaged on the class
 * path, never fetched) and turns each schema error into a {@link ConfigProblem} at the offending
 * key or value, worded for someone editing {@code .poolcheck.yaml}.
 */
final class ConfigSchema {

  static final String RESOURCE = "dev/poolcheck/schemas/config.schema.json";

  private static final JsonNode SCHEMA_NODE = readSchema();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder ->
                  builder.schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ENGLISH)
                          .build()))
          .getSchema(SCHEMA_NODE);

  private ConfigSchema() {}

  static List<ConfigProblem> validate(PositionedTree tree) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Error error : SCHEMA.validate(tree.root())) {
      problems.add(describe(error, tree));
    }
    return problems;
  }

  private static ConfigProblem describe(Error error, PositionedTree tree) {
    String pointer = pointer(error.getInstanceLocation());
    String keyword = String.valueOf(error.getKeyword());
    switch (keyword) {
      case "additionalProperties":
        {
          String name = error.getProperty();
          String allowed = allowedKeys(error.getSchemaLocation().getFragment());
          return new ConfigProblem(
              tree.keyAt(pointer + "/" + PositionedTree.escape(name)),
              "unknown key '" + name + "'" + in(pointer) + allowed);
        }
      case "required":
        {
          String name = error.getProperty();
          String hint =
              name.equals("reason")
                  ? "; say why this finding is accepted, for the next reader"
                  : "";
          return new ConfigProblem(
              tree.valueAt(pointer), "missing required key '" + name + "'" + in(pointer) + hint);
        }
      case "propertyNames":
        {
          String name = error.getProperty();
          return new ConfigProblem(
              tree.keyAt(pointer + "/" + PositionedTree.escape(name)),
              "'"
                  + name
                  + "' is not a rule id; rule ids are kebab-case, like extension-not-allowed");
        }
      case "enum":
        return new ConfigProblem(
            tree.valueAt(pointer),
            label(pointer)
                + ": "
                + error.getInstanceNode()
                + " is not one of "
                + choices(error.getSchemaNode()));
      case "type":
        {
          Object[] args = error.getArguments();
          String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "a value";
          String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "?";
          return new ConfigProblem(
              tree.valueAt(pointer),
              label(pointer) + ": expected " + expected + ", found " + found);
        }
      case "pattern":
        return new ConfigProblem(
            tree.valueAt(pointer), label(pointer) + ": " + patternHint(pointer));
      case "minLength":
        return new ConfigProblem(tree.valueAt(pointer), label(pointer) + ": must not be empty");
      default:
        return new ConfigProblem(tree.valueAt(pointer), label(pointer) + ": " + error.getMessage());
    }
  }

  private static String patternHint(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return switch (last) {
      case "reason" -> "must not be blank; say why this finding is accepted";
      case "pointer" ->
          "is not a JSON Pointer; write it like /properties/vmSize (~ as ~0, / as ~1)";
      case "rule" -> "is not a rule id; rule ids are kebab-case, like extension-not-allowed";
      default -> "has the wrong form";
    };
  }

  /** The keys the schema object around an {@code additionalProperties} keyword defines. */
  private static String allowedKeys(NodePath additionalProperties) {
    StringBuilder parent = new StringBuilder();
    for (int i = 0; i < additionalProperties.getNameCount() - 1; i++) {
      parent.append('/').append(PositionedTree.escape(additionalProperties.getName(i)));
    }
    JsonNode properties = SCHEMA_NODE.at(parent + "/properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return "";
    }
    List<String> names = properties.properties().stream().map(Map.Entry::getKey).toList();
    return "; expected one of " + String.join(", ", names);
  }

  private static String choices(JsonNode enumNode) {
    if (enumNode == null) {
      return "the allowed values";
    }
    JsonNode values = enumNode.isArray() ? enumNode : enumNode.path("enum");
    return StreamSupport.stream(values.spliterator(), false)
        .map(JsonNode::asText)
        .collect(Collectors.joining(", "));
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(PositionedTree.escape(String.valueOf(path.getElement(i))));
    }
    return sb.toString();
  }

  private static String in(String pointer) {
    return pointer.isEmpty() ? "" : " in " + pointer;
  }

  private static String label(String pointer) {
    return pointer.isEmpty() ? "the configuration" : pointer;
  }

  private static JsonNode readSchema() {
    try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
