package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error mapping (both error shapes), unusable responses, size limits, redirects. */
class ErrorsAndLimitsTest {
  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Widgets widgets(FakeServer.Handler h, ClientOptions.Builder... options) throws IOException {
    server = new FakeServer(h);
    ClientOptions.Builder b = options.length > 0 ? options[0].rootUrl(server.url()) : server.options();
    return new Widgets(b.build());
  }

  @Test
  void googleErrorShape() throws Exception {
    String body = "{\"error\":{\"code\":404,\"message\":\"Widget w not found\",\"status\":\"NOT_FOUND\","
        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ResourceInfo\",\"resourceName\":\"w\"}]}}";
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 404, body));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(404, e.statusCode());
    assertEquals(404, e.errorCode());
    assertEquals("NOT_FOUND", e.errorStatus());
    assertEquals("Widget w not found", e.errorMessage());
    assertEquals(1, e.details().size());
    assertEquals("w", e.details().get(0).get("resourceName"));
    assertEquals(body, e.rawBody());
    assertEquals("404 NOT_FOUND: Widget w not found (widgets.projects.widgets.get)", e.getMessage());
  }

  @Test
  void flatGatewayErrorShapeMapsRpcCodes() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 400,
        "{\"code\":3,\"message\":\"Invalid request: bad field\",\"details\":[]}"));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(400, e.statusCode());
    assertEquals(3, e.errorCode());
    assertEquals("INVALID_ARGUMENT", e.errorStatus());
    assertEquals("Invalid request: bad field", e.errorMessage());
    assertEquals(List.of(), e.details());
    server.handler((ex, req, n) -> FakeServer.respond(ex, 409, "{\"code\":6,\"message\":\"exists\"}"));
    assertEquals("ALREADY_EXISTS",
        assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute()).errorStatus());
  }

  @Test
  void nonJsonErrorBodyKeepsRawTextAndHttpStatusName() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respondRaw(ex, 502, "text/html",
        "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)),
        ClientOptions.builder().retryPolicy(RetryPolicy.none()));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(502, e.statusCode());
    assertNull(e.errorStatus());
    assertNull(e.errorMessage());
    assertEquals("<html>Bad Gateway</html>", e.rawBody());
    server.handler((ex, req, n) -> FakeServer.respondRaw(ex, 403, null, new byte[0]));
    ApiException empty = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertNull(empty.errorStatus(), "no gRPC name the body did not give");
    assertNull(empty.rawBody());
    assertEquals("403 Forbidden (widgets.projects.widgets.get)", empty.getMessage());
  }

  @Test
  void aNonGoogleJsonErrorKeepsItsMessageAndTheHttpStatusText() throws Exception {
    // A "code" that is the API's own, not a google.rpc code: 5 is not NOT_FOUND here.
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 400,
        "{\"code\":5,\"message\":\"book id must be numeric\"}"));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertNull(e.errorStatus());
    assertEquals("book id must be numeric", e.errorMessage());
    assertEquals("400 Bad Request: book id must be numeric (widgets.projects.widgets.get)", e.getMessage());
    assertEquals("{\"code\":5,\"message\":\"book id must be numeric\"}", e.rawBody());
  }

  @Test
  void problemDetailsAreReadIntoTheMessage() throws Exception {
    String problem = "{\"type\":\"https://example.com/probs/limit\",\"title\":\"Loan limit reached\","
        + "\"status\":422,\"detail\":\"Member 7 has 5 loans; the limit is 5.\"}";
    Widgets w = widgets((ex, req, n) -> FakeServer.respondRaw(ex, 422, "application/problem+json",
        problem.getBytes(StandardCharsets.UTF_8)));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(422, e.errorCode());
    assertNull(e.errorStatus());
    assertEquals("Loan limit reached: Member 7 has 5 loans; the limit is 5.", e.errorMessage());
    assertEquals("422 Unprocessable Content: Loan limit reached: Member 7 has 5 loans; the limit is 5."
        + " (widgets.projects.widgets.get)", e.getMessage());
  }

  @Test
  void googleEnvelopeWithoutStatusTakesTheHttpStatusName() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 404,
        "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"errors\":[{\"reason\":\"notFound\"}]}}"));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals("NOT_FOUND", e.errorStatus());
    assertEquals("404 NOT_FOUND: Not Found (widgets.projects.widgets.get)", e.getMessage());
  }

  @Test
  void hugeErrorBodyIsTruncated() throws Exception {
    String big = "{\"error\":{\"code\":400,\"message\":\"" + "x".repeat(200_000) + "\"}}";
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 400, big));
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(400, e.statusCode());
    assertTrue(e.rawBody().length() <= ApiException.MAX_RAW_BODY_CHARS + 20, "raw " + e.rawBody().length());
    assertTrue(e.rawBody().endsWith("[truncated]"));
    assertTrue(e.getMessage().length() < 1200);
  }

  @Test
  void malformedJsonIsAnInvalidResponse() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\": \"unterminated"));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> w.get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"sizeBytes\":\"not a number\"}"));
    assertThrows(InvalidResponseException.class, () -> w.get("projects/p/widgets/w").execute());
  }

  @Test
  void deeplyNestedJsonIsRefused() throws Exception {
    String deep = "{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 200, deep));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> w.get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  @Test
  void nonJsonContentTypeOnAJsonMethodIsRefused() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respondRaw(ex, 200, "text/html; charset=utf-8",
        "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> w.get("projects/p/widgets/w").execute());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
  }

  @Test
  void responseOverTheLimitWithContentLengthFailsBeforeReading() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(10_000) + "\"}";
    Widgets w = widgets((ex, req, n) -> FakeServer.respond(ex, 200, big),
        ClientOptions.builder().maxResponseBytes(1000));
    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> w.get("projects/p/widgets/w").execute());
    assertEquals(1000, e.limit());
    assertEquals(1, server.count(), "not retried");
  }

  @Test
  void chunkedResponseOverTheLimitStopsReadingAtTheLimit() throws Exception {
    // Streams up to 100 MB in chunks with no Content-Length; the client must stop early.
    long[] written = new long[1];
    Widgets w = widgets((HttpExchange ex, FakeServer.Received req, int n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try (OutputStream os = ex.getResponseBody()) {
        os.write('{');
        for (int i = 0; i < 1600; i++) {
          os.write(chunk);
          written[0] += chunk.length;
        }
      }
    }, ClientOptions.builder().maxResponseBytes(100_000));
    assertThrows(ResponseTooLargeException.class, () -> w.get("projects/p/widgets/w").execute());
    Thread.sleep(200);
    assertTrue(written[0] < 50L * 1024 * 1024, "server wrote " + written[0]);
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    try (FakeServer other = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"))) {
      Widgets w = widgets((ex, req, n) -> FakeServer.respondRaw(ex, 302, null, new byte[0],
          "Location", other.url() + "v1/projects/p/widgets/w"),
          ClientOptions.builder().credentials(Credentials.bearerToken("secret-token")));
      ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
      assertEquals(302, e.statusCode());
      assertEquals(0, other.count());
    }
  }

  @Test
  void anHttpClientThatFollowsRedirectsIsRefused() {
    HttpClient follows = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Widgets(ClientOptions.builder().httpClient(follows).build()));
    assertTrue(e.getMessage().contains("redirect"), e.getMessage());
  }

  @Test
  void voidAndEmptyResponses() throws Exception {
    Widgets w = widgets((ex, req, n) -> FakeServer.respondRaw(ex, 204, null, new byte[0]));
    assertNull(w.delete("projects/p/widgets/w").execute());
    ApiClient client = w.client();
    RestMethod m = RestMethod.builder("widgets.ping", "POST", "v1/ping").build();
    server.handler((ex, req, n) -> FakeServer.respondRaw(ex, 200, "text/plain", "pong".getBytes(StandardCharsets.UTF_8)));
    assertNull(client.execute(new RequestEncodingTest.Raw<Void>(client, m, null, Void.class)));
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"a\":1}"));
    Map<String, Object> map = client.execute(new RequestEncodingTest.Raw<Map<String, Object>>(
        client, m, null, Types.mapOf(Object.class)));
    assertEquals(Map.of("a", 1), map);
  }

  @Test
  void requestTimeoutIsATransportException() throws Exception {
    Widgets w = widgets((ex, req, n) -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, ClientOptions.builder().retryPolicy(RetryPolicy.none()).requestTimeout(java.time.Duration.ofMillis(300)));
    long start = System.nanoTime();
    TransportException e = assertThrows(TransportException.class, () -> w.get("projects/p/widgets/w").execute());
    assertInstanceOf(java.net.http.HttpTimeoutException.class, e.getCause());
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
  }
}
