package dev.poolcheck.engine.model;

import java.util.List;

/**
 * The outcome of one run: every finding (active, suppressed and baselined) in output order, the
 * documents checked, tool errors, and the rules that ran. The exit code is computed from this,
 * never from what a reporter printed.
 *
 * @param findings all findings, sorted by {@link Finding#ORDER}
 * @param documents every document checked, sorted by file and index
 * @param errors problems that kept the tool from doing its job
 * @param rules descriptors of the rules that ran, sorted by id
 * @param excerpts redacted source lines for findings, for reporters that show them
 * @param failOn the threshold the exit code uses
 */
public record CheckResult(
    List<Finding> findings,
    List<CheckedDocument> documents,
    List<ToolError> errors,
    List<RuleDescriptor> rules,
    SourceExcerpts excerpts,
    Severity failOn) {

  public static final int EXIT_CLEAN = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_TOOL_ERROR = 2;

  public CheckResult {
    findings = List.copyOf(findings);
    documents = List.copyOf(documents);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
  }

  public Summary summary() {
    return Summary.of(
        findings,
        (int) documents.stream().map(CheckedDocument::file).distinct().count(),
        documents.size());
  }

  /**
   * The counts in one line for logs and CI annotations, for example {@code 2 error(s), 0
   * warning(s), 1 info in 3 file(s), 4 document(s); 0 suppressed, 1 baselined}.
   */
  public String countsLine() {
    Summary s = summary();
    return String.format(
        java.util.Locale.ROOT,
        "%d error(s), %d warning(s), %d info in %d file(s), %d document(s); %d suppressed, %d"
            + " baselined",
        s.error(),
        s.warning(),
        s.info(),
        s.files(),
        s.documents(),
        s.suppressed(),
        s.baselined());
  }

  /** 2 on any tool error, else 1 when an active finding is at or above {@link #failOn}, else 0. */
  public int exitCode() {
    if (!errors.isEmpty()) {
      return EXIT_TOOL_ERROR;
    }
    boolean failing = findings.stream().anyMatch(f -> f.active() && f.severity().atLeast(failOn));
    return failing ? EXIT_FINDINGS : EXIT_CLEAN;
  }
}
