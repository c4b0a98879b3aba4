package dev.poolcheck.engine.model;

/** A span in a source file; {@code end} is the position just after the last character. */
public record SourceRange(SourcePosition start, SourcePosition end) {

  public static final SourceRange FILE_START =
      new SourceRange(SourcePosition.START, SourcePosition.START);

  public SourceRange {
    if (end.compareTo(start) < 0) {
      end = start;
    }
  }

  public static SourceRange at(int line, int column) {
    SourcePosition p = new SourcePosition(line, column);
    return new SourceRange(p, p);
  }

  public static SourceRange of(int line, int column, int endLine, int endColumn) {
    return new SourceRange(
        new SourcePosition(line, column), new SourcePosition(endLine, endColumn));
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
