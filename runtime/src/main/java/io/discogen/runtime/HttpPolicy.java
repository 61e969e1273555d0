package io.discogen.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One step of the pipeline every HTTP exchange of a client goes through: it sees the {@link
 * Exchange}, may change it, passes it on with {@code next}, and may look at (or replace) the
 * response. Add one with {@link ClientOptions.Builder#addPolicy(HttpPolicy)}.
 *
 * <p>The built-in order is: user agent, {@linkplain Position#PER_CALL per-call} user policies,
 * retry (attempts, {@code Retry-After}, the total deadline), auth (credentials, one re-send after
 * a 401), {@linkplain Position#PER_RETRY per-retry} user policies, compression, logging, then the
 * {@link HttpSender}. Policies must be thread-safe: one instance serves all calls of a client.
 */
public interface HttpPolicy {

  /** Where a user policy runs. */
  enum Position {
    /** Once per call, before the retry step: sees the exchange once, however often it is sent. */
    PER_CALL,
    /** On every attempt, after the retry and auth steps: sees each exchange as it is sent. */
    PER_RETRY
  }

  /** The rest of the pipeline, after this policy. */
  interface Chain {
    /** Sends {@code exchange} through the following policies and the sender, and waits. */
    HttpResponse<?> send(Exchange exchange) throws IOException;

    /** Sends {@code exchange} through the following policies and the sender, without blocking. */
    CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange);
  }

  /**
   * Handles a blocking exchange: typically changes {@code exchange}, then returns {@code
   * next.send(exchange)}. Runs on the thread that waits for the call.
   */
  HttpResponse<?> send(Exchange exchange, Chain next) throws IOException;

  /**
   * Handles an asynchronous exchange ({@code executeAsync()}, streams). The default runs {@link
   * #send} on a separate daemon thread, so that a policy written only for blocking calls never
   * blocks the caller or the HTTP client's threads; override it (with {@code next.sendAsync}) to
   * keep asynchronous calls free of a blocked thread.
   */
  default CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return send(exchange, next);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, Pipeline.blockingPolicies());
  }

  /** Where this policy runs; {@link Position#PER_RETRY} unless overridden. */
  default Position position() {
    return Position.PER_RETRY;
  }

  /**
   * A policy that only changes the outgoing exchange (adds a header, say), in both the blocking and
   * the asynchronous form, without a thread of its own.
   *
   * @param position where it runs
   * @param change applied to every exchange it sees; may throw {@link UncheckedIOException}
   */
  static HttpPolicy onRequest(Position position, Consumer<Exchange> change) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(change, "change");
    return new RequestChangePolicy(position, change);
  }
}
