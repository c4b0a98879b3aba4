package dev.poolcheck.engine.api;

import dev.poolcheck.engine.config.FileGlob;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the paths of a request into the list of inputs to check: files as given, folders walked
 * recursively through the include and exclude globs ({@link FileGlob}), a glob given as a path
 * (quoted on the command line, so the shell did not expand it) expanded the same way, {@code -} for
 * stdin. Walks always skip hidden files and folders, {@code node_modules} and {@code target}
 * ({@link #ALWAYS_SKIPPED}). Named files are checked as given, unless {@code forceExclude} applies
 * the excludes to them too (as ruff's {@code --force-exclude}: pre-commit names every staged file).
 * Paths that do not exist are tool errors, and so is a selection that matched no file at all unless
 * {@code allowEmpty}; files that cannot be visited inside a folder (symbolic link loops, no
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

  /**
   * What a walk never enters or checks, whatever the includes: hidden files and folders ({@code
   * .git}, {@code .github}, {@code .idea}, {@code .poolcheck.yaml}), {@code node_modules} and
   * {@code target} (build output holds copies, not sources). A folder named on the command line is
   * walked even when it is one of these.
   */
  static final List<String> ALWAYS_SKIPPED = List.of("**/.*", "**/node_modules", "**/target");

  private final Path baseDir;
  private final List<FileGlob> includes;
  private final List<FileGlob> excludes;
  private final boolean forceExclude;
  private final boolean allowEmpty;

  InputCollector(
      Path baseDir,
      List<String> includes,
      List<String> excludes,
      boolean forceExclude,
      boolean allowEmpty) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.includes = globs(includes);
    List<String> skipped = new ArrayList<>(ALWAYS_SKIPPED);
    skipped.addAll(excludes);
    this.excludes = globs(skipped);
    this.forceExclude = forceExclude;
    this.allowEmpty = allowEmpty;
  }

  private static List<FileGlob> globs(List<String> globs) {
    List<FileGlob> out = new ArrayList<>();
    for (String glob : globs) {
      try {
        out.add(FileGlob.of(glob));
      } catch (IllegalArgumentException e) {
        // PatternSyntaxException's message spans three lines (the pattern and a caret).
        String why =
            e instanceof java.util.regex.PatternSyntaxException p
                ? p.getDescription()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid");
        throw new PoolcheckException(
            e.getMessage() + "; check the include and exclude patterns", e);
      }
    }
    return out;
  }

  Inputs collect(List<String> paths, String stdinName) {
    Map<String, Input> found = new LinkedHashMap<>();
    List<ToolError> errors = new ArrayList<>();
    List<String> given = paths.isEmpty() ? List.of(".") : paths;
    int forceExcluded = 0;
    for (String p : given) {
      if (p.equals("-")) {
        found.putIfAbsent("-", new Input(stdinName, Optional.empty(), Optional.empty()));
        continue;
      }
      Path path;
      try {
        path = baseDir.resolve(p).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        if (!FileGlob.isGlob(p)) {
          // A name the platform cannot encode (non-ASCII under LC_ALL=POSIX), or a NUL.
          errors.add(
              new ToolError(
                  p,
                  "is not a path this system can open ("
                      + e.getReason()
                      + "); run with a UTF-8 locale such as LC_ALL=C.UTF-8, or rename it"));
          continue;
        }
        path = null;
      }
      if ((path == null || !Files.exists(path)) && FileGlob.isGlob(p)) {
        if (!expand(p, found, errors) && !allowEmpty) {
          errors.add(
              new ToolError(
                  p,
                  "no file matches '"
                      + p
                      + "' (relative to "
                      + baseDir
                      + "); check the pattern ("
                      + String.join(", ", ALWAYS_SKIPPED)
                      + " are never matched)"));
        }
        continue;
      }
      if (path == null || !Files.exists(path)) {
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
      } else if (forceExclude && excludedHere(path)) {
        forceExcluded++;
      } else {
        String name = displayName(path);
        Optional<String> problem =
            Files.isRegularFile(path)
                ? Optional.empty()
                : Optional.of("not a regular file (a FIFO, socket or device); skipped");
        found.putIfAbsent(name, new Input(name, Optional.of(path), problem));
      }
    }
    if (found.isEmpty() && errors.isEmpty() && forceExcluded == 0 && !allowEmpty) {
      errors.add(
          new ToolError(
              String.join(" ", given),
              "no file matched: nothing in "
                  + String.join(", ", given)
                  + " matches the include patterns ("
                  + includes.stream().map(FileGlob::pattern).collect(Collectors.joining(", "))
                  + ") and no exclude pattern; hidden folders, node_modules and target are always"
                  + " skipped. Check the include patterns, or allow an empty selection"
                  + " (--allow-empty, allowEmpty in Maven)"));
    }
    return new Inputs(List.copyOf(found.values()), errors);
  }

  /**
   * Adds the files a glob given as a path matches: walks from its longest folder prefix without
   * glob characters, matching the glob against paths relative to the base directory.
   *
   * @return whether any file matched
   */
  private boolean expand(String glob, Map<String, Input> found, List<ToolError> errors) {
    FileGlob pattern;
    try {
      pattern = FileGlob.of(glob);
    } catch (IllegalArgumentException e) {
      throw new PoolcheckException(e.getMessage() + "; check the path arguments", e);
    }
    String normalised = FileGlob.normalise(glob);
    String[] segments = normalised.split("/");
    Path start = normalised.startsWith("/") ? Path.of("/") : baseDir;
    for (String segment : segments) {
      if (FileGlob.isGlob(segment)) {
        break;
      }
      if (!segment.isEmpty()) {
        start = start.resolve(segment);
      }
    }
    if (!Files.isDirectory(start)) {
      return false;
    }
    int before = found.size();
    walk(start, found, errors, file -> pattern.matches(relativeToBase(file).toString()));
    return found.size() > before;
  }

  private void walk(Path root, Map<String, Input> found, List<ToolError> errors) {
    walk(root, found, errors, file -> included(root, file));
  }

  private void walk(
      Path root, Map<String, Input> found, List<ToolError> errors, Predicate<Path> wanted) {
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
              if (!wanted.test(file) || excluded(root, file)) {
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
              if (wanted.test(file) || e instanceof FileSystemLoopException) {
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

  /** Globs match the path relative to the folder walked, or relative to the base directory. */
  private boolean included(Path root, Path file) {
    return matchesAny(includes, root.relativize(file))
        || matchesAny(includes, relativeToBase(file));
  }

  private boolean excluded(Path root, Path file) {
    return matchesAny(excludes, root.relativize(file))
        || matchesAny(excludes, relativeToBase(file));
  }

  /** Whether the file, or a folder it is in, is excluded, as a walk from the base would find. */
  private boolean excludedHere(Path file) {
    Path rel = relativeToBase(file);
    for (int i = 1; i <= rel.getNameCount(); i++) {
      if (matchesAny(excludes, rel.subpath(0, i))) {
        return true;
      }
    }
    return false;
  }

  private Path relativeToBase(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
  }

  private static boolean matchesAny(List<FileGlob> globs, Path rel) {
    String path = rel.toString().replace('\\', '/');
    if (path.isEmpty()) {
      return false;
    }
    for (FileGlob glob : globs) {
      if (glob.matches(path)) {
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
