package io.discogen.runtime;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One HTTP exchange on its way through the {@link HttpPolicy} pipeline: the request being built
 * (method, URI, headers, body) and what it belongs to (the API method, the attempt, the call's
 * deadline). Policies may change the URI, headers and body before passing it on. Not thread-safe:
 * one exchange is handled by one policy at a time. The retry step hands each attempt a copy, so what
 * a per-retry policy changes does not pile up across attempts.
 */
public final class Exchange {
  private final Scope scope;
  private final String method;
  private URI uri;
  private final TreeMap<String, String> headers;
  private HttpRequest.BodyPublisher body;
  private Duration timeout;

  /** The body as bytes, when it is in memory (for compression and logging); else null. */
  byte[] bodyBytes;
  /** Whether the body may be gzipped (JSON call bodies; never media). */
  boolean compressibleBody;
  /** Whether the response must arrive as the server has it (media downloads resume by byte offset). */
  boolean identityResponse;
  /** Reads the response body: 2xx bodies into memory or as a stream; others into memory. */
  HttpResponse.BodyHandler<?> handler;
  /** Whether to send on the client tuned for small in-memory calls (see {@link Transport}). */
  boolean inMemoryCall;
  /** For a blocking call: the type to decode a 2xx JSON body as while it arrives (see {@link SendStep}); else null. */
  java.lang.reflect.Type decodeAs;
  /** Whether another attempt may be made after a response or a failure once something was sent. */
  boolean retrySafe;
  /** The attempts this exchange may take at most. */
  int maxTries;
  /** Parameter names the call sets itself: credentials do not override them. */
  Set<String> callParams = Set.of();
  /** Query parameter names whose values are never logged; replaced (never changed) to add one. */
  Set<String> secretParams = Transport.SECRET_PARAMS;
  /** Whether credentials may add query parameters (not to upload session URIs, which need none). */
  boolean queryCredentials = true;
  /**
   * Turns an I/O failure caused by the request body's source (not the network) into what ends the
   * exchange at once, or returns null; null for none.
   */
  java.util.function.Function<java.io.IOException, RuntimeException> bodyFailure;
  /** Said after the URL in the log (what a media exchange is for); may be empty. */
  String note = "";
  /** This attempt's timeout was shortened to end at the call's deadline. */
  boolean cutByDeadline;

  Exchange(Scope scope, String method, URI uri) {
    this.scope = scope;
    this.method = method;
    this.uri = uri;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.body = HttpRequest.BodyPublishers.noBody();
    this.timeout = scope.requestTimeout;
    this.maxTries = scope.policy.maxAttempts();
  }

  private Exchange(Exchange o) {
    this.scope = o.scope;
    this.method = o.method;
    this.uri = o.uri;
    this.headers = new TreeMap<>(o.headers);
    this.body = o.body;
    this.timeout = o.timeout;
    this.bodyBytes = o.bodyBytes;
    this.compressibleBody = o.compressibleBody;
    this.identityResponse = o.identityResponse;
    this.handler = o.handler;
    this.inMemoryCall = o.inMemoryCall;
    this.decodeAs = o.decodeAs;
    this.retrySafe = o.retrySafe;
    this.maxTries = o.maxTries;
    this.callParams = o.callParams;
    this.secretParams = o.secretParams;
    this.note = o.note;
    this.queryCredentials = o.queryCredentials;
    this.bodyFailure = o.bodyFailure;
    this.cutByDeadline = o.cutByDeadline;
  }

  /** A copy for one attempt: its own headers, the same call. */
  Exchange copy() {
    return new Exchange(this);
  }

  /** The HTTP method ({@code GET}, {@code POST}, ...). */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  /**
   * The URL for logs and printed commands: the values of secret query parameters replaced by {@code
   * REDACTED}, those the runtime knows (an API key, access tokens, the credentials' own) and those
   * {@code alsoSecret} names.
   */
  public String redactedUri(Predicate<String> alsoSecret) {
    String url = uri.toString();
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder b = new StringBuilder(url.length()).append(url, 0, q + 1);
    String sep = "";
    for (String pair : url.substring(q + 1).split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      b.append(sep).append(eq >= 0 && (secretParams.contains(name) || alsoSecret.test(name)) ? name + "=REDACTED" : pair);
      sep = "&";
    }
    return b.toString();
  }

  public void setUri(URI uri) {
    this.uri = Objects.requireNonNull(uri, "uri");
  }

  /** A header's value (names are case-insensitive). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The headers set so far, by name (case-insensitive); read-only. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Sets a header, replacing any value it had.
   *
   * @throws IllegalArgumentException an invalid name, or a value with CR or LF
   */
  public void setHeader(String name, String value) {
    Headers.check(name, value);
    headers.put(name, value);
  }

