package io.discogen.runtime.cli;

import io.discogen.runtime.Exchange;
import io.discogen.runtime.HttpPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --verbose}: each exchange, as sent (every attempt: this runs after the retry step) and as
 * answered, on standard error, with whatever may be a credential redacted as {@code --dry-run}
 * redacts it ({@link CurlCommand#secret}). Bodies are not printed: {@code --dry-run} shows a request
 * body, {@code --format json} the response.
 */
final class VerboseLog implements HttpPolicy {
  private final PrintWriter err;

  VerboseLog(PrintWriter err) {
    this.err = err;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    StringBuilder sb = new StringBuilder("> ").append(exchange.method()).append(' ')
        .append(exchange.redactedUri(CurlCommand::secret)).append("  (attempt ").append(exchange.attempt()).append(')');
    for (Map.Entry<String, String> h : new TreeMap<>(exchange.headers()).entrySet()) {
      sb.append("\n> ").append(h.getKey()).append(": ").append(CurlCommand.secret(h.getKey()) ? "REDACTED" : h.getValue());
    }
    err.println(sb);
    long start = System.nanoTime();
    try {
      HttpResponse<?> resp = next.send(exchange);
      long ms = (System.nanoTime() - start) / 1_000_000;
      err.println("< " + resp.statusCode() + " in " + ms + " ms"
          + resp.headers().firstValue("Content-Type").map(t -> ", " + t).orElse(""));
      return resp;
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof CurlCommand)) {
        err.println("< failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e);
      }
      throw e;
    }
  }
}
