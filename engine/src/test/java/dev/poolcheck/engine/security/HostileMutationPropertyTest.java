package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.engine.document.Redactor;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.PrintableText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 11: a property over hostile pool files. Each try builds files from a seed: pools whose keys
 * and values carry CI commands and terminal control sequences, settings nested up to 300 levels
 * deep, secrets of every shape (protected values, secret-looking keys, SAS URLs, connection
 * strings, PEM keys), written as JSON or YAML and sometimes cut short so that they do not parse.
 * Whatever comes in: the run never throws, no secret nor its 8-character prefix comes out in any
 * format, and no human format prints a control character or starts a line with a CI command.
 *
 * <p>Named {@code *Test} so that surefire's default includes run it in {@code mvn verify}. CI runs
 * 12 tries with a fixed seed. A longer run (documented in docs/security.md) checks more files per
 * try: {@code mvn -o -pl engine test -Dtest=HostileMutationPropertyTest -Dpoolcheck.fuzz.files=40},
 * and a different seed with {@code -Djqwik.seeds.whenfixed=...} or by editing {@link #SEED}.
 */
class HostileMutationPropertyTest {

  static final String SEED = "20261129";

  private static final String[] PAYLOADS = {
    "\n##vso[task.setvariable variable=EVIL]1",
    "\r\n::warning ::EVIL",
    "\u001b[2K\u001b[1A\u001b[32mNo problems\u001b[0m",
    "\u009b2K\u0085",
    "\u202e\u2066\u2028",
    "\u0000\u0007\u007f",
  };

  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Property(tries = 12, seed = SEED)
  void hostileFilesNeverLeakCrashOrForgeOutput(@ForAll long seed) throws Exception {
    Path dir = Files.createTempDirectory("poolcheck-fuzz");
    try {
      Random random = new Random(seed);
      List<String> secrets = new ArrayList<>();
      int files = Integer.getInteger("poolcheck.fuzz.files", 3);
      for (int i = 0; i < files; i++) {
        writeHostileFile(dir, i, random, secrets);
      }
      CheckResult result =
          SecurityWorkspace.check(
              SecurityWorkspace.request(dir, ".")
                  .policies(List.of(SecurityWorkspace.policy("echoing")))
                  .build());
      Map<String, String> outputs = SecurityWorkspace.outputs(result, dir, null);
      List<String> problems = new ArrayList<>();
      for (var output : outputs.entrySet()) {
        String text = output.getValue();
        for (String secret : secrets) {
          if (text.contains(secret.substring(0, Redactor.MIN_PREFIX))) {
            problems.add(secret + " in " + output.getKey());
          }
        }
        boolean human = List.of("text", "junit", "github", "stderr").contains(output.getKey());
        if (human) {
          for (char c : text.toCharArray()) {
            if (c != '\n' && PrintableText.isUnsafe(c)) {
              problems.add(String.format("raw U+%04X in %s", (int) c, output.getKey()));
              break;
            }
          }
          for (String line : text.split("\n")) {
            String start = line.stripLeading();
            if (start.startsWith("##vso[")
                || (start.startsWith("::") && !start.matches("::(error|warning|notice) .*"))) {
              problems.add(output.getKey() + " starts a line with a CI command: " + line);
            }
          }
        }
      }
      assertEquals(List.of(), problems, "seed " + seed);
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String token(Random random, String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < 20) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  private static String payload(Random random) {
    return "k" + random.nextInt(100) + PAYLOADS[random.nextInt(PAYLOADS.length)];
  }

  private static void writeHostileFile(Path dir, int index, Random random, List<String> secrets)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode pool = json.createObjectNode();
    pool.put("id", "p" + index).put("vmSize", "standard_d2s_v5");
    ObjectNode vm = pool.putObject("virtualMachineConfiguration");
    vm.putObject("imageReference")
        .put("publisher", "canonical")
        .put("offer", "ubuntu-24_04-lts")
        .put("sku", "server")
        .put("version", "latest");
    vm.put("nodeAgentSkuId", "batch.node.ubuntu 24.04");
    ObjectNode ext = vm.putArray("extensions").addObject();
    ext.put("name", payload(random))
        .put("publisher", "Microsoft.Azure.Extensions")
        .put("type", "CustomScript")
        .put("typeHandlerVersion", "2.1");
    ObjectNode settings = ext.putObject("settings");
    ObjectNode protectedSettings = ext.putObject("protectedSettings");
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      String secret = token(random, "Zp" + index + i);
      secrets.add(secret);
      switch (random.nextInt(5)) {
        case 0 -> protectedSettings.put("commandToExecute" + i, secret);
        case 1 -> settings.put("storageAccountKey", secret);
        case 2 ->
            settings
                .putArray("fileUris")
                .add("https://a.blob.core.windows.net/c/x.sh?sv=2022-11-02&sr=b&sig=" + secret);
        case 3 ->
            settings.put(
                "storage",
                "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + secret + ";");
        default ->
            settings.put(
                "key" + i,
                "-----BEGIN RSA PRIVATE KEY-----\n" + secret + "\n-----END RSA PRIVATE KEY-----");
      }
    }
    for (int i = 0; i < random.nextInt(4); i++) {
      settings.put(payload(random), payload(random));
    }
    if (random.nextInt(3) == 0) {
      ObjectNode deep = settings.putObject("deep");
      for (int level = random.nextInt(300); level > 0; level--) {
        deep = deep.putObject(level % 7 == 0 ? payload(random) : "d");
      }
      deep.put("end", payload(random));
    }
    boolean yaml = random.nextBoolean();
    String text = yaml ? new YAMLMapper().writeValueAsString(pool) : pool.toPrettyString();
    if (random.nextInt(4) == 0) {
      text = text.substring(0, random.nextInt(text.length())); // cut short: does not parse
    }
    String name =
        "f"
            + index
            + (random.nextInt(5) == 0 ? "\u001b[2K##vso[x]" : "")
            + (yaml ? ".yaml" : ".json");
    Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }
}
