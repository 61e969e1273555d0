package io.discogen.runtime;

/** Base of every exception the runtime throws for a failed call. */
public class DiscogenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DiscogenException(String message) {
    super(message);
  }

  public DiscogenException(String message, Throwable cause) {
    super(message, cause);
  }
}
