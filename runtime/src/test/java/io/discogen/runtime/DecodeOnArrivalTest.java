package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.ListWidgetsResponse;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A blocking call's 2xx JSON body is decoded while it arrives (SendStep), on both senders: the
 * HttpURLConnection one for plain http, and java.net.http (any other root, or a sender the user
 * sets). What the call returns, what is retried and what fails must be what decoding from memory
 * gives.
 */
class DecodeOnArrivalTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Widgets client(String sender, ClientOptions.Builder b) {
    if (sender.equals("java.net.http")) {
      b.sender(HttpSender.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
    }
    return new Widgets(b.build());
  }

  private static String list(int n) {
    StringBuilder b = new StringBuilder("{\"widgets\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"name\": \"projects/p/widgets/w").append(i).append("\", \"size\": ").append(i).append('}');
    }
    return b.append("], \"nextPageToken\": \"\"}\n").toString();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void aLargeListArrivesDecodedGzippedOrNotAndItsConnectionIsUsedAgain(String sender) throws Exception {
    byte[] json = list(20_000).getBytes(StandardCharsets.UTF_8);
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    server = new FakeServer((ex, req, n) -> {
      clientPorts.add(ex.getRemoteAddress().getPort());
      boolean gz = "gzip".equals(req.header("Accept-Encoding"));
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      if (gz) {
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      byte[] body = gz ? gzip(json) : json;
      // Chunked (length 0) every other time: both ways of ending a body.
      ex.sendResponseHeaders(200, n % 2 == 0 ? 0 : body.length);
      try (OutputStream os = ex.getResponseBody()) {
        for (int i = 0; i < body.length; i += 8192) {
          os.write(body, i, Math.min(8192, body.length - i));
          os.flush();
        }
      }
    });
    for (boolean gzip : List.of(false, true)) {
      Widgets api = client(sender, server.options().acceptGzip(gzip));
      for (int i = 0; i < 3; i++) {
        ListWidgetsResponse r = api.list("projects/p").execute();
        assertEquals(20_000, r.getWidgets().size());
        assertEquals("projects/p/widgets/w19999", r.getWidgets().get(19_999).getName());
        assertEquals("", r.getNextPageToken());
      }
    }
    assertEquals(6, server.count());
    // One connection per client (HttpURLConnection's keep-alive cache is the JVM's: one in all).
    assertTrue(clientPorts.size() <= 2, "connections: " + clientPorts.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void aBodyCutShortIsRetriedAsACutBody(String sender) throws Exception {
    byte[] json = list(2_000).getBytes(StandardCharsets.UTF_8);
    server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, json.length);
      OutputStream os = ex.getResponseBody();
      if (n == 1) {
        os.write(json, 0, json.length / 2);
        os.flush();
        throw new IOException("cut"); // FakeServer closes the exchange: the body ends short
      }
      os.write(json);
      os.close();
    });
    ListWidgetsResponse r = client(sender, server.options()).list("projects/p").execute();
    assertEquals(2_000, r.getWidgets().size());
    assertEquals(2, server.count());
  }

  /** {@code json}, an object, with a field in front that makes it long enough to be decoded as it arrives. */
  private static String big(String json) {
    return "{\"padding\": \"" + "x".repeat((int) BoundedBody.STREAM_FROM_BYTES) + "\", " + json.substring(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void malformedJsonFailsAsFromMemoryAndIsNotRetried(String sender) throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, big("{\"name\": \"w\", \"size\": }")));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client(sender, server.options()).get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().startsWith("widgets.projects.widgets.get: malformed JSON response: "), e.getMessage());
    assertEquals(1, server.count());

    server.handler((ex, req, n) -> FakeServer.respond(ex, 200,
        "[" + big("{\"name\": \"a\"}") + ", {\"name\": \"b\"}]"));
    e = assertThrows(InvalidResponseException.class,
        () -> client(sender, server.options()).get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("a stream of messages"), e.getMessage());

    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, big("{\"sizeBytes\": \"not a number\"}")));
    e = assertThrows(InvalidResponseException.class,
        () -> client(sender, server.options()).get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("malformed JSON response"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void emptyAndNonJsonBodiesAreReadAsBefore(String sender) throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "application/json", new byte[0]));
    assertNull(client(sender, server.options()).get("projects/p/widgets/w").execute());
    server.handler((ex, req, n) -> FakeServer.respondRaw(ex, 200, "text/html", "<html>".getBytes(StandardCharsets.UTF_8)));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client(sender, server.options()).get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("expected a JSON response, got content type text/html"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void aBodyOverTheLimitWithoutALengthIsRefused(String sender) throws Exception {
    byte[] json = list(5_000).getBytes(StandardCharsets.UTF_8);
    server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 0); // chunked: the limit is found while reading
      try (OutputStream os = ex.getResponseBody()) {
        os.write(json);
      }
    });
    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> client(sender, server.options().maxResponseBytes(50_000)).list("projects/p").execute());
    assertEquals(50_000, e.limit());
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void aBodyThatStallsEndsAtTheRequestTimeout(String sender) throws Exception {
    byte[] json = list(2_000).getBytes(StandardCharsets.UTF_8);
    server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, json.length);
      OutputStream os = ex.getResponseBody();
      os.write(json, 0, json.length / 2);
      os.flush();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    });
    ClientOptions.Builder b = server.options().requestTimeout(Duration.ofMillis(600))
        .retryPolicy(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(5), 2.0, Duration.ofSeconds(10)));
    long start = System.nanoTime();
    TransportException e = assertThrows(TransportException.class, () -> client(sender, b).list("projects/p").execute());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertInstanceOf(java.net.http.HttpTimeoutException.class, e.getCause(), e.toString());
    assertTrue(ms < 3_000, ms + " ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"urlconnection", "java.net.http"})
  void aPolicyThatMayReadBodiesSeesTheBytes(String sender) throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\": \"projects/p/widgets/w\"}"));
    List<Object> seen = new ArrayList<>();
    HttpPolicy reader = (exchange, next) -> {
      HttpResponse<?> resp = next.send(exchange);
      seen.add(resp.body());
      return resp;
    };
    Widget w = client(sender, server.options().addPolicy(reader)
        .addPolicy(HttpPolicy.onRequest(HttpPolicy.Position.PER_CALL, ex -> ex.setHeader("X-Test", "1"))))
        .get("projects/p/widgets/w").execute();
    assertEquals("projects/p/widgets/w", w.getName());
    assertEquals("{\"name\": \"projects/p/widgets/w\"}", new String((byte[]) seen.get(0), StandardCharsets.UTF_8));
    assertEquals("1", server.last().header("X-Test"));
  }
}
