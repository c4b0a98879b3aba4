package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Finding.Status;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import java.util.ArrayList;
import java.util.List;

/** Fixed check results that every reporter is tested over: empty, one, many, error, suppressed. */
final class ReportScenarios {

  static final String VERSION = "1.2.3-test";

  private ReportScenarios() {}

  static CheckResult empty() {
    return result(List.of(), List.of(new CheckedDocument("pools/web.json", 0, "management", 1)));
  }

  static CheckResult oneFinding() {
    SourceExcerpts excerpts = SourceExcerpts.none();
    excerpts.put("pools/web.json", 12, "          \"type\": \"CustomScript\",");
    return new CheckResult(
        List.of(
            new Finding(
                "extension-customscript-reserved",
                Severity.ERROR,
                "extension 'kv' uses type CustomScript, which Azure Batch reserves for itself; run"
                    + " setup in a start task instead",
                "pools/web.json",
                "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0/type",
                SourceRange.of(12, 19, 12, 33))),
        List.of(new CheckedDocument("pools/web.json", 0, "management", 1)),
        List.of(),
        List.of(),
        excerpts,
        Severity.ERROR);
  }

  static CheckResult manyFindings() {
    SourceExcerpts excerpts = SourceExcerpts.none();
    excerpts.put("a.yaml", 3, "\tvmSize: standard_d2s_v3");
    excerpts.put("a.yaml", 7, "  nodeAgentSkuId: batch.node.ubuntu 18.04");
    excerpts.put("b/pool.json", 1, "{\"id\": \"p\", \"vmSize\": 42,");
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
            "schema-invalid-value",
            Severity.ERROR,
            "vmSize must be a string, not a number",
            "b/pool.json",
            "/vmSize",
            SourceRange.of(1, 24, 1, 26)));
    findings.add(
        new Finding(
            "node-agent-retired",
            Severity.WARNING,
            "node agent 'batch.node.ubuntu 18.04' was retired on 2024-04-30; use 'batch.node.ubuntu"
                + " 22.04'",
            "a.yaml",
            "/virtualMachineConfiguration/nodeAgentSkuId",
            SourceRange.of(7, 19, 7, 43)));
    findings.add(
        new Finding(
            "vm-size-case",
            Severity.INFO,
            "vmSize 'standard_d2s_v3' is usually written 'Standard_D2s_v3'",
            "a.yaml",
            "/vmSize",
            SourceRange.of(3, 10, 3, 25)));
    findings.add(
        new Finding(
            "not-a-pool-definition",
            Severity.INFO,
            "no pool found: the file is not a management, data-plane, ARM or node-extension"
                + " document",
            "c/notes.yaml",
            "",
            SourceRange.FILE_START));
    findings.add(
        new Finding(
            "schema-unknown-property",
            Severity.WARNING,
            "unknown property 'startTsk'; did you mean 'startTask'?",
            "b/pool.json",
            "/startTsk",
            SourceRange.of(2, 3, 4, 4)));
    findings.sort(Finding.ORDER);
    return new CheckResult(
        findings,
        List.of(
            new CheckedDocument("a.yaml", 0, "data-plane", 1),
            new CheckedDocument("b/pool.json", 0, "data-plane", 1),
            new CheckedDocument("c/notes.yaml", 0, "unknown", 0),
            new CheckedDocument("c/notes.yaml", 1, "unknown", 0)),
        List.of(),
        List.of(),
        excerpts,
        Severity.ERROR);
  }

  static CheckResult toolError() {
    return new CheckResult(
        List.of(
            new Finding(
                "syntax-error",
                Severity.ERROR,
                "expected ',' or '}' after the value of 'vmSize'",
                "ok.json",
                "/vmSize",
                SourceRange.at(3, 28))),
        List.of(new CheckedDocument("ok.json", 0, "unknown", 0)),
        List.of(
            new ToolError(
                "missing.json", "cannot read 'missing.json': no such file; check the path")),
        List.of(),
        SourceExcerpts.none(),
        Severity.ERROR);
  }

  static CheckResult suppressed() {
    SourceExcerpts excerpts = SourceExcerpts.none();
    excerpts.put("pool.json", 5, "  \"vmSize\": \"STANDARD_A1\",");
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
                "vm-size-retired",
                Severity.ERROR,
                "vmSize 'STANDARD_A1' is retired; pick a current size",
                "pool.json",
                "/vmSize",
                SourceRange.of(5, 13, 5, 26))
            .withStatus(Status.SUPPRESSED));
    findings.add(
        new Finding(
                "identity-missing",
                Severity.WARNING,
                "the pool has no managed identity",
                "pool.json",
                "",
                SourceRange.FILE_START)
            .withStatus(Status.BASELINED));
    findings.add(
        new Finding(
            "image-end-of-life",
            Severity.WARNING,
            "image 'ubuntuserver 18.04-lts' reached end of life",
            "pool.json",
            "/imageReference",
            SourceRange.of(9, 5, 12, 6)));
    findings.sort(Finding.ORDER);
    return result(findings, List.of(new CheckedDocument("pool.json", 0, "data-plane", 1)));
  }

  private static CheckResult result(List<Finding> findings, List<CheckedDocument> documents) {
    return new CheckResult(
        findings, documents, List.of(), List.of(), SourceExcerpts.none(), Severity.ERROR);
  }
}
