package dev.poolcheck.engine.report;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One report to write: a known format, and the file it goes to or standard output. Creating one
 * checks the format ({@link Reporters#requireKnown}), so front ends check formats once, here.
 *
 * @param format the format name
 * @param file the file to write; empty for standard output
 */
public record ReportTarget(String format, Optional<Path> file) {

  public ReportTarget {
    Reporters.requireKnown(format);
  }

  /** The report of {@code format} on standard output. */
  public static ReportTarget stdout(String format) {
    return new ReportTarget(format, Optional.empty());
  }

  /** The report of {@code format} in {@code file}. */
  public static ReportTarget file(String format, Path file) {
    return new ReportTarget(format, Optional.of(file));
  }

  /** The report of {@code format} in {@code folder}, under the format's default file name. */
  public static ReportTarget inFolder(String format, Path folder) {
    return file(format, folder.resolve(Reporters.defaultFileName(format)));
  }

  public boolean toStdout() {
    return file.isEmpty();
  }
}
