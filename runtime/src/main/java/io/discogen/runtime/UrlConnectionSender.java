package io.discogen.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * Sends blocking in-memory calls to plain {@code http://} roots (and, for short-lived processes,
 * {@code https://} ones: {@link HttpSender#urlConnectionFirst()}) with {@link HttpURLConnection}:
 * the write and the read happen on the caller's thread, where {@code java.net.http} hands each
 * exchange to its selector thread and back. On a loopback GET that hand-off made a call cost 3–5
 * times the process CPU (benchmarks/FINDINGS.md, decision 13). Anything else goes to {@code
 * fallback} unchanged: asynchronous sends, streamed bodies, {@code PATCH} (which HttpURLConnection
 * cannot send) and body-less {@code POST}/{@code PUT} (to which it would add a form content type).
 *
 * <p>On the wire the request is what {@code java.net.http} would send: through the JVM's default
 * {@link java.net.ProxySelector} (which the JDK's default HttpClient consults too, so {@code
 * https.proxyHost} and the like apply to both), no redirects, no caches, no JVM-wide cookies or
 * authenticator (with a default {@code CookieHandler} set, calls go to the fallback), the exchange's headers (plus {@code Accept: *}{@code /*} where it has none, instead of
 * HttpURLConnection's browser list), bodies with a fixed {@code Content-Length} (so the
 * connection never re-sends them by itself). Failures keep the meaning the retry step reads: a
 * failure before the request went out is a {@link ConnectException} or {@link
 * HttpConnectTimeoutException}, a read that outlives the exchange's timeout an {@link
 * HttpTimeoutException}. Cancelling the body (the attempt's timer does) closes the connection.
 */
final class UrlConnectionSender implements HttpSender {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "POST", "PUT");
  private static final int READ_SIZE = 16 * 1024;

  /** An Authenticator that has no credentials for anyone. */
  private static final java.net.Authenticator NO_AUTHENTICATION = new java.net.Authenticator() { };

  private final HttpSender fallback;
  private final int connectTimeoutMillis;
  /** Whether https requests are carried too (HTTP/1.1 over the JVM's default TLS settings). */
  private final boolean tls;

  UrlConnectionSender(HttpSender fallback, Duration connectTimeout, boolean tls) {
    this.fallback = fallback;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.tls = tls;
  }

  /** Whether this sender puts {@code request} on the wire itself; otherwise the fallback does. */
  boolean carries(HttpRequest request, HttpResponse.BodyHandler<?> handler) {
    String scheme = request.uri().getScheme();
    if (!(handler instanceof BoundedBody || handler instanceof BoundedBody.Abortable)
        // HttpURLConnection would send and store the cookies of a JVM-wide CookieHandler; the
        // HttpClients here have none.
        || java.net.CookieHandler.getDefault() != null
        || !("http".equalsIgnoreCase(scheme) || tls && "https".equalsIgnoreCase(scheme))
        || !METHODS.contains(request.method())
        || request.version().orElse(HttpClient.Version.HTTP_1_1) != HttpClient.Version.HTTP_1_1) {
      return false;
    }
    long length = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
    if (length < 0) {
      return false;
    }
    boolean bodyMethod = request.method().equals("POST") || request.method().equals("PUT");
    return !bodyMethod || length > 0 && request.headers().firstValue("Content-Type").isPresent();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (!carries(request, handler)) {
      return fallback.send(request, handler);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection();
    Interrupts.Watch watch = Interrupts.watch(c);
    boolean done = false;
    try {
      HttpResponse<T> response = exchange(c, request, handler, watch);
      done = true;
      return response;
    } catch (IOException e) {
      if (watch.fired) {
        throw new InterruptedException();
      }
      throw e;
    } finally {
      watch.close();
      if (!done) {
        c.disconnect(); // never hand a half-used connection back to the keep-alive cache
      }
    }
  }

  private <T> HttpResponse<T> exchange(HttpURLConnection c, HttpRequest request, HttpResponse.BodyHandler<T> handler,
      Interrupts.Watch watch) throws IOException, InterruptedException {
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setAuthenticator(NO_AUTHENTICATION); // never answer a 401 with a JVM-wide Authenticator's password
    c.setConnectTimeout(connectTimeoutMillis);
    c.setReadTimeout(request.timeout().map(UrlConnectionSender::millis).orElse(0));
    c.setRequestMethod(request.method());
    request.headers().map().forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
    if (request.headers().firstValue("Accept").isEmpty()) {
      c.setRequestProperty("Accept", "*/*");
    }
    HttpRequest.BodyPublisher body = request.bodyPublisher().orElse(null);
    long requestLength = body == null ? 0 : body.contentLength();
    if (requestLength > 0) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(requestLength);
    }
    try {
      c.connect();
    } catch (SocketTimeoutException e) {
      throw new HttpConnectTimeoutException("HTTP connect timed out");
    } catch (ConnectException e) {
      throw e;
    } catch (IOException e) {
      // Unknown host, no route: nothing was sent, as java.net.http reports it.
      throw new ConnectException(RetryStep.describe(e));
    }
    try {
      if (requestLength > 0) {
        try (OutputStream out = c.getOutputStream()) {
          write(body, out);
        }
      }
      int status = c.getResponseCode();
      if (status < 0) {
        throw new IOException("not an HTTP response from " + request.uri().getAuthority());
      }
      HttpHeaders headers = responseHeaders(c);
      long length = bodyLength(c, request, status);
      if (length < 0 && hasBody(request, status) && headers.firstValue("Transfer-Encoding").isEmpty()
          && !closeDelimited(c, headers)) {
        // HttpURLConnection takes a head cut short by the connection's end as complete (then the
        // body, with no length, as empty); java.net.http refuses it, and so do we.
        throw new EOFException("EOF reached while reading the response head");
      }
      Info info = new Info(status, headers);
      if (handler instanceof BoundedBody.Abortable a && a.streams(info)) {
        // Handed over unread, to be decoded as it arrives on this thread (SendStep does, gzip included).
        @SuppressWarnings("unchecked")
        T stream = (T) new BodyStream(c, c.getInputStream(), length);
        return new ReadResponse<>(status, request, headers, stream, request.uri(), HttpClient.Version.HTTP_1_1, Optional.empty());
      }
      HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
      T value = read(c, status, length, subscriber, watch);
      return new ReadResponse<>(status, request, headers, value, request.uri(), HttpClient.Version.HTTP_1_1, Optional.empty());
    } catch (SocketTimeoutException e) {
      throw new HttpTimeoutException("request timed out");
    }
  }

  /**
   * Feeds the body to {@code subscriber} on this thread and returns what it made of it.
   *
   * <p>A body read blocked in HttpURLConnection cannot be ended from another thread: its stream
   * holds a lock that {@code disconnect()} and {@code close()} wait for until data or the read
   * timeout comes (measured on JDK 17), and it cannot tell a body that stalled from one that ended
   * without blocking. So another thread only flags an abort (the attempt's timer, an interrupt), and
   * this thread stops at the next data, or at the read timeout, which is the attempt's timeout: an
   * abort while a body has stalled completely takes effect then, not at once.
   */
  private static <T> T read(HttpURLConnection c, int status, long length,
      HttpResponse.BodySubscriber<T> subscriber, Interrupts.Watch watch) throws IOException, InterruptedException {
    Demand demand = new Demand();
    subscriber.onSubscribe(demand);
    InputStream raw = status >= 400 ? c.getErrorStream() : c.getInputStream();
    watch.bodyPhase = true;
    if (raw != null) {
      try (InputStream in = raw) {
        byte[] buf = new byte[(int) Math.max(1, Math.min(READ_SIZE, length >= 0 ? length : READ_SIZE))];
        long total = 0;
        int n;
        while (!demand.cancelled && !watch.fired && (n = in.read(buf)) >= 0) {
          total += n;
          // BoundedBody copies in onNext, so the one buffer can be reused.
          subscriber.onNext(List.of(ByteBuffer.wrap(buf, 0, n)));
        }
        if (demand.cancelled || watch.fired) {
          c.disconnect(); // on this thread, where it cannot wait for a read
        } else if (length >= 0 && total < length) {
          // HttpURLConnection ends a Content-Length body cut short as if it were complete.
          throw new EOFException("EOF reached while reading");
        }
      } catch (IOException e) {
        if (!demand.cancelled && !watch.fired) {
          subscriber.onError(e);
          throw e;
        }
      }
    }
    if (watch.fired) {
      throw new InterruptedException();
    }
    if (!demand.cancelled) {
      subscriber.onComplete();
    }
    CompletableFuture<T> value = subscriber.getBody().toCompletableFuture();
    if (!value.isDone()) { // the subscriber cancelled without completing: nothing to wait for
      throw new IOException("response body abandoned");
    }
    try {
      return value.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    }
  }

  /**
   * A 2xx body handed over unread ({@link BoundedBody.Abortable#streams}), read on the caller's
   * thread. A body cut short of its {@code Content-Length} fails (HttpURLConnection would end it as
   * if complete); {@link #abandon} drops the connection instead of returning it to the keep-alive
   * cache. An interrupt of the reading thread ends the read at the next data, as in {@link #read}.
   */
  static final class BodyStream extends java.io.FilterInputStream {
    private final HttpURLConnection connection;
    private final long length;
    private long total;

    BodyStream(HttpURLConnection connection, InputStream in, long length) {
      super(in);
      this.connection = connection;
      this.length = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw new HttpTimeoutException("request timed out");
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new java.io.InterruptedIOException("interrupted while reading the response");
      }
      if (n < 0 && length >= 0 && total < length) {
        throw new EOFException("EOF reached while reading");
      }
      if (n > 0) {
        total += n;
      }
      return n;
    }

    /** Ends the exchange without reusing its connection; on the reading thread. */
    void abandon() {
      connection.disconnect();
    }
  }

  /** The body length the response declares; -1 when it has none, ends with the connection or is chunked. */
  private static long bodyLength(HttpURLConnection c, HttpRequest request, int status) {
    if (!hasBody(request, status) || c.getHeaderField("Transfer-Encoding") != null) {
      return -1;
    }
    return c.getContentLengthLong();
  }

  private static boolean hasBody(HttpRequest request, int status) {
    return !request.method().equals("HEAD") && status != 204 && status != 304 && status >= 200;
  }

  /** Whether the server said its body ends with the connection (HTTP/1.0, or {@code Connection: close}). */
  private static boolean closeDelimited(HttpURLConnection c, HttpHeaders headers) {
    String statusLine = c.getHeaderField(0);
    return statusLine != null && statusLine.startsWith("HTTP/1.0")
        || headers.allValues("Connection").stream().anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("close"));
  }

  /** Writes the body publisher's bytes (published on this thread: the bodies here are in memory). */
  private static void write(HttpRequest.BodyPublisher body, OutputStream out) throws IOException {
    CompletableFuture<Void> written = new CompletableFuture<>();
    body.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer b) {
        try {
          if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
          } else {
            byte[] copy = new byte[b.remaining()];
            b.get(copy);
            out.write(copy);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void onError(Throwable t) {
        written.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        written.complete(null);
      }
    });
    if (!written.isDone()) {
      throw new IOException("the request body was not published in memory");
    }
    try {
      written.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable t = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      throw t instanceof IOException io ? io : new IOException(t);
    }
  }

  /** The response headers in wire order (HttpURLConnection's own map does not keep it). */
  private static HttpHeaders responseHeaders(HttpURLConnection c) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; ; i++) {
      String name = c.getHeaderFieldKey(i);
      String value = c.getHeaderField(i);
      if (name == null && value == null) {
        break;
      }
      if (name != null) {
        map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value == null ? "" : value);
      }
    }
    return HttpHeaders.of(map, (n, v) -> true);
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return fallback.sendAsync(request, handler);
  }

  @Override
  public String toString() {
    return "UrlConnectionSender[" + fallback + "]";
  }

  /**
   * Ends blocking exchanges whose thread is interrupted, as {@code HttpClient.send} does: socket
   * reads ignore interrupts. While exchanges are on the wire, a daemon thread looks every {@link
   * #POLL_MILLIS}: an interrupted exchange still waiting for its head has its connection closed
   * (safe then: nothing holds the stream's lock); one reading its body is flagged, and its thread
   * stops (see {@link UrlConnectionSender#read}). The thread ends after a while without exchanges.
   * Its own thread, not the shared timer: a close may wait for a read to return.
   */
  static final class Interrupts {
    static final long POLL_MILLIS = 50;
    private static final long IDLE_MILLIS_BEFORE_STOP = 10_000;
    private static final Set<Watch> WATCHED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicBoolean RUNNING = new java.util.concurrent.atomic.AtomicBoolean();

    private Interrupts() {}

    static Watch watch(HttpURLConnection c) {
      Watch w = new Watch(Thread.currentThread(), c);
      WATCHED.add(w);
      if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
        Thread t = new Thread(Interrupts::run, "discogen-interrupts");
        t.setDaemon(true);
        t.start();
      }
      return w;
    }

    private static void run() {
      long idleSince = System.nanoTime();
      while (true) {
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          // never interrupted by us; keep watching
        }
        if (WATCHED.isEmpty()) {
          if (System.nanoTime() - idleSince < IDLE_MILLIS_BEFORE_STOP * 1_000_000L) {
            continue;
          }
          RUNNING.set(false);
          if (WATCHED.isEmpty() || !RUNNING.compareAndSet(false, true)) {
            return; // no exchanges, or one arrived and started a new thread
          }
        }
        idleSince = System.nanoTime();
        for (Watch w : WATCHED) {
          if (!w.fired && w.thread.isInterrupted()) {
            w.fired = true;
            if (!w.bodyPhase) {
              w.connection.disconnect();
            }
          }
        }
      }
    }

    /** One exchange on the wire, and the thread waiting for it. */
    static final class Watch implements AutoCloseable {
      final Thread thread;
      final HttpURLConnection connection;
      volatile boolean fired;
      volatile boolean bodyPhase;

      Watch(Thread thread, HttpURLConnection connection) {
        this.thread = thread;
        this.connection = connection;
      }

      @Override
      public void close() {
        WATCHED.remove(this);
      }
    }
  }

  /**
   * The subscription: the body is read as fast as it comes. Cancelling (from any thread: the
   * attempt's timer does) only flags it; the reading thread closes the connection (see {@link #read}).
   */
  private static final class Demand implements Flow.Subscription {
    volatile boolean cancelled;

    @Override
    public void request(long n) {
      // BoundedBody asks for everything at once; reads are not paced.
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
