package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolcheck.engine.model.PoolcheckException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The instances of one wasm policy for one run. An {@link OpaInstance} is not thread-safe, so
 * instances are made on first use, one per thread that evaluates at the same time, and reused. An
 * idle instance keeps its data loaded until different data is asked for (loading the data costs
 * several evaluations).
 *
 * <p>The module is parsed (and, for a large run of a user bundle, compiled) once, when the first
 * instance is made; further instances share it.
 */
final class PolicyInstances {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Interrupts evaluations that overrun their budget; one daemon thread for the whole JVM. */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "poolcheck-policy-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final String name;
  private final Supplier<PolicyModule> source;
  private final PolicyLimits limits;
  private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
  private final AtomicReference<CompletableFuture<Void>> preparing = new AtomicReference<>();
  private final AtomicInteger created = new AtomicInteger();
  private volatile PolicyModule module;

  /**
   * Entrypoints whose evaluation overran its budget: they are not run again in this run, so a
   * looping rule costs one budget, not one per pool (12 pools took 123 s). The bundle's other
   * entrypoints still run.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, String> disabled =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** One instance and the data it holds (null before any is loaded). */
  private static final class Instance {
    final OpaInstance policy;
    String data;

    Instance(OpaInstance policy) {
      this.policy = policy;
    }
  }

  /**
   * Whether an entrypoint that overran is disabled for the rest of the run: true for user bundles,
   * which are loaded per run; false for the built-in policies, whose instances the JVM shares
   * across runs (one overrun on a huge file must not turn them off for every later run).
   */
  private final boolean disableAfterOverrun;

  /**
   * @param name what the user calls the policy, for error messages
   * @param source makes the module, once, when the first instance is needed
   */
  PolicyInstances(
      String name,
      Supplier<PolicyModule> source,
      PolicyLimits limits,
      boolean disableAfterOverrun) {
    this.name = name;
    this.source = source;
    this.limits = limits;
    this.disableAfterOverrun = disableAfterOverrun;
  }

  /** The bounds each instance and evaluation of this policy runs under. */
  PolicyLimits limits() {
    return limits;
  }

  /**
   * Creates the first instance now and returns its entrypoints, so a broken module is reported when
   * the policy is loaded rather than in the middle of a run. The instance is kept for later use.
   */
  Map<String, Integer> entrypoints() {
    Instance instance = new Instance(create());
    idle.push(instance);
    return instance.policy.entrypoints();
  }

