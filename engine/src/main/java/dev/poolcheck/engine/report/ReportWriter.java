package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the reports of one run, for every front end: UTF-8, folders created, standard output
 * flushed but not closed, and colour only where it can be seen (standard output, when the options
 * ask for it). A report that cannot be written does not stop the others: its problem is returned,
 * and the front end turns problems into its own kind of failure (exit 2, a build error).
 */
public final class ReportWriter {

  private ReportWriter() {}

  /**
   * Writes {@code result} to every target.
   *
   * @param options the reporter options; {@link ReporterOptions#color()} applies to standard output
   *     only
   * @param stdout where targets without a file go
   * @return what went wrong and what the user should know about the reports written
   */
  public static Outcome write(
      CheckResult result,
      List<ReportTarget> targets,
      ReporterOptions options,
      OutputStream stdout) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ReportTarget target : targets) {
      try {
        if (target.toStdout()) {
          Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
          Reporter reporter = Reporters.create(target.format(), options);
          reporter.write(result, out);
          out.flush();
          truncation(reporter).ifPresent(notes::add);
        } else {
          Path file = target.file().orElseThrow();
          Path parent = file.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Reporter reporter = Reporters.create(target.format(), options.withColor(false));
            reporter.write(result, out);
            truncation(reporter).ifPresent(notes::add);
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        problems.add(
            "cannot write the "
                + target.format()
                + " report to "
                + target.file().map(f -> "'" + f + "'").orElse("standard output")
                + ": "
                + e
                + "; check that the folder exists and is writable");
      }
    }
    return new Outcome(problems, notes);
  }

  /** What a report left out on purpose (SARIF: code scanning's result-count and size limits). */
  private static java.util.Optional<String> truncation(Reporter reporter) {
    return reporter instanceof SarifReporter sarif
        ? sarif.lastTruncation()
        : java.util.Optional.empty();
  }

  /**
   * What writing the reports came to.
   *
   * @param problems one message per report that could not be written (the run failed: exit 2)
   * @param notes what a report left out on purpose, for standard error or the build log
   */
  public record Outcome(List<String> problems, List<String> notes) {
    public Outcome {
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }
  }
}
