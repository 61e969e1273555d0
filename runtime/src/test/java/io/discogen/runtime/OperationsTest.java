package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Operation;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long-running operations: polling until done, errors, timeouts, reading results. */
class OperationsTest {
  private static final String RUNNING = "{\"name\":\"projects/p/operations/op-1\",\"done\":false,"
      + "\"metadata\":{\"@type\":\"type.googleapis.com/Meta\",\"name\":\"projects/p/widgets/w\",\"state\":\"CREATING\"}}";
  private static final String DONE = "{\"name\":\"projects/p/operations/op-1\",\"done\":true,"
      + "\"metadata\":{\"@type\":\"type.googleapis.com/Meta\",\"name\":\"projects/p/widgets/w\",\"state\":\"DONE\"},"
      + "\"response\":{\"@type\":\"type.googleapis.com/Widget\",\"name\":\"projects/p/widgets/w\",\"sizeBytes\":\"5\"}}";
  private static final String FAILED = "{\"name\":\"projects/p/operations/op-1\",\"done\":true,"
      + "\"error\":{\"code\":9,\"message\":\"quota exhausted in region\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"QUOTA\"}]}}";

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Widgets widgets(String finalState, int pollsBeforeDone) throws IOException {
    server = new FakeServer((ex, req, n) -> {
      if (req.method().equals("POST")) {
        FakeServer.respond(ex, 200, RUNNING);
      } else if (n <= pollsBeforeDone) {
        FakeServer.respond(ex, 200, RUNNING);
      } else {
        FakeServer.respond(ex, 200, finalState);
      }
    });
    return new Widgets(server.options().build());
  }

  @Test
  void pollsTheOperationsGetUntilDone() throws Exception {
    Widgets w = widgets(DONE, 3);
    Operation op = w.create("projects/p", new Widget().setName("w")).executeAndWait();
    assertTrue(op.getDone());
    List<FakeServer.Received> r = server.received();
    assertEquals(4, r.size());
    assertEquals("POST", r.get(0).method());
    for (FakeServer.Received poll : r.subList(1, 4)) {
      assertEquals("GET", poll.method());
      assertEquals("/v1/projects/p/operations/op-1", poll.rawPath());
    }
    Widget created = Operations.response(op, Widget.class);
    assertEquals(5L, created.getSizeBytes());
    assertEquals("projects/p/widgets/w", created.getName());
    Map<String, Object> meta = Operations.metadata(op, Types.mapOf(Object.class));
    assertEquals("DONE", meta.get("state"));
    assertNull(Operations.response(new Operation(), Widget.class));
  }

  @Test
  void anOperationDoneAtOnceIsNotPolled() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, DONE));
    Operation op = new Widgets(server.options().build()).create("projects/p", new Widget()).executeAndWait();
    assertTrue(op.getDone());
    assertEquals(1, server.count());
  }

  @Test
  void anOperationErrorIsAnOperationException() throws Exception {
    Widgets w = widgets(FAILED, 1);
    OperationException e = assertThrows(OperationException.class,
        () -> w.create("projects/p", new Widget()).executeAndWait());
    assertEquals("projects/p/operations/op-1", e.operationName());
    assertEquals(9, e.code());
    assertEquals("FAILED_PRECONDITION", e.status());
    assertEquals("quota exhausted in region", e.errorMessage());
    assertEquals("QUOTA", e.details().get(0).get("reason"));
    assertTrue(e.getMessage().contains("FAILED_PRECONDITION"), e.getMessage());
  }

  @Test
  void givesUpAfterTheTimeout() throws Exception {
    Widgets w = widgets(DONE, Integer.MAX_VALUE);
    long start = System.nanoTime();
    OperationTimeoutException e = assertThrows(OperationTimeoutException.class,
        () -> w.create("projects/p", new Widget()).executeAndWait(Duration.ofMillis(300)));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("projects/p/operations/op-1", e.operationName());
    // Bounds loose enough for a loaded CI machine: it waited the timeout, polled, and stopped.
    assertTrue(ms >= 250 && ms < 5000, "took " + ms);
    assertTrue(server.count() >= 2, "polled " + server.count());
  }

  @Test
  void pollingBacksOffUpToTheCap() throws Exception {
    widgets(DONE, 6);
    ClientOptions slow = server.options()
        .pollingPolicy(new PollingPolicy(Duration.ofMillis(40), Duration.ofMillis(80), 2.0)).build();
    Widgets w2 = new Widgets(slow);
    long start = System.nanoTime();
    w2.create("projects/p", new Widget()).executeAndWait();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // 5 waits of between half and all of 40, 80, 80, 80, 80 ms: at least 180 ms in all. Load only
    // lengthens waits, so the cap is checked on the policy itself, not on the wall clock.
    assertTrue(ms >= 180, "took " + ms);
    PollingPolicy p = slow.pollingPolicy();
    for (int poll = 1; poll <= 20; poll++) {
      for (int i = 0; i < 50; i++) {
        long d = p.delay(poll).toMillis();
        long full = Math.min(80, 40L << Math.min(poll - 1, 10));
        assertTrue(d >= full / 2 && d <= full, "poll " + poll + ": " + d + " ms");
      }
    }
  }

  @Test
  void asyncVariant() throws Exception {
    Widgets w = widgets(FAILED, 2);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> w.create("projects/p", new Widget()).executeAndWaitAsync().get(5, TimeUnit.SECONDS));
    assertInstanceOf(OperationException.class, e.getCause());
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, req.method().equals("POST") ? RUNNING : DONE));
    assertTrue(w.create("projects/p", new Widget()).executeAndWaitAsync().get(5, TimeUnit.SECONDS).getDone());
  }

  @Test
  void failedPollsAreRetriedLikeAnyGet() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (req.method().equals("POST")) {
        FakeServer.respond(ex, 200, RUNNING);
      } else if (n == 2) {
        FakeServer.respond(ex, 503, "{}");
      } else {
        FakeServer.respond(ex, 200, DONE);
      }
    });
    assertTrue(new Widgets(server.options().build()).create("projects/p", new Widget()).executeAndWait().getDone());
    assertEquals(3, server.count());
  }
}
