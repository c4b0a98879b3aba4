package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link CheckResult} in one output format. One class per format. */
public interface Reporter {

  /** The format name used with {@code --format} ({@code text}, {@code json}, ...). */
  String format();

  void write(CheckResult result, Writer out) throws IOException;
}
