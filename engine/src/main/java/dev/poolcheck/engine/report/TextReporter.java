package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.Summary;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The human format, one line per active finding in the style compilers use, so that editors and
 * terminals make the location clickable:
 *
 * <pre>
 * pools/web.json:12:9: error [extension-customscript-reserved] extension 'kv' uses type ...
 *         "type": "CustomScript",
 *         ^~~~~~~~~~~~~~~~~~~~~~
 * </pre>
 *
 * The source line comes from {@link CheckResult#excerpts()}, which is already redacted; when there
 * is none, or it is blank, no excerpt is printed. Suppressed and baselined findings are not listed,
 * only counted in the closing summary line. Tool errors are listed after the findings.
 */
public final class TextReporter implements Reporter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String CYAN = "\u001b[1;36m";
  private static final String GREEN = "\u001b[1;32m";

  /** From this many active findings on, a count per rule follows them (as ruff --statistics). */
  static final int COUNT_TABLE_FROM = 10;

  private final boolean color;
  private final boolean quiet;

  public TextReporter(ReporterOptions options) {
    this.color = options.color();
    this.quiet = options.quiet();
  }

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String defaultFileName() {
    return "poolcheck.txt";
  }

  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      if (finding.active()) {
        writeFinding(finding, result.excerpts(), out);
      }
    }
    for (ToolError error : result.errors()) {
      out.write(
          paint(BOLD, PrintableText.escape(error.source()) + ":")
              + " "
              + paint(RED, "tool error:"));
      out.write(" " + PrintableText.escape(error.message()) + "\n");
    }
    if (!quiet) {
      writeCountTable(result, out);
      out.write(paint(BOLD, summaryLine(result)) + "\n");
    }
    out.flush();
  }

  /**
   * After many findings, one line per rule with its count and severity, most frequent first (then
   * by rule id), so that the one rule behind most of a long report stands out.
   */
  private void writeCountTable(CheckResult result, Writer out) throws IOException {
    List<Finding> active = result.findings().stream().filter(Finding::active).toList();
    if (active.size() < COUNT_TABLE_FROM) {
      return;
    }
    java.util.Map<String, List<Finding>> byRule = new java.util.TreeMap<>();
    for (Finding f : active) {
      byRule.computeIfAbsent(f.ruleId(), id -> new ArrayList<>()).add(f);
    }
    List<java.util.Map.Entry<String, List<Finding>>> rows = new ArrayList<>(byRule.entrySet());
    rows.sort(
        java.util.Comparator.<java.util.Map.Entry<String, List<Finding>>>comparingInt(
                e -> -e.getValue().size())
            .thenComparing(java.util.Map.Entry::getKey));
    int width = String.valueOf(rows.get(0).getValue().size()).length();
    out.write("\n");
    for (java.util.Map.Entry<String, List<Finding>> row : rows) {
      Severity worst =
          row.getValue().stream()
              .map(Finding::severity)
              .max(java.util.Comparator.naturalOrder())
              .orElseThrow();
      out.write(
          String.format(java.util.Locale.ROOT, "%" + width + "d  ", row.getValue().size())
              + paint(
                  severityColor(worst), String.format(java.util.Locale.ROOT, "%-7s", worst.id()))
              + "  "
              + row.getKey()
              + "\n");
    }
    out.write("\n");
  }

  private void writeFinding(Finding finding, SourceExcerpts excerpts, Writer out)
      throws IOException {
    // Names, values and messages come from the repository: no control character is printed raw.
    String location =
        PrintableText.escape(finding.file()) + ":" + finding.line() + ":" + finding.column() + ":";
    out.write(paint(BOLD, location));
    out.write(" " + paint(severityColor(finding.severity()), finding.severity().id()));
    out.write(" " + paint(DIM, "[" + finding.ruleId() + "]"));
    out.write(" " + PrintableText.escape(finding.message()) + "\n");
    Optional<String> source =
        excerpts == null ? Optional.empty() : excerpts.line(finding.file(), finding.line());
    // A blank line (the end of a truncated file) gives the caret nothing to point at.
    if (source.isPresent() && !source.get().isBlank()) {
      String line = stripLineEnd(source.get());
      int offset = windowStart(line, finding.range().start().column());
      String shown = PrintableText.escape(window(line, offset));
      SourceRange shifted = shift(finding.range(), offset - (offset > 0 ? ELLIPSIS.length() : 0));
      out.write(shown + "\n");
      out.write(paint(GREEN, marker(shown, shifted)) + "\n");
    }
  }

  /** Longer source lines (minified JSON, stringified settings) are shown as a window. */
  static final int MAX_EXCERPT = 120;

  private static final String ELLIPSIS = "...";

  /** Where the shown part of a long line starts (0-based), keeping the column in view. */
  static int windowStart(String line, int column) {
    if (line.length() <= MAX_EXCERPT) {
      return 0;
    }
    int start = Math.max(0, column - 1 - MAX_EXCERPT / 3);
    return Math.min(start, Math.max(0, line.length() - MAX_EXCERPT));
  }

  static String window(String line, int start) {
    if (line.length() <= MAX_EXCERPT) {
      return line;
    }
    int end = Math.min(line.length(), start + MAX_EXCERPT);
    return (start > 0 ? ELLIPSIS : "")
        + line.substring(start, end)
        + (end < line.length() ? ELLIPSIS : "");
  }

  private static SourceRange shift(SourceRange range, int by) {
    if (by == 0) {
      return range;
    }
    int startColumn = Math.max(1, range.start().column() - by);
    int endColumn =
        range.end().line() == range.start().line()
            ? Math.max(startColumn, range.end().column() - by)
            : range.end().column();
    return SourceRange.of(range.start().line(), startColumn, range.end().line(), endColumn);
  }

  /**
   * A caret under the start column, extended with tildes to the end column when the range ends on
   * the same line. Tabs before the column are copied so that the caret lines up however wide the
   * terminal draws a tab.
   */
  static String marker(String line, SourceRange range) {
    int start = Math.min(range.start().column(), line.length() + 1);
    StringBuilder marker = new StringBuilder();
    for (int i = 0; i < start - 1; i++) {
      marker.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    marker.append('^');
    if (range.end().line() == range.start().line()) {
      int end = Math.min(range.end().column(), line.length() + 1);
      for (int i = start + 1; i < end; i++) {
        marker.append('~');
      }
    }
    return marker.toString();
  }

  /** For example {@code 2 errors, 1 warning in 3 files (1 suppressed).} */
  static String summaryLine(CheckResult result) {
    Summary summary = result.summary();
    List<String> counts = new ArrayList<>();
    addCount(counts, summary.error(), "error", "errors");
    addCount(counts, summary.warning(), "warning", "warnings");
    addCount(counts, summary.info(), "info", "info");
    StringBuilder line = new StringBuilder();
    line.append(counts.isEmpty() ? "No problems" : String.join(", ", counts));
    line.append(" in ").append(plural(summary.files(), "file", "files"));
    List<String> hidden = new ArrayList<>();
    addCount(hidden, summary.suppressed(), "suppressed", "suppressed");
    addCount(hidden, summary.baselined(), "baselined", "baselined");
    if (!hidden.isEmpty()) {
      line.append(" (").append(String.join(", ", hidden)).append(")");
    }
    if (!result.errors().isEmpty()) {
      line.append("; ")
          .append(plural(result.errors().size(), "tool error", "tool errors"))
          .append(": the check is incomplete");
    }
    return line.append('.').toString();
  }

  private static void addCount(List<String> counts, int n, String one, String many) {
    if (n > 0) {
      counts.add(plural(n, one, many));
    }
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String stripLineEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static String severityColor(Severity severity) {
    return switch (severity) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private String paint(String ansi, String text) {
    return color ? ansi + text + RESET : text;
  }
}
