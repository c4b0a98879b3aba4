package dev.poolcheck.engine.api;

/**
 * A problem that keeps poolcheck from doing its job (an invalid configuration, an unreadable
 * baseline). The message is meant for the user as is: it names the file, the position where one is
 * known, what is wrong and what to do. Front ends print the message, never the stack trace.
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
