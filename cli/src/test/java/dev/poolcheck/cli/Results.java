package dev.poolcheck.cli;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import java.util.List;

/** Check results for CLI tests. */
final class Results {

  private Results() {}

  static CheckResult clean() {
    return of(List.of(), List.of(), Severity.ERROR);
  }

  static CheckResult withFinding(Severity severity, Severity failOn) {
    SourceExcerpts excerpts = SourceExcerpts.none();
    excerpts.put("pool.json", 3, "  \"vmSize\": 42,");
    return new CheckResult(
        List.of(
            new Finding(
                "schema-invalid-value",
                severity,
                "vmSize must be a string",
                "pool.json",
                "/vmSize",
                SourceRange.of(3, 13, 3, 15))),
        List.of(new CheckedDocument("pool.json", 0, "data-plane", 1)),
        List.of(),
        List.of(),
        excerpts,
        failOn);
  }

  static CheckResult withToolError() {
    return of(
        List.of(),
        List.of(new ToolError("missing.json", "no such file or folder; check the path")),
        Severity.ERROR);
  }

  private static CheckResult of(List<Finding> findings, List<ToolError> errors, Severity failOn) {
    return new CheckResult(
        findings,
        List.of(new CheckedDocument("pool.json", 0, "data-plane", 1)),
        errors,
        List.of(),
        SourceExcerpts.none(),
        failOn);
  }
}
