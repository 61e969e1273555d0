package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The end of the pipeline: builds the request and hands it to the {@link HttpSender}, within the
 * attempt's timeout. {@code HttpRequest.timeout()} stops at the response headers; the timer here
 * bounds an in-memory body too.
 */
final class SendStep implements HttpPolicy.Chain {
  /** For in-memory calls: by default the client whose tasks run inline (see {@link Transport}). */
  private final HttpSender callSender;
  /** For media and batches, whose bodies are read from the caller's streams. */
  private final HttpSender sender;

  SendStep(HttpSender callSender, HttpSender sender) {
    this.callSender = callSender;
    this.sender = sender;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange) throws IOException {
    HttpRequest req = exchange.toRequest();
    HttpResponse.BodyHandler<?> handler = exchange.handler;
    ScheduledFuture<?> timer = null;
    if (handler instanceof BoundedBody bounded) {
      BoundedBody.Abortable abortable = bounded.abortable();
      handler = abortable;
      timer = Transport.scheduleTimeout(() -> abortable.abort(timedOut()), exchange.timeout().toNanos());
    }
    try {
      return (exchange.inMemoryCall ? callSender : sender).send(req, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogenException("interrupted while waiting for " + exchange.methodId(), e);
    } catch (IOException e) {
      RuntimeException fatal = exchange.bodyFailure == null ? null : exchange.bodyFailure.apply(e);
      if (fatal != null) {
        throw fatal; // the body's source failed, not the network: nothing to retry
      }
      // send() rethrows what sendAsync would have failed with as a new exception of the same
      // family, the original as its cause (except HttpTimeoutException): pass on the original.
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange) {
    Exchange.Scope scope = exchange.scope();
    if (scope.cancelled) {
      return CompletableFuture.failedFuture(new CancellationException());
    }
    HttpRequest req = exchange.toRequest();
    CompletableFuture<? extends HttpResponse<?>> f =
        send(exchange.inMemoryCall ? callSender : sender, req, exchange.handler);
    scope.inflight = f;
    if (scope.cancelled) {
      f.cancel(true);
    }
    CompletableFuture<HttpResponse<?>> out = new CompletableFuture<>();
    ScheduledFuture<?> timer = Transport.scheduleTimeout(() -> {
      if (!f.isDone()) {
        out.completeExceptionally(timedOut());
        f.cancel(true);
      }
    }, exchange.timeout().toNanos());
    f.whenComplete((resp, err) -> {
      timer.cancel(false);
      if (err != null) {
        out.completeExceptionally(Transport.unwrap(err));
      } else {
        out.complete(resp);
      }
    });
    return out;
  }

  private static <T> CompletableFuture<HttpResponse<T>> send(HttpSender s, HttpRequest req,
      HttpResponse.BodyHandler<T> handler) {
    return s.sendAsync(req, handler);
  }

  private static HttpTimeoutException timedOut() {
    return new HttpTimeoutException("response not complete within the request timeout");
  }
}
