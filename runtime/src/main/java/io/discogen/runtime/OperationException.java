package io.discogen.runtime;

import java.util.List;
import java.util.Map;

/** A long-running operation finished with an error ({@code google.rpc.Status}). */
public class OperationException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  private final String operationName;
  private final int code;
  private final String errorMessage;
  private final transient List<Map<String, Object>> details;

  public OperationException(String operationName, int code, String message) {
    this(operationName, code, message, List.of());
  }

  public OperationException(
      String operationName, int code, String message, List<Map<String, Object>> details) {
    super("operation " + operationName + " failed with code " + code
        + (RpcCodes.name(code) == null ? "" : " " + RpcCodes.name(code)) + ": " + message);
    this.operationName = operationName;
    this.code = code;
    this.errorMessage = message;
    this.details = details == null ? List.of() : List.copyOf(details);
  }

  public String operationName() {
    return operationName;
  }

  /** The google.rpc.Code of the error. */
  public int code() {
    return code;
  }

  /** The canonical name of {@link #code()} ({@code FAILED_PRECONDITION}), or null if unknown. */
  public String status() {
    return RpcCodes.name(code);
  }

  /** The error's message as the server sent it, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The error's {@code details} entries, empty when none. */
  public List<Map<String, Object>> details() {
    return details == null ? List.of() : details;
  }
}
