package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which the
 * runner turns into annotations on the pull request. Errors become {@code ::error}, warnings {@code
 * ::warning}, info {@code ::notice}. Suppressed and baselined findings are not annotated; they are
 * counted in the closing summary line. Tool errors become {@code ::error} without a file.
 */
public final class GithubReporter implements Reporter {

  private final SourceRoot sourceRoot;

  /**
   * @param sourceRoot the repository root ({@code GITHUB_WORKSPACE}); annotations name files
   *     relative to it, as GitHub requires
   */
  public GithubReporter(Path sourceRoot) {
    this(SourceRoot.of(sourceRoot));
  }

  GithubReporter(SourceRoot sourceRoot) {
    this.sourceRoot = Objects.requireNonNull(sourceRoot, "sourceRoot");
  }

  @Override
  public String format() {
    return "github";
  }

  @Override
  public String defaultFileName() {
    return "poolcheck-github.txt";
  }

  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      if (finding.active()) {
        out.write(annotation(finding));
        out.write('\n');
      }
    }
    for (ToolError error : result.errors()) {
      out.write(
          "::error title="
              + escapeProperty("poolcheck tool error")
              + "::"
              + escapeData(error.source() + ": " + error.message())
              + "\n");
    }
    out.write(summaryLine(result));
    out.write('\n');
  }

  private String annotation(Finding finding) {
    StringBuilder line = new StringBuilder("::").append(command(finding.severity())).append(' ');
    Optional<String> file = sourceRoot.relativize(finding.file());
    if (file.isPresent()) {
      SourceRange range = finding.range();
      line.append("file=")
          .append(escapeProperty(file.get()))
          .append(",line=")
          .append(range.start().line())
          .append(",col=")
          .append(range.start().column())
          .append(",endLine=")
          .append(range.end().line())
          .append(",endColumn=")
          .append(range.end().column())
          .append(',');
    }
    line.append("title=").append(escapeProperty("poolcheck " + finding.ruleId())).append("::");
    // Without a file the annotation cannot point anywhere, so the message says where.
    String message =
        file.isPresent()
            ? finding.message()
            : finding.file() + ":" + finding.range().start() + ": " + finding.message();
    return line.append(escapeData(message)).toString();
  }

  private static String summaryLine(CheckResult result) {
    return "poolcheck: " + result.countsLine() + "; " + result.errors().size() + " tool error(s)";
  }

  static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /**
   * The message part of a workflow command: {@code %}, CR and LF are percent-encoded, as GitHub
   * decodes them; other control characters (ESC, C1, bidi) are written as visible escapes.
   */
  static String escapeData(String text) {
    return PrintableText.escape(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
  }

  /** A property value: like data, and also {@code :} and {@code ,}, which delimit properties. */
  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }
}
