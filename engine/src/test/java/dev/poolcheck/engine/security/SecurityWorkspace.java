package dev.poolcheck.engine.security;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.report.Reporter;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the security tests share: requests, fixture policies, and every output of a run. */
final class SecurityWorkspace {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  private SecurityWorkspace() {}

  static CheckRequest.Builder request(Path baseDir, String... paths) {
    return CheckRequest.builder(baseDir).paths(List.of(paths)).asOf(AS_OF).threads(1);
  }

  static Path policy(String name) {
    try {
      return Path.of(
          SecurityWorkspace.class.getResource("/fixtures/policies/" + name + ".tar.gz").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("fixture policy " + name + " was not built", e);
    }
  }

  static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every output a run makes, by name: each report format, the baseline it wrote (when the request
   * asked for one) and the tool-error lines the command line prints on stderr.
   */
  static Map<String, String> outputs(CheckResult result, Path baseDir, Path baselineFile) {
    Map<String, String> out = new LinkedHashMap<>();
    ReporterOptions options = new ReporterOptions(false, "test", baseDir, baseDir);
    for (String format : Reporters.formats()) {
      Reporter reporter = Reporters.create(format, options);
      StringWriter w = new StringWriter();
      try {
        reporter.write(result, w);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.put(format, w.toString());
    }
    if (baselineFile != null) {
      try {
        out.put("baseline", Files.readString(baselineFile));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringBuilder stderr = new StringBuilder();
    for (ToolError e : result.errors()) {
      stderr.append("poolcheck: ").append(e.source()).append(": ").append(e.message()).append('\n');
    }
    out.put("stderr", stderr.toString());
    return out;
  }

  static CheckResult check(CheckRequest request) {
    return new Poolcheck().check(request);
  }
}
