package io.discogen.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most {@link #PER_HOST} exchanges in flight per https host on an HTTP/2 client; the others wait
 * for one to end, first come first served. A host that answers over HTTP/1.1 is not limited. Servers limit the streams a connection may have open
 * (Google's front end: 100), and JDK 17 does not wait for a free one: it fails the request with
 * {@code IOException: too many concurrent streams}. With 200 calls in flight against a limit of 100,
 * 300 calls took 537 attempts and 5.2 s, retried after back-offs, where 1.2 s was the least (issue 22,
 * {@code StreamLimitTest}). An exchange holds its slot until its response has been handed over (a
 * body read into memory is read by then; a streamed body may still be arriving, so a few more streams
 * may be open: those refusals are retried). A wait ends at the request's timeout, as the exchange
 * would have.
 */
final class StreamSlots implements HttpSender {
  static final int PER_HOST = 100;

  private final HttpSender next;
  private final int perHost;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  StreamSlots(HttpSender next) {
    this(next, PER_HOST);
  }

  StreamSlots(HttpSender next, int perHost) {
    this.next = next;
    this.perHost = perHost;
  }

  /** One host's slots and the calls waiting for one. */
  private final class Host {
    /**
     * Set once the host answers over HTTP/1.1 (an https server without {@code h2}): each call has
     * a connection of its own there, no stream limit applies, and calls are no longer held (the
     * 100-call limit made the TLS soak on HTTP/1.1 take 93 s instead of 85).
     */
    volatile boolean http1;
    private int inUse;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

    /** Done at once while a slot is free, else when one is handed over. */
    synchronized CompletableFuture<Void> acquire() {
      if (inUse < perHost) {
        inUse++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> turn = new CompletableFuture<>();
      waiting.add(turn);
      return turn;
    }

    /** Hands the slot to the first waiting call, or frees it. */
    void release() {
      CompletableFuture<Void> next;
      synchronized (this) {
        do {
          next = waiting.poll();
        } while (next != null && next.isDone()); // given up while waiting
        if (next == null) {
          inUse--;
          return;
        }
      }
      next.complete(null);
    }

    /** A call that stops waiting: out of the queue, or, if its turn came meanwhile, the slot given back. */
    void giveUp(CompletableFuture<Void> turn) {
      boolean queued;
      synchronized (this) {
        queued = waiting.remove(turn);
      }
      if (!queued || !turn.cancel(false)) {
        release();
      }
    }
  }

  private Host host(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return null;
    }
    Host host = hosts.computeIfAbsent(uri.getRawAuthority(), k -> new Host());
    return host.http1 ? null : host;
  }

  /** {@code handler}, noting the protocol {@code host} answers in. */
  private static <T> HttpResponse.BodyHandler<T> noting(Host host, HttpResponse.BodyHandler<T> handler) {
    return info -> {
      if (info.version() == java.net.http.HttpClient.Version.HTTP_1_1) {
        host.http1 = true;
      }
      return handler.apply(info);
    };
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    Host host = host(request.uri());
    if (host == null) {
      return next.send(request, handler);
    }
    CompletableFuture<Void> turn = host.acquire();
    if (!turn.isDone()) {
      try {
        if (request.timeout().isPresent()) {
          turn.get(request.timeout().get().toNanos(), TimeUnit.NANOSECONDS);
        } else {
          turn.get();
        }
      } catch (TimeoutException e) {
        host.giveUp(turn);
        throw new HttpTimeoutException("no HTTP/2 stream free to " + request.uri().getRawAuthority()
            + " within the request's timeout (" + perHost + " in flight)");
      } catch (InterruptedException e) {
        host.giveUp(turn);
        throw e;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e); // never completed exceptionally
      }
    }
    try {
      return next.send(request, noting(host, handler));
    } finally {
      host.release();
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    Host host = host(request.uri());
    if (host == null) {
      return next.sendAsync(request, handler);
    }
    CompletableFuture<Void> turn = host.acquire();
    CompletableFuture<HttpResponse<T>> result = turn.thenCompose(x -> {
      CompletableFuture<HttpResponse<T>> sent;
      try {
        sent = next.sendAsync(request, noting(host, handler));
      } catch (RuntimeException e) {
        host.release();
        throw e;
      }
      return sent.whenComplete((r, e) -> host.release());
    });
    // Cancelled (an attempt's timer, the caller) while still waiting: leave the queue.
    result.whenComplete((r, e) -> {
      if (e instanceof CancellationException && !turn.isDone()) {
        host.giveUp(turn);
      }
    });
    return result;
  }

  @Override
  public String toString() {
    return "StreamSlots[" + next + "]";
  }
}
