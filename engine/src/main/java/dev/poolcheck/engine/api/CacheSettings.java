package dev.poolcheck.engine.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run keeps its result cache, and the key that authenticates its entries.
 *
 * <p>The key must live outside the folders being checked: a repository must never vouch for itself
 * (a pull request could commit a cache saying its bad file is clean). Entries written with another
 * key, such as a cache committed to the repository or copied from another machine, are misses.
 *
 * @param dir the cache folder, for example {@code .poolcheck-cache} (made on first use, with a
 *     {@code .gitignore} inside)
 * @param keyFile the secret key (made on first use, readable only by its owner)
 */
public record CacheSettings(Path dir, Path keyFile) {

  public CacheSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(keyFile, "keyFile");
  }

  /** The folder name the command line uses under the folder it checks. */
  public static final String DEFAULT_DIR_NAME = ".poolcheck-cache";

  /** A cache in {@code dir} with the user's key ({@link #userKeyFile()}). */
  public static CacheSettings in(Path dir) {
    return new CacheSettings(dir, userKeyFile());
  }

  /**
   * The user's key: {@code $XDG_CACHE_HOME/poolcheck/key}, else {@code ~/.cache/poolcheck/key}
   * ({@code %LOCALAPPDATA%\poolcheck\key} on Windows).
   */
  public static Path userKeyFile() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "poolcheck", "key");
    }
    String local = System.getenv("LOCALAPPDATA");
    if (local != null && !local.isBlank() && System.getProperty("os.name", "").startsWith("Win")) {
      return Path.of(local, "poolcheck", "key");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "poolcheck", "key");
  }
}
