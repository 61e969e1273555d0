package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The senders a client uses when it is given none: the JDK's {@link HttpClient}s, shared by every
 * client of the process, and {@link UrlConnectionSender} in front of them for plain roots. Each JDK
 * client is created on its first send, not with the first client object: creating one costs a
 * command line about 0.1 s of start-up, and its selector thread, which waits in native code, holds
 * the JVM's exit for 0.3 s more (the VM waits that long for threads in native code to stop).
 */
final class JdkSenders {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private JdkSenders() {
  }

  /** What every client of ours shares: no redirects (they could carry credentials elsewhere). */
  private static HttpClient.Builder clientBuilder() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT);
  }

  /**
   * The default client (HTTP/2 for https): its first call to each host alone ({@link
   * FirstConnection}), at most {@link StreamSlots#PER_HOST} in flight to a host ({@link StreamSlots}).
   */
  private static final class Default {
    static final HttpSender SENDER = new StreamSlots(new FirstConnection(HttpSender.of(clientBuilder().build())));
  }

  /**
   * For plain {@code http://} roots (loopback, emulators): HTTP/1.1. The default HTTP/2 client has
   * no TLS to negotiate HTTP/2 with there, so it adds an {@code Upgrade: h2c} offer (three headers,
   * one of them a base64 SETTINGS frame) to every request; servers on plain HTTP do not take it.
   * Media transfers and batches use this one: an upload's body is read from the caller's
   * InputStream by the client's tasks, which must not run on the selector thread (see {@link
   * PlainCalls}).
   */
  private static final class Plain {
    static final HttpSender SENDER = HttpSender.of(clientBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  /**
   * {@link Plain} for calls (JSON or byte-array bodies, both in memory), with the client's
   * internal tasks run on its selector thread ({@code Runnable::run}) instead of the default
   * executor's pool: with the pool, each response went from the selector thread to a pool thread
   * and on to the caller, and those wake-ups cost more CPU than the rest of a small call (loopback
   * GET, process CPU per request: about 260 µs with the pool, 100 µs inline; see
   * benchmarks/FINDINGS.md). No user code runs there: {@code send()} returns on the caller's
   * thread, {@code sendAsync} completes its future on the {@code CompletableFuture} default
   * executor whatever this executor is, and the body handler ({@link BoundedBody}) only collects
   * bytes. Plain HTTP only: over TLS the handshake's delegated tasks would run on the selector
   * thread too, which nothing here tests.
   */
  private static final class PlainCalls {
    static final HttpSender SENDER = HttpSender.of(
        clientBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build());
  }

  private static final HttpSender DEFAULT = lazy(uri -> Default.SENDER);
  private static final HttpSender PLAIN_MEDIA = lazy(uri -> Plain.SENDER);
  /** Blocking in-memory calls to plain roots on HttpURLConnection, the rest on {@link PlainCalls}. */
  private static final HttpSender PLAIN_CALLS = new UrlConnectionSender(lazy(uri -> PlainCalls.SENDER),
      CONNECT_TIMEOUT, false);
  private static final HttpSender HTTPS_CALLS = new HttpsCalls(DEFAULT, CONNECT_TIMEOUT);
  private static final HttpSender URL_CONNECTION_FIRST = new UrlConnectionSender(
      lazy(uri -> "https".equalsIgnoreCase(uri.getScheme()) ? Default.SENDER : Plain.SENDER),
      CONNECT_TIMEOUT, true);

  /** The sender of a client's calls (requests whose bodies are in memory). */
  static HttpSender calls(boolean plainRoot) {
    return plainRoot ? PLAIN_CALLS : HTTPS_CALLS;
  }

  /** The sender of a client's media transfers, batches and streams. */
  static HttpSender media(boolean plainRoot) {
    return plainRoot ? PLAIN_MEDIA : DEFAULT;
  }

  /** See {@link HttpSender#urlConnectionFirst()}. */
  static HttpSender urlConnectionFirst() {
    return URL_CONNECTION_FIRST;
  }

  /** A sender that picks its JDK sender on each send, so the holder classes above load on first use. */
  private static HttpSender lazy(Function<java.net.URI, HttpSender> sender) {
    return new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        return sender.apply(request.uri()).send(request, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
          HttpResponse.BodyHandler<T> handler) {
        return sender.apply(request.uri()).sendAsync(request, handler);
      }
    };
  }
}
