package dev.poolcheck.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
  private static final String MARKER = "FORGED BY THE TEST";

  @TempDir Path work;
  @TempDir Path home;
  private Path cacheDir;
  private Path keyFile;

  @BeforeEach
  void copyFixtures() throws Exception {
    Path pools = Files.createDirectories(work.resolve("pools"));
    for (String name : List.of("put-body-completed.json", "get-node-extension.json")) {
      Files.copy(FixtureRepository.ROOT.resolve("fixtures/seed/" + name), pools.resolve(name));
    }
    Files.copy(
        FixtureRepository.ROOT.resolve("fixtures/management/pool-keyvault-linux.yaml"),
        pools.resolve("clean.yaml"));
    cacheDir = work.resolve(CacheSettings.DEFAULT_DIR_NAME);
    keyFile = home.resolve("poolcheck/key");
  }

  private CheckResult check(Path key, LocalDate asOf) {
    return new Poolcheck()
        .check(
            CheckRequest.builder(work)
                .path("pools")
                .asOf(asOf)
                .threads(2)
                .cache(new CacheSettings(cacheDir, key))
                .build());
  }

  private CheckResult fresh() {
    return new Poolcheck()
        .check(CheckRequest.builder(work).path("pools").asOf(AS_OF).threads(1).build());
  }

  private static String report(CheckResult result, String format) throws Exception {
    StringWriter out = new StringWriter();
    Reporters.create(format, ReporterOptions.plain("test")).write(result, out);
    return out.toString();
  }

  private static void assertSameReports(CheckResult expected, CheckResult actual) throws Exception {
    for (String format : List.of("text", "json", "sarif")) {
      assertEquals(report(expected, format), report(actual, format), format);
    }
    assertEquals(expected.exitCode(), actual.exitCode());
  }

  private List<Path> entries() throws Exception {
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("index.json"))
          .sorted()
          .toList();
    }
  }

  /** Rewrites every entry with a changed message, signed with {@code key}. */
  private void forgeEntries(byte[] key) throws Exception {
    for (Path entry : entries()) {
      String[] parts = Files.readString(entry).split("\n", 3);
      String body =
          parts[2].replaceAll(
              "\"message\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"message\":\"" + MARKER + "\"");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((entry.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
      String tag = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
      Files.writeString(entry, parts[0] + "\n" + tag + "\n" + body);
    }
  }

  @Test
  void secondRunReportsExactlyWhatAFreshRunDoes() throws Exception {
    CheckResult fresh = fresh();
    assertTrue(fresh.findings().size() >= 2, "the fixtures have findings");
    CheckResult first = check(keyFile, AS_OF);
    assertSameReports(fresh, first);
    assertEquals(3, entries().size());
    CheckResult second = check(keyFile, AS_OF);
    assertSameReports(fresh, second);
  }

  @Test
  void aValidEntryIsReusedInsteadOfCheckingAgain() throws Exception {
    check(keyFile, AS_OF);
    forgeEntries(Files.readAllBytes(keyFile));
    CheckResult reused = check(keyFile, AS_OF);
    assertTrue(
        reused.findings().stream().allMatch(f -> f.message().equals(MARKER)),
        "the entries signed with the user's key are what the run reports");
  }

  @Test
  void aCacheSignedWithAnotherKeyIsAMiss() throws Exception {
    check(keyFile, AS_OF);
    // As if the cache had been committed by someone else: their key, not ours.
    forgeEntries(new byte[32]);
    assertSameReports(fresh(), check(keyFile, AS_OF));
    // And the run replaced the foreign entries with its own.
    assertTrue(Files.readString(entries().get(0)).indexOf(MARKER) < 0);
  }

  @Test
  void corruptEntriesAreIgnoredAndRebuilt() throws Exception {
    check(keyFile, AS_OF);
    List<Path> entries = entries();
    Files.writeString(entries.get(0), "garbage");
    Files.write(entries.get(1), new byte[0]);
    String third = Files.readString(entries.get(2));
    Files.writeString(entries.get(2), third.substring(0, third.length() / 2));
    assertSameReports(fresh(), check(keyFile, AS_OF));
    for (Path entry : entries()) {
      assertTrue(
          Files.readString(entry).startsWith("poolcheck-result-cache 1\n"), entry.toString());
    }
    assertSameReports(fresh(), check(keyFile, AS_OF));
  }

  @Test
  void aChangedFileOrRunDateIsAMiss() throws Exception {
    check(keyFile, AS_OF);
    forgeEntries(Files.readAllBytes(keyFile));
    CheckResult otherDate = check(keyFile, AS_OF.plusDays(1));
    assertFalse(otherDate.findings().stream().anyMatch(f -> f.message().equals(MARKER)));
    Path file = work.resolve("pools/put-body-completed.json");
    Files.writeString(file, Files.readString(file) + "\n");
    CheckResult changed = check(keyFile, AS_OF);
    assertFalse(
        changed.findings().stream()
            .anyMatch(
                f -> f.file().endsWith("put-body-completed.json") && f.message().equals(MARKER)));
  }

  /** Sets every pool file's modification time an hour back, as for files not edited lately. */
  private void ageThePools() throws Exception {
    try (Stream<Path> files = Files.list(work.resolve("pools"))) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(
            f, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
      }
    }
  }

  /**
   * Changes the bytes of {@code file} and nothing the metadata index looks at: same size, same
   * place (same inode), the modification time put back. The file becomes all spaces.
   */
  private static void blankInPlaceKeepingMetadata(Path file) throws Exception {
    var mtime = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    try (var out =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      out.write(java.nio.ByteBuffer.wrap(" ".repeat((int) size).getBytes(StandardCharsets.UTF_8)));
    }
    Files.setLastModifiedTime(file, mtime);
  }

  /**
   * Unchanged metadata (size, modification time, file key) means unchanged bytes, as in Git's
   * index: the second run neither reads nor hashes the file. Shown with the documented limit: bytes
   * changed in place with the size and the modification time put back are not seen, and a new
   * modification time is.
   */
  @Test
  void filesWithUnchangedMetadataAreNotReadAgain() throws Exception {
    ageThePools();
    CheckResult first = check(keyFile, AS_OF);
    assertTrue(
        Files.readString(cacheDir.resolve("index.json"))
            .startsWith("poolcheck-result-cache-index 1\n"));
    Path file = work.resolve("pools/put-body-completed.json");
    long before =
        first.findings().stream().filter(f -> f.file().endsWith("put-body-completed.json")).count();
    assertTrue(before > 0, "the file has findings");
    blankInPlaceKeepingMetadata(file);
    CheckResult stale = check(keyFile, AS_OF);
    assertEquals(
        before,
        stale.findings().stream().filter(f -> f.file().endsWith("put-body-completed.json")).count(),
        "served from the index without reading the file");
    assertFalse(report(fresh(), "json").equals(report(stale, "json")), "a fresh run differs");
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
    CheckResult seen = check(keyFile, AS_OF);
    assertSameReports(fresh(), seen);
  }

  @Test
  void aFileWrittenJustNowIsNotRemembered() throws Exception {
    // The fixtures were copied just now: a later write within the same timestamp could go unseen.
    check(keyFile, AS_OF);
    assertFalse(Files.exists(cacheDir.resolve("index.json")), "nothing old enough to remember");
    ageThePools();
    check(keyFile, AS_OF);
    String index = Files.readString(cacheDir.resolve("index.json"));
    assertTrue(index.contains("put-body-completed.json"), index);
  }

  /** An index not signed with the user's key is ignored: it cannot vouch for a changed file. */
  @Test
  void anIndexSignedWithAnotherKeyIsIgnored() throws Exception {
    ageThePools();
    CheckResult first = check(keyFile, AS_OF);
    Path file = work.resolve("pools/put-body-completed.json");
    blankInPlaceKeepingMetadata(file);
    // Re-sign the index the first run wrote with another key, as a committed or copied one would
    // be.
    Path indexFile = cacheDir.resolve("index.json");
    String[] parts = Files.readString(indexFile).split("\n", 3);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    mac.update("index.json".getBytes(StandardCharsets.UTF_8));
    String tag = HexFormat.of().formatHex(mac.doFinal(parts[2].getBytes(StandardCharsets.UTF_8)));
    Files.writeString(indexFile, parts[0] + "\n" + tag + "\n" + parts[2]);
    CheckResult second = check(keyFile, AS_OF);
    // The file was read again: the run reports what a run without a cache does on its new bytes.
    assertSameReports(fresh(), second);
    assertFalse(report(first, "json").equals(report(second, "json")));
  }

  @Test
  void theCacheFolderIgnoresItselfAndTheKeyIsTheOwnersAlone() throws Exception {
    check(keyFile, AS_OF);
    assertEquals(
        List.of("# poolcheck's result cache; never commit it", "*"),
        Files.readAllLines(cacheDir.resolve(".gitignore")));
    assertEquals(32, Files.size(keyFile));
    assertFalse(keyFile.startsWith(work), "the key is outside the checked folder");
    if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }
  }

  @Test
  void concurrentRunsNeverCorruptTheCache() throws Exception {
    CheckResult fresh = fresh();
    ExecutorService runs = Executors.newFixedThreadPool(4);
    try {
      List<Future<CheckResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(runs.submit(() -> check(keyFile, AS_OF)));
      }
      for (Future<CheckResult> result : results) {
        assertSameReports(fresh, result.get());
      }
    } finally {
      runs.shutdownNow();
    }
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")));
    }
    assertEquals(3, entries().size());
    assertSameReports(fresh, check(keyFile, AS_OF));
  }
}
