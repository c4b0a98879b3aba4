package dev.poolcheck.engine.robustness;

/** A class a hostile YAML tag names: if the loader ever builds it, {@link #built} turns true. */
public final class Tripwire {

  static volatile boolean built;

  public Tripwire() {
    built = true;
  }
}
