package io.discogen.runtime;

import java.util.List;
import java.util.Map;

/**
 * The API answered with a non-2xx status. Carries the status, the parsed Google error body
 * ({@code code}, {@code message}, {@code status}, {@code details}) when there is one, and the raw
 * body.
 */
public class ApiException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorStatus;
  private final String errorMessage;
  private final transient List<Map<String, Object>> details;
  private final String rawBody;

  public ApiException(
      int statusCode,
      String errorStatus,
      String errorMessage,
      List<Map<String, Object>> details,
      String rawBody,
      String requestDescription) {
    super(describe(statusCode, errorStatus, errorMessage, requestDescription));
    this.statusCode = statusCode;
    this.errorStatus = errorStatus;
    this.errorMessage = errorMessage;
    this.details = details == null ? List.of() : List.copyOf(details);
    this.rawBody = rawBody;
  }

  private static String describe(int code, String status, String message, String request) {
    StringBuilder sb = new StringBuilder().append(code);
    if (status != null) {
      sb.append(' ').append(status);
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    if (request != null) {
      sb.append(" (").append(request).append(')');
    }
    return sb.toString();
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The canonical error status ({@code NOT_FOUND}), or null. */
  public String errorStatus() {
    return errorStatus;
  }

  /** The server's error message, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The error's {@code details} entries, empty when none. */
  public List<Map<String, Object>> details() {
    return details;
  }

  /** The response body as received (possibly truncated), or null. */
  public String rawBody() {
    return rawBody;
  }
}
