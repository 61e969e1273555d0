package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.zip.GZIPInputStream;

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
    BoundedBody.Abortable abortable = null;
    if (handler instanceof BoundedBody bounded) {
      BoundedBody.Abortable a = exchange.decodeAs != null ? bounded.abortableStreamingJson() : bounded.abortable();
      abortable = a;
      handler = a;
      timer = Transport.scheduleTimeout(() -> a.abort(timedOut()), exchange.timeout().toNanos());
    }
    try {
      HttpResponse<?> resp = (exchange.inMemoryCall ? callSender : sender).send(req, handler);
      if (abortable != null && resp.body() instanceof InputStream body) {
        return decodeArriving(exchange, req, resp, body, abortable);
      }
      return resp;
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

  /**
   * Decodes a 2xx JSON body on this thread while it arrives, rather than after its last byte: on a
   * large list the decoding then runs in the waits for the network (benchmarks/FINDINGS.md, decision
   * 14). The body stays within the attempt's timeout and size limit; a failure of the stream (a cut
   * body) is an I/O failure, retried as one; a body that is not JSON of the expected shape fails as
   * it would from memory.
   */
  private static HttpResponse<?> decodeArriving(Exchange exchange, HttpRequest req, HttpResponse<?> resp,
      InputStream body, BoundedBody.Abortable abortable) throws IOException {
    // HttpURLConnection's stream blocks a close from another thread until its read returns: the
    // abort is then seen at the next read; java.net.http's is closed at once.
    if (!(body instanceof UrlConnectionSender.BodyStream)) {
      abortable.closeOnAbort(body);
    }
    HttpHeaders headers = resp.headers();
    boolean done = false;
    try {
      InputStream in = body;
      if (CompressionPolicy.isGzip(headers)
          && req.headers().firstValue("Accept-Encoding").filter(v -> v.contains("gzip")).isPresent()) {
        // Aborts are seen below the inflater too: it may read on without producing a byte.
        in = new GZIPInputStream(abortable.guard(body, Long.MAX_VALUE), 16 * 1024);
        headers = CompressionPolicy.withoutEncoding(headers);
      }
      Object value = Transport.decodeJson(exchange.methodId(), exchange.decodeAs, abortable.guard(in, -1));
      done = true;
      return ReadResponse.replacing(resp, headers, new Transport.Decoded(value));
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new DiscogenException("interrupted while waiting for " + exchange.methodId(), e);
      }
      throw e;
    } finally {
      if (done) {
        body.close();
      } else if (body instanceof UrlConnectionSender.BodyStream b) {
        b.abandon();
      } else {
        try {
          body.close();
        } catch (IOException ignored) {
          // the exchange failed already
        }
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
