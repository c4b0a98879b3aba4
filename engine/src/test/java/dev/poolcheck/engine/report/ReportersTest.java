package dev.poolcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportersTest {

  private static final ReporterOptions OPTIONS = ReporterOptions.plain("0");

  @Test
  void listsTextFirstThenJson() {
    assertEquals("text", Reporters.formats().get(0));
    assertTrue(Reporters.formats().contains("json"));
  }

  @Test
  void everyListedFormatCreatesAReporterOfThatName() {
    for (String format : Reporters.formats()) {
      assertEquals(format, Reporters.create(format, OPTIONS).format());
      assertTrue(Reporters.isKnown(format));
    }
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reporters.create("xml", OPTIONS));
    assertTrue(e.getMessage().contains("'xml'"), e.getMessage());
    assertTrue(e.getMessage().contains("text, json, sarif, junit, github"), e.getMessage());
    assertFalse(Reporters.isKnown("xml"));
  }
}
