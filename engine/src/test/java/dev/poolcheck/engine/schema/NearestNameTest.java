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

  @Test
  void aLongNameManyEditsAwayIsADifferentWord() {
    // 2024-07-01's targetNodeCommunicationMode is not a typo of interNodeCommunication.
    assertEquals(
        Optional.empty(),
        NearestName.suggest(
            "targetNodeCommunicationMode", List.of("interNodeCommunication", "taskSlotsPerNode")));
  }

  @Test
  void namesFromAnotherObjectNeedTheSameNameOrATruncation() {
    List<String> startTask = List.of("resourceFiles", "commandLine");
    assertEquals(Optional.empty(), NearestName.sameOrTruncated("resourceTags", startTask));
    assertEquals(
        Optional.of("virtualMachineConfiguration"),
        NearestName.sameOrTruncated("virtualMachineConfig", POOL));
    assertEquals(Optional.of("vmSize"), NearestName.sameOrTruncated("VMSIZE", POOL));
    assertEquals(Optional.empty(), NearestName.sameOrTruncated("user", List.of("userAccounts")));
  }
}
