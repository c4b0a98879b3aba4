package dev.poolcheck.engine.model;

/**
 * A place in a source file: 1-based line and 1-based column. Columns count characters (UTF-16 code
 * units) from the start of the line, as editors do.
 */
public record SourcePosition(int line, int column) implements Comparable<SourcePosition> {

  public static final SourcePosition START = new SourcePosition(1, 1);

  public SourcePosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public int compareTo(SourcePosition o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
