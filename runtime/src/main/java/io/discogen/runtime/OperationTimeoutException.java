package io.discogen.runtime;

import java.time.Duration;

/** A long-running operation was not done within the time the caller was willing to wait. */
public class OperationTimeoutException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  private final String operationName;

  public OperationTimeoutException(String operationName, Duration timeout) {
    super("operation " + operationName + " not done within " + timeout);
    this.operationName = operationName;
  }

  /** The operation's name; it may still finish on the server. */
  public String operationName() {
    return operationName;
  }
}
