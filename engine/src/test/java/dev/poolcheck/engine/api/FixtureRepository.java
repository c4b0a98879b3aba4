package dev.poolcheck.engine.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's fixtures are, and how tests run the engine on them. */
final class FixtureRepository {

  /** The date fixture runs are judged against, so retirement findings do not move with time. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  static final Path ROOT = findRoot();

  /** The real-world corpus's list of origins and expected findings: not a pool document. */
  static final String CORPUS_MANIFEST = "fixtures/real-world/manifest.json";

  private FixtureRepository() {}

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("fixtures"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("fixtures/ not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /**
   * Every JSON, YAML and Terraform fixture file, sorted, relative to the repository root (the
   * corpus manifest aside).
   */
  static List<String> allFixtureFiles() {
    try (Stream<Path> files = Files.walk(ROOT.resolve("fixtures"))) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .filter(
              n ->
                  n.endsWith(".json")
                      || n.endsWith(".yaml")
                      || n.endsWith(".yml")
                      || n.endsWith(".tf"))
          .filter(n -> !n.equals(CORPUS_MANIFEST))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CheckRequest.Builder request(String... paths) {
    return CheckRequest.builder(ROOT).paths(List.of(paths)).asOf(AS_OF).threads(1);
  }
}
