package dev.poolcheck.engine.api;

/**
 * A problem with how poolcheck was asked to run (a bad option value, an unreadable configuration or
 * policy bundle), as opposed to a problem in a checked file, which becomes a finding. The message
 * is meant for the user: it says what is wrong and what to do, and front ends print it without a
 * stack trace.
 */
public class PoolcheckException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PoolcheckException(String message) {
    super(message);
  }

  public PoolcheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
