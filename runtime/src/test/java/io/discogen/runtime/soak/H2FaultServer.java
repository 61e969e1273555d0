package io.discogen.runtime.soak;

import io.discogen.runtime.soak.Faults.Fault;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.api.server.ServerSessionListener;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;

/**
 * The soak's HTTP/2 front: Jetty speaking {@code h2} over TLS (ALPN offering only {@code h2}),
 * applying the same {@link Faults} to each stream, then answering from {@link SoakServer#answer}
 * in-process (no second hop). How each fault is applied to HTTP/2:
 *
 * <ul>
 *   <li>{@code RESET_BEFORE}, {@code RESET_AFTER}: the stream reset ({@code RST_STREAM},
 *       INTERNAL_ERROR) before the server acted or after; the connection stays up.
 *   <li>{@code BURST_503}, {@code RETRY_AFTER_429}, {@code BAD_JSON}: as over HTTP/1.1.
 *   <li>{@code SLOW_BODY}, {@code SLOW_BODY_TIMEOUT}: two bytes a DATA frame, every 15 or 100 ms (on a
 *       timer), stopped when the client resets the stream.
 *   <li>{@code TRUNCATED}: a {@code content-length} 100 bytes more than is sent, half the body, then
 *       the stream reset.
 *   <li>{@code STALL}: the stream never answered (the connection keeps serving the others).
 *   <li>{@code HEAD_CUT}: the whole TCP connection dropped after the server acted, failing every
 *       stream on it (the calls in flight share the one connection), at most one drop per
 *       {@link #DROP_INTERVAL_MS}; the others in between are stream resets as {@code RESET_AFTER}
 *       (the drops are reported apart).
 *   <li>{@code STALL_CONNECT}, {@code GARBAGE_STATUS}: not applied here (HTTP/1.1 only): a client
 *       keeps one HTTP/2 connection and sends every call on it, so a connection that never answers
 *       is covered by {@code StalledTlsHandshakeTest} and the HTTP/1.1-over-TLS soak.
 * </ul>
 */
final class H2FaultServer implements SoakFront {
  /** The shortest time between two connection drops (each fails every call in flight). */
  static final long DROP_INTERVAL_MS = 1_000;

  private final SoakServer api;
  private final Faults faults = new Faults(false);
  private final Random random;
  private final JettyH2 server;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "soak-h2-timer");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong lastDrop = new AtomicLong();
  /** Connections dropped by {@code HEAD_CUT}. */
  final AtomicInteger drops = new AtomicInteger();

  H2FaultServer(SoakServer api, SSLContext tls, long seed) throws Exception {
    this.api = api;
    this.random = new Random(seed);
    // Room for every call in flight and for the stalled streams the client gave up on.
    server = new JettyH2(tls, new Listener(), 1024, "soak-h2");
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public long requests() {
    return requests.get();
  }

  @Override
  public int connections() {
    return server.accepted();
  }

  @Override
  public Map<Fault, Long> faults() {
    return faults.counts();
  }

  @Override
  public String more() {
    return String.format("HTTP/2: %d of the %d HEAD_CUT draws dropped their connection (the rest reset their stream)",
        drops.get(), faults.counts().get(Fault.HEAD_CUT));
  }

  private final class Listener implements ServerSessionListener {
    @Override
    public Stream.Listener onNewStream(Stream stream, HeadersFrame frame) {
      MetaData.Request request = (MetaData.Request) frame.getMetaData();
      requests.incrementAndGet();
      if (frame.isEndStream()) {
        handle(stream, request);
        return null;
      }
      stream.demand();
      return new Stream.Listener() {
        @Override
        public void onDataAvailable(Stream s) {
          while (true) {
            Stream.Data data = s.readData();
            if (data == null) {
              s.demand();
              return;
            }
            boolean last = data.frame().isEndStream();
            data.release();
            if (last) {
              handle(s, request);
              return;
            }
          }
        }
      };
    }
  }

  private void handle(Stream stream, MetaData.Request request) {
    Fault fault;
    synchronized (random) {
      fault = faults.decide(random);
    }
    switch (fault) {
      case RESET_BEFORE -> {
        reset(stream);
        return;
      }
      case BURST_503, IN_BURST_503 -> {
        respond(stream, 503, null, Faults.errorJson(503));
        return;
      }
      case RETRY_AFTER_429 -> {
        respond(stream, 429, "1", Faults.errorJson(429));
        return;
      }
      case STALL -> {
        return;
      }
      default -> { }
    }
    SoakServer.Answer answer = api.answer(request.getMethod(), request.getHttpURI().getPath(),
        request.getHttpURI().getQuery());
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    switch (fault) {
      case RESET_AFTER -> reset(stream);
      case HEAD_CUT -> {
        long now = System.nanoTime();
        long last = lastDrop.get();
        if ((last == 0 || now - last >= TimeUnit.MILLISECONDS.toNanos(DROP_INTERVAL_MS))
            && lastDrop.compareAndSet(last, now)) {
          drops.incrementAndGet();
          ((HTTP2Session) stream.getSession()).disconnect();
        } else {
          reset(stream);
        }
      }
      case BAD_JSON -> respond(stream, answer.status(), null, Arrays.copyOf(body, body.length / 2), body.length / 2);
      case TRUNCATED -> {
        byte[] half = Arrays.copyOf(body, body.length / 2);
        stream.headers(new HeadersFrame(stream.getId(), response(answer.status(), null, body.length + 100), null, false),
            Callback.from(() -> stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(half), false),
                Callback.from(() -> reset(stream), x -> { })), x -> { }));
      }
      case SLOW_BODY, SLOW_BODY_TIMEOUT -> {
        long pause = fault == Fault.SLOW_BODY ? 15 : 100;
        stream.headers(new HeadersFrame(stream.getId(), response(answer.status(), null, body.length), null, false),
            Callback.from(() -> slowly(stream, body, 0, pause), x -> { }));
      }
      default -> respond(stream, answer.status(), null, body, body.length);
    }
  }

  /** Two more bytes of a slow body, the next after {@code pause} ms, until done or the stream is reset. */
  private void slowly(Stream stream, byte[] body, int from, long pause) {
    if (stream.isReset() || stream.isClosed()) {
      return;
    }
    int n = Math.min(2, body.length - from);
    boolean last = from + n >= body.length;
    stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(body, from, n), last), Callback.from(() -> {
      if (!last) {
        timer.schedule(() -> slowly(stream, body, from + n, pause), pause, TimeUnit.MILLISECONDS);
      }
    }, x -> { }));
  }

  private static MetaData.Response response(int status, String retryAfter, long length) {
    HttpFields.Mutable fields = HttpFields.build();
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
    if (retryAfter != null) {
      fields.put(HttpHeader.RETRY_AFTER, retryAfter);
    }
    fields.put(HttpHeader.CONTENT_LENGTH, length);
    return new MetaData.Response(status, null, HttpVersion.HTTP_2, fields, length);
  }

  private static void respond(Stream stream, int status, String retryAfter, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    respond(stream, status, retryAfter, body, body.length);
  }

  private static void respond(Stream stream, int status, String retryAfter, byte[] body, long length) {
    stream.headers(new HeadersFrame(stream.getId(), response(status, retryAfter, length), null, false),
        Callback.from(() -> stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(body), true), Callback.NOOP),
            x -> { }));
  }

  private static void reset(Stream stream) {
    stream.reset(new ResetFrame(stream.getId(), ErrorCode.INTERNAL_ERROR.code), Callback.NOOP);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      // closing anyway
    }
    timer.shutdownNow();
  }
}
