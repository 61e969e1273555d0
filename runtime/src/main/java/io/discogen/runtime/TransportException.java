package io.discogen.runtime;

import java.io.IOException;

/**
 * The call failed below HTTP: the connection could not be made, was reset or dropped mid-response,
 * or timed out. The cause is the {@link IOException} the HTTP client reported.
 */
public class TransportException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message, IOException cause) {
    super(message, cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
