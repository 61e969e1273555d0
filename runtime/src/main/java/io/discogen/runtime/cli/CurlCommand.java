package io.discogen.runtime.cli;

import io.discogen.runtime.Exchange;
import io.discogen.runtime.HttpPolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;

/**
 * {@code --dry-run}: a policy that sends nothing and stops the call with the request as a {@code
 * curl} command that sends the same bytes, secrets redacted (see {@link #secret}), so that it can
 * be shown in a bug report and replayed once the secrets are put back.
 */
public final class CurlCommand extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private CurlCommand(String command) {
    super(command, null, false, false);
  }

  /** The command line: {@code curl -X METHOD 'URL' -H ... --data-binary ...}. */
  public String command() {
    return getMessage();
  }

  /** A policy that throws a {@link CurlCommand} in place of sending each exchange. */
  public static HttpPolicy policy() {
    return (exchange, next) -> {
      throw new CurlCommand(render(exchange));
    };
  }

  static String render(Exchange exchange) {
    StringBuilder sb = new StringBuilder("curl -X ").append(exchange.method()).append(' ')
        .append(quote(exchange.redactedUri(CurlCommand::secret)));
    for (Map.Entry<String, String> h : new TreeMap<>(exchange.headers()).entrySet()) {
      String value = secret(h.getKey()) ? "REDACTED" : h.getValue();
      if (h.getKey().equalsIgnoreCase("Accept-Encoding")) {
        continue; // curl would print the compressed bytes
      }
      sb.append(" \\\n  -H ").append(quote(h.getKey() + ": " + value));
    }
    HttpRequest.BodyPublisher body = exchange.body();
    if (body != null && body.contentLength() != 0) {
      sb.append(" \\\n  --data-binary ").append(quote(new String(bytes(body), StandardCharsets.UTF_8)));
    }
    return sb.toString();
  }

  /**
   * Whether a header or query parameter may carry a secret: credentials (Authorization, cookies)
   * and any name that says key, token, secret or password (an OpenAPI spec's {@code X-API-Key}).
   */
  static boolean secret(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
        || n.contains("key") || n.contains("token") || n.contains("secret") || n.contains("password");
  }

  private static byte[] bytes(HttpRequest.BodyPublisher body) {
    HttpResponse.BodySubscriber<byte[]> sink = HttpResponse.BodySubscribers.ofByteArray();
    body.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        sink.onSubscribe(subscription);
      }

      @Override
      public void onNext(ByteBuffer buffer) {
        sink.onNext(List.of(buffer));
      }

      @Override
      public void onError(Throwable error) {
        sink.onError(error);
      }

      @Override
      public void onComplete() {
        sink.onComplete();
      }
    });
    return sink.getBody().toCompletableFuture().join();
  }

  /** {@code text} in single quotes for a POSIX shell. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
