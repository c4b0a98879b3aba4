package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.schema.SchemaProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of Terraform's {@code azurerm_batch_pool} (provider 4.x), from {@code
 * schemas/terraform/azurerm_batch_pool.json}, and the check of a resource body against them:
 * unknown arguments and blocks (with the nearest known name, or the provider version that removed
 * them), missing required ones, wrong types (after Terraform's own conversions: {@code "2"} is a
 * number, {@code 2} a string), values outside an enum or range, too many blocks.
 *
 * <p>The body is in the JSON shape of a {@code .tf} resource block as {@code HclReader} reads it
 * (nested blocks are lists). Values Terraform only knows when it applies (strings holding {@code
 * ${...}}) are never judged.
 *
 * <p>Over 400 lines: it interprets the whole argument table (unknown arguments with did-you-mean,
 * arguments removed in 3.0, required arguments and blocks, types after Terraform's own conversions,
 * enums, ranges, block counts) in one walk over the resource body, and each check needs the same
 * position of the block being walked.
 */
public final class TerraformSchema {

  static final String RESOURCE = "dev/poolcheck/schemas/terraform/azurerm_batch_pool.json";

  /** Longest value quoted in a message. */
  private static final int MAX_QUOTED = 40;

  private static volatile TerraformSchema instance;

  private final JsonNode table;
  private final JsonNode definitions;
  private final Set<String> metaAttributes = new TreeSet<>();
  private final JsonNode metaBlocks;

  /**
   * One problem, in the source document.
   *
   * @param kind which schema rule reports it
   * @param pointer where
   * @param message what is wrong and what to do
   * @param severity the severity when it differs from the rule's (an argument Terraform rejects is
   *     an error, though unknown REST properties are warnings), else {@code null}
   */
  public record Problem(Kind kind, String pointer, String message, Severity severity) {}

  private TerraformSchema(JsonNode table) {
    this.table = table;
    this.definitions = table.path("definitions");
    table.path("metaArguments").path("attributes").forEach(n -> metaAttributes.add(n.asText()));
    this.metaBlocks = table.path("metaArguments").path("blocks");
  }

