package dev.poolcheck.engine.rego;

import dev.poolcheck.engine.model.PoolcheckException;

/**
 * A policy bundle failed on a pool (stopped, aborted, disabled after an overrun). It names the
 * bundle so that a run reports one error per bundle and file, not one per pool and entrypoint.
 */
public final class PolicyBundleException extends PoolcheckException {

  private final String bundle;

  PolicyBundleException(String bundle, String message, Throwable cause) {
    super(message, cause);
    this.bundle = bundle;
  }

  /** The bundle as the user named it. */
  public String bundle() {
    return bundle;
  }
}
