package dev.poolcheck.bench;

import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.normalise.KindDetection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the canonical pool of every document under a folder, one JSON file each (for RuleCosts).
 */
public final class CanonicalPools {

  private CanonicalPools() {}

  public static void main(String[] args) throws Exception {
    DocumentLoader loader = new DocumentLoader(LoaderLimits.defaults());
    KindDetection detection = new KindDetection();
    Path out = Files.createDirectories(Path.of(args[1]));
    int n = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      for (ParsedDocument doc :
          loader.load(file.toString(), Optional.of(file), Files.readAllBytes(file))) {
        for (PoolDocument pool : detection.extract(doc, Optional.empty()).pools()) {
          Files.writeString(
              out.resolve(String.format("%05d.json", n++)), pool.canonical().toString());
        }
      }
    }
  }
}
