package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  private static final List<String> POOL =
      List.of("vmSize", "virtualMachineConfiguration", "targetDedicatedNodes", "displayName");

  @Test
  void prefersACaseInsensitiveMatch() {
    assertEquals(Optional.of("vmSize"), NearestName.suggest("VMSize", POOL));
  }

  @Test
  void suggestsWithinASmallEditDistance() {
    assertEquals(Optional.of("displayName"), NearestName.suggest("dispalyName", POOL));
  }

  @Test
  void suggestsTheFullNameForATruncatedOne() {
    assertEquals(
        Optional.of("virtualMachineConfiguration"),
        NearestName.suggest("virtualMachineConfig", POOL));
  }

  @Test
  void suggestsNothingForAnUnrelatedName() {
    assertEquals(Optional.empty(), NearestName.suggest("certificates", POOL));
  }
}
