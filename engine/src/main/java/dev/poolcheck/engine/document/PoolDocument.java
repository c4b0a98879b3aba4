package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.DocumentKind;

/**
 * One pool in the canonical shape described by {@code schemas/pool-document.schema.json}, whatever
 * kind of document it came from. Rules are written once against this shape; {@link #pointers} takes
 * their findings back to where the user wrote the value.
 *
 * @param source the document the pool was found in
 * @param kind what kind of document that is
 * @param sourcePointer where the pool itself is in the source ({@code ""} for a whole-file body,
 *     {@code /resources/2} for an ARM resource)
 * @param canonical the pool in canonical shape
 * @param pointers canonical pointer to source pointer
 */
public record PoolDocument(
    ParsedDocument source,
    DocumentKind kind,
    String sourcePointer,
    JsonNode canonical,
    PointerMap pointers) {

  /** The file name findings are reported against. */
  public String fileName() {
    return source.source().name();
  }
}
