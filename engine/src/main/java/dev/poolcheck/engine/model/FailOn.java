package dev.poolcheck.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which active findings fail a run (exit code 1): those at or above a severity, or none at all
 * (report-only: every report is written and the run exits 0 unless poolcheck could not do its job).
 */
public enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO),
  NONE(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** The threshold that fails on findings at or above {@code severity}. */
  public static FailOn of(Severity severity) {
    return valueOf(severity.name());
  }

  /** Whether an active finding of this severity fails the run. */
  public boolean fails(Severity severity) {
    return threshold != null && severity.atLeast(threshold);
  }

  /** The lower-case name used in reports, configuration and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error}, {@code warning}, {@code info} or {@code none} (case-insensitive). */
  public static Optional<FailOn> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(text.trim())).findFirst();
  }

  /** Every name {@link #parse} accepts, most severe first, for help texts and completion. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(FailOn::id).toList();
  }
}
