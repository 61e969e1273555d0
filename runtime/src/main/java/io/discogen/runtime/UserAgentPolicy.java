package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Sets the client's {@code User-Agent}, unless the call sets its own. Once per call. */
final class UserAgentPolicy implements HttpPolicy {
  private final String userAgent;

  UserAgentPolicy(String userAgent) {
    this.userAgent = userAgent;
  }

  private void apply(Exchange exchange) {
    if (userAgent != null && exchange.header("User-Agent").isEmpty()) {
      exchange.setHeader("User-Agent", userAgent);
    }
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    apply(exchange);
    return next.send(exchange);
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    apply(exchange);
    return next.sendAsync(exchange);
  }
}
