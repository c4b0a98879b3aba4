package dev.poolcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.api.Poolcheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Keeps the docs true to the command line: every {@code poolcheck} / {@code bin/poolcheck} / {@code
 * java -jar .../poolcheck.jar} command in a code block of README.md and docs/*.md must parse with
 * the real parser (its options and subcommands exist, their values convert), rule ids given to
 * {@code explain} must exist, and every rule id shown in sample output ({@code error [rule-id]},
 * {@code info rule-id:}) must be a rule poolcheck has.
 */
class DocsCommandsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```[a-z]*\\n(.*?)^\\s*```");
  private static final Pattern COMMAND =
      Pattern.compile(
          "(?:^|\\|\\s*|\\$\\s+)(?:bin/poolcheck|poolcheck|java -jar \\S*poolcheck\\.jar)"
              + "((?:\\s+[^|#\\n]*)?)");
  private static final Pattern SAMPLE_RULE_ID =
      Pattern.compile(
          "(?:: (?:error|warning|info) \\[([a-z0-9-]+)]|\\b(?:error|warning|info) ([a-z0-9]+(?:-[a-z0-9]+)+): )");

  @Test
  void everyDocumentedCommandParsesAndNamesRulesThatExist() throws IOException {
    Set<String> ids = ruleIds();
    List<String> problems = new ArrayList<>();
    int commands = 0;
    for (Path doc : docs()) {
      for (String block : codeBlocks(doc)) {
        // A block that shows a usage error on purpose shows the parser's own suggestion.
        boolean showsUsageError = block.contains("Did you mean");
        for (String line : logicalLines(block)) {
          Matcher m = COMMAND.matcher(line.strip());
          if (!m.find()) {
            continue;
          }
          List<String> args = tokens(m.group(1));
          if (args.isEmpty() || args.get(0).startsWith("<")) {
            continue;
          }
          commands++;
          String where = ROOT.relativize(doc) + ": poolcheck " + String.join(" ", args);
          try {
            ParseResult parsed = parser().parseArgs(args.toArray(String[]::new));
            ParseResult sub = parsed.subcommand();
            if (sub != null && sub.commandSpec().name().equals("explain")) {
              String id = sub.matchedPositionalValue(0, "");
              if (!ids.contains(id)) {
                problems.add(where + " -> no rule '" + id + "'");
              }
            }
            if (showsUsageError) {
              problems.add(where + " -> shown as a usage error, but parses");
            }
          } catch (CommandLine.ParameterException e) {
            if (!showsUsageError) {
              problems.add(where + " -> " + e.getMessage());
            }
          }
        }
      }
    }
    assertTrue(commands > 20, "found the documented commands: " + commands);
    assertEquals("", String.join("\n", problems));
  }

  @Test
  void sampleOutputNamesOnlyRulesThatExist() throws IOException {
    Set<String> ids = ruleIds();
    List<String> problems = new ArrayList<>();
    for (Path doc : docs()) {
      for (String block : codeBlocks(doc)) {
        Matcher m = SAMPLE_RULE_ID.matcher(block);
        while (m.find()) {
          String id = m.group(1) != null ? m.group(1) : m.group(2);
          if (!ids.contains(id)) {
            problems.add(ROOT.relativize(doc) + ": no rule '" + id + "'");
          }
        }
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  private static Set<String> ruleIds() {
    return Poolcheck.catalog().stream().map(d -> d.id()).collect(Collectors.toSet());
  }

  private static CommandLine parser() {
    Shell shell =
        new Shell(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            ROOT,
            Map.of(),
            false);
    return Main.commandLine(
        shell,
        request -> {
          throw new AssertionError("parsing only");
        });
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static List<String> codeBlocks(Path doc) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(doc));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Lines of a block with backslash continuations joined. */
  private static List<String> logicalLines(String block) {
    return List.of(block.replaceAll("\\\\\\n\\s*", " ").split("\\n"));
  }

  /** Shell-like words: quotes group and are removed; a comment ends the command. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          out.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else if ((c == ';' || c == '&' || c == '>') && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      out.add(word.toString());
    }
    return out;
  }
}