  public void removeHeader(String name) {
    headers.remove(name);
  }

  /** What sends the request body ({@code noBody()} when there is none). */
  public HttpRequest.BodyPublisher body() {
    return body;
  }

  /** Replaces the request body. */
  public void setBody(HttpRequest.BodyPublisher body) {
    this.body = Objects.requireNonNull(body, "body");
    this.bodyBytes = null;
  }

  /** Replaces the request body with bytes in memory. */
  void setBody(byte[] bytes) {
    this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
    this.bodyBytes = bytes;
  }

  /** The API method's id ({@code storage.objects.insert}; {@code batch} for a batch request). */
  public String methodId() {
    return scope.id;
  }

  /** The API method this exchange belongs to (a synthetic one for batches). */
  public RestMethod restMethod() {
    return scope.method;
  }

  /** The attempts of the call so far, this one included (1 for the first). */
  public int attempt() {
    return scope.attempts;
  }

  /** The time left before the call's deadline ({@link RetryPolicy#totalTimeout()}), if it has one. */
  public Optional<Duration> timeRemaining() {
    return scope.hasDeadline ? Optional.of(Duration.ofNanos(Math.max(0, scope.deadline - System.nanoTime())))
        : Optional.empty();
  }

  /** How long this attempt may take, response body included. */
  public Duration timeout() {
    return timeout;
  }

  /** The client's options. */
  public ClientOptions options() {
    return scope.options;
  }

  Scope scope() {
    return scope;
  }

  /**
   * Counts a new attempt and fits its timeout in the call's deadline; false when the deadline has
   * passed (nothing may be sent).
   */
  boolean beginAttempt() {
    scope.attempts++;
    Duration t = scope.requestTimeout;
    if (scope.hasDeadline) {
      long remaining = scope.deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      cutByDeadline = t.toNanos() >= remaining;
      if (cutByDeadline) {
        t = Duration.ofNanos(remaining);
      }
    }
    timeout = t;
    return true;
  }

  /** The request to put on the wire. */
  HttpRequest toRequest() {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
    headers.forEach(b::setHeader);
    return b.build();
  }

  @Override
  public String toString() {
    return "Exchange[" + scope.id + " " + method + " attempt " + scope.attempts + "]";
  }

  /**
   * What the exchanges of one call share: a Transport call, a whole upload, a download or a batch.
   * The deadline starts when the call does, so it covers every exchange of it.
   */
  static final class Scope {
    final ClientOptions options;
    final RetryPolicy policy;
    final RestMethod method;
    final String id;
    /** Each attempt's timeout: the request's own, else the client's. */
    final Duration requestTimeout;
    /** The call's deadline from its start (zero: none): the request's own, else the retry policy's. */
    final Duration totalTimeout;
    final boolean hasDeadline;
    volatile long deadline;
    volatile int attempts;
    /** Whether a 401 already made us fetch new credentials once. */
    volatile boolean reauthorized;
    volatile boolean cancelled;
    /** The exchange on the wire, to abort when the call is cancelled. */
    volatile CompletableFuture<?> inflight;
    /** The caller's tracing context, kept by {@link OpenTelemetryPolicy} for the call's later attempts. */
    volatile Object telemetryContext;

    Scope(ClientOptions options, RestMethod method) {
      this(options, method, null);
    }

    /** The scope of {@code request}'s call, with its own timeouts where it sets them; null for none. */
    Scope(ClientOptions options, RestMethod method, ClientRequest<?, ?> request) {
      this.options = options;
      this.policy = options.retryPolicy();
      this.method = method;
      this.id = method.id();
      Duration perAttempt = request == null ? null : request.requestTimeout();
      Duration total = request == null ? null : request.totalTimeout();
      this.requestTimeout = perAttempt != null ? perAttempt : options.requestTimeout();
      this.totalTimeout = total != null ? total : policy.totalTimeout();
      long totalNanos = totalTimeout.toNanos();
      this.hasDeadline = totalNanos > 0;
      this.deadline = System.nanoTime() + (hasDeadline ? totalNanos : 0);
    }

    /**
     * Starts the deadline again: a media transfer advanced, so its deadline bounds the time
     * without progress rather than the whole transfer.
     */
    void restartDeadline() {
      if (hasDeadline) {
        deadline = System.nanoTime() + totalTimeout.toNanos();
      }
    }

    /** Stops the call: no further attempt starts, the one on the wire is aborted. */
    void cancel() {
      cancelled = true;
      CompletableFuture<?> f = inflight;
      if (f != null) {
        f.cancel(true);
      }
    }
  }
}
