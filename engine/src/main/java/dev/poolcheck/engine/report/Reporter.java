package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link CheckResult} in one output format. One class per format. */
public interface Reporter {

  /** The format name used with {@code --format} ({@code text}, {@code json}, ...). */
  String format();

  /**
   * The file name a report of this format gets when only a folder is given (the Maven plugin's
   * {@code outputDirectory}), as PMD's renderers carry their file extension.
   */
  String defaultFileName();

  void write(CheckResult result, Writer out) throws IOException;
}
