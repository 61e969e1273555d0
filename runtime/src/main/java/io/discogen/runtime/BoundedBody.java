package io.discogen.runtime;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but never more than a limit. Success bodies over {@code
 * maxBytes} fail with {@link ResponseTooLargeException} (at once when {@code Content-Length} says
 * so, else when the limit is crossed); error bodies are cut at {@code maxErrorBytes} instead, since
 * only their beginning is kept. Either way the rest is not read: the subscription is cancelled,
 * which closes the connection.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
  /** Bodies at least this long on the wire (or of unknown length) are decoded as they arrive. */
  static final long STREAM_FROM_BYTES = 32 * 1024;

  private final long maxBytes;
  private final long maxErrorBytes;

  BoundedBody(long maxBytes, long maxErrorBytes) {
    this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    this.maxErrorBytes = Math.min(this.maxBytes, maxErrorBytes);
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    return subscriber(info);
  }

  private Subscriber subscriber(HttpResponse.ResponseInfo info) {
    boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
    long limit = success ? maxBytes : maxErrorBytes;
    OptionalLong length = info.headers().firstValueAsLong("Content-Length");
    boolean tooLarge = success && length.isPresent() && length.getAsLong() > limit;
    // A declared length sizes the buffer once (no growing, no final copy); a wrong one only costs that.
    int expected = length.isPresent() && !tooLarge ? (int) Math.max(0, Math.min(length.getAsLong(), limit)) : -1;
    return new Subscriber(limit, success, tooLarge, expected);
  }

  /**
   * For a streamed call: a 2xx body is not read here but handed over as an {@link
   * java.io.InputStream} (nothing buffered beyond the client's flow-control window; closing it
   * ends the exchange), any other is read into memory within these limits, as {@code byte[]}.
   */
  HttpResponse.BodyHandler<Object> streaming() {
    return info -> info.statusCode() >= 200 && info.statusCode() < 300
        ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> in)
        : HttpResponse.BodySubscribers.mapping(subscriber(info), bytes -> bytes);
  }

  /** A handler for one exchange, whose body can be abandoned from another thread. */
  Abortable abortable() {
    return new Abortable(this, false);
  }

  /**
   * As {@link #abortable()}, but a 2xx JSON body is handed over unread, as an {@link
   * java.io.InputStream}, for the caller to decode as it arrives (see {@link SendStep}); within
   * the same limits, which {@link Abortable#guard} applies to the stream.
   */
  Abortable abortableStreamingJson() {
    return new Abortable(this, true);
  }

  /**
   * Whether a response's body is one to decode as it arrives: a success with a body that may be
   * JSON (no content type, or a JSON one: anything else is refused from memory, as before), of
   * unknown length or at least {@link #STREAM_FROM_BYTES} long, and not over the limit by its
   * declared length.
   */
  private boolean streamsJson(HttpResponse.ResponseInfo info) {
    if (info.statusCode() < 200 || info.statusCode() >= 300 || info.statusCode() == 204) {
      return false;
    }
    OptionalLong length = info.headers().firstValueAsLong("Content-Length");
    if (length.isPresent() && (length.getAsLong() < STREAM_FROM_BYTES || length.getAsLong() > maxBytes)) {
      // A small body arrives in one or two reads: handing it over as a stream would only add a
      // thread hand-off (java.net.http) per call, nothing to overlap (LINK-TLS.md (b)).
      return false;
    }
    return info.headers().firstValue("Content-Type").map(Transport::isJson).orElse(true);
  }

  /**
   * The same limits for one exchange, plus {@link #abort}: fails the body with the given error and
   * cancels the subscription (which closes the connection), for a blocking {@code send} whose time
   * is up. An abort before the response headers applies as soon as the body starts.
   */
  static final class Abortable implements HttpResponse.BodyHandler<Object> {
    private final BoundedBody limits;
    private final boolean streamJson;
    private Subscriber subscriber;
    private volatile Throwable aborted;
    /** The body stream being read, to close on an abort; null when none, or when it cannot be closed from another thread. */
    private java.io.InputStream closeOnAbort;

    Abortable(BoundedBody limits, boolean streamJson) {
      this.limits = limits;
      this.streamJson = streamJson;
    }

    /** Whether this response's body is handed over as a stream to decode (see {@link #abortableStreamingJson}). */
    boolean streams(HttpResponse.ResponseInfo info) {
      return streamJson && limits.streamsJson(info);
    }

    @Override
    @SuppressWarnings("unchecked")
    public HttpResponse.BodySubscriber<Object> apply(HttpResponse.ResponseInfo info) {
      if (streams(info)) {
        return (HttpResponse.BodySubscriber<Object>) (HttpResponse.BodySubscriber<?>) HttpResponse.BodySubscribers.ofInputStream();
      }
      Subscriber s = limits.subscriber(info);
      Throwable a;
      synchronized (this) {
        subscriber = s;
        a = aborted;
      }
      if (a != null) {
        s.abort(a);
      }
      return (HttpResponse.BodySubscriber<Object>) (HttpResponse.BodySubscriber<?>) s;
    }

    void abort(Throwable t) {
      Subscriber s;
      java.io.InputStream in;
      synchronized (this) {
        aborted = t;
        s = subscriber;
        in = closeOnAbort;
      }
      if (s != null) {
        s.abort(t);
      }
      if (in != null) {
        try {
          in.close(); // java.net.http's stream: wakes a read blocked on it
        } catch (java.io.IOException ignored) {
          // the reader fails with the abort either way
        }
      }
    }

    /** Closes {@code in} when this exchange is aborted (at once if it is already): for streams a close from another thread wakes. */
    void closeOnAbort(java.io.InputStream in) {
      Throwable a;
      synchronized (this) {
        closeOnAbort = in;
        a = aborted;
      }
      if (a != null) {
        abort(a);
      }
    }

    /**
     * {@code in}, read from the body handed over by {@link #streams}, within this exchange's limits:
     * it fails with the abort's error once aborted, and with {@link ResponseTooLargeException} past
     * {@code limit} bytes (-1: the limit for success bodies).
     */
    java.io.InputStream guard(java.io.InputStream in, long limit) {
      return new Guarded(in, limit < 0 ? limits.maxBytes : limit);
    }

    private final class Guarded extends java.io.FilterInputStream {
      private final long limit;
      private long total;

      Guarded(java.io.InputStream in, long limit) {
        super(in);
        this.limit = limit;
      }

      private void check() throws java.io.IOException {
        Throwable a = aborted;
        if (a instanceof java.io.IOException io) {
          throw io;
        }
        if (a != null) {
          throw new java.io.IOException(a);
        }
      }

      @Override
      public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        check();
        int n;
        try {
          n = super.read(b, off, len);
        } catch (java.io.IOException e) {
          check(); // an abort closed the stream: report the abort, not the close
          throw e;
        }
        check();
        if (n > 0 && (total += n) > limit) {
          throw new ResponseTooLargeException(limit);
        }
        return n;
      }

      @Override
      public long skip(long n) throws java.io.IOException {
        int r = read(new byte[(int) Math.min(8192, Math.max(1, n))], 0, (int) Math.min(8192, Math.max(0, n)));
        return Math.max(0, r);
      }
    }
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final boolean failWhenOver;
    private final boolean knownTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buf;
    private int size;
    private volatile Flow.Subscription subscription;
    private volatile boolean done;

    Subscriber(long limit, boolean failWhenOver, boolean knownTooLarge, int expected) {
      this.limit = limit;
      this.failWhenOver = failWhenOver;
      this.knownTooLarge = knownTooLarge;
      this.buf = new byte[expected >= 0 ? expected : 1024];
    }

    private void append(ByteBuffer b, int n) {
      if (buf.length - size < n) {
        long wanted = Math.max((long) size + n, Math.min(limit, 2L * buf.length));
        buf = Arrays.copyOf(buf, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
      }
      b.get(buf, size, n);
      size += n;
    }

    private byte[] bytes() {
      return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (done) { // aborted before the body started
        s.cancel();
        return;
      }
      if (knownTooLarge) {
        done = true;
        s.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (done) {
        return;
      }
      for (ByteBuffer b : items) {
        int n = b.remaining();
        long room = limit - size;
        if (n > room) {
          done = true;
          subscription.cancel();
          if (failWhenOver) {
            result.completeExceptionally(new ResponseTooLargeException(limit));
          } else {
            append(b, (int) room);
            result.complete(bytes());
          }
          return;
        }
        append(b, n);
      }
    }

    /** From any thread: fails the body with {@code t} and stops reading. */
    void abort(Throwable t) {
      done = true;
      result.completeExceptionally(t);
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void onError(Throwable t) {
      done = true;
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done = true;
      result.complete(bytes());
    }
  }
}
