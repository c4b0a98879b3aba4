package dev.poolcheck.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 4: the checked folder cannot make poolcheck read or show what lies outside it.
 * (Unreadable files and folders need a user whom permissions stop, which these tests, run as root,
 * are not: {@code cli/.../security/FailClosedIT} runs the packaged jar as nobody.)
 */
class FileSystemTest {

  /** Stands in for a credentials file next to the repository. */
  static final String CREDENTIAL = "Zq9OutsideCredentialValue";

  @TempDir Path dir;

  Path repo;
  Path outside;

  @BeforeEach
  void layOut() throws Exception {
    repo = Files.createDirectories(dir.resolve("repo"));
    outside = Files.createDirectories(dir.resolve("home/.azure"));
    SecurityWorkspace.write(
        outside.resolve("credentials.json"),
        "{\"id\": \"x\", \"vmSize\": \"standard_d2s_v5\", \"accessToken\": \""
            + CREDENTIAL
            + "\", \"unknownKey\": 1}\n");
    SecurityWorkspace.write(
        repo.resolve("good.json"), "{\"id\": \"p\", \"vmSize\": \"standard_d2s_v5\"}");
    Files.createSymbolicLink(repo.resolve("linked.json"), outside.resolve("credentials.json"));
    Files.createSymbolicLink(repo.resolve("linked-dir"), outside);
    Files.createDirectories(repo.resolve("inner"));
    Files.createSymbolicLink(repo.resolve("inner/same.json"), repo.resolve("good.json"));
  }

  @Test
  void linksFoundWhileWalkingAreNotFollowedOutOfTheFolder() {
    CheckResult r = SecurityWorkspace.check(SecurityWorkspace.request(repo, ".").build());
    String all = String.join("\n", SecurityWorkspace.outputs(r, repo, null).values());
    assertFalse(all.contains("Zq9Outsi"), all);
    for (String name : List.of("linked.json", "linked-dir")) {
      Finding f =
          r.findings().stream()
              .filter(x -> x.file().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " not reported: " + r.findings()));
      assertEquals("unreadable-input", f.ruleId());
      assertTrue(f.message().contains("outside the folder"), f.message());
    }
    // A link that stays inside is followed as before.
    assertTrue(r.documents().stream().anyMatch(d -> d.file().equals("inner/same.json")));
    assertTrue(r.documents().stream().anyMatch(d -> d.file().equals("good.json")));
  }

  @Test
  void linkGivenOnTheCommandLineIsFollowed() {
    CheckResult r = SecurityWorkspace.check(SecurityWorkspace.request(repo, "linked.json").build());
    assertTrue(
        r.findings().stream().anyMatch(f -> f.ruleId().equals("schema-unknown-property")),
        r.findings()::toString);
    // Followed, and still redacted: the value of a secret-looking key is not shown.
    assertFalse(
        String.join("\n", SecurityWorkspace.outputs(r, repo, null).values()).contains("Zq9Outsi"));
  }

  @Test
  void procSelfEnvironIsNeverRead() {
    CheckResult r =
        SecurityWorkspace.check(SecurityWorkspace.request(repo, "/proc/self/environ").build());
    Map<String, String> outputs = SecurityWorkspace.outputs(r, repo, null);
    String path = System.getenv("PATH");
    for (var o : outputs.entrySet()) {
      assertFalse(o.getValue().contains(path), o.getKey() + " shows the environment");
    }
    assertEquals(1, r.findings().size(), r.findings()::toString);
    assertTrue(r.findings().get(0).message().contains("/proc"), r.findings()::toString);
    assertTrue(r.exitCode() != CheckResult.EXIT_CLEAN);
  }

  @Test
  void linkToProcIsNotReadEvenInsideTheFolder() throws Exception {
    Files.createSymbolicLink(repo.resolve("env.json"), Path.of("/proc/self/environ"));
    CheckResult r = SecurityWorkspace.check(SecurityWorkspace.request(repo, "env.json").build());
    String all = String.join("\n", SecurityWorkspace.outputs(r, repo, null).values());
    assertFalse(all.contains(System.getenv("PATH")), all);
    assertEquals(1, r.findings().size(), r.findings()::toString);
  }
}
