package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code executeAsync()} does not start a thread per call. On machines with two cores or fewer
 * (CI's) the JDK's {@code sendAsync} would: 600 calls made 600 threads before {@link CallThreads}.
 */
@Timeout(120)
class AsyncThreadsTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void manyAsyncCallsReuseTheirThreads() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"id\":\"x\"}"));
    ApiClient client = new ApiClient(PipelineTest.SERVICE, server.options().build());
    for (int i = 0; i < 50; i++) { // connections, pools and classes first
      new PipelineTest.Get(client).executeAsync().get(20, TimeUnit.SECONDS);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();
    int calls = 600;
    int inFlight = 16;
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<Object>> all = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      slots.acquire();
      all.add(new PipelineTest.Get(client).executeAsync().whenComplete((r, e) -> slots.release()));
    }
    for (CompletableFuture<Object> f : all) {
      assertEquals(Map.of("id", "x"), f.get(20, TimeUnit.SECONDS));
    }
    long started = threads.getTotalStartedThreadCount() - before;
    // The server's own executor and the JDK's may add a few; a thread per call would be 600.
    assertTrue(started < 100, calls + " async calls started " + started + " threads");
  }

  @Test
  void cancellingAnAsyncCallAbortsIt() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      arrived.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FakeServer.respond(ex, 200, "{\"id\":\"x\"}");
    });
    ApiClient client = new ApiClient(PipelineTest.SERVICE, server.options().build());
    CompletableFuture<Object> f = new PipelineTest.Get(client).executeAsync();
    assertTrue(arrived.await(20, TimeUnit.SECONDS));
    assertTrue(f.cancel(true));
    assertTrue(f.isCancelled());
    release.countDown();
    assertEquals(1, server.count(), "not retried after the cancel");
  }
}
