package io.discogen.runtime;

/**
 * The response body is larger than {@link ClientOptions#maxResponseBytes()}. Reading stopped at the
 * limit (or before reading, when {@code Content-Length} announced more); the connection was closed.
 */
public class ResponseTooLargeException extends InvalidResponseException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public ResponseTooLargeException(long limit) {
    super("response body exceeds the limit of " + limit + " bytes (ClientOptions.maxResponseBytes)");
    this.limit = limit;
  }

  /** The limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
