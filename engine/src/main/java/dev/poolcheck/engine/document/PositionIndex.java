package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every JSON Pointer of a parsed document to where its value (and, for object members, its
 * key) is written in the source. Pointers use RFC 6901 escaping ({@code ~0}, {@code ~1}).
 */
public final class PositionIndex {

  private final Map<String, SourceRange> values;
  private final Map<String, SourceRange> keys;

  public PositionIndex() {
    this(16);
  }

  /** An index sized for about {@code expectedValues} pointers, which saves rehashing big files. */
  PositionIndex(int expectedValues) {
    int capacity = (int) Math.min(1 << 28, Math.max(16, expectedValues * 4L / 3 + 1));
    values = new HashMap<>(capacity);
    keys = new HashMap<>(capacity);
  }

  /** Line table of the source text, kept so positions inside embedded JSON can be added later. */
  private LineStarts lines;

  void attach(LineStarts lineStarts) {
    this.lines = lineStarts;
  }

  LineStarts lines() {
    return lines;
  }

  /**
   * A value that a later duplicate key replaced: no longer in the tree, still in the source.
   *
   * @param pointer where it was (and where its replacement now is)
   * @param range where it is written
   * @param value the value itself
   */
  public record Shadowed(String pointer, SourceRange range, JsonNode value) {}

  private final List<Shadowed> shadowed = new ArrayList<>();

  /** Records a value that a duplicate key replaced, so that secrets in it can still be masked. */
  public void putShadowed(String pointer, SourceRange range, JsonNode value) {
    shadowed.add(new Shadowed(pointer, range, value));
  }

  /** The values that duplicate keys replaced, in source order. */
  public List<Shadowed> shadowed() {
    return List.copyOf(shadowed);
  }

  /** For string values whose characters the loader mapped (HCL), the offset of each character. */
  private final Map<String, int[]> stringOffsets = new HashMap<>();

  /**
   * Records where each character of the string at {@code pointer} is written: {@code offsets[i]} is
   * the source offset of character {@code i}, the last entry the offset just after the content.
   */
  public void putStringOffsets(String pointer, int[] offsets) {
    stringOffsets.put(pointer, offsets);
  }

  /** The character offsets of a string value, when the loader recorded them. */
  Optional<int[]> stringOffsets(String pointer) {
    return Optional.ofNullable(stringOffsets.get(pointer));
  }

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
