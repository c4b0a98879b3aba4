package dev.poolcheck.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.schema.ApiVersions.Choice;
import dev.poolcheck.engine.schema.ApiVersions.Match;
import dev.poolcheck.engine.schema.ApiVersions.Plane;
import dev.poolcheck.engine.schema.ApiVersions.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiVersionsTest {

  private static final ApiVersions SHIPPED = ApiVersions.shipped();

  @Test
  void shipsEveryStableVersionFrom2023On() {
    assertEquals(
        List.of("2026-08-01", "2025-06-01", "2024-07-01", "2024-02-01", "2023-11-01", "2023-05-01"),
        SHIPPED.of(Plane.MANAGEMENT));
    assertEquals(
        List.of("2025-06-01.21.0", "2024-07-01.20.0", "2024-02-01.19.0", "2023-05-01.17.0"),
        SHIPPED.of(Plane.DATA_PLANE));
  }

  @Test
  void documentVersionWinsOverTheRequestedOne() {
    Choice c =
        SHIPPED.choose(Plane.MANAGEMENT, Optional.of("2024-02-01"), Optional.of("2023-05-01"));
    assertEquals(
        new Choice("2024-02-01", Source.DOCUMENT, Match.EXACT, Optional.of("2024-02-01")), c);
  }

  @Test
  void requestedVersionAppliesWhenTheDocumentDeclaresNone() {
    Choice c = SHIPPED.choose(Plane.MANAGEMENT, Optional.empty(), Optional.of("2023-11-01"));
    assertEquals("2023-11-01", c.version());
    assertEquals(Source.REQUEST, c.source());
  }

  @Test
  void newestIsTheDefault() {
    Choice c = SHIPPED.choose(Plane.DATA_PLANE, Optional.empty(), Optional.empty());
    assertEquals(new Choice("2025-06-01.21.0", Source.NEWEST, Match.EXACT, Optional.empty()), c);
  }

  @Test
  void armExpressionCountsAsNotDeclared() {
    Choice c =
        SHIPPED.choose(Plane.MANAGEMENT, Optional.of("[variables('api')]"), Optional.empty());
    assertEquals(Source.NEWEST, c.source());
  }

  @Test
  void theDatePartPicksTheSameReleaseOnEitherPlane() {
    assertEquals(
        new Choice("2024-07-01.20.0", Source.DOCUMENT, Match.EXACT, Optional.of("2024-07-01")),
        SHIPPED.choose(Plane.DATA_PLANE, Optional.of("2024-07-01"), Optional.empty()));
    assertEquals(
        "2024-07-01",
        SHIPPED
            .choose(Plane.MANAGEMENT, Optional.of("2024-07-01.20.0"), Optional.empty())
            .version());
  }

  @Test
  void unshippedVersionMapsToTheNewestShippedNotNewerThanIt() {
    Choice between = SHIPPED.choose(Plane.MANAGEMENT, Optional.of("2024-10-01"), Optional.empty());
    assertEquals("2024-07-01", between.version());
    assertEquals(Match.NEAREST, between.match());
    Choice older = SHIPPED.choose(Plane.MANAGEMENT, Optional.of("2022-10-01"), Optional.empty());
    assertEquals("2023-05-01", older.version());
    assertEquals(Match.NEAREST, older.match());
    Choice dataPlane =
        SHIPPED.choose(Plane.DATA_PLANE, Optional.of("2023-11-01.18.0"), Optional.empty());
    assertEquals("2023-05-01.17.0", dataPlane.version());
    Choice preview =
        SHIPPED.choose(Plane.MANAGEMENT, Optional.of("2024-07-01-preview"), Optional.empty());
    assertEquals(
        new Choice("2024-07-01", Source.DOCUMENT, Match.NEAREST, preview.written()), preview);
  }

  @Test
  void malformedVersionIsCheckedAgainstTheNewestAndSaidSo() {
    for (String bad : new String[] {"latest", "2024-7-1", "v2024-07-01", "2024-07-01T00:00:00Z"}) {
      Choice c = SHIPPED.choose(Plane.MANAGEMENT, Optional.of(bad), Optional.empty());
      assertEquals("2026-08-01", c.version(), bad);
      assertEquals(Match.INVALID, c.match(), bad);
    }
    assertFalse(ApiVersions.wellFormed("latest"));
    assertTrue(ApiVersions.wellFormed("2023-05-01.17.0"));
  }
}
