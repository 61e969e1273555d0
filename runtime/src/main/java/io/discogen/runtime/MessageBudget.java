package io.discogen.runtime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streamed body's bytes, counted per message: reading more than {@code limit} bytes since the
 * last {@link #startMessage()} fails, so a hostile or broken server cannot make one message (or one
 * endless server-sent-events line) fill the heap. The parsers read ahead a buffer at a time, so the
 * count runs up to one buffer past a message's end.
 */
final class MessageBudget extends FilterInputStream {
  /** Thrown when a message is larger than the limit. */
  static final class MessageTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    MessageTooLargeException(long limit) {
      super("a message is larger than " + limit + " bytes (ClientOptions.maxResponseBytes)");
    }
  }

  private final long limit;
  private long used;

  MessageBudget(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** Starts counting for the next message. */
  void startMessage() {
    used = 0;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      spend(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      spend(n);
    }
    return n;
  }

  private void spend(int n) throws IOException {
    used += n;
    if (used > limit) {
      throw new MessageTooLargeException(limit);
    }
  }
}
