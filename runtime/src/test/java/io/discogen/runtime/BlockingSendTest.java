package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code execute()} sends its first attempt with blocking I/O on the caller's thread; these pin
 * that it keeps the asynchronous path's behaviour: the body is bounded by the request timeout,
 * failures keep their exception types, interruption ends the call, retries still happen.
 */
class BlockingSendTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Widgets widgets(FakeServer.Handler h, ClientOptions.Builder options) throws IOException {
    server = new FakeServer(h);
    return new Widgets(options.rootUrl(server.url()).build());
  }

  /** Headers at once, then a body that stops half-way and never ends. */
  private static void stallBody(com.sun.net.httpserver.HttpExchange ex) throws IOException {
    byte[] half = "{\"name\":\"projects/p/wid".getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 1000);
    OutputStream os = ex.getResponseBody();
    os.write(half);
    os.flush();
    try {
      Thread.sleep(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aStalledBodyIsBoundedByTheRequestTimeout() throws Exception {
    Widgets w = widgets((ex, req, n) -> stallBody(ex),
        ClientOptions.builder().retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofMillis(400)));
    long start = System.nanoTime();
    TransportException e = assertThrows(TransportException.class, () -> w.get("projects/p/widgets/w").execute());
    assertInstanceOf(HttpTimeoutException.class, e.getCause());
    assertTrue(System.nanoTime() - start < 3_000_000_000L);
    // Same outcome on the asynchronous path.
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> w.get("projects/p/widgets/w").executeAsync().get(10, TimeUnit.SECONDS));
    assertInstanceOf(TransportException.class, async.getCause());
    assertInstanceOf(HttpTimeoutException.class, async.getCause().getCause());
  }

  @Test
  void aStalledBodyIsRetriedWhenSafeAndTheRetrySucceeds() throws Exception {
    Widgets w = widgets((ex, req, n) -> {
      if (n == 1) {
        stallBody(ex);
      } else {
        FakeServer.respond(ex, 200, "{\"name\":\"projects/p/widgets/w\"}");
      }
    }, ClientOptions.builder()
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(20)))
        .requestTimeout(Duration.ofMillis(400)));
    assertEquals("projects/p/widgets/w", w.get("projects/p/widgets/w").execute().getName());
    assertEquals(2, server.count());
  }

  @Test
  void aConnectionClosedMidBodyKeepsItsExceptionType() throws Exception {
    Widgets w = widgets((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 1000);
      ex.getResponseBody().write("{\"na".getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
      ex.close(); // short body: the client sees the connection end early
    }, ClientOptions.builder().retryPolicy(RetryPolicy.none()));
    TransportException sync = assertThrows(TransportException.class, () -> w.get("projects/p/widgets/w").execute());
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> w.get("projects/p/widgets/w").executeAsync().get(10, TimeUnit.SECONDS));
    assertEquals(async.getCause().getCause().getClass(), sync.getCause().getClass());
    assertEquals(async.getCause().getMessage().replaceAll("attempt \\d+", ""),
        sync.getMessage().replaceAll("attempt \\d+", ""));
  }

  @Test
  void interruptingTheCallerEndsTheCall() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    Widgets w = widgets((ex, req, n) -> {
      arrived.countDown();
      stallBody(ex);
    }, ClientOptions.builder().retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofSeconds(30)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        w.get("projects/p/widgets/w").execute();
      } catch (Throwable e) {
        thrown.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    t.start();
    assertTrue(arrived.await(10, TimeUnit.SECONDS));
    Thread.sleep(100);
    t.interrupt();
    t.join(10_000);
    assertInstanceOf(DiscogenException.class, thrown.get());
    assertTrue(thrown.get().getMessage().startsWith("interrupted while waiting for"), thrown.get().getMessage());
    assertEquals(Boolean.TRUE, flag.get(), "interrupt status kept");
  }

  /**
   * On plain-HTTP roots the client's internal tasks run on its selector thread (see Transport's
   * PlainHttpCalls): what the caller attaches to {@code executeAsync()}'s future must still run
   * elsewhere, or a blocking call made from it would wait for the very thread it occupies.
   */
  @Test
  void asyncContinuationsNeverRunOnTheSelectorThreadAndMayBlock() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\":\"projects/p/widgets/w" + n + "\"}"),
        ClientOptions.builder());
    AtomicReference<String> thread = new AtomicReference<>();
    String nested = w.get("projects/p/widgets/w").executeAsync()
        .thenApply(first -> {
          thread.set(Thread.currentThread().getName());
          return w.get("projects/p/widgets/w").execute().getName(); // a blocking call from the continuation
        })
        .get(20, TimeUnit.SECONDS);
    assertEquals("projects/p/widgets/w2", nested);
    assertTrue(!thread.get().contains("SelectorManager"), thread.get());
  }
}
