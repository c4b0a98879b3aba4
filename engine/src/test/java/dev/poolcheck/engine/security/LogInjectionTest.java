package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.PrintableText;
import dev.poolcheck.engine.report.Reporters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 3: key names, values and file names from the repository cannot forge CI commands
 * or terminal output in any format. The payloads go in as keys (quoted by schema messages), as
 * values (repeated by the echoing policy) and as a file name.
 */
class LogInjectionTest {

  static final List<String> PAYLOADS =
      List.of(
          "x\n##vso[task.setvariable variable=EVIL]1",
          "y\r\n::warning file=a.json,line=1::EVIL",
          "\u001b[2K\u001b[1A\u001b[32mNo problems in 1 file.\u001b[0m",
          "\u009b2K\u0085##vso[task.complete result=Succeeded]",
          "\u202egnp.lmth\u2066\u2028::error::EVIL");

  /** Formats read by people or CI runners line by line, where no control character may appear. */
  static final List<String> HUMAN = List.of("text", "junit", "github", "azuredevops");

  @TempDir Path dir;

  @BeforeEach
  void writeInputs() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode pool = json.createObjectNode().put("id", "p").put("vmSize", "standard_d2s_v5");
    for (int i = 0; i < PAYLOADS.size(); i++) {
      pool.put(PAYLOADS.get(i), "value " + PAYLOADS.get(i));
    }
    SecurityWorkspace.write(dir.resolve("pool.json"), pool.toPrettyString());
    // Linux allows every byte but / and NUL in a file name.
    SecurityWorkspace.write(
        dir.resolve("evil\n##vso[task.setvariable variable=NAME]1\u001b[2K.json"), "{\"id\": ");
  }

  @Test
  void noFormatPrintsAControlCharacterOrStartsALineWithACiCommand() {
    CheckResult result =
        SecurityWorkspace.check(
            SecurityWorkspace.request(dir, ".")
                .policies(List.of(SecurityWorkspace.policy("echoing")))
                .build());
    Map<String, String> outputs = SecurityWorkspace.outputs(result, dir, null);
    assertEquals(Reporters.formats().size() + 1, outputs.size());
    List<String> problems = new ArrayList<>();
    for (var output : outputs.entrySet()) {
      String text = output.getValue();
      if (!output.getKey().equals("stderr")) { // no tool error, nothing on stderr
        assertTrue(text.contains("EVIL"), output.getKey() + " does not show the payload at all");
      }
      for (String line : text.split("\n", -1)) {
        String start = line.stripLeading();
        boolean ownCommand =
            output.getKey().equals("azuredevops")
                && start.matches(
                    "##vso\\[task\\.logissue type=(error|warning);(sourcepath=|code=).*");
        if ((start.startsWith("##vso[") && !ownCommand)
            || start.startsWith("::warning file=a.json")) {
          problems.add(output.getKey() + ": a line starts with a CI command: " + line);
        }
        if (start.startsWith("::") && !output.getKey().equals("github")) {
          problems.add(output.getKey() + ": a line starts with '::': " + line);
        }
        if (start.startsWith("::")
            && !start.matches("::(error|warning|notice) .*title=poolcheck.*")) {
          problems.add(output.getKey() + ": a GitHub command poolcheck did not write: " + line);
        }
      }
      boolean human = HUMAN.contains(output.getKey()) || output.getKey().equals("stderr");
      for (char c : text.toCharArray()) {
        boolean raw =
            human
                ? PrintableText.isUnsafe(c) && c != '\n'
                : c < 0x20 && c != '\n' && c != '\r' && c != '\t';
        if (raw) {
          problems.add(output.getKey() + String.format(": raw control character U+%04X", (int) c));
          break;
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void escapingKeepsEveryCharacterVisible() {
    assertEquals("x\\n##vso[a]", PrintableText.escape("x\n##vso[a]"));
    assertEquals(
        "\\x1b[2K\\x9b\\x7f\\u202e\\u2028\tok",
        PrintableText.escape("\u001b[2K\u009b\u007f\u202e\u2028\tok"));
    assertEquals("plain text, unchanged", PrintableText.escape("plain text, unchanged"));
    assertFalse(PrintableText.isUnsafe('\t'));
  }
}
