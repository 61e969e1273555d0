package io.discogen.runtime;

/** A long-running operation finished with an error. */
public class OperationException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  private final String operationName;
  private final int code;

  public OperationException(String operationName, int code, String message) {
    super("operation " + operationName + " failed with code " + code + ": " + message);
    this.operationName = operationName;
    this.code = code;
  }

  public String operationName() {
    return operationName;
  }

  /** The google.rpc.Code of the error. */
  public int code() {
    return code;
  }
}
