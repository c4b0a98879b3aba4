package dev.poolcheck.engine.model;

import java.util.List;

/**
 * Counts of active findings by severity, plus the findings that were suppressed or baselined
 * (counted, never silently dropped), and how many files and pool documents were checked.
 */
public record Summary(
    int error, int warning, int info, int suppressed, int baselined, int files, int documents) {

  public static Summary of(List<Finding> findings, int files, int documents) {
    int e = 0, w = 0, i = 0, s = 0, b = 0;
    for (Finding f : findings) {
      switch (f.status()) {
        case SUPPRESSED -> s++;
        case BASELINED -> b++;
        case ACTIVE -> {
          switch (f.severity()) {
            case ERROR -> e++;
            case WARNING -> w++;
            case INFO -> i++;
          }
        }
      }
    }
    return new Summary(e, w, i, s, b, files, documents);
  }

  public int count(Severity severity) {
    return switch (severity) {
      case ERROR -> error;
      case WARNING -> warning;
      case INFO -> info;
    };
  }
}
