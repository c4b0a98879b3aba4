package dev.poolcheck.engine.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory that CI services resolve file names against (the repository root), so that
 * reporters can turn a file as the user named it into a repository-relative, {@code /}-separated
 * path.
 *
 * @param root the repository root; relative roots are resolved against {@code workingDirectory}
 * @param workingDirectory where relative file names were given (the process working directory)
 */
record SourceRoot(Path root, Path workingDirectory) {

  /** The standard input pseudo-file. */
  static final String STDIN = "-";

  SourceRoot {
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    root = workingDirectory.resolve(root).normalize();
  }

  /** A root that is also the working directory. */
  static SourceRoot of(Path root) {
    return new SourceRoot(root, Path.of(""));
  }

  /**
   * The file relative to the root with {@code /} separators, or empty for standard input, for a
   * name that is not a path, and for a file outside the root.
   */
  Optional<String> relativize(String file) {
    if (file.equals(STDIN)) {
      return Optional.empty();
    }
    Path absolute;
    try {
      absolute = workingDirectory.resolve(file).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!absolute.startsWith(root)) {
      return Optional.empty();
    }
    Path relative = root.relativize(absolute);
    StringBuilder path = new StringBuilder();
    for (Path segment : relative) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(segment);
    }
    return Optional.of(path.toString());
  }

  /** A relative path as a URI reference: characters that URIs do not allow are percent-encoded. */
  static String toUriReference(String relativePath) {
    // A colon in the first segment would make the reference read as a scheme.
    String firstSegment = relativePath.split("/", 2)[0];
    String path = firstSegment.contains(":") ? "./" + relativePath : relativePath;
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a relative path: " + relativePath, e);
    }
  }

  /** An absolute {@code file:} URI for a file outside the root. */
  Optional<String> absoluteUri(String file) {
    if (file.equals(STDIN)) {
      return Optional.empty();
    }
    try {
      return Optional.of(workingDirectory.resolve(file).normalize().toUri().toASCIIString());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
