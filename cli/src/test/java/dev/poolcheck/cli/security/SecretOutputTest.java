package dev.poolcheck.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 1, through the command line: one run writes every format (one to stdout, the
 * others to files), a baseline and stderr, over files whose secrets leaked before, with the two
 * careless fixture policies; no secret and no 8-character prefix of one appears anywhere.
 */
class SecretOutputTest {

  private static final Path FIXTURE_POLICIES =
      Path.of("../engine/target/test-classes/fixtures/policies").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void noSecretReachesAnyReportTheBaselineOrStderr() throws Exception {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("unquoted.json", "Qa1UnquotedPassword");
    secrets.put("sas-key.json", "Qg8SasAsKeySignature");
    secrets.put("protected.yaml", "Qh9Long \"quoted\" & <tagged> protected value");
    Files.writeString(
        dir.resolve("unquoted.json"),
        "{\"id\": \"p\", \"userAccounts\": [{\"name\": \"a\", \"password\": Qa1UnquotedPassword}]}\n");
    Files.writeString(
        dir.resolve("sas-key.json"),
        "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\",\n"
            + " \"https://a.blob.core.windows.net/c?sv=2022-11-02&sig=Qg8SasAsKeySignature\": 1}\n");
    Files.writeString(
        dir.resolve("protected.yaml"),
        """
        id: p
        vmSize: standard_d2s_v5
        virtualMachineConfiguration:
          extensions:
            - name: kv
              publisher: Microsoft.Azure.KeyVault
              type: KeyVaultForLinux
              typeHandlerVersion: "3.0"
              protectedSettings:
                opaque: 'Qh9Long "quoted" & <tagged> protected value'
        """);
    Path echoing = FIXTURE_POLICIES.resolve("echoing.tar.gz");
    Path leaky = FIXTURE_POLICIES.resolve("leaky.tar.gz");
    assertTrue(Files.isRegularFile(leaky), "build the engine's test fixtures first: " + leaky);
    List<String> args = new ArrayList<>(List.of("check", "--no-color", "--as-of", "2026-11-27"));
    for (String format : List.of("json", "sarif", "junit", "github")) {
      args.addAll(
          List.of("--format", format, "--output", dir.resolve("report." + format).toString()));
    }
    args.addAll(List.of("--format", "text"));
    args.addAll(List.of("--policy", echoing.toString(), "--policy", leaky.toString()));
    args.addAll(List.of("--write-baseline", dir.resolve("baseline.json").toString()));
    // The result cache is an output too (findings and excerpts of each file): kept in this test's
    // folder, not the module's working directory, and searched like the reports.
    args.addAll(List.of("--cache-dir", dir.resolve("cache").toString()));
    for (String file : secrets.keySet()) {
      args.add(dir.resolve(file).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            InputStream.nullInputStream());
    assertEquals(2, code, "the leaky policy's broken rule is a tool error: " + err);
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("stdout (text)", out.toString(StandardCharsets.UTF_8));
    outputs.put("stderr", err.toString(StandardCharsets.UTF_8));
    for (String format : List.of("json", "sarif", "junit", "github")) {
      outputs.put(format, Files.readString(dir.resolve("report." + format)));
    }
    outputs.put("baseline", Files.readString(dir.resolve("baseline.json")));
    try (var cached = Files.list(dir.resolve("cache"))) {
      for (Path entry : cached.sorted().toList()) {
        outputs.put("cache " + entry.getFileName(), Files.readString(entry));
      }
    }
    assertTrue(
        outputs.keySet().stream().anyMatch(k -> k.startsWith("cache ") && k.endsWith(".json")),
        "the run wrote cache entries to search");
    List<String> leaks = new ArrayList<>();
    for (var o : outputs.entrySet()) {
      for (String secret : secrets.values()) {
        if (o.getValue().contains(secret.substring(0, 8))) {
          leaks.add(secret.substring(0, 8) + " in " + o.getKey());
        }
      }
    }
    assertEquals(List.of(), leaks);
    assertTrue(outputs.get("stdout (text)").contains("sas-key.json"), outputs.get("stdout (text)"));
  }
}
