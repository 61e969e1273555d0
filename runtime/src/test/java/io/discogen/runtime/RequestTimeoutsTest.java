package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One request's own timeout and deadline, without a second client (a long-poll next to quick calls). */
@Timeout(60)
class RequestTimeoutsTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ApiClient slowServerClient(long delayMs, Duration clientTimeout) throws Exception {
    server = new FakeServer((ex, req, n) -> {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FakeServer.respond(ex, 200, "{\"id\":\"x\"}");
    });
    return new ApiClient(PipelineTest.SERVICE, server.options().requestTimeout(clientTimeout)
        .retryPolicy(RetryPolicy.none()).build());
  }

  @Test
  void aLongPollGetsItsOwnTimeoutWhileOtherCallsKeepTheClients() throws Exception {
    ApiClient client = slowServerClient(700, Duration.ofMillis(250));
    TransportException quick = assertThrows(TransportException.class, () -> new PipelineTest.Get(client).execute());
    assertTrue(quick.getMessage().contains("HttpTimeoutException"), quick.getMessage());
    assertEquals(Map.of("id", "x"), new PipelineTest.Get(client).setRequestTimeout(Duration.ofSeconds(10)).execute());
    assertEquals(Map.of("id", "x"),
        new PipelineTest.Get(client).setRequestTimeout(Duration.ofSeconds(10)).executeAsync().get(20, TimeUnit.SECONDS));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> new PipelineTest.Get(client).executeAsync().get(20, TimeUnit.SECONDS));
    assertTrue(async.getCause() instanceof TransportException, String.valueOf(async.getCause()));
  }

  @Test
  void aRequestsOwnDeadlineEndsItsRetries() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));
    RetryPolicy patient = new RetryPolicy(1000, Duration.ofMillis(20), Duration.ofMillis(50), 2.0, Duration.ofMinutes(5));
    ApiClient client = new ApiClient(PipelineTest.SERVICE, server.options().retryPolicy(patient).build());
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class,
        () -> new PipelineTest.Get(client).setTotalTimeout(Duration.ofMillis(400)).execute());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(503, e.statusCode());
    assertTrue(ms >= 300 && ms < 5_000, "ended after " + ms + " ms");
    assertTrue(server.count() > 2 && server.count() < 100, "retried until the deadline: " + server.count());
  }

  @Test
  void timeoutsMustMakeSense() {
    server = null;
    ApiClient client = new ApiClient(PipelineTest.SERVICE, ClientOptions.builder().build());
    assertThrows(IllegalArgumentException.class, () -> new PipelineTest.Get(client).setRequestTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new PipelineTest.Get(client).setTotalTimeout(Duration.ofSeconds(-1)));
  }
}
