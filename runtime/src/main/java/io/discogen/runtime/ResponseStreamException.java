package io.discogen.runtime;

/**
 * A streamed response ({@link ResponseStream}) broke after its 2xx status: the connection failed
 * or the body was cut short or is not valid JSON. The messages before the failure were delivered;
 * nothing is retried, since the server may have acted on the request. The cause is the {@link
 * java.io.IOException} or Jackson error that stopped the reading.
 */
public class ResponseStreamException extends DiscogenException {
  private static final long serialVersionUID = 1L;

  private final long messagesRead;

  public ResponseStreamException(String message, long messagesRead, Throwable cause) {
    super(message, cause);
    this.messagesRead = messagesRead;
  }

  /** How many messages the stream delivered before it broke. */
  public long messagesRead() {
    return messagesRead;
  }
}
