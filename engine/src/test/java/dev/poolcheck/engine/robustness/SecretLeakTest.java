package dev.poolcheck.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.Reporters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known secret strings go in through every kind of input (protectedSettings, secret-looking keys,
 * SAS URLs, connection strings, stringified node-extension settings, files that do not parse,
 * duplicate keys, YAML) and a user policy that repeats every value of the pool in its messages;
 * none may come out in any report format, tool error or finding.
 */
class SecretLeakTest {

  /** Each secret is written once into the inputs; none may appear in any output. */
  static final List<String> SECRETS =
      List.of(
          "Zk1StorageKeyInProtected",
          "Zk2SasSignatureValue",
          "Zk3ConnStrAccountKey",
          "Zk4UserPassword",
          "Zk5WorkspaceKeyStringified",
          "Zk6CommandInProtected",
          "Zk7TruncatedPassword",
          "Zk8DuplicateFirst",
          "Zk9DuplicateSecond",
          "Zk10YamlDuplicate",
          "Zk11ProtectedAsString",
          "Zk12BrokenYamlToken",
          "Zk13ArmParamDefault",
          "Zk14SettingsApiKey");

  @TempDir Path dir;

  @BeforeEach
  void writeInputs() {
    Workspace.write(
        dir.resolve("management.yaml"),
        """
        name: secret-pool
        properties:
          vmSize: STANDARD_D4S_V5
          deploymentConfiguration:
            virtualMachineConfiguration:
              imageReference: {publisher: canonical, offer: ubuntu-24_04-lts, sku: server, version: latest}
              nodeAgentSkuId: batch.node.ubuntu 24.04
              extensions:
                - name: script
                  publisher: Microsoft.Azure.Extensions
                  type: CustomScript
                  typeHandlerVersion: "2.1"
                  settings:
                    fileUris: ["https://acct.blob.core.windows.net/c/run.sh?sv=2022-11-02&sr=b&sig=Zk2SasSignatureValue"]
                    apiKey: Zk14SettingsApiKey
                  protectedSettings:
                    storageAccountKey: Zk1StorageKeyInProtected
                    commandToExecute: "sh run.sh Zk6CommandInProtected"
          userAccounts:
            - name: admin
              password: Zk4UserPassword
          startTask:
            commandLine: /bin/sh -c 'login --password Zk4UserPassword'
            environmentSettings:
              - name: STORAGE
                value: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zk3ConnStrAccountKey;EndpointSuffix=core.windows.net"
        """);
    Workspace.write(
        dir.resolve("node-extension.json"),
        """
        {
          "instanceView": {"name": "oms", "statuses": [{"code": "ProvisioningState/failed/1",
            "level": "Error", "message": "bad settings"}]},
          "vmExtension": {
            "name": "oms",
            "publisher": "Microsoft.EnterpriseCloud.Monitoring",
            "type": "OmsAgentForLinux",
            "typeHandlerVersion": "1.0",
            "settings": "{\\"workspaceId\\": \\"w1\\", \\"workspaceKey\\": \\"Zk5WorkspaceKeyStringified\\", \\"unknownThing\\": 3}"
          }
        }
        """);
    Workspace.write(
        dir.resolve("truncated.json"),
        """
        {"properties": {"deploymentConfiguration": {"virtualMachineConfiguration": {
          "extensions": [{"name": "x", "protectedSettings": {"password": "Zk7TruncatedPassword",
        """);
    Workspace.write(
        dir.resolve("duplicate.json"),
        """
        {"id": "dup", "vmSize": "standard_d2s_v5",
         "userAccounts": [{"name": "a", "password": "Zk8DuplicateFirst",
                           "password": "Zk9DuplicateSecond"}]}
        """);
    Workspace.write(
        dir.resolve("duplicate.yaml"),
        """
        id: dup
        vmSize: standard_d2s_v5
        virtualMachineConfiguration:
          extensions:
            - name: e
              publisher: p
              type: t
              protectedSettings:
                token: first-token-value
                token: Zk10YamlDuplicate
        """);
    Workspace.write(
        dir.resolve("wrong-type.json"),
        """
        {"id": "w", "vmSize": "standard_d2s_v5",
         "virtualMachineConfiguration": {"extensions": [
           {"name": "e", "publisher": "p", "type": "t", "protectedSettings": "Zk11ProtectedAsString"}]}}
        """);
    Workspace.write(
        dir.resolve("broken.yaml"),
        """
        id: broken
        userAccounts:
          - name: admin
            password: Zk12BrokenYamlToken
            elevationLevel: [admin
        """);
    Workspace.write(
        dir.resolve("arm.json"),
        """
        {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "parameters": {"adminPassword": {"type": "securestring", "defaultValue": "Zk13ArmParamDefault"}},
         "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", "apiVersion": "2024-07-01",
           "name": "acct/pool", "properties": {"vmSize": "STANDARD_D2S_V5",
             "userAccounts": [{"name": "u", "password": "[parameters('adminPassword')]"}]}}]}
        """);
  }

  private CheckResult check() {
    return new Poolcheck()
        .check(Workspace.request(dir, ".").policies(List.of(Workspace.policy("echoing"))).build());
  }

  @Test
  void noSecretAppearsInAnyReportFormat() {
    CheckResult r = check();
    Map<String, String> reports = Workspace.reports(r, dir);
    assertEquals(Reporters.formats(), List.copyOf(reports.keySet()));
    List<String> leaks = new ArrayList<>();
    for (var report : reports.entrySet()) {
      for (String secret : SECRETS) {
        if (report.getValue().contains(secret)) {
          leaks.add(secret + " in " + report.getKey());
        }
      }
      // The reports do say something about each file, so an empty report cannot pass.
      for (String file : List.of("management.yaml", "truncated.json", "duplicate.yaml")) {
        assertTrue(report.getValue().contains(file), report.getKey() + " does not name " + file);
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void noSecretAppearsInFindingsToolErrorsOrExcerpts() {
    CheckResult r = check();
    List<String> leaks = new ArrayList<>();
    String everything = r.findings().toString() + r.errors() + r.documents() + excerpts(r);
    for (String secret : SECRETS) {
      if (everything.contains(secret)) {
        leaks.add(secret);
      }
    }
    assertEquals(List.of(), leaks);
    // The echoing policy did run, and its messages were scrubbed rather than dropped.
    assertTrue(
        r.findings().stream()
            .anyMatch(f -> f.ruleId().equals("echoing-deny") && f.message().contains("***")),
        r.findings()::toString);
    assertFalse(Workspace.withRule(r, "duplicate-key").isEmpty());
    assertFalse(Workspace.withRule(r, "syntax-error").isEmpty());
  }

  private static String excerpts(CheckResult r) {
    StringBuilder b = new StringBuilder();
    for (var f : r.findings()) {
      r.excerpts().line(f.file(), f.line()).ifPresent(b::append);
    }
    return b.toString();
  }
}
