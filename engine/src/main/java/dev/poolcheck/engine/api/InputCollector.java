package dev.poolcheck.engine.api;

import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the paths of a request into the list of inputs to check: files as given, folders walked
 * recursively through the include and exclude globs, {@code -} for stdin. Paths that do not exist
 * are tool errors; files that cannot be visited inside a folder (symbolic link loops, no
 * permission) become inputs that the loader reports as unreadable, so the run goes on.
 */
final class InputCollector {

  /**
   * One input.
   *
   * @param name as reported in findings: relative to the base directory with {@code /} separators
   *     when it lies below it, else as written; {@code -} style names for stdin
   * @param path the file, absent for stdin
   * @param problem why the file cannot be read, when that is already known from the walk
   */
  record Input(String name, Optional<Path> path, Optional<String> problem) {}

  record Inputs(List<Input> inputs, List<ToolError> errors) {}

  private final Path baseDir;
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  InputCollector(Path baseDir, List<String> includes, List<String> excludes) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    for (String glob : globs) {
      try {
        out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) {
        // PatternSyntaxException's message spans three lines (the pattern and a caret).
        String why =
            e instanceof java.util.regex.PatternSyntaxException p
                ? p.getDescription()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid");
        throw new PoolcheckException(
            "invalid glob '" + glob + "': " + why + "; check --include/--exclude", e);
      }
    }
    return out;
  }

  Inputs collect(List<String> paths, String stdinName) {
    Map<String, Input> found = new LinkedHashMap<>();
    List<ToolError> errors = new ArrayList<>();
    List<String> given = paths.isEmpty() ? List.of(".") : paths;
    for (String p : given) {
      if (p.equals("-")) {
        found.putIfAbsent("-", new Input(stdinName, Optional.empty(), Optional.empty()));
        continue;
      }
      Path path;
      try {
        path = baseDir.resolve(p).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        // A name the platform cannot encode (non-ASCII under LC_ALL=POSIX), or a NUL.
        errors.add(
            new ToolError(
                p,
                "is not a path this system can open ("
                    + e.getReason()
                    + "); run with a UTF-8 locale such as LC_ALL=C.UTF-8, or rename it"));
        continue;
      }
      if (!Files.exists(path)) {
        errors.add(
            new ToolError(
                p,
                "no such file or directory: '"
                    + p
                    + "'; check the path (relative to "
                    + baseDir
                    + ")"));
      } else if (Files.isDirectory(path)) {
        walk(path, found, errors);
      } else {
        String name = displayName(path);
        Optional<String> problem =
            Files.isRegularFile(path)
                ? Optional.empty()
                : Optional.of("not a regular file (a FIFO, socket or device); skipped");
        found.putIfAbsent(name, new Input(name, Optional.of(path), problem));
      }
    }
    return new Inputs(List.copyOf(found.values()), errors);
  }

  private void walk(Path root, Map<String, Input> found, List<ToolError> errors) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      errors.add(
          new ToolError(
              displayName(root),
              "cannot be listed (" + e.getClass().getSimpleName() + "); check its permissions"));
      return;
    }
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && excluded(root, dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Optional<String> outside = leavesRoot(dir, realRoot);
              if (outside.isPresent()) {
                String name = displayName(dir);
                found.putIfAbsent(name, new Input(name, Optional.of(dir), outside));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!included(root, file) || excluded(root, file)) {
                return FileVisitResult.CONTINUE;
              }
              String name = displayName(file);
              Optional<String> outside = leavesRoot(file, realRoot);
              if (outside.isPresent()) {
                found.putIfAbsent(name, new Input(name, Optional.of(file), outside));
                return FileVisitResult.CONTINUE;
              }
              // A FIFO would block the read forever; a dangling link has nothing to read.
              Optional<String> problem =
                  attrs.isRegularFile()
                      ? Optional.empty()
                      : Optional.of(
                          attrs.isSymbolicLink()
                              ? "symbolic link to a file that does not exist; skipped"
                              : "not a regular file (a FIFO, socket or device); skipped");
              found.putIfAbsent(name, new Input(name, Optional.of(file), problem));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof java.nio.file.AccessDeniedException) {
                // Fail closed: a folder or file that cannot be read is not silently skipped.
                errors.add(
                    new ToolError(
                        displayName(file),
                        "permission denied; poolcheck cannot check what it cannot read (fix the"
                            + " permissions or --exclude it)"));
                return FileVisitResult.CONTINUE;
              }
              if (included(root, file) || e instanceof FileSystemLoopException) {
                String name = displayName(file);
                String why =
                    e instanceof FileSystemLoopException
                        ? "symbolic link loop; skipped"
                        : "cannot be read ("
                            + e.getClass().getSimpleName()
                            + "); check its permissions";
                found.putIfAbsent(name, new Input(name, Optional.of(file), Optional.of(why)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      errors.add(
          new ToolError(
              displayName(root),
              "cannot be listed (" + e.getClass().getSimpleName() + "); check its permissions"));
    }
  }

  /**
   * Why a path met while walking is not followed: it is a symbolic link (or lies below one) whose
   * target is outside the folder given. A committed link to {@code ~/.azure/credentials} would
   * otherwise be read and shown in a code frame. Links given on the command line are followed.
   */
  private static Optional<String> leavesRoot(Path path, Path realRoot) {
    try {
      Path real = path.toRealPath();
      if (real.startsWith(realRoot)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty(); // dangling or unreadable: reported where it is read
    }
    return Optional.of(
        "symbolic link to a place outside the folder being checked; not followed (name the"
            + " target on the command line to check it)");
  }

  private boolean included(Path root, Path file) {
    Path rel = root.relativize(file);
    return matchesAny(includes, rel) || matchesAny(includes, relativeToBase(file));
  }

  private boolean excluded(Path root, Path file) {
    Path rel = root.relativize(file);
    return matchesAny(excludes, rel) || matchesAny(excludes, relativeToBase(file));
  }

  private Path relativeToBase(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
  }

  /** {@code **}{@code /*.json} should also match {@code a.json} at the top of the folder. */
  private static boolean matchesAny(List<PathMatcher> matchers, Path rel) {
    for (PathMatcher m : matchers) {
      if (m.matches(rel) || m.matches(Path.of("_").resolve(rel))) {
        return true;
      }
    }
    return false;
  }

  String displayName(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