  /** The table, read once from the classpath. */
  public static TerraformSchema get() {
    TerraformSchema s = instance;
    if (s == null) {
      synchronized (TerraformSchema.class) {
        s = instance;
        if (s == null) {
          try (InputStream in =
              TerraformSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing from the classpath: " + RESOURCE);
            }
            s = new TerraformSchema(new ObjectMapper().readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          instance = s;
        }
      }
    }
    return s;
  }

  /** The provider's major version the table describes. */
  public int providerMajorVersion() {
    return table.path("providerMajorVersion").asInt();
  }

  /** The resource type, {@code azurerm_batch_pool}. */
  public String resourceType() {
    return table.path("resource").asText();
  }

  /**
   * Checks one resource body.
   *
   * @param body the resource block's body
   * @param pointer where it is in the source document
   */
  public List<Problem> check(JsonNode body, String pointer) {
    List<Problem> out = new ArrayList<>();
    checkBlock(table.path("block"), body, pointer, "", true, out);
    return List.copyOf(out);
  }

  private JsonNode resolve(JsonNode block) {
    JsonNode ref = block.get("ref");
    return ref != null ? definitions.path(ref.asText()) : block;
  }

  private void checkBlock(
      JsonNode schema, JsonNode body, String pointer, String path, boolean top, List<Problem> out) {
    if (!body.isObject()) {
      return;
    }
    schema = resolve(schema);
    JsonNode attributes = schema.path("attributes");
    JsonNode blocks = schema.path("blocks");
    Set<String> dynamicLabels = new TreeSet<>();
    JsonNode dynamic = body.get("dynamic");
    if (dynamic != null && dynamic.isObject()) {
      dynamic.fieldNames().forEachRemaining(dynamicLabels::add);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      String at = pointer + "/" + escape(name);
      String where = join(path, name);
      if (value.isNull()) {
        continue;
      }
      if (attributes.has(name)) {
        checkAttribute(attributes.get(name), value, at, where, out);
      } else if (blocks.has(name)) {
        checkNestedBlocks(blocks.get(name), value, at, where, out);
      } else if (name.equals("dynamic") && value.isObject()) {
        checkDynamic(blocks, value, at, path, out);
      } else if (top && metaAttributes.contains(name)) {
        continue;
      } else if (top && metaBlocks.has(name)) {
        JsonNode meta = metaBlocks.get(name);
        if (meta.isObject() && value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            checkBlock(meta, value.get(i), at + "/" + i, where + "[" + i + "]", false, out);
          }
        }
      } else {
        unknown(name, at, path, attributes, blocks, top, out);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = attributes.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      if (a.getValue().path("required").asBoolean() && absent(body.get(a.getKey()))) {
        out.add(
            new Problem(
                Kind.REQUIRED_PROPERTY,
                pointer,
                blockName(path)
                    + " lacks the required argument `"
                    + a.getKey()
                    + "`: Terraform will not plan without it",
                null));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = blocks.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> b = it.next();
      if (b.getValue().path("required").asBoolean()
          && absent(body.get(b.getKey()))
          && !dynamicLabels.contains(b.getKey())) {
        out.add(
            new Problem(
                Kind.REQUIRED_PROPERTY,
                pointer,
                blockName(path)
                    + " lacks the required block `"
                    + b.getKey()
                    + " { ... }`: Terraform will not plan without it",
                null));
      }
    }
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull() || (value.isArray() && value.isEmpty());
  }

  private void checkDynamic(
      JsonNode blocks, JsonNode dynamic, String pointer, String path, List<Problem> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = dynamic.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String at = pointer + "/" + escape(label.getKey());
      if (!blocks.has(label.getKey())) {
        Optional<String> near = NearestName.suggest(label.getKey(), fieldNames(blocks));
        out.add(
            new Problem(
                Kind.UNKNOWN_PROPERTY,
                at,
                "`dynamic \""
                    + label.getKey()
                    + "\"` generates blocks that "
                    + blockName(path)
                    + " does not have"
                    + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                Severity.ERROR));
        continue;
      }
      JsonNode schema = blocks.get(label.getKey()).path("block");
      JsonNode list = label.getValue();
      for (int i = 0; i < list.size(); i++) {
        JsonNode content = list.get(i).get("content");
        if (content != null && content.isArray()) {
          for (int j = 0; j < content.size(); j++) {
            checkBlock(
                schema,
                content.get(j),
                at + "/" + i + "/content/" + j,
                join(path, label.getKey()),
                false,
                out);
          }
        }
      }
    }
  }

  private void checkNestedBlocks(
      JsonNode spec, JsonNode value, String pointer, String path, List<Problem> out) {
    boolean attrMode = spec.path("attr_mode").asBoolean();
    if (!value.isArray()) {
      if (isUnknown(value) && attrMode) {
        return;
      }
      out.add(
          new Problem(
              Kind.INVALID_VALUE,
              pointer,
              "`"
                  + path
                  + "` is a block: write `"
                  + lastName(path)
                  + " { ... }` without '=' (Terraform rejects it as an argument)",
              null));
      return;
    }
    int max = spec.path("max_items").asInt(0);
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String at = pointer + "/" + i;
      if (max > 0 && i == max) {
        out.add(
            new Problem(
                Kind.INVALID_VALUE,
                at,
                "`"
                    + path
                    + "` may be given "
                    + (max == 1 ? "once" : "at most " + max + " times")
                    + "; remove this one",
                null));
      }
      if (item.isObject()) {
        checkBlock(spec.path("block"), item, at, path + "[" + i + "]", false, out);
      }
    }
  }

  private void checkAttribute(
      JsonNode spec, JsonNode value, String pointer, String path, List<Problem> out) {
    String type = spec.path("type").asText("string");
    if (isUnknown(value) || (spec.path("json").asBoolean() && value.isContainerNode())) {
      return; // jsonencode({...}) was read as the value it encodes
    }
    if (value.isArray()
        && !value.isEmpty()
        && value.get(0).isObject()
        && !type.startsWith("list")
        && !type.startsWith("set")) {
      out.add(
          new Problem(
              Kind.INVALID_VALUE,
              pointer,
              "`" + path + "` is an argument, not a block: write `" + lastName(path) + " = ...`",
              null));
      return;
    }
    switch (type) {
      case "string" -> checkPrimitive("string", spec, value, pointer, path, out);
      case "number" -> checkPrimitive("number", spec, value, pointer, path, out);
      case "bool" -> checkPrimitive("bool", spec, value, pointer, path, out);
      case "list(string)", "set(string)" -> {
        if (!value.isArray()) {
          out.add(typeProblem(pointer, path, "a list of strings such as [\"a\"]", value));
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          checkPrimitive(
              "string", spec, value.get(i), pointer + "/" + i, path + "[" + i + "]", out);
        }
      }
      case "map(string)" -> {
        if (!value.isObject()) {
          out.add(typeProblem(pointer, path, "a map such as { key = \"value\" }", value));
          return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode v = e.getValue();
          if (v.isContainerNode()) {
            out.add(
                typeProblem(
                    pointer + "/" + escape(e.getKey()), path + "." + e.getKey(), "a string", v));
          }
        }
      }
      default -> {}
    }
  }

