package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.document.Redactor;
import dev.poolcheck.engine.document.SecretDefinition;
import dev.poolcheck.engine.model.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, part 1: one case per way a secret leaked. Each case is one file checked with two
 * careless user policies ({@code echoing} repeats every value, {@code leaky} prints objects with %v
 * and as JSON, cuts and collapses values, and returns an object that is no finding) and a baseline
 * written; every report format, the baseline and the stderr lines are searched for the secret and
 * for its first {@value Redactor#MIN_PREFIX} characters (every longer prefix contains them).
 */
class SecretRedactionTest {

  @TempDir Path dir;

  record Case(String name, String file, String content, List<String> secrets) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "parser message quoting an unquoted password",
                "unquoted.json",
                """
                {"id": "p", "vmSize": "standard_d2s_v5",
                 "userAccounts": [{"name": "a", "password": Qa1UnquotedPassword}]}
                """,
                List.of("Qa1UnquotedPassword")),
            new Case(
                "YAML 1.1 sexagesimal password",
                "sexagesimal.yaml",
                """
                id: p
                vmSize: standard_d2s_v5
                userAccounts:
                  - name: a
                    password: 4711:08:15.1337
                """,
                List.of("4711:08:15.1337")),
            new Case(
                "code frame: secret-looking key on the broken line",
                "frame-same-line.json",
                """
                {"id": "p",
                 "userAccounts": [{"name": "a", "password": "Qb2FrameOnLine" "oops": 1}]}
                """,
                List.of("Qb2FrameOnLine")),
            new Case(
                "code frame: secret-looking key on the line before",
                "frame-line-before.json",
                """
                {"id": "p", "userAccounts": [{"name": "a", "password":
                   "Qc3KeyOnLineBefore" "oops"}]}
                """,
                List.of("Qc3KeyOnLineBefore")),
            new Case(
                "code frame: bare SAS token, no key",
                "bare-sas.json",
                """
                {"id": "p", "fileUris": [sv=2022-11-02&sr=b&sig=Qd4BareSasSignature%3D]}
                """,
                List.of("Qd4BareSasSignature")),
            new Case(
                "code frame: connection string with Pwd=",
                "pwd.json",
                """
                {"id": "p", "db": Server=tcp:x.database.windows.net;User Id=u;Pwd=Qe5ConnStrPwd;}
                """,
                List.of("Qe5ConnStrPwd")),
            new Case(
                "code frame: PEM private key",
                "pem.json",
                """
                {"id": "p", "key": [-----BEGIN RSA PRIVATE KEY-----Qf6PemBodyMIIEvQIBADANBg-----END RSA PRIVATE KEY-----]}
                """,
                List.of("Qf6PemBodyMIIEvQIBADANBg")),
            new Case(
                "SAS URL used as a key: message, pointer and excerpt",
                "sas-key.json",
                """
                {"id": "p", "vmSize": "standard_d2s_v5",
                 "https://acct.blob.core.windows.net/c/x?sv=2022-11-02&sr=b&sig=Qg8SasAsKeySignature": 1}
                """,
                List.of("Qg8SasAsKeySignature")),
            new Case(
                "protected value cut short, printed with %v and as JSON",
                "cut.yaml",
                """
                id: p
                vmSize: standard_d2s_v5
                virtualMachineConfiguration:
                  imageReference: {publisher: canonical, offer: ubuntu-24_04-lts, sku: server, version: latest}
                  nodeAgentSkuId: batch.node.ubuntu 24.04
                  extensions:
                    - name: kv
                      publisher: Microsoft.Azure.KeyVault
                      type: KeyVaultForLinux
                      typeHandlerVersion: "3.0"
                      protectedSettings:
                        opaque: 'Qh9Long "quoted" & <tagged> protected value, longer than sixty characters in all'
                """,
                List.of("Qh9Long \"quoted\"")),
            new Case(
                "node-extension status message with a SAS URL and a line break",
                "status.json",
                """
                {"instanceView": {"name": "oms", "statuses": [{"code": "ProvisioningState/failed/1",
                   "level": "Error",
                   "message": "download of https://acct.blob.core.windows.net/c/x?sv=2022-11-02&sig=Qi10StatusSig\\nfailed, retrying"}]},
                 "vmExtension": {"name": "oms", "publisher": "Microsoft.Azure.Extensions",
                   "type": "CustomScript", "typeHandlerVersion": "2.1", "settings": "{}"}}
                """,
                List.of("Qi10StatusSig")),
            new Case(
                "multi-line protected value printed with its line breaks collapsed",
                "multiline.yaml",
                """
                id: p
                vmSize: standard_d2s_v5
                virtualMachineConfiguration:
                  extensions:
                    - name: e
                      publisher: Microsoft.Azure.Extensions
                      type: CustomScript
                      typeHandlerVersion: "2.1"
                      protectedSettings:
                        script: "Qj11 first line\\n   second line of the script"
                """,
                List.of("Qj11 first line", "second line of the script")),
            new Case(
                "keys the secret rule flags, shown in the excerpt",
                "rule-keys.json",
                """
                {"id": "p", "vmSize": "standard_d2s_v5", "virtualMachineConfiguration": {
                  "extensions": [{"name": "e", "publisher": "Contoso", "type": "Agent",
                    "typeHandlerVersion": "1.0", "settings": {
                    "api_key": "Qk12ApiKeyValue",
                    "access-key": "Qk13AccessKeyValue",
                    "passphrase": "Qk14PassphraseValue",
                    "credentials": "Qk15CredentialsValue"}}]}}
                """,
                List.of(
                    "Qk12ApiKeyValue",
                    "Qk13AccessKeyValue",
                    "Qk14PassphraseValue",
                    "Qk15CredentialsValue")),
            new Case(
                "bracketed value in a pool body is not an ARM expression",
                "brackets.json",
                """
                {"id": "p", "vmSize": "standard_d2s_v5", "unknownThing": 1,
                 "userAccounts": [{"name": "a", "password": "[Qm16BracketPassword]"}]}
                """,
                List.of("Qm16BracketPassword")),
            new Case(
                "duplicate secret key in a file that also fails later",
                "duplicate.yaml",
                """
                id: p
                userAccounts:
                  - name: a
                    password: Qn17FirstOfTwo
                    password: Qn18SecondOfTwo
                """,
                List.of("Qn17FirstOfTwo", "Qn18SecondOfTwo")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void secretAppearsInNoOutput(Case c) {
    SecurityWorkspace.write(dir.resolve(c.file()), c.content());
    Path baseline = dir.resolve("baseline.json");
    CheckResult result =
        SecurityWorkspace.check(
            SecurityWorkspace.request(dir, c.file())
                .policies(
                    List.of(SecurityWorkspace.policy("echoing"), SecurityWorkspace.policy("leaky")))
                .writeBaseline(baseline)
                .build());
    // The file was looked at: something was said about it, so an empty report cannot pass.
    assertFalse(
        result.findings().isEmpty() && result.errors().isEmpty(), "no finding for " + c.file());
    Map<String, String> outputs = SecurityWorkspace.outputs(result, dir, baseline);
    StringBuilder excerpts = new StringBuilder();
    result
        .findings()
        .forEach(f -> result.excerpts().line(f.file(), f.line()).ifPresent(excerpts::append));
    outputs.put("excerpts", excerpts.toString());
    outputs.put("findings", result.findings().toString() + result.errors());
    List<String> leaks = new ArrayList<>();
    for (var output : outputs.entrySet()) {
      for (String secret : c.secrets()) {
        String prefix = secret.substring(0, Redactor.MIN_PREFIX);
        if (output.getValue().contains(prefix)) {
          int at = output.getValue().indexOf(prefix);
          leaks.add(
              prefix
                  + " in "
                  + output.getKey()
                  + ": ..."
                  + output
                      .getValue()
                      .substring(
                          Math.max(0, at - 60), Math.min(output.getValue().length(), at + 40))
                  + "...");
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void maskerHidesEveryKeyTheSecretRuleFlags() {
    for (String key :
        List.of(
            "api_key",
            "access-key",
            "passphrase",
            "workspaceKey",
            "sasToken",
            "connection.string",
            "clientSecret",
            "pwd")) {
      assertTrue(SecretDefinition.rule().isSecretKey(key), key + " (rule)");
      assertTrue(SecretDefinition.masker().isSecretKey(key), key + " (masker)");
    }
    assertTrue(SecretDefinition.masker().isSecretKey("credentials"));
    assertFalse(SecretDefinition.rule().isSecretKey("authenticationSettingsKey"));
  }

  /**
   * 16,000 secrets in a 1 MB file took 82 s when every secret was searched for separately in every
   * message; the automaton looks at each character once. The file is no pool (so no policy runs)
   * and writes every secret key twice, so that each line has a finding and a secret. Not a speed
   * test: the bound is a hang guard.
   */
  @Test
  void scrubbingSixteenThousandSecretsInOneMegabyteIsLinear() {
    StringBuilder yaml = new StringBuilder("settings:\n");
    for (int i = 0; i < 8_000; i++) {
      yaml.append(String.format("  k%05dPassword: 'S%05dfirstvalue-%030d'%n", i, i, i));
      yaml.append(String.format("  k%05dPassword: 'S%05dsecondval-%030d'%n", i, i, i));
    }
    SecurityWorkspace.write(dir.resolve("many.yaml"), yaml.toString());
    assertTrue(yaml.length() > 1_000_000);
    CheckResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> SecurityWorkspace.check(SecurityWorkspace.request(dir, "many.yaml").build()));
    assertEquals(
        8_000, result.findings().stream().filter(f -> f.ruleId().equals("duplicate-key")).count());
    StringBuilder excerpts = new StringBuilder();
    result
        .findings()
        .forEach(f -> result.excerpts().line(f.file(), f.line()).ifPresent(excerpts::append));
    String all =
        String.join("\n", SecurityWorkspace.outputs(result, dir, null).values()) + excerpts;
    for (String prefix : List.of("S00042fi", "S00042se")) {
      int at = all.indexOf(prefix);
      assertEquals(
          -1, at, () -> "a secret leaked: " + all.substring(Math.max(0, at - 200), at + 20));
    }
  }

  /** The redactor alone: 16,000 secrets, a 1 MB text holding all of them, each found. */
  @Test
  void redactorFindsSixteenThousandSecretsInOneMegabyteInOnePass() {
    List<String> secrets = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 16_000; i++) {
      String secret = String.format("T%05d-%040d", i, i);
      secrets.add(secret);
      text.append("value ").append(secret).append(" and ").append(secret, 0, 20).append("; ");
    }
    assertTrue(text.length() > 1_000_000);
    String redacted =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> Redactor.of(secrets).redact(text.toString()));
    assertFalse(redacted.matches("(?s).*T\\d{5}-.*"), "a secret leaked");
    assertTrue(redacted.startsWith("value *** and ***; value ***"), redacted.substring(0, 40));
  }
}
