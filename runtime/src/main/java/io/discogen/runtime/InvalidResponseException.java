package io.discogen.runtime;

/**
 * The API answered 2xx but the response cannot be used: malformed or too deeply nested JSON, or a
 * content type that is not JSON on a method that returns JSON.
 */
public class InvalidResponseException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseException(String message) {
    super(message);
  }

  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
