package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The API answered with a non-2xx status. Carries the status, the parsed error body when there is
 * one, and the raw body (truncated to {@link #MAX_RAW_BODY_CHARS}).
 *
 * <p>Error shapes understood: Google's {@code {"error":{"code","message","status","details"}}}; the
 * flat {@code {"code":3,"message":"...","details":[]}} of gRPC gateways (emulators), whose numeric
 * google.rpc code is mapped to its name ({@code INVALID_ARGUMENT}); OAuth's {@code {"error",
 * "error_description"}}; RFC 7807 problem details ({@code title}, {@code detail}); and any JSON
 * object's {@code message}. {@link #errorStatus()} is a gRPC status name only when Google's
 * envelope or a gateway's flat form gave one, else null, and the message carries the HTTP status
 * text ({@code 400 Bad Request: ...}).
 */
public class ApiException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  /** The longest raw body kept, in characters. */
  public static final int MAX_RAW_BODY_CHARS = 8192;

  private final int statusCode;
  private final Integer errorCode;
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
    this(statusCode, null, errorStatus, errorMessage, details, rawBody, requestDescription);
  }

  /**
   * @param errorCode the numeric {@code code} of the error body (an HTTP status in Google's shape,
   *     a google.rpc.Code in the flat shape), or null
   */
  public ApiException(
      int statusCode,
      Integer errorCode,
      String errorStatus,
      String errorMessage,
      List<Map<String, Object>> details,
      String rawBody,
      String requestDescription) {
    super(describe(statusCode, errorStatus, errorMessage, requestDescription));
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.errorStatus = errorStatus;
    this.errorMessage = errorMessage;
    this.details = details == null ? List.of() : List.copyOf(details);
    this.rawBody = truncate(rawBody);
  }

  private static String truncate(String s) {
    if (s == null || s.length() <= MAX_RAW_BODY_CHARS) {
      return s;
    }
    return s.substring(0, MAX_RAW_BODY_CHARS) + "...[truncated]";
  }

  private static String describe(int code, String status, String message, String request) {
    StringBuilder sb = new StringBuilder().append(code);
    String reason = status != null ? status : reasonPhrase(code);
    if (reason != null) {
      sb.append(' ').append(reason);
    }
    if (message != null) {
      String m = message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
      sb.append(": ").append(m);
    }
    if (request != null) {
      sb.append(" (").append(request).append(')');
    }
    return sb.toString();
  }

  /** HTTP's reason phrase for a status, for errors whose body names no status (RFC 9110). */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 411 -> "Length Required";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 416 -> "Range Not Satisfiable";
      case 422 -> "Unprocessable Content";
      case 428 -> "Precondition Required";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> null;
    };
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The numeric {@code code} from the error body, or null when there was none. */
  public Integer errorCode() {
    return errorCode;
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
    return details == null ? List.of() : details;
  }

  /** The response body as received (possibly truncated), or null. */
  public String rawBody() {
    return rawBody;
  }

  /**
   * The error body decoded as {@code type}, typically the error model an OpenAPI operation
   * declares for its 4xx/5xx/default responses (each generated request class names it in its
   * javadoc and in its {@code ERROR_TYPE} constant):
   *
   * <pre>{@code
   * catch (ApiException e) {
   *   Error err = e.errorAs(Error.class);
   * }
   * }</pre>
   *
   * @return the decoded body, or null when the response had none
   * @throws InvalidResponseException the body is not JSON of that shape, or was truncated
   */
  public <T> T errorAs(Class<T> type) {
    if (rawBody == null || rawBody.isBlank()) {
      return null;
    }
    if (rawBody.length() > MAX_RAW_BODY_CHARS) {
      throw new InvalidResponseException("the error body is over " + MAX_RAW_BODY_CHARS
          + " characters and was truncated: it cannot be decoded as " + type.getSimpleName());
    }
    try {
      return Json.get().read(rawBody, type);
    } catch (RuntimeException e) {
      throw new InvalidResponseException("the error body does not fit " + type.getSimpleName(), e);
    }
  }
}
