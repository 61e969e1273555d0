package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default sender of calls to https roots: a blocking call whose bodies are in memory goes over
 * {@link UrlConnectionSender} (HTTP/1.1 on the caller's thread) while at most {@link
 * #URL_CONNECTIONS} such calls are in flight to its host, and over the HTTP/2 client beyond that,
 * as do asynchronous calls and the rest. Calls one after another then cost what they cost on plain
 * http (no hand-off to the HTTP/2 client's selector thread and back: decision 13 of
 * benchmarks/FINDINGS.md), and many in flight still share one HTTP/2 connection instead of a
 * handshake each (decision 11). The count stays below HttpURLConnection's five kept connections per
 * host, so none of those is reopened; a call counts until its response head (a body decoded as it
 * arrives is read after that, so a few more may be reading).
 */
final class HttpsCalls implements HttpSender {
  static final int URL_CONNECTIONS = 4;

  private final UrlConnectionSender urlConnection;
  private final HttpSender http2;
  private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  HttpsCalls(HttpSender http2, java.time.Duration connectTimeout) {
    this.http2 = http2;
    this.urlConnection = new UrlConnectionSender(http2, connectTimeout, true);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (!urlConnection.carries(request, handler)) {
      return http2.send(request, handler);
    }
    AtomicInteger calls = inFlight.computeIfAbsent(request.uri().getRawAuthority(), k -> new AtomicInteger());
    if (calls.incrementAndGet() > URL_CONNECTIONS) {
      calls.decrementAndGet();
      return http2.send(request, handler);
    }
    try {
      return urlConnection.send(request, handler);
    } finally {
      calls.decrementAndGet();
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return http2.sendAsync(request, handler);
  }
}
