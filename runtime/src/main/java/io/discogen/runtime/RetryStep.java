package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Sends an exchange again while the {@link RetryPolicy} allows: after a retryable status when the
 * exchange is safe to repeat, after an I/O failure when it is safe or nothing was sent (a
 * connection never made). Waits follow {@code Retry-After} or the policy's backoff; no wait ends
 * past the call's deadline. Blocking exchanges wait on their thread; asynchronous ones on the
 * timer, with no thread blocked. Protocols that retry at their own level (upload chunks, download
 * resumption, batch parts) use {@link #delay} and {@link #sleep}, so the rules exist once.
 */
final class RetryStep implements HttpPolicy {

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    Tries tries = new Tries(exchange);
    while (true) {
      if (!exchange.beginAttempt()) {
        return tries.deadlinePassed();
      }
      Duration wait;
      try {
        HttpResponse<?> resp = next.send(exchange);
        wait = tries.afterResponse(resp);
        if (wait == null) {
          return resp;
        }
      } catch (IOException e) {
        try {
          wait = tries.afterFailure(e);
        } catch (PreviousResponse p) {
          return p.response;
        }
      }
      sleep(wait, exchange.methodId());
    }
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    AsyncTries tries = new AsyncTries(exchange, next);
    tries.attempt();
    return tries.result;
  }

  /** One exchange's attempts: what the last failure was, and whether to try again. */
  private static class Tries {
    final Exchange exchange;
    int count;
    HttpResponse<?> previousResponse;
    IOException previousFailure;

    Tries(Exchange exchange) {
      this.exchange = exchange;
    }

    /** The wait before the next attempt, or null to return {@code resp}. */
    Duration afterResponse(HttpResponse<?> resp) {
      count++;
      int status = resp.statusCode();
      if (!exchange.retrySafe || !exchange.scope().policy.isRetryableStatus(status)) {
        return null;
      }
      Duration wait = delay(exchange.scope(), count, exchange.maxTries, Transport.retryAfter(resp), "HTTP " + status);
      if (wait != null) {
        discard(resp);
        previousResponse = resp;
        previousFailure = null;
      }
      return wait;
    }

    /** The wait before the next attempt; throws what ends the exchange. */
    Duration afterFailure(IOException e) throws IOException {
      count++;
      if (e instanceof HttpTimeoutException && exchange.cutByDeadline && hasPrevious()) {
        // The deadline, not the server, ended this attempt: report what the server last said.
        return throwPrevious(e);
      }
      if (!exchange.retrySafe && !notSent(e)) {
        throw e;
      }
      Duration wait = delay(exchange.scope(), count, exchange.maxTries, null, describe(e));
      if (wait == null) {
        throw e;
      }
      previousFailure = e;
      previousResponse = null;
      return wait;
    }

    boolean hasPrevious() {
      return previousResponse != null || previousFailure != null;
    }

    private Duration throwPrevious(IOException suppressed) throws IOException {
      if (previousFailure != null) {
        previousFailure.addSuppressed(suppressed);
        throw previousFailure;
      }
      throw new PreviousResponse(previousResponse);
    }

    /** What ends an exchange whose deadline passed before an attempt could start. */
    HttpResponse<?> deadlinePassed() throws IOException {
      if (previousResponse != null) {
        return previousResponse;
      }
      if (previousFailure != null) {
        throw previousFailure;
      }
      throw new DeadlinePassed(exchange.methodId() + ": retry deadline passed");
    }
  }

  /** The call's deadline passed before an exchange could be sent. */
  static final class DeadlinePassed extends DiscogenException {
    private static final long serialVersionUID = 1L;

    DeadlinePassed(String message) {
      super(message);
    }
  }

  /** Carries the response to return out of {@link Tries#afterFailure}. */
  private static final class PreviousResponse extends IOException {
    private static final long serialVersionUID = 1L;
    final transient HttpResponse<?> response;

    PreviousResponse(HttpResponse<?> response) {
      super("the previous response");
      this.response = response;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // control flow only: never seen outside this class
    }
  }

  /** The asynchronous form: each attempt starts when the previous one ends or its wait is over. */
  private static final class AsyncTries extends Tries {
    final Chain next;
    final CompletableFuture<HttpResponse<?>> result = new CompletableFuture<>();

    AsyncTries(Exchange exchange, Chain next) {
      super(exchange);
      this.next = next;
    }

    void attempt() {
      if (exchange.scope().cancelled) {
        result.cancel(false);
        return;
      }
      try {
        if (!exchange.beginAttempt()) {
          result.complete(deadlinePassed());
          return;
        }
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      next.sendAsync(exchange).whenComplete(this::onOutcome);
    }

    void onOutcome(HttpResponse<?> resp, Throwable err) {
      Duration wait;
      try {
        if (err == null) {
          wait = afterResponse(resp);
          if (wait == null) {
            result.complete(resp);
            return;
          }
        } else if (Transport.unwrap(err) instanceof IOException io) {
          wait = afterFailure(io);
        } else {
          result.completeExceptionally(Transport.unwrap(err));
          return;
        }
      } catch (PreviousResponse p) {
        result.complete(p.response);
        return;
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      // No thread waits: the timer hands the next attempt to the common pool when it is due.
      Transport.TIMER.schedule(() -> ForkJoinPool.commonPool().execute(this::attempt), wait.toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  /**
   * The wait before another attempt after {@code failures} consecutive failures, or null to give up:
   * the attempts are used up, or the next attempt would start past the call's deadline.
   */
  static Duration delay(Exchange.Scope scope, int failures, int maxTries, Duration retryAfter, String reason) {
    String id = scope.id;
    if (failures >= maxTries) {
      Transport.LOG.log(Level.DEBUG, () -> id + ": " + reason + ", giving up after " + failures + " attempts");
      return null;
    }
    Duration wait = retryAfter != null ? retryAfter : scope.policy.backoff(failures);
    if (scope.hasDeadline && scope.deadline - System.nanoTime() <= wait.toNanos()) {
      Transport.LOG.log(Level.DEBUG, () -> id + ": " + reason + ", giving up: the next attempt would start past the "
          + scope.totalTimeout + " deadline (attempt " + scope.attempts + ")");
      return null;
    }
    Transport.LOG.log(Level.DEBUG, () -> id + ": " + reason + ", retrying in " + wait.toMillis() + " ms (attempt "
        + (failures + 1) + " of " + maxTries + ")");
    return wait;
  }

  /** Waits on the calling thread; an interrupt ends the call. */
  static void sleep(Duration d, String id) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogenException("interrupted while waiting for " + id, e);
    }
  }

  /**
   * Whether an I/O failure happened before anything was sent (then any method may be retried): no
   * connection, or no HTTP/2 stream to send on (java.net.http fails a request with this message when
   * the server's limit on concurrent streams is reached, before sending its headers; Google's front
   * end allows about 100).
   */
  static boolean notSent(IOException e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
        || "too many concurrent streams".equals(e.getMessage());
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Drops a streamed body the caller will not see (error bodies are in memory already). */
  static void discard(HttpResponse<?> resp) {
    if (resp.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the connection is dropped anyway
      }
    }
  }
}