  /**
   * Makes the first instance now (once per {@code PolicyInstances}), so the first evaluation does
   * not wait for all of it: an evaluation that finds no idle instance while this runs waits for
   * this one rather than making a second (on a cold start both would compete for the same cores).
   */
  void prepare() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!idle.isEmpty() || !preparing.compareAndSet(null, done)) {
      return;
    }
    try {
      idle.push(new Instance(create()));
    } finally {
      done.complete(null);
    }
  }

  /** An idle instance, after waiting for the one {@link #prepare} is making; else null. */
  private Instance idleInstance() {
    Instance instance = idle.poll();
    CompletableFuture<Void> pending = preparing.get();
    if (instance == null && pending != null && !pending.isDone()) {
      pending.join();
      instance = idle.poll();
    }
    return instance;
  }

  /**
   * Evaluates {@code entrypoint} with the given data and input.
   *
   * @param dataJson the data document as JSON text; instances keep it loaded between evaluations
   * @return the entrypoint's value, or empty when it is undefined
   * @throws PoolcheckException naming the bundle when the policy aborts, overruns its time budget
   *     or its memory cap
   */
  Optional<JsonNode> evaluate(String entrypoint, String dataJson, JsonNode input) {
    String why = disabled.get(entrypoint);
    if (why != null) {
      throw new PolicyBundleException(
          name,
          "policy bundle "
              + name
              + " rule "
              + entrypoint
              + " was disabled for the rest of the run ("
              + why
              + "); it did not run on this file",
          null);
    }
    Instance instance = idleInstance();
    if (instance == null) {
      instance = new Instance(create());
    }
    String output;
    byte[] inputJson;
    try {
      inputJson = JSON.writeValueAsBytes(input);
    } catch (JsonProcessingException e) {
      throw failed(entrypoint, "its input cannot be written as JSON", e);
    }
    Integer id = instance.policy.entrypoints().get(entrypoint);
    if (id == null) {
      idle.push(instance);
      throw failed(entrypoint, "the policy has no such entrypoint", null);
    }
    Duration budget = limits.budgetFor(inputJson.length);
    Deadline deadline = new Deadline(Thread.currentThread());
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(deadline::expire, budget.toNanos(), TimeUnit.NANOSECONDS);
    try {
      if (!dataJson.equals(instance.data)) {
        instance.data = null;
        instance.policy.loadData(dataJson);
        instance.data = dataJson;
      }
      output = instance.policy.evaluate(id, inputJson);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // An instance stopped half-way is in an unknown state: drop it.
      boolean overran = deadline.finish();
      if (overran && disableAfterOverrun) {
        disabled.put(entrypoint, "it overran its time budget on an earlier pool");
      }
      throw failed(entrypoint, overran ? overran(budget) : why(e), e);
    } finally {
      alarm.cancel(false);
    }
    if (deadline.finish()) {
      // The budget ran out just as it finished: keep the budget strict and drop the instance.
      if (disableAfterOverrun) {
        disabled.put(entrypoint, "it overran its time budget on an earlier pool");
      }
      throw failed(entrypoint, overran(budget), null);
    }
    idle.push(instance);
    try {
      JsonNode results = JSON.readTree(output);
      return results.isArray() && results.size() > 0 && results.get(0).has("result")
          ? Optional.of(results.get(0).get("result"))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      throw new PoolcheckException(
          "policy bundle " + name + " returned output that is not JSON", e);
    }
  }

  private PoolcheckException failed(String entrypoint, String why, Throwable cause) {
    return new PolicyBundleException(
        name,
        "policy bundle " + name + " failed while evaluating " + entrypoint + ": " + why,
        cause);
  }

  private static String overran(Duration budget) {
    return "it ran longer than its time budget of " + budget.toMillis() + " ms and was stopped";
  }

  private String why(Throwable e) {
    if (e instanceof OutOfMemoryError || isOutOfWasmMemory(e)) {
      return "it needed more than its memory cap of " + limits.maxMemoryMiB() + " MiB";
    }
    if (e instanceof StackOverflowError) {
      return "it recursed too deeply";
    }
    return e.getMessage();
  }

  private static boolean isOutOfWasmMemory(Throwable e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("opa_malloc") || message.contains("out of memory");
  }

  /**
   * The time budget of one evaluation. The watchdog interrupts the evaluating thread, which Chicory
   * turns into a {@code ChicoryInterruptedException} in both the interpreter and compiled code. The
   * lock makes sure the interrupt is either delivered while the evaluation runs or not at all, so
   * it never leaks into whatever the thread does next.
   */
  private static final class Deadline {
    private final Thread thread;
    private boolean finished;
    private boolean expired;

    Deadline(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (!finished) {
        expired = true;
        thread.interrupt();
      }
    }

    /** Ends the evaluation; returns whether the budget ran out (the interrupt is then cleared). */
    synchronized boolean finish() {
      if (!finished) {
        finished = true;
        if (expired) {
          Thread.interrupted();
        }
      }
      return expired;
    }
  }

  /**
   * Creates an instance under the same time budget as an evaluation: a module's start function runs
   * while it is instantiated, and could loop forever before any evaluation begins.
   */
  /** How many instances were made so far (for tests). */
  int created() {
    return created.get();
  }

  private OpaInstance create() {
    created.incrementAndGet();
    Duration budget = limits.loadBudget();
    Deadline deadline = new Deadline(Thread.currentThread());
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(deadline::expire, budget.toNanos(), TimeUnit.NANOSECONDS);
    try {
      PolicyModule loaded = module;
      if (loaded == null) {
        synchronized (this) {
          loaded = module;
          if (loaded == null) {
            loaded = source.get();
            module = loaded;
          }
        }
      }
      OpaInstance policy = new OpaInstance(loaded, limits.maxMemoryPages());
      if (deadline.finish()) {
        throw new PoolcheckException(
            "policy bundle " + name + " cannot be used: " + loadOverran(budget));
      }
      return policy;
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      if (deadline.finish()) {
        throw new PoolcheckException(
            "policy bundle " + name + " cannot be used: " + loadOverran(budget), e);
      }
      if (e instanceof PoolcheckException p) {
        throw p;
      }
      if (e instanceof Error) {
        throw new PoolcheckException(
            "policy bundle " + name + " cannot be used: loading it failed (" + e + ")", e);
      }
      throw new PoolcheckException(
          "policy bundle "
              + name
              + " cannot be used: its wasm module does not load ("
              + e.getMessage()
              + "). Build it with opa build -t wasm.",
          e);
    } finally {
      alarm.cancel(false);
    }
  }

  private static String loadOverran(Duration budget) {
    return "loading its wasm module ran longer than the time budget of "
        + budget.toMillis()
        + " ms (does its start function loop?) and was stopped";
  }
}
