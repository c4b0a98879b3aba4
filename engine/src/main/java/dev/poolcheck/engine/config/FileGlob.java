package dev.poolcheck.engine.config;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A {@code java.nio} glob ({@link java.nio.file.FileSystem#getPathMatcher}) matched against a file
 * path as findings report it: relative, with {@code /} separators. {@code *} stays within one
 * directory, {@code **} crosses directories, {@code ?} is one character, {@code {a,b}} is either.
 *
 * @param pattern the glob as written (a leading {@code ./} is ignored)
 */
record FileGlob(String pattern, PathMatcher matcher) {

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when the pattern is not a valid glob
   */
  static FileGlob of(String pattern) {
    return new FileGlob(
        pattern, FileSystems.getDefault().getPathMatcher("glob:" + normalise(pattern)));
  }

  boolean matches(String reportedFile) {
    try {
      return matcher.matches(Path.of(normalise(reportedFile)));
    } catch (InvalidPathException e) {
      return false; // a name no file system accepts cannot be the file a glob means
    }
  }

  /** The form paths are compared in: {@code /} separators and no leading {@code ./}. */
  static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
