package dev.poolcheck.engine.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads inputs the way the pipeline does: by name, from the repository's fixtures/. */
public final class Fixtures {

  static final Path ROOT = Path.of("..", "fixtures");

  /** The loader's own capacity is tested past the engine's default file cap. */
  static final DocumentLoader LOADER = new DocumentLoader(LoaderLimits.withMaxBytes(128L << 20));

  private Fixtures() {}

  public static List<ParsedDocument> load(String relative) {
    Path path = ROOT.resolve(relative);
    try {
      return LOADER.load(relative, Optional.of(path), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParsedDocument single(String relative) {
    List<ParsedDocument> docs = load(relative);
    if (docs.size() != 1) {
      throw new AssertionError(relative + " holds " + docs.size() + " documents");
    }
    return docs.get(0);
  }

  public static List<ParsedDocument> text(String name, String content) {
    return LOADER.load(name, Optional.empty(), content.getBytes(StandardCharsets.UTF_8));
  }

  public static ParsedDocument one(String name, String content) {
    List<ParsedDocument> docs = text(name, content);
    if (docs.size() != 1) {
      throw new AssertionError(name + " holds " + docs.size() + " documents");
    }
    return docs.get(0);
  }
}
