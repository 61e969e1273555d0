package io.discogen.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Blocking exchanges for media and batch calls, which stream bodies and keep state across
 * requests (an upload session, a download offset) rather than repeating one request. Each exchange
 * goes through the client's {@link Pipeline} (retries, credentials, compression, logging); all the
 * exchanges of one instance share one {@link Exchange.Scope}, so one deadline and one 401
 * re-authorisation. Protocol-level retries (resuming) wait with {@link #backoff}, the same rules.
 */
final class Blocking {
  final Transport transport;
  final ClientOptions options;
  final RetryPolicy policy;
  final String id;
  final Exchange.Scope scope;

  Blocking(Transport transport, RestMethod method) {
    this(transport, method, null);
  }

  /** For {@code request}'s call (its own timeouts apply); null for a call of no one request (a batch). */
  Blocking(Transport transport, RestMethod method, ClientRequest<?, ?> request) {
    this.transport = transport;
    this.options = transport.options();
    this.policy = options.retryPolicy();
    this.id = method.id();
    this.scope = new Exchange.Scope(options, method, request);
  }

  /**
   * An exchange of this call to {@code uri} with {@code headers}; its response body is read into
   * memory within the client's limits. Not retried after anything was sent unless marked so.
   */
  Exchange exchange(String method, URI uri, Map<String, String> headers) {
    Exchange ex = new Exchange(scope, method, uri);
    headers.forEach(ex::setHeader);
    ex.handler = transport.bodyHandler();
    return ex;
  }

  /** An exchange to {@code target}'s URL, retried as a call to it would be. */
  Exchange exchange(String method, Transport.Target target, Map<String, String> headers) {
    Exchange ex = exchange(method, parse(target.url(""), id), headers);
    ex.callParams = target.params().keySet();
    ex.retrySafe = target.retrySafe();
    return ex;
  }

  /** Sends through the pipeline and waits; an I/O failure left after its retries is thrown. */
  HttpResponse<?> sendOrThrow(Exchange ex) throws IOException {
    return transport.pipeline().send(ex);
  }

  /** Sends through the pipeline and waits; an I/O failure left after its retries is a {@link TransportException}. */
  HttpResponse<?> send(Exchange ex) {
    try {
      return sendOrThrow(ex);
    } catch (IOException e) {
      throw transportFailure(e);
    }
  }

  /**
   * Waits before the protocol tries again after {@code failures} consecutive failures, as the retry
   * policy says; false, without waiting, when it says to give up (attempts or deadline).
   */
  boolean backoff(int failures, Duration retryAfter, String reason) {
    Duration d = RetryStep.delay(scope, failures, policy.maxAttempts(), retryAfter, reason);
    if (d == null) {
      return false;
    }
    RetryStep.sleep(d, id);
    return true;
  }

  /**
   * Parses a request URL. Not {@code URI.create}: its message would repeat the whole URL, API key
   * included.
   */
  static URI parse(String url, String id) {
    try {
      return new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(id + ": the request URL is not a valid URI: " + e.getReason()
          + " at index " + e.getIndex());
    }
  }

  /**
   * What ends the call after {@code e} ended {@code ex}: when the call's deadline cut the attempt
   * short, what the server said last ({@code previous}, when there is one), else a {@link
   * TransportException}.
   */
  RuntimeException failure(Exchange ex, IOException e, ApiException previous) {
    TransportException te = transportFailure(e);
    if (previous != null && ex.cutByDeadline && e instanceof java.net.http.HttpTimeoutException) {
      previous.addSuppressed(te);
      return previous;
    }
    return te;
  }

  TransportException transportFailure(IOException e) {
    return new TransportException(id + ": " + RetryStep.describe(e) + " (attempt " + scope.attempts + ")", e);
  }

  /** The API's error from a non-2xx response (its body is in memory, cut at the error limit). */
  ApiException error(HttpResponse<?> resp) {
    byte[] body = resp.body() instanceof byte[] b ? b : new byte[0];
    RetryStep.discard(resp);
    return ApiErrors.toException(resp.statusCode(), body, id);
  }

  /**
   * Checks that a URI the server handed us (an upload session) is on the API's origin, so
   * credentials are never sent elsewhere.
   */
  URI sameOrigin(String uri, String what) {
    URI u;
    try {
      u = new URI(uri);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(id + ": " + what + " is not a valid URI");
    }
    URI root = URI.create(transport.rootUrl());
    if (!sameOrigin(root, u)) {
      throw new IllegalArgumentException(id + ": " + what + " is not on the API's origin "
          + root.getScheme() + "://" + root.getHost() + (root.getPort() < 0 ? "" : ":" + root.getPort()));
    }
    return u;
  }

  /** Whether {@code u} is absolute, without user info, on {@code root}'s scheme, host and port. */
  static boolean sameOrigin(URI root, URI u) {
    return u.isAbsolute() && u.getHost() != null
        && root.getScheme().equalsIgnoreCase(u.getScheme())
        && root.getHost().equalsIgnoreCase(u.getHost())
        && port(root) == port(u)
        && u.getRawUserInfo() == null;
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
  }
}
