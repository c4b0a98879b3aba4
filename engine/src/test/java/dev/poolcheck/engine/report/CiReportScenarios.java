package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Finding.Status;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.RuleDescriptor.Origin;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Fixed results for the CI reporter tests (SARIF, JUnit, GitHub), built by hand so that the tests
 * do not depend on the pipeline.
 */
final class CiReportScenarios {

  private CiReportScenarios() {}

  static final RuleDescriptor CUSTOM_SCRIPT =
      new RuleDescriptor(
          "extension-customscript-reserved",
          "Extension uses the CustomScript type that Azure Batch reserves",
          Severity.ERROR,
          RuleDescriptor.builtInHelpUri("extension-customscript-reserved"),
          "0.1.0",
          "Azure Batch installs its own CustomScript extension on every node; a pool that declares"
              + " one fails to allocate. Run setup in a start task instead.",
          Origin.BUILT_IN);

  static final RuleDescriptor AUTO_UPGRADE =
      new RuleDescriptor(
          "extension-auto-upgrade-disabled",
          "Extension does not take minor version upgrades",
          Severity.WARNING,
          RuleDescriptor.builtInHelpUri("extension-auto-upgrade-disabled"),
          "0.1.0",
          "Without autoUpgradeMinorVersion nodes keep an extension version with known fixes"
              + " missing.",
          Origin.BUILT_IN);

  static final RuleDescriptor IMAGE_VERSION =
      new RuleDescriptor(
          "image-version-latest",
          "Image reference uses version 'latest'",
          Severity.INFO,
          RuleDescriptor.builtInHelpUri("image-version-latest"),
          "0.1.0",
          "Nodes allocated on different days may run different images.",
          Origin.BUILT_IN);

  static final RuleDescriptor TEAM_POLICY =
      new RuleDescriptor(
          "team-vm-size-allowed",
          "VM size is on the team's list",
          Severity.ERROR,
          "https://example.org/policies/team-vm-size-allowed",
          "1.2.0",
          "",
          Origin.USER_POLICY);

  static final List<RuleDescriptor> RULES =
      List.of(AUTO_UPGRADE, CUSTOM_SCRIPT, IMAGE_VERSION, TEAM_POLICY);

  static CheckResult empty() {
    return new CheckResult(
        List.of(), List.of(), List.of(), RULES, SourceExcerpts.none(), Severity.ERROR);
  }

  static CheckResult oneFinding() {
    return new CheckResult(
        List.of(
            new Finding(
                CUSTOM_SCRIPT.id(),
                Severity.ERROR,
                "extension 'kv' uses type CustomScript, which Azure Batch reserves for itself;"
                    + " run setup in a start task instead",
                "pools/gpu.json",
                "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0/type",
                SourceRange.of(14, 21, 14, 35))),
        List.of(new CheckedDocument("pools/gpu.json", 0, "management", 1)),
        List.of(),
        RULES,
        SourceExcerpts.none(),
        Severity.ERROR);
  }

