package dev.poolcheck.engine.api;

import dev.poolcheck.engine.config.Baseline;
import dev.poolcheck.engine.config.Configuration;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.FailOn;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.SourceExcerpts;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.rego.BuiltInPolicies;
import dev.poolcheck.engine.schema.ApiVersions;
import dev.poolcheck.engine.schema.NearestName;
import dev.poolcheck.engine.schema.SchemaRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one entry point of the engine: a {@link CheckRequest} in, a {@link CheckResult} out. Front
 * ends only translate options into the request and the result into output and an exit code.
 *
 * <p>Bad input files never make this throw: they become findings. It throws {@link
 * PoolcheckException} only when it cannot do its job at all (invalid configuration, broken policy
 * bundle, bad glob).
 */
public final class Poolcheck {

  /**
   * The built-in rule catalog (rules and the finding ids the engine reports without a rule) plus
   * any Java plugin rules on the class path, sorted by id. No user policy is loaded and no policy
   * instance is created.
   */
  public static List<RuleDescriptor> catalog() {
    return RuleRegistry.create(SchemaRules.all(), RuleSet.builtInFindings(), List.of(), null, 1)
        .descriptors();
  }

  /**
   * Whether {@code text} has the form of a Batch api-version ({@code 2024-07-01}, {@code
   * 2024-07-01.20.0}, {@code 2024-05-01-preview}), shipped or not; front ends reject other values
   * of {@code --api-version} as a usage error.
   */
  public static boolean isApiVersion(String text) {
    return ApiVersions.wellFormed(text);
  }

