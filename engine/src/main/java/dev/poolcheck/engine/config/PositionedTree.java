package dev.poolcheck.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.poolcheck.engine.document.PositionIndex;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small JSON or YAML file (configuration, baseline) read into a tree together with the position
 * of every key and value, so that problems found later can be reported at {@code file:line:col}.
 *
 * @param root the parsed value; {@link MissingNode} for an empty file
 * @param positions where each pointer's key and value are written
 */
record PositionedTree(JsonNode root, PositionIndex positions) {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private static final StreamReadFeature DUPLICATES = StreamReadFeature.STRICT_DUPLICATE_DETECTION;

  /** Reads YAML (which includes JSON) text. */
  static PositionedTree yaml(String name, String text) {
    return read(name, text, YAMLFactory.builder().enable(DUPLICATES).build());
  }

  /** Reads JSON text. */
  static PositionedTree json(String name, String text) {
    return read(name, text, JsonFactory.builder().enable(DUPLICATES).build());
  }

  /**
   * Reads {@code text}; a syntax error or a duplicate key becomes a {@link PoolcheckException}
   * whose message is {@code name:line:col: what is wrong}.
   */
  private static PositionedTree read(String name, String text, JsonFactory factory) {
    PositionIndex positions = new PositionIndex();
    try {
      // Two passes, cheap for files this size: a token walk records where each key and value
      // starts, then Jackson builds the tree (which keeps no locations).
      try (JsonParser parser = factory.createParser(text)) {
        if (parser.nextToken() != null) {
          walk(parser, "", positions);
          // A second YAML document would be ignored silently: settings that never apply.
          if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new PoolcheckException(
                name
                    + ":"
                    + Math.max(1, at.getLineNr())
                    + ":"
                    + Math.max(1, at.getColumnNr())
                    + ": a second document; the file must hold one (remove the '---' and merge"
                    + " the settings into the first)");
          }
        }
      }
      JsonNode root = new ObjectMapper(factory).readTree(text);
      return new PositionedTree(root == null ? MissingNode.getInstance() : root, positions);
    } catch (JsonProcessingException e) {
      throw new PoolcheckException(syntaxError(name, e), e);
    } catch (IOException e) {
      throw new PoolcheckException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Where to report a problem with the value at {@code pointer}. */
  SourcePosition valueAt(String pointer) {
    return positions.locate(pointer).start();
  }

  /** Where to report a problem with the member {@code pointer} as a whole (its key). */
  SourcePosition keyAt(String pointer) {
    return positions.locateKey(pointer).start();
  }

  private static void walk(JsonParser parser, String pointer, PositionIndex positions)
      throws IOException {
    positions.putValue(pointer, range(parser.currentTokenLocation()));
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String child = pointer + "/" + escape(parser.currentName());
        positions.putKey(child, range(parser.currentTokenLocation()));
        parser.nextToken();
        walk(parser, child, positions);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        walk(parser, pointer + "/" + index++, positions);
      }
    }
  }

  private static SourceRange range(JsonLocation location) {
    return SourceRange.at(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String syntaxError(String name, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? name
            : name + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
    // SnakeYAML's messages span several lines quoting the source; the first says what is wrong.
    String what = e.getOriginalMessage().strip().lines().findFirst().orElse("syntax error");
    Matcher duplicate = DUPLICATE.matcher(what);
    if (duplicate.matches()) {
      what = "duplicate key '" + duplicate.group(1) + "'; each key may appear only once";
    }
    return where + ": " + what;
  }
}
