package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.normalise.KindDetection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, loading and extracting finish and explain themselves. */
class HostileInputTest {

  private final KindDetection extractor = new KindDetection();

  private void loadsWithoutThrowing(String name, byte[] bytes) {
    List<ParsedDocument> docs = Fixtures.LOADER.load(name, Optional.empty(), bytes);
    assertFalse(docs.isEmpty(), name);
    for (ParsedDocument doc : docs) {
      assertTrue(doc.root().isPresent() || !doc.problems().isEmpty(), name);
      extractor.extract(doc, Optional.empty());
      for (DocumentKind kind : DocumentKind.values()) {
        extractor.extract(doc, Optional.of(kind));
      }
    }
  }

  @Test
  void everyTruncationOfTheFixturesGivesDocumentsOrFindings() {
    for (String fixture :
        List.of(
            "seed/put-body-completed.json",
            "seed/get-node-extension.json",
            "management/pool-keyvault-linux.yaml",
            "node-extension/get-extension-succeeded.yaml")) {
      byte[] bytes = Fixtures.single(fixture).source().text().getBytes(StandardCharsets.UTF_8);
      for (int cut = 0; cut <= bytes.length; cut += 7) {
        byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
        loadsWithoutThrowing(fixture, prefix);
      }
    }
  }

  @Property(tries = 300)
  void arbitraryBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes) {
    loadsWithoutThrowing("x.json", bytes);
    loadsWithoutThrowing("x.yaml", bytes);
  }

  @Property(tries = 300)
  void arbitraryTextNeverThrows(@ForAll @Size(max = 200) String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    loadsWithoutThrowing("x.json", bytes);
    loadsWithoutThrowing("x.yaml", bytes);
  }
}
