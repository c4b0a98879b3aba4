package dev.poolcheck.engine.model;

/**
 * A problem that keeps poolcheck from doing its job (bad configuration, broken policy bundle,
 * unusable option). Its message is for users: it names the file, position and fix. Front ends print
 * the message and exit with 2; the stack trace is shown only with {@code --debug}.
 */
public class PoolcheckException extends RuntimeException {

  public PoolcheckException(String message) {
    super(message);
  }

  public PoolcheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
