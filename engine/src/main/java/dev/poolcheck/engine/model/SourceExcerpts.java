package dev.poolcheck.engine.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Source lines that findings point at, with secret values already masked, so that reporters can
 * show context without ever seeing a secret.
 */
public final class SourceExcerpts {

  private final Map<String, Map<Integer, String>> lines = new HashMap<>();

  public static SourceExcerpts none() {
    return new SourceExcerpts();
  }

  public synchronized void put(String file, int line, String redactedText) {
    lines.computeIfAbsent(file, f -> new HashMap<>()).put(line, redactedText);
  }

  public synchronized Optional<String> line(String file, int line) {
    Map<Integer, String> m = lines.get(file);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(line));
  }
}
