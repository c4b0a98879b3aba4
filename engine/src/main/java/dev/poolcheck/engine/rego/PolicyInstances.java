package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.styra.opa.wasm.OpaPolicy;
import dev.poolcheck.engine.api.PoolcheckException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The instances of one wasm policy for one run. An {@link OpaPolicy} is not thread-safe and costs
 * half a second or more to create, so instances are made on first use, one per thread that
 * evaluates at the same time, and reused.
 *
 * <p>Not opa-java-wasm's {@code OpaPolicyPool}: it resets an instance when it is returned, which
 * drops the loaded data, and loading the data again costs several times an evaluation (about 0.9 ms
 * against 0.1 to 0.25 ms here). An idle instance keeps its data until different data is asked for.
 */
final class PolicyInstances {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WasmBundle bundle;
  private final EvaluationMode mode;
  private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();

  /** One instance and the data it holds (null before any is loaded). */
  private static final class Instance {
    final OpaPolicy policy;
    String data;

    Instance(OpaPolicy policy) {
      this.policy = policy;
    }
  }

  PolicyInstances(WasmBundle bundle, EvaluationMode mode) {
    this.bundle = bundle;
    this.mode = mode;
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
   * Evaluates {@code entrypoint} with the given data and input.
   *
   * @param dataJson the data document as JSON text; instances keep it loaded between evaluations
   * @return the entrypoint's value, or empty when it is undefined
   * @throws PoolcheckException naming the bundle when the policy aborts
   */
  Optional<JsonNode> evaluate(String entrypoint, String dataJson, JsonNode input) {
    Instance instance = idle.poll();
    if (instance == null) {
      instance = new Instance(create());
    }
    String output;
    try {
      if (!dataJson.equals(instance.data)) {
        instance.policy.data(dataJson);
        instance.data = dataJson;
      }
      output = instance.policy.entrypoint(entrypoint).evaluate(input);
    } catch (RuntimeException e) {
      // An aborted instance is in an unknown state: drop it.
      throw new PoolcheckException(
          "policy bundle "
              + bundle.name()
              + " failed while evaluating "
              + entrypoint
              + ": "
              + e.getMessage(),
          e);
    }
    idle.push(instance);
    try {
      JsonNode results = JSON.readTree(output);
      return results.isArray() && results.size() > 0 && results.get(0).has("result")
          ? Optional.of(results.get(0).get("result"))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      throw new PoolcheckException(
          "policy bundle " + bundle.name() + " returned output that is not JSON", e);
    }
  }

  private OpaPolicy create() {
    try {
      OpaPolicy.Builder builder = OpaPolicy.builder().withPolicy(bundle.wasm());
      if (mode == EvaluationMode.INTERPRETED) {
        builder.disableCompiler();
      }
      return builder.build();
    } catch (RuntimeException e) {
      throw new PoolcheckException(
          "policy bundle "
              + bundle.name()
              + " cannot be used: its wasm module does not load ("
              + e.getMessage()
              + "). Build it with opa build -t wasm.",
          e);
    }
  }
}
