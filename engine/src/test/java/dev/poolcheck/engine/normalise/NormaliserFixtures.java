package dev.poolcheck.engine.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolcheck.engine.document.Fixtures;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import java.util.Optional;

/** Runs kind detection and normalisation on fixture files, as the engine does. */
final class NormaliserFixtures {

  private static final KindDetection DETECTION = new KindDetection();

  private NormaliserFixtures() {}

  static Extraction extract(String fixture) {
    return DETECTION.extract(Fixtures.single(fixture), Optional.empty());
  }

  static Extraction extract(ParsedDocument doc) {
    return DETECTION.extract(doc, Optional.empty());
  }

  static PoolDocument onlyPool(Extraction e) {
    assertEquals(1, e.pools().size(), () -> "pools: " + e.pools());
    return e.pools().get(0);
  }
}
