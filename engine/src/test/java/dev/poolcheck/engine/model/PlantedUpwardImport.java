package dev.poolcheck.engine.model;

import dev.poolcheck.engine.api.Poolcheck;

/**
 * Test fixture for {@code ArchitectureTest}: a class in the ground floor that imports the top
 * layer, which the architecture rule must reject. It lives in test sources only.
 */
public final class PlantedUpwardImport {

  private PlantedUpwardImport() {}

  static Poolcheck upward() {
    return new Poolcheck();
  }
}