  private void checkPrimitive(
      String type, JsonNode spec, JsonNode value, String pointer, String path, List<Problem> out) {
    if (value.isNull() || isUnknown(value)) {
      return;
    }
    if (value.isContainerNode()) {
      out.add(typeProblem(pointer, path, "a " + describe(type), value));
      return;
    }
    switch (type) {
      case "number" -> {
        BigDecimal n = asNumber(value);
        if (n == null) {
          out.add(typeProblem(pointer, path, "a number", value));
          return;
        }
        if (spec.has("min") && n.compareTo(spec.get("min").decimalValue()) < 0
            || spec.has("max") && n.compareTo(spec.get("max").decimalValue()) > 0) {
          out.add(
              new Problem(
                  Kind.INVALID_VALUE,
                  pointer,
                  "`"
                      + path
                      + "` is "
                      + n.toPlainString()
                      + ", outside the range the provider accepts ("
                      + range(spec)
                      + ")",
                  null));
        }
      }
      case "bool" -> {
        if (!value.isBoolean()
            && !(value.isTextual()
                && (value.asText().equals("true") || value.asText().equals("false")))) {
          out.add(typeProblem(pointer, path, "true or false", value));
        }
      }
      default -> {
        JsonNode allowed = spec.get("enum");
        if (allowed != null && allowed.isArray()) {
          String text = value.asText();
          Set<String> values = new LinkedHashSet<>();
          allowed.forEach(a -> values.add(a.asText()));
          if (!values.contains(text)) {
            Optional<String> sameButCase =
                values.stream().filter(v -> v.equalsIgnoreCase(text)).findFirst();
            out.add(
                new Problem(
                    Kind.INVALID_VALUE,
                    pointer,
                    "`"
                        + path
                        + "` is "
                        + quote(text)
                        + sameButCase
                            .map(
                                v ->
                                    "; write `" + v + "`: the provider's values are case-sensitive")
                            .orElse(
                                ", which the provider does not accept: use "
                                    + String.join(
                                        " or ", values.stream().map(v -> "`" + v + "`").toList())),
                    null));
          }
        }
      }
    }
  }

  private void unknown(
      String name,
      String pointer,
      String path,
      JsonNode attributes,
      JsonNode blocks,
      boolean top,
      List<Problem> out) {
    String full = join(stripIndexes(path), name);
    for (JsonNode removed : table.path("removed")) {
      if (removed.path("path").asText().equals(full)) {
        out.add(
            new Problem(
                Kind.UNKNOWN_PROPERTY,
                pointer,
                "`"
                    + join(path, name)
                    + "` was removed in azurerm "
                    + removed.path("removedIn").asText()
                    + removed
                        .path("deprecatedIn")
                        .asText()
                        .transform(d -> d.isEmpty() ? "" : " (deprecated since " + d + ")")
                    + ": use `"
                    + removed.path("replacement").asText()
                    + "`; provider "
                    + providerMajorVersion()
                    + ".x rejects it",
                Severity.ERROR));
        return;
      }
    }
    Set<String> known = new TreeSet<>(fieldNames(attributes));
    known.addAll(fieldNames(blocks));
    if (top) {
      known.addAll(metaAttributes);
      known.addAll(fieldNames(metaBlocks));
    }
    Optional<String> near = NearestName.suggest(name, known);
    out.add(
        new Problem(
            Kind.UNKNOWN_PROPERTY,
            pointer,
            "`"
                + join(path, name)
                + "` is not an argument of "
                + blockName(path)
                + " (azurerm "
                + providerMajorVersion()
                + ".x), so Terraform rejects it"
                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
            Severity.ERROR));
  }

  /** Whether a value is only known when Terraform applies: a string holding {@code ${...}}. */
  static boolean isUnknown(JsonNode value) {
    return value != null && value.isTextual() && value.asText().contains("${");
  }

  private static BigDecimal asNumber(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String range(JsonNode spec) {
    if (spec.has("min") && spec.has("max")) {
      return spec.get("min").asText() + " to " + spec.get("max").asText();
    }
    return spec.has("min")
        ? "at least " + spec.get("min").asText()
        : "at most " + spec.get("max").asText();
  }

  private Problem typeProblem(String pointer, String path, String expected, JsonNode value) {
    String found =
        value.isObject()
            ? "an object"
            : value.isArray()
                ? "a list"
                : value.isBoolean()
                    ? "a bool"
                    : value.isNumber() ? "a number" : quote(value.asText());
    return new Problem(
        Kind.INVALID_VALUE,
        pointer,
        "`" + path + "` must be " + expected + "; found " + found,
        null);
  }

  private static String describe(String type) {
    return switch (type) {
      case "bool" -> "bool (true or false)";
      default -> type;
    };
  }

  private static String quote(String s) {
    return s.length() > MAX_QUOTED ? "a " + s.length() + "-character string" : "`" + s + "`";
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private String blockName(String path) {
    return path.isEmpty() ? "the " + resourceType() + " resource" : "the `" + path + "` block";
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String lastName(String path) {
    String p = stripIndexes(path);
    return p.substring(p.lastIndexOf('.') + 1);
  }

  private static String stripIndexes(String path) {
    return path.replaceAll("\\[\\d+]", "");
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
