package dev.poolcheck.engine.normalise;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What {@link KindDetection} found in one document.
 *
 * @param kind the detected (or forced) kind, absent for a file of no known kind or one that did not
 *     parse
 * @param pools every pool in canonical shape; an ARM template may declare several, a file of no
 *     known kind none
 * @param findings {@code not-a-pool-definition}, {@code settings-not-json}, {@code
 *     extension-status-failed} and duplicate keys inside stringified settings
 */
public record Extraction(
    Optional<DocumentKind> kind, List<PoolDocument> pools, List<Finding> findings) {

  public Extraction {
    pools = List.copyOf(pools);
    findings = List.copyOf(findings);
  }
}
