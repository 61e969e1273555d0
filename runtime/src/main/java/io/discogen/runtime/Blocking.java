package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Blocking HTTP exchanges for media and batch calls, which stream bodies and keep state across
 * requests (an upload session, a download offset) rather than repeating one request. Shares the
 * {@link Transport}'s client, endpoint checks, credentials and error decoding.
 */
final class Blocking {
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  final Transport transport;
  final ClientOptions options;
  final RetryPolicy policy;
  final String id;
  final java.util.List<String> scopes;
  private Credentials.Authorization auth;
  private boolean reauthorized;

  Blocking(Transport transport, RestMethod method) {
    this.transport = transport;
    this.options = transport.options();
    this.policy = options.retryPolicy();
    this.id = method.id();
    this.scopes = method.scopes();
  }

  /** The current authorisation, fetched on first use. */
  Credentials.Authorization auth() {
    if (auth == null) {
      auth = options.credentials().authorize(scopes);
    }
    return auth;
  }

  /**
   * After a 401: whether the credentials gave up the rejected token, so the request may be sent
   * once more (only once per exchange).
   */
  boolean reauthorize() {
    if (reauthorized || auth == null || !options.credentials().invalidate(auth)) {
      return false;
    }
    reauthorized = true;
    auth = null;
    return true;
  }

  /** A request builder with the user agent, the given headers and the credentials' headers. */
  HttpRequest.Builder builder(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.requestTimeout());
    if (options.userAgent() != null) {
      b.setHeader("User-Agent", options.userAgent());
    }
    headers.forEach(b::setHeader);
    auth().headers().forEach((name, value) -> {
      Headers.check(name, value);
      b.setHeader(name, value);
    });
    return b;
  }

  /** {@code target}'s URL with {@code extraQuery} and the credentials' query parameters. */
  URI uri(Transport.Target target, String extraQuery) {
    String authQ = Transport.authQuery(auth(), target.params());
    String extra = extraQuery.isEmpty() ? authQ : authQ.isEmpty() ? extraQuery : extraQuery + "&" + authQ;
    return parse(target.url(extra), id);
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

  /** Sends and waits; an interrupt aborts the exchange. */
  <B> HttpResponse<B> send(HttpRequest req, HttpResponse.BodyHandler<B> handler) throws IOException {
    try {
      return transport.http().send(req, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogenException(id + ": interrupted", e);
    }
  }

  /** Waits before another attempt; an interrupt ends the call. */
  void backoff(int failures, Duration retryAfter) {
    Duration d = retryAfter != null ? retryAfter : policy.backoff(failures);
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogenException(id + ": interrupted while waiting to retry", e);
    }
  }

  /** Whether an I/O failure happened before anything was sent (then any method may be retried). */
  static boolean notSent(IOException e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
  }

  TransportException transportFailure(IOException e, int attempt) {
    String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new TransportException(id + ": " + what + " (attempt " + attempt + ")", e);
  }

  /** Reads an error body (bounded) and turns it into an {@link ApiException}. */
  ApiException error(HttpResponse<InputStream> resp) {
    byte[] body;
    try (InputStream in = resp.body()) {
      body = in.readNBytes(MAX_ERROR_BODY_BYTES);
    } catch (IOException e) {
      body = new byte[0];
    }
    return ApiErrors.toException(resp.statusCode(), body, id);
  }

  static void discard(HttpResponse<InputStream> resp) {
    try (InputStream in = resp.body()) {
      in.readNBytes(MAX_ERROR_BODY_BYTES);
    } catch (IOException ignored) {
      // the connection is dropped anyway
    }
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
    if (!u.isAbsolute() || u.getHost() == null
        || !root.getScheme().equalsIgnoreCase(u.getScheme())
        || !root.getHost().equalsIgnoreCase(u.getHost())
        || port(root) != port(u)
        || u.getRawUserInfo() != null) {
      throw new IllegalArgumentException(id + ": " + what + " is not on the API's origin "
          + root.getScheme() + "://" + root.getHost() + (root.getPort() < 0 ? "" : ":" + root.getPort()));
    }
    return u;
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
  }
}
