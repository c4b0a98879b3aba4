package dev.poolcheck.engine.api;

import dev.poolcheck.engine.config.Configuration;
import dev.poolcheck.engine.model.Finding;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A run set up once (configuration, rules, policy instances) that then checks one file at a time,
 * for callers that check files again and again: an editor integration, or a benchmark of the
 * per-file step. The findings are the engine's own, before the configuration's suppressions and
 * severity overrides and before any baseline; {@link Poolcheck#check} applies those to a whole run.
 * Not cached: every call reads and checks the file.
 */
public final class CheckSession {

  private final CheckRequest request;
  private final FileChecker checker;

  private CheckSession(CheckRequest request, FileChecker checker) {
    this.request = request;
    this.checker = checker;
  }

  /**
   * Sets up a run for {@code request} (its paths are not read; name files to {@link #check}).
   *
   * @param expectedFiles about how many files will be checked (sizes the policy instances)
   * @throws dev.poolcheck.engine.model.PoolcheckException when the configuration or a policy bundle
   *     cannot be loaded
   */
  public static CheckSession open(CheckRequest request, long expectedFiles) {
    Configuration config = Poolcheck.loadConfiguration(request);
    RuleSet rules = RuleSet.create(request, config, expectedFiles);
    return new CheckSession(
        request,
        new FileChecker(
            request, rules, request.apiVersion().or(config::apiVersion), Optional.empty()));
  }

  /** The findings of one file, named relative to the request's base folder. */
  public List<Finding> check(String file) {
    Path path = request.baseDir().resolve(file);
    InputCollector.Input input =
        new InputCollector.Input(file, Optional.of(path), Optional.empty());
    return checker.check(input, InputStream.nullInputStream()).findings();
  }
}