  /**
   * Findings of every severity in three files, one of them a YAML stream with two documents, a
   * clean file, a finding from a rule that did not come with a descriptor ({@code syntax-error}),
   * and messages with characters that every format must escape.
   */
  static CheckResult manyFindingsInSeveralFiles() {
    List<Finding> findings =
        Stream.of(
                new Finding(
                    CUSTOM_SCRIPT.id(),
                    Severity.ERROR,
                    "extension 'setup' uses type CustomScript, which Azure Batch reserves for"
                        + " itself; run setup in a start task instead",
                    "pools/batch.yaml",
                    "/0/virtualMachineConfiguration/extensions/1/type",
                    SourceRange.of(12, 15, 12, 27)),
                new Finding(
                    AUTO_UPGRADE.id(),
                    Severity.WARNING,
                    "extension 'monitor' sets autoUpgradeMinorVersion: false; set it to true,"
                        + " or pin typeHandlerVersion on purpose",
                    "pools/batch.yaml",
                    "/0/virtualMachineConfiguration/extensions/0/autoUpgradeMinorVersion",
                    SourceRange.of(8, 34, 8, 39)),
                new Finding(
                    IMAGE_VERSION.id(),
                    Severity.INFO,
                    "imageReference.version is 'latest'; pin a version (100% reproducible nodes)",
                    "pools/batch.yaml",
                    "/1/virtualMachineConfiguration/imageReference/version",
                    SourceRange.of(31, 18, 31, 26)),
                new Finding(
                    TEAM_POLICY.id(),
                    Severity.ERROR,
                    "vmSize 'Standard_NC24' is not allowed:\nuse one of Standard_D4s_v5,"
                        + " Standard_E8s_v5 <see policy & list>",
                    "templates/arm pool.json",
                    "/resources/0/properties/vmSize",
                    SourceRange.of(20, 17, 20, 32)),
                new Finding(
                    "syntax-error",
                    Severity.ERROR,
                    "expected ',' or '}' after the member at 5:3; add the missing comma",
                    "pools/broken.json",
                    "",
                    SourceRange.at(6, 3)))
            .sorted(Finding.ORDER)
            .toList();
    return new CheckResult(
        findings,
        List.of(
            new CheckedDocument("pools/batch.yaml", 0, "data-plane", 1),
            new CheckedDocument("pools/batch.yaml", 1, "data-plane", 1),
            new CheckedDocument("pools/clean.json", 0, "management", 1),
            new CheckedDocument("templates/arm pool.json", 0, "arm", 2)),
        List.of(),
        RULES,
        SourceExcerpts.none(),
        Severity.WARNING);
  }

  static CheckResult toolError() {
    return new CheckResult(
        List.of(),
        List.of(new CheckedDocument("pools/gpu.json", 0, "management", 1)),
        List.of(
            new ToolError(
                "policies/team.tar.gz",
                "the policy bundle is not a gzip archive; rebuild it with `opa build`"),
            new ToolError("--config", "file .poolcheck.yml not found; check the path")),
        RULES,
        SourceExcerpts.none(),
        Severity.ERROR);
  }

  static CheckResult suppressedAndBaselined() {
    Finding suppressed =
        new Finding(
            CUSTOM_SCRIPT.id(),
            Severity.ERROR,
            "extension 'kv' uses type CustomScript, which Azure Batch reserves for itself;"
                + " run setup in a start task instead",
            "pools/gpu.json",
            "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0/type",
            SourceRange.of(14, 21, 14, 35),
            Status.SUPPRESSED);
    Finding baselined =
        new Finding(
            AUTO_UPGRADE.id(),
            Severity.WARNING,
            "extension 'kv' sets autoUpgradeMinorVersion: false; set it to true",
            "pools/gpu.json",
            "/properties/deploymentConfiguration/virtualMachineConfiguration/extensions/0"
                + "/autoUpgradeMinorVersion",
            SourceRange.of(16, 36, 16, 41),
            Status.BASELINED);
    Finding active =
        new Finding(
            IMAGE_VERSION.id(),
            Severity.INFO,
            "imageReference.version is 'latest'; pin a version",
            "pools/gpu.json",
            "/properties/deploymentConfiguration/virtualMachineConfiguration/imageReference"
                + "/version",
            SourceRange.of(9, 22, 9, 30));
    return new CheckResult(
        Stream.of(suppressed, baselined, active).sorted(Finding.ORDER).toList(),
        List.of(new CheckedDocument("pools/gpu.json", 0, "management", 1)),
        List.of(),
        RULES,
        SourceExcerpts.none(),
        Severity.ERROR);
  }

  /** Every scenario by name, for tests that check a property of all outputs. */
  static Stream<Arguments> all() {
    return Stream.of(
        Arguments.of("empty", empty()),
        Arguments.of("oneFinding", oneFinding()),
        Arguments.of("manyFindingsInSeveralFiles", manyFindingsInSeveralFiles()),
        Arguments.of("toolError", toolError()),
        Arguments.of("suppressedAndBaselined", suppressedAndBaselined()));
  }

  static String render(Reporter reporter, CheckResult result) {
    StringWriter out = new StringWriter();
    try {
      reporter.write(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
