package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link HttpPolicy#onRequest}: changes each outgoing exchange, and nothing else. */
final class RequestChangePolicy implements HttpPolicy, LeavesResponsesAlone {
  private final Position position;
  private final Consumer<Exchange> change;

  RequestChangePolicy(Position position, Consumer<Exchange> change) {
    this.position = position;
    this.change = change;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    change.accept(exchange);
    return next.send(exchange);
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    try {
      change.accept(exchange);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return next.sendAsync(exchange);
  }

  @Override
  public Position position() {
    return position;
  }
}
