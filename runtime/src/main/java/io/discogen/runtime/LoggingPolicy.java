package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * DEBUG lines for each attempt (logger {@code io.discogen.runtime}): method, URL with secret query
 * values replaced by {@code REDACTED}, attempt, then status, latency and size, or the failure.
 * Bodies only when {@link ClientOptions#logBodies()} says so. Lines are built only when DEBUG is on.
 */
final class LoggingPolicy implements HttpPolicy {
  private static final int MAX_LOGGED_BODY_CHARS = 16 * 1024;
  private final boolean logBodies;

  LoggingPolicy(boolean logBodies) {
    this.logBodies = logBodies;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    if (!Transport.LOG.isLoggable(Level.DEBUG)) {
      return next.send(exchange);
    }
    long start = before(exchange);
    HttpResponse<?> resp;
    try {
      resp = next.send(exchange);
    } catch (IOException e) {
      failed(exchange, e, start);
      throw e;
    }
    after(exchange, resp, start);
    return resp;
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    if (!Transport.LOG.isLoggable(Level.DEBUG)) {
      return next.sendAsync(exchange);
    }
    long start = before(exchange);
    return next.sendAsync(exchange).whenComplete((resp, err) -> {
      if (err != null) {
        if (Transport.unwrap(err) instanceof IOException io) {
          failed(exchange, io, start);
        }
      } else {
        after(exchange, resp, start);
      }
    });
  }

  private long before(Exchange ex) {
    int attempt = ex.attempt();
    Transport.LOG.log(Level.DEBUG, () -> ex.methodId() + ": " + ex.method() + " " + logUrl(ex) + ex.note
        + " (attempt " + attempt + ")");
    byte[] body = ex.bodyBytes;
    if (logBodies && body != null && ex.header("Content-Encoding").isEmpty()) {
      Transport.LOG.log(Level.DEBUG, () -> ex.methodId() + ": request body: " + forLog(body));
    }
    return System.nanoTime();
  }

  private void after(Exchange ex, HttpResponse<?> resp, long start) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Object body = resp.body();
    Transport.LOG.log(Level.DEBUG, () -> ex.methodId() + ": " + ex.method() + " " + logUrl(ex) + " -> "
        + resp.statusCode() + " in " + ms + " ms, " + (body instanceof InputStream ? "streaming the body"
            : body instanceof byte[] b ? b.length + " bytes"
            : body instanceof Transport.Decoded ? "decoded as it arrived" : "body not read"));
    if (logBodies && body instanceof byte[] b && b.length > 0 && resp.headers().firstValue("Content-Encoding").isEmpty()) {
      Transport.LOG.log(Level.DEBUG, () -> ex.methodId() + ": response body: " + forLog(b));
    }
  }

  private static void failed(Exchange ex, IOException e, long start) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Transport.LOG.log(Level.DEBUG, () -> ex.methodId() + ": " + logUrl(ex) + " failed after " + ms + " ms: "
        + RetryStep.describe(e));
  }

  /** The URL with the values of secret query parameters replaced. */
  static String logUrl(Exchange ex) {
    return ex.redactedUri(name -> false);
  }

  private static String forLog(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > MAX_LOGGED_BODY_CHARS ? s.substring(0, MAX_LOGGED_BODY_CHARS) + "...[truncated]" : s;
  }
}