  /**
   * The documentation page of a built-in rule ({@code docs/rules/<id>.md}, packaged in the jar),
   * without the markers that delimit its generated part.
   */
  public static Optional<String> helpPage(String id) {
    if (!RuleDescriptor.isKebabCase(id)) {
      return Optional.empty();
    }
    try (InputStream in =
        Poolcheck.class.getResourceAsStream("/dev/poolcheck/docs/rules/" + id + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(page.replaceAll("<!-- /?generated -->\\n?", ""));
    } catch (IOException e) {
      throw new PoolcheckException("cannot read the help page of " + id, e);
    }
  }

  /**
   * The rule id nearest to {@code id} in the {@link #catalog()}, for a "did you mean" when no rule
   * has that id.
   */
  public static Optional<String> nearestRuleId(String id) {
    return NearestName.suggest(id, catalog().stream().map(RuleDescriptor::id).toList());
  }

  /** Checks what the request names. */
  public CheckResult check(CheckRequest request) {
    Configuration config = loadConfiguration(request);
    List<String> excludes = new ArrayList<>(request.excludes());
    excludes.addAll(config.excludes());
    // The cache's entries are JSON files: never check them.
    request.cache().ifPresent(c -> excludes.addAll(ResultCache.excludes(request.baseDir(), c)));
    InputCollector collector =
        new InputCollector(
            request.baseDir(),
            request.includes(),
            excludes,
            request.forceExclude(),
            request.allowEmpty());
    InputCollector.Inputs inputs = collector.collect(request.paths(), request.stdinName());

    // Waited for below when started here; a front end's early warmUp() is not (see there).
    List<Thread> warmUps = inputs.inputs().isEmpty() ? List.of() : startWarmUps();
    // Created once per run; policy instances inside are made lazily, one per worker thread.
    RuleSet rules = RuleSet.create(request, config, inputs.inputs().size());
    List<ToolError> errors = new ArrayList<>(inputs.errors());

    Optional<ResultCache> cache =
        request.cache().isEmpty() || inputs.inputs().isEmpty()
            ? Optional.empty()
            : ResultCache.open(
                request.cache().get(),
                ResultCache.runFingerprint(
                    request,
                    rules,
                    userBundles(request, config),
                    request.apiVersion().or(config::apiVersion)));
    List<FileChecker.FileOutcome> outcomes =
        checkAll(request, config, rules, inputs.inputs(), cache);
    cache.ifPresent(ResultCache::saveIndex);
    List<Finding> findings = new ArrayList<>();
    List<CheckedDocument> documents = new ArrayList<>();
    SourceExcerpts excerpts = new SourceExcerpts();
    for (FileChecker.FileOutcome o : outcomes) {
      findings.addAll(o.findings());
      documents.addAll(o.documents());
      errors.addAll(o.errors());
      o.excerpts().forEach(e -> excerpts.put(e.file(), e.line(), e.text()));
    }
    findings = config.apply(findings);
    if (request.baseline().isPresent()) {
      findings = Baseline.read(request.baseline().get()).apply(findings);
    }
    findings.sort(Finding.ORDER);
    if (request.writeBaseline().isPresent()) {
      Baseline.write(request.writeBaseline().get(), findings);
    }
    documents.sort(
        Comparator.comparing(CheckedDocument::file).thenComparing(CheckedDocument::index));
    // Writing a baseline records the findings as accepted: that run does not fail on them.
    FailOn failOn =
        request.writeBaseline().isPresent()
            ? FailOn.NONE
            : request.failOn().or(config::failOn).orElse(FailOn.ERROR);
    warmUps.forEach(Poolcheck::awaitQuietly);
    return new CheckResult(findings, documents, errors, rules.descriptors(), excerpts, failOn);
  }

  /**
   * Waits for a warm-up, so that no work of this run outlives it: a host that unloads poolcheck's
   * classes after a run (a Maven build ending) would otherwise see it fail to load schemas from a
   * closed class loader, and log that.
   */
  private static void awaitQuietly(Thread warmUp) {
    try {
      warmUp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final Object WARM_UP_LOCK = new Object();
  private static boolean warmingUp;

  /**
   * Starts readying what a check needs first, on threads of their own: the schema library with the
   * most common pool schema, and the first instance of the built-in policies. On a cold start (a
   * pre-commit hook) this overlaps with the rest of start-up and with reading the first file
   * instead of adding to them (docs/performance.md). {@link #check} does it itself when nobody did;
   * a front end whose JVM ends with the run calls this as soon as it knows it will check (the CLI,
   * before it parses its arguments). Nobody waits for these threads (daemons), so a run whose files
   * all come from the result cache ends without them; a host that unloads poolcheck's classes after
   * a run (the Maven plugin) must not call this, and gets warm-ups that {@link #check} waits for. A
   * failure here is not lost: the schema rules compile again on first use, the first evaluation
   * makes its own instance, and they report it. Once per JVM.
   */
  public static void warmUp() {
    startWarmUps();
  }

  /** The warm-up threads when this call started them; none when they were started before. */
  private static List<Thread> startWarmUps() {
    synchronized (WARM_UP_LOCK) {
      if (warmingUp) {
        return List.of();
      }
      warmingUp = true;
      return List.of(
          inBackground("poolcheck-schemas", SchemaRules::prepare),
          inBackground("poolcheck-policy", () -> BuiltInPolicies.load().prepare()));
    }
  }

  private static Thread inBackground(String name, Runnable work) {
    Thread warmUp =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (RuntimeException | LinkageError e) {
                // Reported by the first rule that needs what failed here.
              }
            },
            name);
    warmUp.setDaemon(true);
    warmUp.start();
    return warmUp;
  }

  static Configuration loadConfiguration(CheckRequest request) {
    if (request.configFile().isPresent()) {
      return Configuration.load(request.baseDir().resolve(request.configFile().get()));
    }
    return Configuration.find(request.baseDir())
        .map(Configuration::load)
        .orElse(Configuration.empty());
  }

  /** The user's policy bundles, as {@code RuleSet} loads them. */
  private static List<java.nio.file.Path> userBundles(CheckRequest request, Configuration config) {
    List<java.nio.file.Path> bundles = new ArrayList<>();
    request.policies().forEach(p -> bundles.add(request.baseDir().resolve(p)));
    bundles.addAll(config.policies());
    return bundles;
  }

  /**
   * Checks one input; whatever goes wrong inside (a bug, a class of input nobody foresaw) becomes a
   * tool error naming the file, in one line, and the other files are still checked.
   */
  private static FileChecker.FileOutcome checkOne(
      FileChecker checker, InputCollector.Input in, CheckRequest request) {
    try {
      return checker.check(in, request.stdin());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new FileChecker.FileOutcome(
          List.of(),
          List.of(new CheckedDocument(in.name(), 0, "unknown", 0)),
          List.of(
              new ToolError(
                  in.name(),
                  "poolcheck failed on this file ("
                      + e.getClass().getSimpleName()
                      + "); the other files were checked. This is a bug in poolcheck: please"
                      + " report it")),
          List.of());
    }
  }

  private List<FileChecker.FileOutcome> checkAll(
      CheckRequest request,
      Configuration config,
      RuleSet rules,
      List<InputCollector.Input> inputs,
      Optional<ResultCache> cache) {
    FileChecker checker =
        new FileChecker(request, rules, request.apiVersion().or(config::apiVersion), cache);
    if (request.threads() == 1 || inputs.size() < 2) {
      return inputs.stream().map(in -> checkOne(checker, in, request)).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), inputs.size()));
    try {
      List<Future<FileChecker.FileOutcome>> futures = new ArrayList<>();
      for (InputCollector.Input in : inputs) {
        futures.add(pool.submit(() -> checkOne(checker, in, request)));
      }
      List<FileChecker.FileOutcome> out = new ArrayList<>(futures.size());
      for (Future<FileChecker.FileOutcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolcheckException("interrupted", e);
    } catch (ExecutionException e) {
      throw new PoolcheckException("internal error while checking: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
