package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** At most so many exchanges in flight per https host; the others wait their turn (StreamSlots). */
@Timeout(20)
class StreamSlotsTest {
  /** Holds every exchange until {@code open} counts down; records how many were inside at once. */
  static final class Holding implements HttpSender {
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger entered = new AtomicInteger();
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      entered.incrementAndGet();
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        open.await();
        return null;
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      entered.incrementAndGet();
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      return CompletableFuture.runAsync(() -> {
        try {
          open.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).thenApply(x -> {
        inside.decrementAndGet();
        return null;
      });
    }
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  @Test
  void blockingCallsBeyondTheLimitWaitThenAllGo() throws Exception {
    Holding held = new Holding();
    StreamSlots slots = new StreamSlots(held, 4);
    ExecutorService callers = Executors.newFixedThreadPool(11);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        all.add(callers.submit(() -> slots.send(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding())));
      }
      // Plain http is not limited.
      all.add(callers.submit(() -> slots.send(get("http://127.0.0.1:1/x"), HttpResponse.BodyHandlers.discarding())));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (held.entered.get() < 5 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      Thread.sleep(100);
      assertEquals(5, held.entered.get(), "four to the https host, one plain");
      held.open.countDown();
      for (Future<?> f : all) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertEquals(11, held.entered.get());
      assertTrue(held.most.get() <= 5, "at most four to the host at once, plus the plain one: " + held.most.get());
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void asynchronousCallsBeyondTheLimitWaitThenAllGo() throws Exception {
    Holding held = new Holding();
    StreamSlots slots = new StreamSlots(held, 3);
    List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      all.add(slots.sendAsync(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding()));
    }
    Thread.sleep(100);
    assertEquals(3, held.entered.get());
    held.open.countDown();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertEquals(9, held.entered.get());
    assertEquals(3, held.most.get());
  }

  @Test
  void aWaitEndsAtTheRequestsTimeoutAndGivesItsPlaceUp() throws Exception {
    Holding held = new Holding();
    StreamSlots slots = new StreamSlots(held, 1);
    Thread first = new Thread(() -> {
      try {
        slots.send(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding());
      } catch (IOException | InterruptedException e) {
        // ends with the test
      }
    });
    first.start();
    while (held.entered.get() < 1) {
      Thread.sleep(5);
    }
    HttpRequest timed = HttpRequest.newBuilder(URI.create("https://a.test/y")).timeout(Duration.ofMillis(200)).build();
    long t0 = System.nanoTime();
    assertThrows(HttpTimeoutException.class, () -> slots.send(timed, HttpResponse.BodyHandlers.discarding()));
    assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(150));
    // The slot is not lost: once the first ends, the next call goes at once.
    held.open.countDown();
    first.join();
    slots.send(get("https://a.test/z"), HttpResponse.BodyHandlers.discarding());
    assertEquals(2, held.entered.get());
  }

  @Test
  void aCancelledAsyncWaitLeavesTheQueue() throws Exception {
    Holding held = new Holding();
    StreamSlots slots = new StreamSlots(held, 1);
    CompletableFuture<HttpResponse<Void>> first = slots.sendAsync(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding());
    CompletableFuture<HttpResponse<Void>> waiting = slots.sendAsync(get("https://a.test/y"), HttpResponse.BodyHandlers.discarding());
    waiting.cancel(true);
    held.open.countDown();
    first.get(5, TimeUnit.SECONDS);
    slots.sendAsync(get("https://a.test/z"), HttpResponse.BodyHandlers.discarding()).get(5, TimeUnit.SECONDS);
    assertEquals(2, held.entered.get(), "the cancelled call never went");
  }

  /** An https server without HTTP/2 has no stream limit: once it answered over HTTP/1.1, nothing waits. */
  @Test
  void aHostAnsweringOverHttp1IsNotLimited() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch open = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
    HttpSender http1 = new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          if (hold.get()) {
            open.await();
          }
          handler.apply(FirstConnectionTest.answeredOver(java.net.http.HttpClient.Version.HTTP_1_1));
          return null;
        } finally {
          inside.decrementAndGet();
        }
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException();
      }
    };
    StreamSlots slots = new StreamSlots(http1, 4);
    slots.send(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding()); // answered over HTTP/1.1
    hold.set(true);
    ExecutorService callers = Executors.newFixedThreadPool(10);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        all.add(callers.submit(() -> slots.send(get("https://a.test/x"), HttpResponse.BodyHandlers.discarding())));
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (inside.get() < 10 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(10, inside.get(), "all ten at once, none waiting for a slot");
      open.countDown();
      for (Future<?> f : all) {
        f.get(5, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
