package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes Azure Pipelines logging commands: one {@code ##vso[task.logissue type=error;sourcepath=
 * pools/gpu.json;linenumber=14;columnnumber=21;code=rule-id]message} per active error or warning,
 * which the pipeline shows as an issue of the step and on the build summary. Azure Pipelines has no
 * issue type below warning, so info findings are plain log lines. Suppressed and baselined findings
 * are only counted in the closing summary line; tool errors are issues of type error with {@code
 * code=tool-error} and no file.
 *
 * <p>Escaping is the Azure Pipelines task library's ({@code azure-pipelines-task-lib},
 * node/taskcommand.ts): in property values {@code %} becomes {@code %AZP25}, CR {@code %0D}, LF
 * {@code %0A}, {@code ]} {@code %5D} and {@code ;} {@code %3B}; in the message only {@code %}, CR
 * and LF. Other control characters are made visible first ({@link ControlCharacters}), so that no
 * value from a checked file can end the command or start another. Files are named relative to the
 * repository root ({@code BUILD_SOURCESDIRECTORY}), as the pipeline links them.
 */
public final class AzureDevOpsReporter implements Reporter {

  private final SourceRoot sourceRoot;

  /**
   * @param sourceRoot the repository root; issues name files relative to it
   */
  public AzureDevOpsReporter(Path sourceRoot) {
    this(SourceRoot.of(sourceRoot));
  }

  AzureDevOpsReporter(SourceRoot sourceRoot) {
    this.sourceRoot = Objects.requireNonNull(sourceRoot, "sourceRoot");
  }

  @Override
  public String format() {
    return "azuredevops";
  }

  @Override
  public String defaultFileName() {
    return "poolcheck-azuredevops.txt";
  }

  @Override
  public void write(CheckResult result, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      if (finding.active()) {
        out.write(line(finding));
        out.write('\n');
      }
    }
    for (ToolError error : result.errors()) {
      out.write(
          "##vso[task.logissue type=error;code=tool-error;]"
              + escapeData(error.source() + ": " + error.message())
              + "\n");
    }
    out.write(
        "poolcheck: " + result.countsLine() + "; " + result.errors().size() + " tool error(s)");
    out.write('\n');
  }

  private String line(Finding finding) {
    Optional<String> file = sourceRoot.relativize(finding.file());
    String where = finding.file() + ":" + finding.range().start();
    return switch (finding.severity()) {
      case INFO ->
          "poolcheck info: " + plain(where + ": [" + finding.ruleId() + "] " + finding.message());
      case ERROR, WARNING -> {
        StringBuilder line =
            new StringBuilder("##vso[task.logissue type=")
                .append(finding.severity().id())
                .append(';');
        file.ifPresent(
            f ->
                line.append("sourcepath=")
                    .append(escapeProperty(f))
                    .append(";linenumber=")
                    .append(finding.range().start().line())
                    .append(";columnnumber=")
                    .append(finding.range().start().column())
                    .append(';'));
        line.append("code=").append(escapeProperty(finding.ruleId())).append(";]");
        // Without a file the issue cannot point anywhere, so the message says where.
        String message = file.isPresent() ? finding.message() : where + ": " + finding.message();
        yield line.append(escapeData(message)).toString();
      }
    };
  }

  /**
   * A plain log line: one line, and no {@code ##} that the agent could read as a command or a
   * formatting tag (it looks for them anywhere in a line).
   */
  static String plain(String text) {
    return ControlCharacters.visible(text)
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("##", "# #");
  }

  /** The message of a logging command: {@code %}, CR and LF are escaped. */
  static String escapeData(String text) {
    return ControlCharacters.visible(text)
        .replace("%", "%AZP25")
        .replace("\r", "%0D")
        .replace("\n", "%0A");
  }

  /** A property value: like the message, and also {@code ]} and {@code ;}, which end it. */
  static String escapeProperty(String text) {
    return escapeData(text).replace("]", "%5D").replace(";", "%3B");
  }
}
