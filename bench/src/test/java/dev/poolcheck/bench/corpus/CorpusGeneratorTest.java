package dev.poolcheck.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poolcheck.engine.model.DocumentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void sameCountAndSeedWriteByteIdenticalFiles(@TempDir Path dir) throws IOException {
    CorpusGenerator.write(CorpusGenerator.generate(300, 7), dir.resolve("a"), null);
    CorpusGenerator.write(CorpusGenerator.generate(300, 7), dir.resolve("b"), null);

    List<Path> a = files(dir.resolve("a"));
    List<Path> b = files(dir.resolve("b"));
    assertEquals(300, a.size());
    assertEquals(
        a.stream().map(p -> dir.resolve("a").relativize(p)).toList(),
        b.stream().map(p -> dir.resolve("b").relativize(p)).toList());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(
          Files.mismatch(a.get(i), b.get(i)), -1L, "files differ: " + a.get(i).getFileName());
    }
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    List<CorpusFile> one = CorpusGenerator.generate(50, 1);
    List<CorpusFile> two = CorpusGenerator.generate(50, 2);
    long same = 0;
    for (int i = 0; i < one.size(); i++) {
      if (one.get(i).content().equals(two.get(i).content())) {
        same++;
      }
    }
    assertEquals(0, same, "files equal across seeds");
  }

  @Test
  void smallerCorpusIsPrefixOfLargerOneWithSameSeed() {
    List<CorpusFile> small = CorpusGenerator.generate(100, 42);
    List<CorpusFile> large = CorpusGenerator.generate(1000, 42);
    assertEquals(small, large.subList(0, 100));
  }

  @Test
  void aboutOneFileInTenCarriesAViolation() {
    List<CorpusFile> files = CorpusGenerator.generate(4000, 42);
    long violating = files.stream().filter(f -> f.violation() != Violation.NONE).count();
    double share = violating / (double) files.size();
    assertTrue(share > 0.08 && share < 0.12, "share of violating files: " + share);
  }

  @Test
  void everyKindFormatAndViolationIsPresent() {
    List<CorpusFile> files = CorpusGenerator.generate(2000, 42);
    assertEquals(
        EnumSet.allOf(DocumentKind.class),
        files.stream()
            .map(CorpusFile::kind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentKind.class))));
    Set<String> kindAndFormat = new HashSet<>();
    files.forEach(f -> kindAndFormat.add(f.kind() + "/" + f.format()));
    assertEquals(DocumentKind.values().length * Format.values().length, kindAndFormat.size());
    assertEquals(
        EnumSet.allOf(Violation.class),
        files.stream()
            .map(CorpusFile::violation)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Violation.class))));
  }

  @Test
  void fileZeroIsASmallCleanManagementJsonBody() throws IOException {
    CorpusFile first = CorpusGenerator.generate(1, 99).get(0);
    assertEquals(DocumentKind.MANAGEMENT, first.kind());
    assertEquals(Format.JSON, first.format());
    assertEquals(Violation.NONE, first.violation());
    assertEquals("management/management-00000.json", first.path());
    JsonNode body = JSON.readTree(first.content());
    assertEquals(1, body.findValue("extensions").size());
    assertTrue(first.bytes().length < 4000, "file 0 has " + first.bytes().length + " bytes");
  }

  @Test
  void everyFileParsesAndKeepsStringsThatLookLikeNumbersAsStrings() throws IOException {
    // YAML 1.1 reads 7_9 or 2404 as numbers unless quoted; the schema then rejects them.
    List<String> stringFields =
        List.of(
            "typeHandlerVersion",
            "sku",
            "offer",
            "version",
            "nodeAgentSkuId",
            "nodeAgentSKUId",
            "pollingIntervalInS",
            "name");
    for (CorpusFile file : CorpusGenerator.generate(3000, 3)) {
      JsonNode tree =
          file.format() == Format.JSON
              ? JSON.readTree(file.content())
              : YAML.readTree(file.content());
      assertTrue(tree.isObject(), file.path());
      for (String field : stringFields) {
        for (JsonNode value : tree.findValues(field)) {
          assertTrue(
              value.isTextual() || value.isObject(), file.path() + ": " + field + " " + value);
        }
      }
    }
  }

  @Test
  void poolDefinitionsHoldOneToSixExtensionsAndTemplatesSeveralPools() throws IOException {
    Set<Integer> extensionCounts = new HashSet<>();
    for (CorpusFile file : CorpusGenerator.generate(800, 5)) {
      JsonNode tree =
          file.format() == Format.JSON
              ? JSON.readTree(file.content())
              : YAML.readTree(file.content());
      switch (file.kind()) {
        case MANAGEMENT, DATA_PLANE -> {
          int clean = tree.findValue("extensions").size();
          int count =
              file.violation() == Violation.CUSTOM_SCRIPT
                      || file.violation() == Violation.UNLISTED_EXTENSION
                  ? clean - 1
                  : clean;
          assertTrue(count >= 1 && count <= 6, file.path() + ": " + count + " extensions");
          extensionCounts.add(count);
        }
        case ARM_TEMPLATE -> {
          long pools = tree.findValues("deploymentConfiguration").size();
          assertEquals(file.pools(), pools, file.path());
          assertTrue(pools >= 2, file.path());
        }
        case NODE_EXTENSION -> assertTrue(tree.path("vmExtension").path("settings").isTextual());
        default -> throw new AssertionError(file.kind());
      }
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6), extensionCounts);
  }

  @Test
  void plantedViolationIsInTheText() {
    for (CorpusFile file : CorpusGenerator.generate(1500, 11)) {
      String text = file.content();
      switch (file.violation()) {
        case CUSTOM_SCRIPT -> assertTrue(text.contains("CustomScript"), file.path());
        case UNLISTED_EXTENSION ->
            assertTrue(
                Stream.of("DockerExtension", "BGInfo", "NetworkWatcherAgentLinux", "InventoryAgent")
                    .anyMatch(text::contains),
                file.path());
        case BAD_KEY_VAULT_URL ->
            assertTrue(
                text.contains("http://contoso")
                    || text.contains("/certificates/")
                    || text.contains(".blob.core.windows.net/secrets/"),
                file.path());
        case RETIRED_NODE_AGENT ->
            assertTrue(
                Stream.of("ubuntu 18.04", "centos 7", "ubuntu 20.04").anyMatch(text::contains),
                file.path());
        case TYPO_PROPERTY -> assertTrue(text.contains("typeHandlerVerison"), file.path());
        case NONE -> {
          assertFalse(text.contains("CustomScript"), file.path());
          assertFalse(text.contains("typeHandlerVerison"), file.path());
          assertFalse(text.contains("/certificates/"), file.path());
          assertFalse(text.contains("http://contoso"), file.path());
        }
        default -> throw new AssertionError(file.violation());
      }
    }
  }

  @Test
  void refusesToWriteIntoAFolderThatHoldsFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("old.json"), "{}");
    assertThrows(
        IOException.class, () -> CorpusGenerator.write(CorpusGenerator.generate(1, 1), dir, null));
  }

  @Test
  void manifestListsEveryFileWithItsViolation(@TempDir Path dir) throws IOException {
    List<CorpusFile> files = CorpusGenerator.generate(40, 8);
    Path manifest = dir.resolve("manifest.tsv");
    CorpusGenerator.write(files, dir.resolve("corpus"), manifest);
    List<String> lines = Files.readAllLines(manifest);
    assertEquals(41, lines.size());
    assertEquals(files.get(17).manifestLine(), lines.get(18));
    assertNotEquals(-1, lines.get(18).indexOf(files.get(17).violation().id()));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
