package dev.poolcheck.engine.robustness;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.report.Reporter;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared pieces of the robustness tests: the repository, fixture policies, every report. */
final class Workspace {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  static final Path ROOT = findRoot();

  private Workspace() {}

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

  /** A request over {@code paths} below {@code baseDir}, on one thread, at a fixed date. */
  static CheckRequest.Builder request(Path baseDir, String... paths) {
    return CheckRequest.builder(baseDir).paths(List.of(paths)).asOf(AS_OF).threads(1);
  }

  /** A compiled fixture policy from fixtures/policies/ (built by policies/build.sh). */
  static Path policy(String name) {
    try {
      return Path.of(Workspace.class.getResource("/fixtures/policies/" + name + ".tar.gz").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("fixture policy " + name + " was not built", e);
    }
  }

  static void write(Path file, String text) {
    write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reporter of every format, files named relative to {@code baseDir}. */
  static List<Reporter> reporters(Path baseDir) {
    ReporterOptions options = new ReporterOptions(false, "test", baseDir, baseDir);
    return Reporters.formats().stream().map(f -> Reporters.create(f, options)).toList();
  }

  /** Every format's output of {@code result}, by format name. */
  static Map<String, String> reports(CheckResult result) {
    return reports(result, ROOT);
  }

  /** Every format's output of {@code result}, by format name. */
  static Map<String, String> reports(CheckResult result, Path baseDir) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Reporter reporter : reporters(baseDir)) {
      StringWriter w = new StringWriter();
      try {
        reporter.write(result, w);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.put(reporter.format(), w.toString());
    }
    return out;
  }

  static List<Finding> withRule(CheckResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }

  static List<Finding> inFile(CheckResult r, String file) {
    return r.findings().stream().filter(f -> f.file().equals(file)).toList();
  }
}
