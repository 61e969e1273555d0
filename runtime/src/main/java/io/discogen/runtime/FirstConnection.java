package io.discogen.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Lets the first https call to a host open the connection alone, for an HTTP/2 client: calls
 * started before a host's first HTTP/2 connection is up each open a connection of their own (the
 * JDK learns the protocol only from ALPN) and the client keeps one, so 64 calls in flight on a cold
 * client cost 64 TCP and TLS handshakes (benchmarks/FINDINGS.md, decision 12: with this, 1
 * connection and 30% less client CPU for 200 cold calls). Here the other calls to that host wait until the
 * first one's response headers arrive (or it fails), then share its connection. Once a host has
 * answered, calls to it go straight through, until one finds the connection lost: then the next
 * opens the new one alone. Plain http is not gated (no ALPN, HTTP/1.1 there).
 *
 * <p>The others wait at most {@link #MAX_WAIT}: a first call whose headers come late (a long-poll
 * such as Pub/Sub's {@code pull}, a stalled server) must not hold up the rest of the client.
 */
final class FirstConnection implements HttpSender {
  /** The longest the other calls wait for the first: a TLS handshake and a round trip, with room. */
  static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(1);

  private final HttpSender next;
  private final long maxWaitNanos;
  /** Per scheme and authority: completes when the first call there has its headers or failed. */
  private final ConcurrentHashMap<String, CompletableFuture<Void>> opened = new ConcurrentHashMap<>();
  /**
   * Hosts that answered a first call over HTTP/2. Only there does a lost connection concern the
   * other calls: over HTTP/1.1 each call has a connection of its own, and gating the host again
   * after every reset serialised a faulty server's calls (TLS soak on HTTP/1.1: 114.5 against 83 s).
   */
  private final java.util.Set<String> http2 = ConcurrentHashMap.newKeySet();

  FirstConnection(HttpSender next) {
    this(next, MAX_WAIT);
  }

  FirstConnection(HttpSender next, java.time.Duration maxWait) {
    this.next = next;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /** A new gate for a host, opened by the first call's headers or failure, or after the longest wait. */
  private CompletableFuture<Void> newGate() {
    return new CompletableFuture<Void>().completeOnTimeout(null, maxWaitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private static String key(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) ? "https://" + uri.getRawAuthority() : null;
  }

  private <T> HttpResponse.BodyHandler<T> opening(String key, HttpResponse.BodyHandler<T> handler,
      CompletableFuture<Void> gate) {
    return info -> {
      if (info.version() == java.net.http.HttpClient.Version.HTTP_2) {
        http2.add(key);
      }
      gate.complete(null);
      return handler.apply(info);
    };
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    String key = key(request.uri());
    CompletableFuture<Void> gate = key == null ? null : opened.get(key);
    if (key != null && gate == null) {
      CompletableFuture<Void> mine = newGate();
      gate = opened.putIfAbsent(key, mine);
      if (gate == null) {
        try {
          return next.send(request, opening(key, handler, mine));
        } catch (IOException e) {
          rearmIfLost(key, e);
          throw e;
        } finally {
          mine.complete(null);
        }
      }
    }
    if (gate != null && !gate.isDone()) {
      try {
        gate.get();
      } catch (ExecutionException e) {
        // never completed exceptionally
      }
    }
    try {
      return next.send(request, handler);
    } catch (IOException e) {
      rearmIfLost(key, e);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    String key = key(request.uri());
    CompletableFuture<Void> gate = key == null ? null : opened.get(key);
    if (key != null && gate == null) {
      CompletableFuture<Void> mine = newGate();
      gate = opened.putIfAbsent(key, mine);
      if (gate == null) {
        CompletableFuture<HttpResponse<T>> f;
        try {
          f = next.sendAsync(request, opening(key, handler, mine));
        } catch (RuntimeException e) {
          mine.complete(null);
          throw e;
        }
        f.whenComplete((r, e) -> {
          mine.complete(null);
          rearmIfLost(key, e);
        });
        return f;
      }
    }
    CompletableFuture<HttpResponse<T>> f = gate == null || gate.isDone() ? next.sendAsync(request, handler)
        : gate.thenCompose(x -> next.sendAsync(request, handler));
    if (key != null) {
      f.whenComplete((r, e) -> rearmIfLost(key, e));
    }
    return f;
  }

  /**
   * After a failure that lost the connection (see {@link #lostConnection}) to a host that speaks
   * HTTP/2, the host's next call opens the new one alone again: otherwise every call in flight, on retrying, opened a connection
   * of its own (about 100 TLS handshakes per dropped connection in the TLS soak). A stream reset on a
   * live connection ({@code RST_STREAM}) does not count.
   */
  private void rearmIfLost(String key, Throwable failure) {
    if (key == null || !http2.contains(key) || !lostConnection(failure)) {
      return;
    }
    CompletableFuture<Void> gate = opened.get(key);
    if (gate != null && gate.isDone()) {
      opened.remove(key, gate);
    }
  }

  /**
   * Whether {@code failure} means the connection is gone, as java.net.http reports it: an end of
   * stream, a socket error, a write into a closed socket or a read from a reset one (the NIO
   * channels under it throw a plain {@code IOException("Broken pipe")} or {@code ("Connection reset
   * by peer")}, not a {@code SocketException}), or the server's {@code GOAWAY} (JDK 17 closes the
   * connection on it; Google's front end sends one when it retires a connection). Measured in the
   * TLS soak: the writes and the {@code GOAWAY} fail before the first end of stream is seen, and
   * the calls started meanwhile each opened a connection.
   */
  static boolean lostConnection(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
        return true;
      }
      String m = t instanceof IOException ? t.getMessage() : null;
      if (m != null && (m.equals("Broken pipe") || m.startsWith("Connection reset") || m.endsWith("GOAWAY received"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "FirstConnection[" + next + "]";
  }
}
