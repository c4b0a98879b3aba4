package dev.poolcheck.engine.api;

import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.PoolOperation;
import dev.poolcheck.engine.model.Severity;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run of the engine needs. Front ends (CLI, Maven plugin) translate their options
 * into this one-to-one; build it with {@link #builder(Path)}.
 *
 * @param baseDir the directory relative paths, globs and the config search start from
 * @param paths files or folders to check, as the user wrote them; {@code -} reads {@link #stdin}
 * @param stdin the stream behind {@code -}
 * @param stdinName the name to report for stdin input (its extension picks JSON or YAML)
 * @param includes glob patterns (relative to each folder given) of files to check in folders
 * @param excludes glob patterns of files or folders to skip
 * @param kind forces every document to be read as this kind, instead of detecting it
 * @param operation what request bodies that do not say do: create (the default) or update
 * @param configFile explicit configuration file; when absent, {@code .poolcheck.yaml} is searched
 *     for from {@link #baseDir} upwards
 * @param policies user policy bundles ({@code .tar.gz} or {@code .wasm}) to add to the rules
 * @param namespace the package user policies' rules live in (conftest's {@code --namespace})
 * @param failOn findings at or above this severity make the run fail; when absent, the
 *     configuration's {@code failOn}, else {@code error}
 * @param asOf the date retirements are judged against
 * @param baseline findings recorded here are reported as baselined, not active
 * @param writeBaseline where to record this run's findings as the new baseline
 * @param threads worker threads for checking files (1 or more)
 * @param apiVersion the api-version to check documents against that declare none ({@code
 *     --api-version}); when absent, the configuration's {@code apiVersion}, else the newest
 *     shipped. A document's own api-version always wins.
 */
public record CheckRequest(
    Path baseDir,
    List<String> paths,
    InputStream stdin,
    String stdinName,
    List<String> includes,
    List<String> excludes,
    Optional<DocumentKind> kind,
    Optional<PoolOperation> operation,
    Optional<Path> configFile,
    List<Path> policies,
    String namespace,
    Optional<Severity> failOn,
    LocalDate asOf,
    Optional<Path> baseline,
    Optional<Path> writeBaseline,
    int threads,
    Optional<String> apiVersion) {

  public static final List<String> DEFAULT_INCLUDES =
      List.of("**/*.json", "**/*.yaml", "**/*.yml", "**/*.tf");

  public CheckRequest {
    Objects.requireNonNull(baseDir, "baseDir");
    paths = List.copyOf(paths);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    policies = List.copyOf(policies);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  public static Builder builder(Path baseDir) {
    return new Builder(baseDir);
  }

  /** Collects the options of a request; every option has a sensible default. */
  public static final class Builder {
    private final Path baseDir;
    private final List<String> paths = new ArrayList<>();
    private InputStream stdin = InputStream.nullInputStream();
    private String stdinName = "-";
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private DocumentKind kind;
    private PoolOperation operation;
    private Path configFile;
    private final List<Path> policies = new ArrayList<>();
    private String namespace = "main";
    private Severity failOn;
    private LocalDate asOf = LocalDate.now();
    private Path baseline;
    private Path writeBaseline;
    private int threads = Runtime.getRuntime().availableProcessors();
    private String apiVersion;

    private Builder(Path baseDir) {
      this.baseDir = baseDir;
    }

    public Builder paths(List<String> p) {
      paths.addAll(p);
      return this;
    }

    public Builder path(String p) {
      paths.add(p);
      return this;
    }

    public Builder stdin(InputStream in, String name) {
      this.stdin = in;
      this.stdinName = name;
      return this;
    }

    public Builder includes(List<String> globs) {
      includes.addAll(globs);
      return this;
    }

    public Builder excludes(List<String> globs) {
      excludes.addAll(globs);
      return this;
    }

    public Builder kind(DocumentKind k) {
      this.kind = k;
      return this;
    }

    public Builder operation(PoolOperation o) {
      this.operation = o;
      return this;
    }

    public Builder configFile(Path p) {
      this.configFile = p;
      return this;
    }

    public Builder policies(List<Path> p) {
      policies.addAll(p);
      return this;
    }

    public Builder namespace(String ns) {
      this.namespace = ns;
      return this;
    }

    public Builder failOn(Severity s) {
      this.failOn = s;
      return this;
    }

    public Builder asOf(LocalDate d) {
      this.asOf = d;
      return this;
    }

    public Builder baseline(Path p) {
      this.baseline = p;
      return this;
    }

    public Builder writeBaseline(Path p) {
      this.writeBaseline = p;
      return this;
    }

    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    public Builder apiVersion(String version) {
      this.apiVersion = version;
      return this;
    }

    public CheckRequest build() {
      return new CheckRequest(
          baseDir,
          paths,
          stdin,
          stdinName,
          includes.isEmpty() ? DEFAULT_INCLUDES : includes,
          excludes,
          Optional.ofNullable(kind),
          Optional.ofNullable(operation),
          Optional.ofNullable(configFile),
          policies,
          namespace,
          Optional.ofNullable(failOn),
          asOf,
          Optional.ofNullable(baseline),
          Optional.ofNullable(writeBaseline),
          threads,
          Optional.ofNullable(apiVersion));
    }
  }
}
