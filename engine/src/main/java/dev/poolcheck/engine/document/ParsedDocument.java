package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One document read from a source file (a YAML stream may hold several) with the position of every
 * value.
 *
 * @param source the file it came from
 * @param index 0-based position of the document within the file
 * @param root the parsed value, absent when the document could not be parsed at all
 * @param positions where each pointer is written
 * @param problems syntax errors, duplicate keys and other findings made while reading
 */
public record ParsedDocument(
    SourceFile source,
    int index,
    Optional<JsonNode> root,
    PositionIndex positions,
    List<Finding> problems) {}
