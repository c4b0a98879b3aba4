package dev.poolcheck.engine.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in one file.
 *
 * @param ruleId stable kebab-case id of the rule that found it
 * @param severity effective severity (after configuration overrides)
 * @param message what is wrong and what to do; never contains secret values
 * @param file the file as the user named it (relative paths stay relative; {@code -} for stdin)
 * @param pointer RFC 6901 JSON Pointer into the file as written ({@code ""} for the whole file)
 * @param range where the pointed-at value (or the problem) is in the file
 * @param status whether the finding counts, or was suppressed or baselined
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    String file,
    String pointer,
    SourceRange range,
    Status status) {

  /** Whether a finding counts towards the exit code. */
  public enum Status {
    ACTIVE,
    SUPPRESSED,
    BASELINED
  }

  /** The deterministic output order: file, line, column, rule id, pointer, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparing(f -> f.range().start())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::pointer)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(status, "status");
  }

  public Finding(
      String ruleId,
      Severity severity,
      String message,
      String file,
      String pointer,
      SourceRange range) {
    this(ruleId, severity, message, file, pointer, range, Status.ACTIVE);
  }

  public int line() {
    return range.start().line();
  }

  public int column() {
    return range.start().column();
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, message, file, pointer, range, status);
  }

  public Finding withStatus(Status newStatus) {
    return new Finding(ruleId, severity, message, file, pointer, range, newStatus);
  }
}
