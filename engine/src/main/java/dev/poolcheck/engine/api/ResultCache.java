package dev.poolcheck.engine.api;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourcePosition;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Findings of files checked before, as ruff and ESLint keep them: a file's outcome is reused when
 * its name and bytes and the run's fingerprint (poolcheck build, rule set with user bundles, rule
 * data from the configuration, {@code --as-of}, forced kind) are unchanged. One file per entry,
 * named by a hash of all of these; the outcome is stored before the configuration's suppressions,
 * severity overrides and baseline are applied, so those are applied afresh to cached findings.
 *
 * <p>Every entry carries an HMAC-SHA256 over its name and content with the user's key (see {@link
 * CacheSettings}): an entry that does not verify (written with another key, corrupt, truncated,
 * from another format) is a miss and is overwritten. Entries are written to a temporary file and
 * renamed into place, so concurrent runs never see half an entry. Outcomes with tool errors (a
 * policy that timed out) are not stored. Any problem with the cache folder turns the cache off for
 * the run; it never fails a check.
 *
 * <p>Reading and hashing every file is most of a run whose files all come from the cache (SHA-256
 * runs without its intrinsic under C1). So, as Git's index does, {@code index.json} remembers for
 * each file its size, modification time (to the nanosecond) and file key (inode) together with the
 * SHA-256 of its bytes: while all three are unchanged the file is neither read nor hashed. A file
 * is remembered only when its modification time lies at least {@link #RACY_NANOS} before the moment
 * it was read and it did not change while being read, so a file written again within the same
 * timestamp is hashed next time. The index carries an HMAC like the entries; one that does not
 * verify is ignored and rewritten. The limit, stated in docs/security.md: bytes changed with the
 * size, the modification time and the inode all put back as they were are not seen until the
 * metadata changes or the run uses {@code --no-cache}.
 */
final class ResultCache {

  private static final String FORMAT = "poolcheck-result-cache 1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_BYTES = 32;

  private static final String INDEX = "index.json";
  private static final String INDEX_FORMAT = "poolcheck-result-cache-index 1";

  /** How much older than the moment it was read a file must be to be remembered: 2 s. */
  static final long RACY_NANOS = 2_000_000_000L;

  /** Most files the index remembers; beyond it, files first seen in this run are not added. */
  static final int MAX_INDEX_FILES = 200_000;

  private final Path dir;
  private final SecretKeySpec key;
  private final byte[] run;

  /**
   * Absolute path to "size mtimeNanos fileKey sha256hex", as loaded, plus what this run learned.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, String> index =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile boolean indexChanged;

  private ResultCache(Path dir, byte[] key, byte[] run) {
    this.dir = dir;
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.run = run.clone();
    loadIndex();
  }

  /** The SHA-256 of a file's bytes, the part of an entry's name that stands for them. */
  static byte[] digest(byte[] bytes) {
    return sha256().digest(bytes);
  }

  /**
   * The digest of {@code file}'s bytes when the index knows it and the file's size, modification
   * time and file key are what they were when it was hashed; empty otherwise.
   */
  Optional<byte[]> knownDigest(Path file) {
    try {
      String real = file.toAbsolutePath().normalize().toString();
      String known = index.get(real);
      if (known == null) {
        return Optional.empty();
      }
      Optional<String> now = metadata(Files.readAttributes(file, BasicFileAttributes.class));
      int cut = known.lastIndexOf(' ');
      if (now.isEmpty() || cut < 0 || !known.substring(0, cut).equals(now.get())) {
        return Optional.empty();
      }
      return Optional.of(HEX.parseHex(known.substring(cut + 1)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Remembers {@code digest} for {@code file}, read with the attributes {@code before}, when the
   * file did not change while it was read and is old enough (see {@link #RACY_NANOS}).
   */
  void remember(Path file, BasicFileAttributes before, byte[] digest) {
    try {
      Optional<String> then = metadata(before);
      Optional<String> now = metadata(Files.readAttributes(file, BasicFileAttributes.class));
      long age =
          System.currentTimeMillis() * 1_000_000L - before.lastModifiedTime().to(NANOSECONDS);
      if (then.isEmpty() || !then.equals(now) || age < RACY_NANOS) {
        return;
      }
      String real = file.toAbsolutePath().normalize().toString();
      if (index.size() >= MAX_INDEX_FILES && !index.containsKey(real)) {
        return;
      }
      String value = then.get() + " " + HEX.formatHex(digest);
      if (!value.equals(index.put(real, value))) {
        indexChanged = true;
      }
    } catch (IOException | RuntimeException e) {
      // Not remembered: the file is hashed next time.
    }
  }

  /** "size mtimeNanos fileKey" of a regular file with a file key; empty for anything else. */
  private static Optional<String> metadata(BasicFileAttributes a) {
    if (!a.isRegularFile() || a.fileKey() == null) {
      return Optional.empty();
    }
    return Optional.of(
        a.size()
            + " "
            + a.lastModifiedTime().to(NANOSECONDS)
            + " "
            + a.fileKey().toString().replace(' ', '_'));
  }

  private void loadIndex() {
    try {
      Path file = dir.resolve(INDEX);
      if (!Files.isRegularFile(file)) {
        return;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int first = text.indexOf('\n');
      int second = first < 0 ? -1 : text.indexOf('\n', first + 1);
      if (second < 0 || !text.substring(0, first).equals(INDEX_FORMAT)) {
        return;
      }
      byte[] tag = HEX.parseHex(text.substring(first + 1, second));
      String body = text.substring(second + 1);
      if (!MessageDigest.isEqual(tag, mac(INDEX, body))) {
        return;
      }
      JSON.readTree(body)
          .path("files")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isTextual() && index.size() < MAX_INDEX_FILES) {
                  index.put(e.getKey(), e.getValue().asText());
                }
              });
    } catch (IOException | RuntimeException e) {
      index.clear(); // an unreadable or foreign index is ignored, and rewritten by saveIndex
    }
  }

  /** Writes the index when this run learned something; a failure costs the next run time. */
  void saveIndex() {
    if (!indexChanged) {
      return;
    }
    try {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode files = root.putObject("files");
      new java.util.TreeMap<>(index).forEach(files::put);
      String body = JSON.writeValueAsString(root);
      String text = INDEX_FORMAT + "\n" + HEX.formatHex(mac(INDEX, body)) + "\n" + body;
      writeAtomically(dir, dir.resolve(INDEX), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // Not written: the next run hashes the files again.
    }
  }

  /**
   * Opens (making when needed) the cache folder and the key.
   *
   * @param runFingerprint what the run's outcomes depend on besides each file's name and bytes
   * @return empty when the folder or the key cannot be used
   */
  static Optional<ResultCache> open(CacheSettings settings, byte[] runFingerprint) {
    try {
      Path dir = settings.dir();
      Files.createDirectories(dir);
      Path ignore = dir.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        writeAtomically(
            dir,
            ignore,
            "# poolcheck's result cache; never commit it\n*\n".getBytes(StandardCharsets.UTF_8));
      }
      return Optional.of(new ResultCache(dir, key(settings.keyFile()), runFingerprint));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The key in {@code file}, made (32 random bytes, owner-only) when there is none. */
  static byte[] key(Path file) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) == KEY_BYTES) {
      return Files.readAllBytes(file);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    Path tmp = temporary(file.toAbsolutePath().getParent());
    try {
      Files.write(tmp, key);
      try {
        // A hard link appears whole or not at all and never replaces: two runs making the key at
        // once agree on the first one's.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        if (Files.size(file) != KEY_BYTES) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (UnsupportedOperationException e) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return Files.readAllBytes(file);
  }

  /** A new empty file in {@code dir}, readable and writable only by its owner where possible. */
  private static Path temporary(Path dir) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          ".tmp-",
          "",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, ".tmp-", "");
    }
  }

  private static void writeAtomically(Path dir, Path target, byte[] content) throws IOException {
    Path tmp = temporary(dir);
    try {
      Files.write(tmp, content);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Globs (relative to {@code baseDir}) that keep the cache folder out of a run's inputs. */
  static List<String> excludes(Path baseDir, CacheSettings settings) {
    Path base = baseDir.toAbsolutePath().normalize();
    Path dir = base.resolve(settings.dir()).normalize();
    if (!dir.startsWith(base) || dir.equals(base)) {
      return List.of();
    }
    String relative = base.relativize(dir).toString().replace('\\', '/');
    return List.of(relative + "/**");
  }

  /** The cached outcome of a file whose bytes have this {@link #digest}, if one verifies. */
  Optional<FileChecker.FileOutcome> get(String name, byte[] digest) {
    String entry = entryName(name, digest);
    Path file = dir.resolve(entry);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int first = text.indexOf('\n');
      int second = first < 0 ? -1 : text.indexOf('\n', first + 1);
      if (second < 0 || !text.substring(0, first).equals(FORMAT)) {
        return Optional.empty();
      }
      byte[] tag = HEX.parseHex(text.substring(first + 1, second));
      String body = text.substring(second + 1);
      if (!MessageDigest.isEqual(tag, mac(entry, body))) {
        return Optional.empty();
      }
      return Optional.of(fromJson(JSON.readTree(body)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores the outcome of a file whose bytes have this {@link #digest} (not when it has tool
   * errors).
   */
  void put(String name, byte[] digest, FileChecker.FileOutcome outcome) {
    if (!outcome.errors().isEmpty()) {
      return;
    }
    String entry = entryName(name, digest);
    try {
      String body = JSON.writeValueAsString(toJson(outcome));
      String text = FORMAT + "\n" + HEX.formatHex(mac(entry, body)) + "\n" + body;
      writeAtomically(dir, dir.resolve(entry), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written costs the next run time, nothing else.
    }
  }

  private String entryName(String name, byte[] digest) {
    MessageDigest sha = sha256();
    sha.update(run);
    sha.update((byte) 0);
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(digest);
    return HEX.formatHex(sha.digest()) + ".json";
  }

  private byte[] mac(String entry, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(entry.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * What every outcome of a run depends on besides the file: the poolcheck build (its jar, or for
   * class folders the built-in policies), the rules (ids, severities, origins and the bytes of
   * every user bundle), the rule data from the configuration, the run date, a forced kind and the
   * api-version asked for.
   */
  static byte[] runFingerprint(
      CheckRequest request, RuleSet rules, List<Path> userBundles, Optional<String> apiVersion) {
    MessageDigest sha = sha256();
    add(sha, FORMAT);
    add(sha, buildIdentity());
    for (var rule : rules.rules()) {
      var d = rule.descriptor();
      add(sha, d.id() + " " + d.severity() + " " + d.origin() + " " + d.helpUri());
    }
    for (Path bundle : userBundles) {
      try {
        sha.update(sha256().digest(Files.readAllBytes(bundle)));
      } catch (IOException e) {
        add(sha, "unreadable " + bundle);
      }
    }
    add(sha, String.valueOf(rules.data()));
    add(sha, String.valueOf(request.asOf()));
    add(sha, request.kind().map(Object::toString).orElse("any kind"));
    add(sha, apiVersion.map(v -> "api-version " + v).orElse("declared api-versions"));
    return sha.digest();
  }

  private static void add(MessageDigest sha, String part) {
    sha.update(part.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  /** The jar poolcheck runs from (path, size, time), else the built-in policies' bytes. */
  private static String buildIdentity() {
    StringBuilder id = new StringBuilder();
    try {
      var source = ResultCache.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        Path location = Path.of(source.getLocation().toURI());
        id.append(location);
        if (Files.isRegularFile(location)) {
          id.append(' ').append(Files.size(location));
          id.append(' ').append(Files.getLastModifiedTime(location).toMillis());
          return id.toString();
        }
      }
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      id.append(" unknown");
    }
    for (String resource :
        List.of(
            "/dev/poolcheck/policies/builtin.tar.gz", "/dev/poolcheck/policies/metadata.json")) {
      try (var in = ResultCache.class.getResourceAsStream(resource)) {
        id.append(' ')
            .append(in == null ? "none" : HEX.formatHex(sha256().digest(in.readAllBytes())));
      } catch (IOException e) {
        id.append(" unreadable");
      }
    }
    return id.toString();
  }

  private static ObjectNode toJson(FileChecker.FileOutcome outcome) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode findings = root.putArray("findings");
    for (Finding f : outcome.findings()) {
      ObjectNode n = findings.addObject();
      n.put("ruleId", f.ruleId());
      n.put("severity", f.severity().name());
      n.put("message", f.message());
      n.put("file", f.file());
      n.put("pointer", f.pointer());
      n.putArray("range")
          .add(f.range().start().line())
          .add(f.range().start().column())
          .add(f.range().end().line())
          .add(f.range().end().column());
      n.put("status", f.status().name());
    }
    ArrayNode documents = root.putArray("documents");
    for (CheckedDocument d : outcome.documents()) {
      ObjectNode n = documents.addObject();
      n.put("file", d.file());
      n.put("index", d.index());
      n.put("kind", d.kind());
      n.put("pools", d.pools());
    }
    ArrayNode excerpts = root.putArray("excerpts");
    for (FileChecker.Excerpt e : outcome.excerpts()) {
      excerpts.addObject().put("file", e.file()).put("line", e.line()).put("text", e.text());
    }
    return root;
  }

  private static FileChecker.FileOutcome fromJson(JsonNode root) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode n : root.get("findings")) {
      JsonNode r = n.get("range");
      findings.add(
          new Finding(
              n.get("ruleId").textValue(),
              Severity.valueOf(n.get("severity").textValue()),
              n.get("message").textValue(),
              n.get("file").textValue(),
              n.get("pointer").textValue(),
              new SourceRange(
                  new SourcePosition(r.get(0).intValue(), r.get(1).intValue()),
                  new SourcePosition(r.get(2).intValue(), r.get(3).intValue())),
              Finding.Status.valueOf(n.get("status").textValue())));
    }
    List<CheckedDocument> documents = new ArrayList<>();
    for (JsonNode n : root.get("documents")) {
      documents.add(
          new CheckedDocument(
              n.get("file").textValue(),
              n.get("index").intValue(),
              n.get("kind").textValue(),
              n.get("pools").intValue()));
    }
    List<FileChecker.Excerpt> excerpts = new ArrayList<>();
    for (JsonNode n : root.get("excerpts")) {
      excerpts.add(
          new FileChecker.Excerpt(
              n.get("file").textValue(), n.get("line").intValue(), n.get("text").textValue()));
    }
    return new FileChecker.FileOutcome(
        List.copyOf(findings), List.copyOf(documents), List.of(), List.copyOf(excerpts));
  }
}
