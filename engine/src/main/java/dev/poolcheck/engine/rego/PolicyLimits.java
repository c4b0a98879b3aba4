package dev.poolcheck.engine.rego;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one evaluation of a wasm policy, so that a policy that loops or allocates without end
 * is stopped and reported instead of hanging or exhausting the run. Rego has no unbounded loops,
 * but a comprehension over {@code numbers.range} or {@code walk} over a large value can run for
 * hours or ask for gigabytes.
 *
 * @param timeBudget the longest one evaluation of a small input may run; it is then interrupted and
 *     its instance dropped
 * @param timePerInputMiB added to the budget for each MiB of input, since the module parses the
 *     input as JSON itself, which is slow in the interpreter
 * @param maxMemoryMiB the most linear memory one policy instance may grow to, in MiB (the wasm
 *     module's own maximum still applies when it is lower)
 */
public record PolicyLimits(Duration timeBudget, Duration timePerInputMiB, int maxMemoryMiB) {

  /** One wasm page is 64 KiB. */
  private static final int PAGES_PER_MIB = 16;

  /** The most that fits in one Java array, which backs the wasm memory. */
  private static final int MAX_MEMORY_MIB = 2047;

  public PolicyLimits {
    Objects.requireNonNull(timeBudget, "timeBudget");
    Objects.requireNonNull(timePerInputMiB, "timePerInputMiB");
    if (timeBudget.isNegative() || timeBudget.isZero() || timePerInputMiB.isNegative()) {
      throw new IllegalArgumentException("the policy time budget must be positive");
    }
    if (maxMemoryMiB < 1 || maxMemoryMiB > MAX_MEMORY_MIB) {
      throw new IllegalArgumentException(
          "the policy memory cap must be between 1 and " + MAX_MEMORY_MIB + " MiB");
    }
  }

  /**
   * 10 seconds plus 10 seconds per MiB of input, and 512 MiB of memory, per evaluation. A built-in
   * evaluation of an ordinary pool takes well under a millisecond and a few MiB; parsing a 1 MiB
   * input in the interpreter took 1 to 7 seconds on a loaded 2-core machine.
   */
  public static PolicyLimits defaults() {
    return new PolicyLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 512);
  }

  /**
   * The most wasm memory all user-bundle instances of a run may hold together, in MiB (issue 11:
   * 512 MiB per instance times threads times bundles reached 6 GiB with {@code --threads 8}).
   */
  public static final int OVERALL_USER_MEMORY_MIB = 1024;

  /**
   * The least memory one user-bundle instance gets, however many instances share the overall cap:
   * an ordinary policy over an ordinary pool needs a few MiB, and a 1 MiB input parsed by the
   * module needs tens of MiB. With more than 16 instances (threads x bundles) the total can
   * therefore exceed {@link #OVERALL_USER_MEMORY_MIB}, up to 64 MiB per instance.
   */
  public static final int MIN_USER_MEMORY_MIB = 64;

  /**
   * The limits for user bundles in a run with {@code threads} worker threads and {@code bundles}
   * bundles: the defaults, with each instance's memory cap lowered so that all instances (at most
   * one per thread and bundle) stay under {@link #OVERALL_USER_MEMORY_MIB}, but never below {@link
   * #MIN_USER_MEMORY_MIB}.
   */
  public static PolicyLimits forUserBundles(int threads, int bundles) {
    PolicyLimits d = defaults();
    long instances = Math.max(1L, (long) Math.max(1, threads) * Math.max(1, bundles));
    long share = OVERALL_USER_MEMORY_MIB / instances;
    int cap = (int) Math.max(MIN_USER_MEMORY_MIB, Math.min(d.maxMemoryMiB(), share));
    return new PolicyLimits(d.timeBudget(), d.timePerInputMiB(), cap);
  }

  /** The budget of one evaluation of an input of {@code inputChars} characters of JSON. */
  Duration budgetFor(long inputChars) {
    return timeBudget.plus(timePerInputMiB.multipliedBy(inputChars >> 20));
  }

  /**
   * The budget for creating one instance (compiling and instantiating the module, which runs its
   * start function): the evaluation budget, but never less than 10 s, since compiling a large
   * module takes seconds on a loaded machine even when an evaluation is given less.
   */
  Duration loadBudget() {
    Duration floor = Duration.ofSeconds(10);
    return timeBudget.compareTo(floor) < 0 ? floor : timeBudget;
  }

  int maxMemoryPages() {
    return maxMemoryMiB * PAGES_PER_MIB;
  }
}
