package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a run checks: one glob language, always-skipped folders, never a silent nothing. */
class InputCollectorTest {

  @TempDir Path base;

  @BeforeEach
  void tree() throws IOException {
    for (String file :
        List.of(
            "pools/a.json",
            "pools/linux/b.json",
            "pools/linux/c.yaml",
            "pools/legacy/old.json",
            "package.json",
            ".github/workflows/ci.yml",
            ".poolcheck.yaml",
            "web/node_modules/x/package.json",
            "target/classes/copy.json",
            "notes.txt")) {
      Path p = base.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "{}");
    }
  }

  private InputCollector.Inputs collect(
      List<String> includes,
      List<String> excludes,
      boolean force,
      boolean allowEmpty,
      String... paths) {
    return new InputCollector(
            base,
            includes.isEmpty() ? CheckRequest.DEFAULT_INCLUDES : includes,
            excludes,
            force,
            allowEmpty)
        .collect(List.of(paths), "-");
  }

  private static List<String> names(InputCollector.Inputs inputs) {
    return inputs.inputs().stream().map(InputCollector.Input::name).sorted().toList();
  }

  @Test
  void skipsHiddenFoldersNodeModulesAndTargetWhenWalking() {
    InputCollector.Inputs in = collect(List.of(), List.of(), false, false, ".");
    assertEquals(
        List.of(
            "package.json",
            "pools/a.json",
            "pools/legacy/old.json",
            "pools/linux/b.json",
            "pools/linux/c.yaml"),
        names(in));
    assertEquals(List.of(), in.errors());
  }

  @Test
  void includeWithDoubleStarMatchesFilesDirectlyInTheFolder() {
    InputCollector.Inputs in = collect(List.of("pools/**/*.json"), List.of(), false, false, ".");
    assertEquals(List.of("pools/a.json", "pools/legacy/old.json", "pools/linux/b.json"), names(in));
  }

  @Test
  void excludeOfAFolderSkipsEverythingBelowIt() {
    InputCollector.Inputs in =
        collect(List.of(), List.of("pools/legacy/**"), false, false, "pools");
    assertEquals(List.of("pools/a.json", "pools/linux/b.json", "pools/linux/c.yaml"), names(in));
  }

  @Test
  void aSelectionOfNothingIsAToolErrorThatSaysWhatToCheck() {
    InputCollector.Inputs in = collect(List.of("pool/**/*.json"), List.of(), false, false, ".");
    assertEquals(List.of(), names(in));
    assertEquals(1, in.errors().size());
    String message = in.errors().get(0).message();
    assertTrue(message.startsWith("no file matched"), message);
    assertTrue(message.contains("pool/**/*.json") && message.contains("--allow-empty"), message);
  }

  @Test
  void allowEmptyAcceptsASelectionOfNothing() {
    InputCollector.Inputs in = collect(List.of("pool/**/*.json"), List.of(), false, true, ".");
    assertEquals(List.of(), in.inputs());
    assertEquals(List.of(), in.errors());
  }

  @Test
  void aGlobGivenAsAPathIsExpanded() {
    InputCollector.Inputs in = collect(List.of(), List.of(), false, false, "pools/*/*.json");
    assertEquals(List.of("pools/legacy/old.json", "pools/linux/b.json"), names(in));
    assertEquals(List.of(), in.errors());
  }

  @Test
  void aGlobGivenAsAPathThatMatchesNothingIsAToolError() {
    InputCollector.Inputs in = collect(List.of(), List.of(), false, false, "pools/*.yml");
    assertEquals(1, in.errors().size(), in.errors().toString());
    assertTrue(in.errors().get(0).message().startsWith("no file matches 'pools/*.yml'"));
  }

  @Test
  void namedFilesAreCheckedDespiteExcludesUnlessForced() {
    String[] named = {"pools/legacy/old.json", ".github/workflows/ci.yml", "pools/a.json"};
    assertEquals(
        List.of(".github/workflows/ci.yml", "pools/a.json", "pools/legacy/old.json"),
        names(collect(List.of(), List.of("pools/legacy/"), false, false, named)));
    InputCollector.Inputs forced = collect(List.of(), List.of("pools/legacy/"), true, false, named);
    assertEquals(List.of("pools/a.json"), names(forced));
    assertEquals(List.of(), forced.errors());
  }

  @Test
  void namedFilesAllExcludedByForceIsNotAnError() {
    InputCollector.Inputs in =
        collect(List.of(), List.of("pools/legacy/"), true, false, "pools/legacy/old.json");
    assertEquals(List.of(), in.inputs());
    assertEquals(List.of(), in.errors());
  }
}
