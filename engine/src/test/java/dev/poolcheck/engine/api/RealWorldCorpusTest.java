package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real-world corpus ({@code fixtures/real-world/}, documents poolcheck's authors did not write)
 * against its manifest: every document is in the manifest with its origin, and Azure's official
 * examples give no error and no warning except the ones the manifest lists with a reason (a real
 * retirement, a placeholder value) or as waiting for the per-api-version schemas. The reports
 * themselves are pinned by {@link FixtureReportsApprovalTest}.
 */
class RealWorldCorpusTest {

  private static final String DIR = "fixtures/real-world/";
  private static final JsonNode MANIFEST = readManifest();

  private static JsonNode readManifest() {
    try {
      return new ObjectMapper()
          .readTree(FixtureRepository.ROOT.resolve(DIR + "manifest.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the corpus manifest", e);
    }
  }

  private static Stream<JsonNode> entries() {
    return StreamSupport.stream(MANIFEST.path("documents").spliterator(), false);
  }

  static Stream<String> officialExamples() {
    return entries().filter(e -> e.path("official").asBoolean()).map(e -> e.path("file").asText());
  }

  @Test
  void holdsAtLeastSixtyDocumentsEachWithItsOrigin() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(FixtureRepository.ROOT.resolve(DIR))) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> FixtureRepository.ROOT.resolve(DIR).relativize(p).toString())
              .map(s -> s.replace('\\', '/'))
              .filter(s -> !s.equals("manifest.json") && !s.equals("README.md"))
              .sorted()
              .toList();
    }
    List<String> listed = entries().map(e -> e.path("file").asText()).sorted().toList();
    assertEquals(files, listed, "every corpus file is in manifest.json, and nothing else");
    assertTrue(files.size() >= 60, "the corpus has " + files.size() + " documents");
    entries()
        .forEach(
            e -> {
              for (String field : List.of("repository", "path", "commit", "form")) {
                assertTrue(
                    e.path(field).isTextual() && !e.path(field).asText().isBlank(),
                    e.path("file").asText() + " has no " + field);
              }
              assertTrue(e.path("commit").asText().matches("[0-9a-f]{40}"), e.toString());
            });
  }

  @ParameterizedTest
  @MethodSource("officialExamples")
  void officialExampleGivesOnlyTheErrorsAndWarningsItsManifestEntryExplains(String file) {
    JsonNode entry =
        entries().filter(e -> e.path("file").asText().equals(file)).findFirst().orElseThrow();
    CheckResult result = new Poolcheck().check(FixtureRepository.request(DIR + file).build());
    assertTrue(result.errors().isEmpty(), () -> "tool errors: " + result.errors());
    Set<String> expected = keys(entry.path("expected"));
    Set<String> pending = keys(entry.path("pendingApiVersionSchemas"));
    // poolcheck bugs the manifest admits (allowed, not required), each with its reason.
    pending.addAll(keys(entry.path("knownFalseAlarms")));
    Set<String> found = new HashSet<>();
    List<String> unexplained = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (f.severity() == Severity.INFO) {
        continue;
      }
      String key = f.ruleId() + " " + f.pointer();
      found.add(key);
      if (!expected.contains(key) && !pending.contains(key)) {
        unexplained.add(f.severity() + " " + key + ": " + f.message());
      }
    }
    assertEquals(List.of(), unexplained, file + ": findings the manifest does not explain");
    List<String> missing = expected.stream().filter(k -> !found.contains(k)).sorted().toList();
    assertEquals(List.of(), missing, file + ": expected findings that no longer appear");
  }

  @Test
  void everyExplainedFindingHasAReason() {
    entries()
        .forEach(
            e -> {
              for (String list :
                  List.of("expected", "pendingApiVersionSchemas", "knownFalseAlarms")) {
                for (JsonNode x : e.path(list)) {
                  assertTrue(
                      x.path("reason").isTextual() && !x.path("reason").asText().isBlank(),
                      e.path("file").asText() + ": " + x + " has no reason");
                }
              }
            });
  }

  /** {@code "<rule> <pointer>"} of each entry; an entry may list several {@code pointers}. */
  private static Set<String> keys(JsonNode list) {
    Set<String> out = new HashSet<>();
    for (JsonNode x : list) {
      if (x.has("pointers")) {
        x.path("pointers").forEach(p -> out.add(x.path("rule").asText() + " " + p.asText()));
      } else {
        out.add(x.path("rule").asText() + " " + x.path("pointer").asText());
      }
    }
    return out;
  }
}
