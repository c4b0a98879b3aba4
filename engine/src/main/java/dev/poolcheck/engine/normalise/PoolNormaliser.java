package dev.poolcheck.engine.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;

/**
 * Turns the pools of one kind of document into the canonical shape of {@code
 * schemas/pool-document.schema.json}, recording for every canonical pointer the source pointer it
 * came from. One class per input kind; {@link KindDetection} holds them in detection order, so
 * adding a kind is adding a class and its entry there.
 */
public interface PoolNormaliser {

  /** The kind this normaliser reads. */
  DocumentKind kind();

  /** Whether a document's root object, judged from its members, is of this kind. */
  boolean recognises(JsonNode root);

  /**
   * The pools of a document of this kind. Never throws on bad input: problems found while
   * normalising (stringified settings that do not parse, failed statuses, no pool at all) are added
   * to {@code findings}.
   *
   * @param doc the loaded document
   * @param root its root, an object
   */
  List<PoolDocument> normalise(ParsedDocument doc, JsonNode root, List<Finding> findings);
}
