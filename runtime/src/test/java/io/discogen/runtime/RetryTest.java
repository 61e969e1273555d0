package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Operation;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries: which failures, which methods, backoff, Retry-After, deadlines, request ids. */
class RetryTest {
  private static final String OK = "{\"name\":\"projects/p/widgets/w\"}";

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Widgets client(ClientOptions.Builder b) {
    return new Widgets(b.build());
  }

  @Test
  void unavailableTwiceThenSuccess() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n <= 2) {
        FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"try later\",\"status\":\"UNAVAILABLE\"}}");
      } else {
        FakeServer.respond(ex, 200, OK);
      }
    });
    Widget w = client(server.options()).get("projects/p/widgets/w").execute();
    assertEquals("projects/p/widgets/w", w.getName());
    assertEquals(3, server.count());
  }

  @Test
  void everyRetryableStatusIsRetried() throws Exception {
    for (int status : List.of(408, 429, 500, 502, 503, 504)) {
      try (FakeServer s = new FakeServer((ex, req, n) -> {
        if (n == 1) {
          FakeServer.respond(ex, status, "{}");
        } else {
          FakeServer.respond(ex, 200, OK);
        }
      })) {
        client(s.options()).get("projects/p/widgets/w").execute();
        assertEquals(2, s.count(), "status " + status);
      }
    }
  }

  @Test
  void otherErrorsAreNotRetried() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 404, "{}"));
    assertThrows(ApiException.class, () -> client(server.options()).get("projects/p/widgets/w").execute());
    assertEquals(1, server.count());
  }

  @Test
  void connectionDroppedMidResponseIsRetried() throws Exception {
    // A raw socket server: the first response promises 100 bytes, sends 10 and closes.
    try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<String> seen = new ArrayList<>();
      Thread t = new Thread(() -> {
        for (int i = 0; i < 2; i++) {
          try (var sock = ss.accept()) {
            var in = sock.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
              int c = in.read();
              if (c < 0) {
                break;
              }
              head.append((char) c);
            }
            synchronized (seen) {
              seen.add(head.toString().split("\r\n")[0]);
            }
            OutputStream out = sock.getOutputStream();
            if (i == 0) {
              out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":\"").getBytes(StandardCharsets.UTF_8));
            } else {
              byte[] body = OK.getBytes(StandardCharsets.UTF_8);
              out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                  + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
              out.write(body);
            }
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      ClientOptions.Builder b = ClientOptions.builder().rootUrl("http://127.0.0.1:" + ss.getLocalPort() + "/")
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(10)));
      Widget w = client(b).get("projects/p/widgets/w").execute();
      assertEquals("projects/p/widgets/w", w.getName());
      t.join(5000);
      assertEquals(2, seen.size());
    }
  }

  @Test
  void droppedConnectionWithoutRetriesIsATransportException() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (var sock = ss.accept()) {
          sock.getInputStream().read(new byte[1024]);
          sock.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          // done
        }
      });
      t.setDaemon(true);
      t.start();
      ClientOptions.Builder b = ClientOptions.builder().rootUrl("http://127.0.0.1:" + ss.getLocalPort() + "/")
          .retryPolicy(RetryPolicy.none());
      TransportException e = assertThrows(TransportException.class,
          () -> client(b).get("projects/p/widgets/w").execute());
      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(e.getMessage().contains("widgets.projects.widgets.get"), e.getMessage());
    }
  }

  @Test
  void connectionRefusedIsATransportExceptionAfterRetries() throws Exception {
    int port;
    try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = ss.getLocalPort();
    }
    ClientOptions.Builder b = ClientOptions.builder().rootUrl("http://127.0.0.1:" + port + "/")
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(10)));
    // A POST without request id: still retried, since a refused connection sent nothing.
    TransportException e = assertThrows(TransportException.class,
        () -> client(b).insert("projects/p", new Widget()).execute());
    assertTrue(e.getMessage().contains("attempt 3"), e.getMessage());
  }

  @Test
  void retryAfterSecondsIsHonoured() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 429, "{}", "Retry-After", "1");
      } else {
        FakeServer.respond(ex, 200, OK);
      }
    });
    long start = System.nanoTime();
    client(server.options()).get("projects/p/widgets/w").execute();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ms >= 950, "waited " + ms + " ms");
    assertTrue(ms < 3000, "waited " + ms + " ms");
    assertEquals(2, server.count());
  }

  @Test
  void retryAfterHttpDateIsHonoured() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{}", "Retry-After", date);
      } else {
        FakeServer.respond(ex, 200, OK);
      }
    });
    long start = System.nanoTime();
    client(server.options()).get("projects/p/widgets/w").execute();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // HTTP-dates have whole seconds: the wait is between 1 and 2 s.
    assertTrue(ms >= 900, "waited " + ms + " ms");
    assertTrue(ms < 3500, "waited " + ms + " ms");
  }

  @Test
  void retryAfterPastTheDeadlineGivesUpAtOnce() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{}", "Retry-After", "3600"));
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class,
        () -> client(server.options()).get("projects/p/widgets/w").execute());
    assertEquals(503, e.statusCode());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
    assertEquals(1, server.count());
  }

  @Test
  void tooManyRequestsForeverGivesUpWithinTheDeadline() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 429,
        "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));
    RetryPolicy policy = new RetryPolicy(1000, Duration.ofMillis(20), Duration.ofMillis(100), 2.0, Duration.ofMillis(800));
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class,
        () -> client(server.options().retryPolicy(policy)).get("projects/p/widgets/w").execute());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(429, e.statusCode());
    assertEquals("RESOURCE_EXHAUSTED", e.errorStatus());
    // Kept retrying until about the deadline (a backoff is at most 100 ms), then stopped: bounds
    // loose enough for a loaded CI machine, where each attempt takes longer.
    assertTrue(ms >= 800 - 150 && ms < 800 + 4000, "took " + ms + " ms");
    assertTrue(server.count() >= 2, "attempts: " + server.count());
    assertTrue(server.count() < 1000);
  }

  @Test
  void maxAttemptsBoundsRetries() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 500, "{}"));
    assertThrows(ApiException.class, () -> client(server.options().retryPolicy(
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, Duration.ofSeconds(30))))
        .get("projects/p/widgets/w").execute());
    assertEquals(3, server.count());
  }

  @Test
  void postWithRequestIdIsRetriedWithTheSameIdAndCreatesOneEntity() throws Exception {
    Map<String, String> entities = new ConcurrentHashMap<>();
    List<String> ids = new ArrayList<>();
    server = new FakeServer((ex, req, n) -> {
      String id = req.query("requestId").get(0);
      synchronized (ids) {
        ids.add(id);
      }
      entities.putIfAbsent(id, req.bodyText()); // the server drops duplicates by request id
      if (n <= 2) {
        FakeServer.respond(ex, 503, "{}"); // created, but the answer is lost
      } else {
        FakeServer.respond(ex, 200, "{\"name\":\"operations/op1\",\"done\":true}");
      }
    });
    Widgets.Create create = client(server.options()).create("projects/p", new Widget().setName("w"));
    Operation op = create.execute();
    assertEquals("operations/op1", op.getName());
    assertEquals(3, ids.size());
    assertEquals(1, Set.copyOf(ids).size(), "same request id on every attempt: " + ids);
    assertNotNull(UUID.fromString(ids.get(0)));
    assertEquals(1, entities.size());
    assertNull(create.getRequestId(), "the request object is not changed");

    // Executing again is a new call: a new id.
    server.handler((ex, req, n) -> {
      synchronized (ids) {
        ids.add(req.query("requestId").get(0));
      }
      FakeServer.respond(ex, 200, "{\"name\":\"operations/op2\",\"done\":true}");
    });
    create.execute();
    assertEquals(2, Set.copyOf(ids).size());
  }

  @Test
  void callerChosenRequestIdIsKept() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 502, "{}");
      } else {
        FakeServer.respond(ex, 200, "{\"name\":\"operations/op1\",\"done\":true}");
      }
    });
    client(server.options()).create("projects/p", new Widget()).setRequestId("my-id").execute();
    assertEquals(List.of("my-id"), server.received().get(0).query("requestId"));
    assertEquals(List.of("my-id"), server.received().get(1).query("requestId"));
  }

  @Test
  void postWithoutRequestIdIsNotRetried() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{}"));
    ApiException e = assertThrows(ApiException.class,
        () -> client(server.options()).insert("projects/p", new Widget()).execute());
    assertEquals(503, e.statusCode());
    assertEquals(1, server.count());
  }

  @Test
  void asyncRetriesWithoutBlockingTheCaller() throws Exception {
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{}", "Retry-After", "1");
      } else {
        FakeServer.respond(ex, 200, OK);
      }
    });
    long start = System.nanoTime();
    CompletableFuture<Widget> f = client(server.options()).get("projects/p/widgets/w").executeAsync();
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 500, "executeAsync returned at once");
    assertEquals("projects/p/widgets/w", f.get(5, TimeUnit.SECONDS).getName());
    assertEquals(2, server.count());
  }

  @Test
  void manyAsyncCallsBackOffTogetherWithoutAThreadEach() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    server = new FakeServer((ex, req, n) -> {
      if (seen.add(req.rawPath())) {
        FakeServer.respond(ex, 503, "{}", "Retry-After", "1");
      } else {
        FakeServer.respond(ex, 200, OK);
      }
    });
    Widgets w = client(server.options());
    long start = System.nanoTime();
    List<CompletableFuture<Widget>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(w.lookup("id-" + i).executeAsync());
    }
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // 40 one-second waits overlap: a blocked thread per wait (on a 1-2 thread pool) would take ~40 s.
    assertTrue(ms < 6000, "took " + ms + " ms");
    assertEquals(80, server.count());
  }

  @Test
  void asyncFailuresCarryTheSameExceptions() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 403, "{}"));
    CompletableFuture<Widget> f = client(server.options()).get("projects/p/widgets/w").executeAsync();
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ApiException.class, e.getCause());
    CompletableFuture<Widget> bad = client(server.options()).get("../x").executeAsync();
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(ExecutionException.class, bad::get).getCause());
  }

  @Test
  void cancellingAnAsyncCallStopsRetrying() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 503, "{}", "Retry-After", "1"));
    CompletableFuture<Widget> f = client(server.options()).get("projects/p/widgets/w").executeAsync();
    Thread.sleep(300);
    f.cancel(true);
    Thread.sleep(1500);
    assertEquals(1, server.count());
  }

  @Test
  void backoffIsFullJitterCappedByMaxBackoff() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(400), 2.0, Duration.ZERO);
    for (int i = 0; i < 200; i++) {
      assertTrue(p.backoff(1).toMillis() <= 100);
      assertTrue(p.backoff(3).toMillis() <= 400);
      assertTrue(p.backoff(9).toMillis() <= 400);
      assertTrue(!p.backoff(9).isNegative());
    }
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, Duration.ZERO));
  }
}
