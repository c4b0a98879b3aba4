package dev.poolcheck.engine.model;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. Ordered from least to most severe. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case name used in reports, configuration and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Parses {@code error}, {@code warning} or {@code info} (case-insensitive). */
  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Severity s : values()) {
      if (s.id().equalsIgnoreCase(text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
