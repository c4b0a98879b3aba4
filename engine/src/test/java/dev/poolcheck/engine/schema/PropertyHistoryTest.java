package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.schema.ApiVersions.Plane;
import dev.poolcheck.engine.schema.PropertyHistory.Root;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Version differences read from the spec excerpts (see schemas/generator/specs/SOURCES.txt). */
class PropertyHistoryTest {

  private static final PropertyHistory HISTORY = PropertyHistory.shipped();

  @Test
  void targetNodeCommunicationModeWasRemovedIn20250601() {
    assertEquals(
        List.of("2024-07-01", "2024-02-01", "2023-11-01", "2023-05-01"),
        HISTORY.versionsWith(
            Plane.MANAGEMENT, Root.REQUEST, List.of("properties"), "targetNodeCommunicationMode"));
    assertEquals(
        Optional.of(
            "`targetNodeCommunicationMode` was removed in api-version 2025-06-01 (the document is"
                + " checked against 2026-08-01); remove it, or target api-version 2024-07-01 where"
                + " it still exists"),
        HISTORY.explain(
            Plane.MANAGEMENT,
            "2026-08-01",
            Root.REQUEST,
            List.of("properties"),
            "targetNodeCommunicationMode"));
  }

  @Test
  void resourceTagsWereAddedIn20231101AndRemovedIn20250601() {
    // Added in 2023-11-01: BatchManagement.json 2023-11-01 at f764b53 and the ARM template change
    // log (schemas/generator/specs/SOURCES.txt 6); not in 2025-06-01's PoolProperties (SOURCES 3).
    assertEquals(
        List.of("2024-07-01", "2024-02-01", "2023-11-01"),
        HISTORY.versionsWith(Plane.MANAGEMENT, Root.POOL_PROPERTIES, List.of(), "resourceTags"));
    String added =
        HISTORY
            .explain(
                Plane.MANAGEMENT, "2023-05-01", Root.POOL_PROPERTIES, List.of(), "resourceTags")
            .orElseThrow();
    assertTrue(added.startsWith("`resourceTags` was added in api-version 2023-11-01"), added);
  }

  @Test
  void dataDiskStorageAccountTypeFollowsItsItemsAcrossArrays() {
    List<String> path =
        List.of(
            "properties",
            "deploymentConfiguration",
            "virtualMachineConfiguration",
            "dataDisks",
            "0");
    assertEquals(
        List.of("2025-06-01", "2024-07-01", "2024-02-01", "2023-11-01", "2023-05-01"),
        HISTORY.versionsWith(Plane.MANAGEMENT, Root.REQUEST, path, "storageAccountType"));
    String removed =
        HISTORY
            .explain(Plane.MANAGEMENT, "2026-08-01", Root.REQUEST, path, "storageAccountType")
            .orElseThrow();
    assertTrue(removed.contains("removed in api-version 2026-08-01"), removed);
    assertTrue(removed.contains("target api-version 2025-06-01"), removed);
  }

  @Test
  void dataPlaneVersionsAreComparedByWireNameAcrossRenamedDefinitions() {
    // PoolAddParameter (hand-written) and BatchPoolCreateOptions (TypeSpec) share wire names.
    assertEquals(
        List.of("2024-02-01.19.0", "2023-05-01.17.0"),
        HISTORY.versionsWith(Plane.DATA_PLANE, Root.REQUEST, List.of(), "applicationLicenses"));
    String removed =
        HISTORY
            .explain(
                Plane.DATA_PLANE, "2025-06-01.21.0", Root.REQUEST, List.of(), "applicationLicenses")
            .orElseThrow();
    assertTrue(removed.contains("removed in api-version 2024-07-01.20.0"), removed);
    assertTrue(
        removed.endsWith("target api-version 2024-02-01.19.0 where it still exists"), removed);
  }

  @Test
  void aNameNoVersionKnowsHasNoHistory() {
    assertEquals(
        Optional.empty(),
        HISTORY.explain(
            Plane.MANAGEMENT, "2026-08-01", Root.REQUEST, List.of("properties"), "vmSzie"));
  }
}
