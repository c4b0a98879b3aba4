package dev.poolcheck.cli;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.model.CheckResult;

/**
 * Runs one check. The CLI uses the engine's pipeline; tests substitute their own to see the request
 * an invocation builds.
 */
@FunctionalInterface
public interface PoolChecker {
  CheckResult check(CheckRequest request);
}
