package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolicyInstancesTest {

  /**
   * The warm-up makes the first instance while the run starts; a first evaluation that comes before
   * it is done must wait for it, not make a second one (on a cold start of 2 cores both would
   * compete for the same CPU).
   */
  @Test
  void anEvaluationWaitsForTheInstanceBeingPreparedInsteadOfMakingAnother() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PolicyInstances instances =
        new PolicyInstances(
            "built-in policies",
            () -> {
              loading.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return PolicyModule.builtIn();
            },
            PolicyLimits.defaults(),
            false);
    Thread warmUp = new Thread(instances::prepare);
    warmUp.start();
    assertTrue(loading.await(30, TimeUnit.SECONDS));
    AtomicReference<Object> result = new AtomicReference<>();
    Thread first =
        new Thread(
            () ->
                result.set(
                    instances.evaluate(
                        BuiltInPolicies.ENTRYPOINT,
                        "{}",
                        new ObjectMapper().createObjectNode().put("scope", "pool"))));
    first.start();
    Thread.sleep(200);
    release.countDown();
    warmUp.join(60_000);
    first.join(60_000);

    assertTrue(result.get() != null, "the evaluation finished");
    assertEquals(1, instances.created(), "one instance, made by the warm-up");
  }

  @Test
  void preparingTwiceMakesOneInstance() {
    PolicyInstances instances =
        new PolicyInstances(
            "built-in policies", PolicyModule::builtIn, PolicyLimits.defaults(), false);
    instances.prepare();
    instances.prepare();
    assertEquals(1, instances.created());
  }
}
