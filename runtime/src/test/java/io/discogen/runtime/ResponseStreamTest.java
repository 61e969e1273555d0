package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming a raw response of any HTTP method ({@link ClientRequest#openResponseStream()}): sent
 * with its body like {@code execute()}, retried only until the response headers arrive, never
 * resumed after that.
 */
class ResponseStreamTest {
  static final ServiceInfo SERVICE = new ServiceInfo("docs", "v1", "https://docs.example.com/", null, "v1/", null,
      List.of());

  static final class Render extends ClientRequest<byte[], Render> {
    Render(ApiClient client, String verb, Object body) {
      super(client, RestMethod.builder("docs.render", verb, "docs/{id}:render").pathParam("id", null).build(),
          body, byte[].class);
      set("id", "d1");
    }

    InputStream stream() {
      return openResponseStream();
    }

    void downloadTo(OutputStream out) {
      downloadResponseTo(out);
    }
  }

  static final class Json extends ClientRequest<Object, Json> {
    Json(ApiClient client) {
      super(client, RestMethod.builder("docs.get", "GET", "docs").build(), null, Object.class);
    }

    InputStream stream() {
      return openResponseStream();
    }
  }

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + i / 251);
    }
    return b;
  }

  @Test
  void putSendsItsBodyAndRetriesBeforeTheHeadersOnly() throws Exception {
    byte[] content = bytes(200_000);
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}");
      } else {
        FakeServer.respondRaw(ex, 200, "application/pdf", content);
      }
    });
    ApiClient client = new ApiClient(SERVICE, server.options().build());
    try (InputStream in = new Render(client, "PUT", Map.of("format", "pdf")).stream()) {
      assertArrayEquals(content, in.readAllBytes());
    }
    assertEquals(2, server.count());
    for (FakeServer.Received r : server.received()) {
      assertEquals("PUT", r.method());
      assertEquals("/v1/docs/d1:render", r.rawPath());
      assertEquals("{\"format\":\"pdf\"}", r.bodyText());
      assertEquals("application/json; charset=UTF-8", r.header("Content-Type"));
      assertEquals("*/*", r.header("Accept"));
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void aTransferThatBreaksIsNotRepeated() throws Exception {
    // 1000 of the announced 100,000 bytes: the handler returns with the body short, and the server
    // drops the connection.
    server = new FakeServer((ex, req, n) -> writeSlowly(ex, 100_000, 1, 0));
    ApiClient client = new ApiClient(SERVICE, server.options().build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(TransportException.class, () -> new Render(client, "POST", Map.of()).downloadTo(out));
    assertEquals(1, server.count());
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void theRequestTimeoutEndsAtTheHeadersNotTheReading() throws Exception {
    server = new FakeServer((ex, req, n) -> writeSlowly(ex, 0, 3, 700));
    ApiClient client = new ApiClient(SERVICE, server.options().requestTimeout(java.time.Duration.ofSeconds(1)).build());
    try (InputStream in = new Render(client, "POST", Map.of()).stream()) {
      assertEquals(3000, in.readAllBytes().length); // 2.1 s of reading under a 1 s request timeout
    }
    assertEquals(1, server.count());
  }

  /**
   * Answers 200 with {@code chunks} pieces of 1000 bytes, each flushed and followed by a pause;
   * {@code length} is the announced Content-Length (0: chunked).
   */
  static void writeSlowly(com.sun.net.httpserver.HttpExchange ex, long length, int chunks, long pauseMillis)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    ex.sendResponseHeaders(200, length);
    OutputStream os = ex.getResponseBody();
    for (int i = 0; i < chunks; i++) {
      os.write(bytes(1000));
      os.flush();
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void errorsAreApiExceptionsWithTheirBody() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 404, "{\"error\":{\"code\":404,\"message\":\"gone\"}}"));
    ApiClient client = new ApiClient(SERVICE, server.options().build());
    ApiException e = assertThrows(ApiException.class, () -> new Render(client, "DELETE", null).stream());
    assertEquals(404, e.statusCode());
    assertEquals("gone", e.errorMessage());
    assertEquals(1, server.count());
  }

  @Test
  void onlyRawResponsesStream() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    ApiClient client = new ApiClient(SERVICE, server.options().build());
    assertThrows(IllegalStateException.class, () -> new Json(client).stream());
    assertEquals(0, server.count());
  }

  @Test
  void resumableDownloadsAreForGetOnly() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    ApiClient client = new ApiClient(SERVICE, server.options().build());
    RestMethod post = RestMethod.builder("docs.export", "POST", "docs").binaryResponse().build();
    ClientRequest<byte[], ?> request = new ClientRequest<byte[], Render>(client, post, null, byte[].class) {};
    assertThrows(IllegalStateException.class, () -> client.download(request));
    assertEquals(0, server.count());
  }
}
