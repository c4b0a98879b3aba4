package dev.poolcheck.engine.document;

import dev.poolcheck.engine.report.SourceRange;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every JSON Pointer of a parsed document to where its value (and, for object members, its
 * key) is written in the source. Pointers use RFC 6901 escaping ({@code ~0}, {@code ~1}).
 */
public final class PositionIndex {

  private final Map<String, SourceRange> values = new HashMap<>();
  private final Map<String, SourceRange> keys = new HashMap<>();

  public void putValue(String pointer, SourceRange range) {
    values.put(pointer, range);
  }

  public void putKey(String pointer, SourceRange range) {
    keys.put(pointer, range);
  }

  public Optional<SourceRange> value(String pointer) {
    return Optional.ofNullable(values.get(pointer));
  }

  public Optional<SourceRange> key(String pointer) {
    return Optional.ofNullable(keys.get(pointer));
  }

  public int size() {
    return values.size();
  }

  /**
   * The best place to report a problem at {@code pointer}: its value, or else the nearest enclosing
   * value that exists (a missing property is reported at its parent).
   */
  public SourceRange locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceRange r = values.get(p);
      if (r != null) {
        return r;
      }
      if (p.isEmpty()) {
        return SourceRange.FILE_START;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Like {@link #locate} but prefers the member's key, where a typo in a name shows. */
  public SourceRange locateKey(String pointer) {
    SourceRange k = keys.get(pointer);
    return k != null ? k : locate(pointer);
  }
}
