package dev.poolcheck.engine.config;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.RegularFiles;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Findings recorded on purpose so that only new ones fail the run, the way a team adopts a linter
 * on an existing repository: {@code --write-baseline} records today's findings, {@code --baseline}
 * marks findings that were recorded as {@link Finding.Status#BASELINED}.
 *
 * <p>A finding is recognised by its fingerprint: rule id, file, JSON Pointer and message. Positions
 * are not part of it, so edits elsewhere in a file (lines added above a finding) do not make the
 * finding new. Array indices in the pointer are left out too, so inserting an item into a list (an
 * extension, an ARM resource) does not make the findings in the items after it new; the message,
 * which names what it is about, tells those findings apart. In the message, whitespace and line or
 * column numbers are normalised away. Matching counts: two identical findings need two recorded
 * entries.
 *
 * <p>The file is JSON with a {@code version} and a {@code findings} list sorted by file, rule,
 * pointer and message, one field per line, so that a change to it reads well in a diff.
 */
public final class Baseline {

  /** The largest baseline read: some 100,000 findings. */
  static final long MAX_BYTES = 64L << 20;

  /** The file format this class reads and writes. */
  public static final int VERSION = 1;

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern LINE_OR_COLUMN =
      Pattern.compile("\\b(line|lines|column|col)\\s+\\d+", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARRAY_INDEX = Pattern.compile("/\\d+(?=/|$)");
  private static final Pattern LINE_COLON_COLUMN = Pattern.compile("\\b\\d+:\\d+\\b");

  private static final Comparator<Entry> ENTRY_ORDER =
      Comparator.comparing(Entry::file)
          .thenComparing(Entry::rule)
          .thenComparing(Entry::pointer)
          .thenComparing(Entry::message);

  /** A recorded finding as written in the file. */
  private record Entry(String rule, String file, String pointer, String message) {

    static Entry of(Finding f) {
      return new Entry(f.ruleId(), FileGlob.normalise(f.file()), f.pointer(), f.message());
    }

    Fingerprint fingerprint() {
      return new Fingerprint(
          rule,
          FileGlob.normalise(file),
          ARRAY_INDEX.matcher(pointer).replaceAll("/#"),
          normaliseMessage(message));
    }
  }

  /** What two findings must share to be the same finding across runs. */
  private record Fingerprint(String rule, String file, String pointer, String message) {}

  private final Map<Fingerprint, Integer> counts;
  private final int size;

  private Baseline(List<Entry> entries) {
    this.counts = new HashMap<>();
    for (Entry e : entries) {
      counts.merge(e.fingerprint(), 1, Integer::sum);
    }
    this.size = entries.size();
  }

  /** A baseline that records nothing. */
  public static Baseline empty() {
    return new Baseline(List.of());
  }

  /** How many findings the baseline records. */
  public int size() {
    return size;
  }

  /**
   * Reads a baseline written by {@link #write}.
   *
   * @throws PoolcheckException when the file is missing or not a baseline; the message names the
   *     file and, where known, the line and column
   */
  public static Baseline read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Configuration.utf8(RegularFiles.read(file, MAX_BYTES));
    } catch (NoSuchFileException e) {
      throw new PoolcheckException(
          name + ": baseline file not found; record one with --write-baseline " + name, e);
    } catch (RegularFiles.Refused e) {
      throw new PoolcheckException(name + ": not read as a baseline: it " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new PoolcheckException(name + ": not a baseline file (not UTF-8 text)", e);
    } catch (IOException e) {
      throw new PoolcheckException(name + ": cannot read baseline: " + e.getMessage(), e);
    }
    PositionedTree tree = PositionedTree.json(name, text);
    JsonNode root = tree.root();
    List<ConfigProblem> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    if (!root.isObject()) {
      problems.add(
          new ConfigProblem(tree.valueAt(""), "not a baseline file (expected a JSON object)"));
    } else if (!root.path("version").isInt()) {
      problems.add(
          new ConfigProblem(
              tree.valueAt(""),
              "not a baseline file (no \"version\"); write one with" + " --write-baseline"));
    } else if (root.get("version").intValue() != VERSION) {
      problems.add(
          new ConfigProblem(
              tree.valueAt("/version"),
              "baseline version "
                  + root.get("version").intValue()
                  + " is not supported; this poolcheck reads version "
                  + VERSION
                  + ", write the baseline again with --write-baseline"));
    } else if (!root.path("findings").isArray()) {
      problems.add(
          new ConfigProblem(tree.valueAt("/findings"), "\"findings\" must be a list of findings"));
    } else {
      JsonNode findings = root.get("findings");
      for (int i = 0; i < findings.size(); i++) {
        entry(findings.get(i), "/findings/" + i, tree, problems).ifPresent(entries::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new PoolcheckException(ConfigProblem.render(name, problems));
    }
    return new Baseline(entries);
  }

  private static Optional<Entry> entry(
      JsonNode node, String pointer, PositionedTree tree, List<ConfigProblem> problems) {
    List<String> missing = new ArrayList<>();
    for (String key : List.of("rule", "file", "pointer", "message")) {
      if (!node.path(key).isTextual()) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new ConfigProblem(
              tree.valueAt(pointer),
              "baseline entry "
                  + pointer
                  + " needs text for "
                  + String.join(", ", missing)
                  + "; write the baseline again with --write-baseline"));
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            node.get("rule").textValue(),
            node.get("file").textValue(),
            node.get("pointer").textValue(),
            node.get("message").textValue()));
  }

  /**
   * Records {@code findings} as a baseline in {@code file}, replacing it. Suppressed findings are
   * left out (the configuration already accounts for them); active and baselined ones are kept.
   *
   * @throws PoolcheckException when the file cannot be written
   */
  public static void write(Path file, List<Finding> findings) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("version", VERSION);
    ArrayNode list = root.putArray("findings");
    findings.stream()
        .filter(f -> f.status() != Finding.Status.SUPPRESSED)
        .map(Entry::of)
        .sorted(ENTRY_ORDER)
        .forEach(
            e -> {
              ObjectNode n = list.addObject();
              n.put("rule", e.rule());
              n.put("file", e.file());
              n.put("pointer", e.pointer());
              n.put("message", e.message());
            });
    // Fixed "\n" line ends and "key": value spacing, whatever the platform, for stable diffs.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      String json = mapper.writer(printer).writeValueAsString(root) + "\n";
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PoolcheckException(file + ": cannot write baseline: " + e.getMessage(), e);
    }
  }

  /**
   * Marks the active findings this baseline records as {@link Finding.Status#BASELINED}, keeping
   * order and every finding. Each recorded entry matches at most one finding; when a file holds
   * more identical findings than were recorded, the first ones in the list are baselined and the
   * rest stay active.
   */
  public List<Finding> apply(List<Finding> findings) {
    Map<Fingerprint, Integer> remaining = new HashMap<>(counts);
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.active()) {
        Fingerprint key = Entry.of(f).fingerprint();
        Integer left = remaining.get(key);
        if (left != null && left > 0) {
          remaining.put(key, left - 1);
          out.add(f.withStatus(Finding.Status.BASELINED));
          continue;
        }
      }
      out.add(f);
    }
    return out;
  }

  /**
   * The message as compared across runs: trimmed, runs of whitespace as one space, and numbers
   * after "line"/"column" or in "12:5" replaced, since those move when unrelated lines do.
   */
  static String normaliseMessage(String message) {
    String m = SPACE.matcher(message.strip()).replaceAll(" ");
    m = LINE_OR_COLUMN.matcher(m).replaceAll("$1 #");
    return LINE_COLON_COLUMN.matcher(m).replaceAll("#:#");
  }
}
