package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A generated client cannot be turned against its user by the values it is given or by the spec
 * it was generated from: path values stay in their segment, query values are data, the spec's own
 * root must be https, odd URLs from the spec never leak the API key, and huge error bodies are
 * cut. Complements RequestEncodingTest, ClientConfigTest, AuthTest, LoggingTest and
 * ErrorsAndLimitsTest.
 */
class HostileInputTest {
  private static final String KEY = "AIzaHOSTILESECRET";

  private FakeServer server;
  private Widgets widgets;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\":\"w\"}"));
    widgets = new Widgets(server.options().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void encodedDotsAndSlashesStayInTheirSegment() {
    Map<String, String> simple = Map.of(
        "%2e%2e", "/v1/lookup/%252e%252e",
        "..%2F..%2Fadmin", "/v1/lookup/..%252F..%252Fadmin",
        "../admin", "/v1/lookup/..%2Fadmin",
        "..\\admin", "/v1/lookup/..%5Cadmin",
        ".%2e", "/v1/lookup/.%252e",
        "a/../../b", "/v1/lookup/a%2F..%2F..%2Fb",
        "\u2025", "/v1/lookup/%E2%80%A5");
    for (Map.Entry<String, String> e : simple.entrySet()) {
      widgets.lookup(e.getKey()).execute();
      assertEquals(e.getValue(), server.last().rawPath(), e.getKey());
    }
    // Reserved expansion keeps '/', but '%' is still encoded: no decoded dot segment appears.
    widgets.get("projects/p/widgets/%2e%2e").execute();
    assertEquals("/v1/projects/p/widgets/%252e%252e", server.last().rawPath());
    widgets.get("projects/p/widgets/%2F..%2F..").execute();
    assertEquals("/v1/projects/p/widgets/%252F..%252F..", server.last().rawPath());
    for (String bad : List.of("projects/p/widgets/..", "projects/p/widgets/.", "projects/../widgets/w")) {
      assertThrows(IllegalArgumentException.class, () -> widgets.get(bad).execute(), bad);
    }
    for (FakeServer.Received r : server.received()) {
      assertTrue(r.rawPath().startsWith("/v1/"), r.rawPath());
      assertFalse(("/" + r.rawPath() + "/").matches(".*/\\.{1,2}/.*"), r.rawPath());
    }
  }

  @Test
  void queryValuesAreDataNotSyntax() {
    String nasty = "a&b=c#d\r\nX-Injected: 1\u0000e+f%g h?";
    widgets.lookup("id").setFilter(nasty).setFields("x&prettyPrint=true").execute();
    FakeServer.Received r = server.last();
    assertEquals("filter=a%26b%3Dc%23d%0D%0AX-Injected%3A%201%00e%2Bf%25g%20h%3F"
        + "&fields=x%26prettyPrint%3Dtrue&prettyPrint=false", r.rawQuery());
    assertEquals(List.of(nasty), r.query("filter"));
    assertEquals(List.of("false"), r.query("prettyPrint"), "a value cannot add a parameter");
    assertEquals(null, r.header("X-Injected"));
  }

  @Test
  void headerParametersCannotInjectHeaders() {
    for (String bad : List.of("a\r\nX-Injected: 1", "a\nb", "a\rb")) {
      assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setRequestParams(bad).execute(), bad);
      assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setHeader("X-Ok", bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setHeader("X-A\r\nX-B", "v"));
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setHeader("", "v"));
    assertEquals(0, server.count());
  }

  @Test
  void theSpecsOwnPlainHttpRootIsRefused() {
    ServiceInfo http = new ServiceInfo("x", "v1", "http://x.example.com/", null, "", null, List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ApiClient(http, ClientOptions.defaults()));
    assertTrue(e.getMessage().contains("http://"), e.getMessage());
    new ApiClient(http, ClientOptions.builder().allowInsecureHttp(true).build());
    new ApiClient(new ServiceInfo("x", "v1", "http://127.0.0.1:1/", null, "", null, List.of()), ClientOptions.defaults());
    // An https override replaces the insecure default: allowed.
    new ApiClient(http, ClientOptions.builder().rootUrl("https://x.example.com/").build());
  }

  @Test
  void oddUrlsFromTheSpecNeverLeakTheKey() {
    ClientOptions keyed = ClientOptions.builder().credentials(Credentials.apiKey(KEY)).build();
    List<ServiceInfo> odd = List.of(
        new ServiceInfo("x", "v1", "https://x.example.com/\"+System.exit(1)+\"*/", null, "", null, List.of()),
        new ServiceInfo("x", "v1", "https://x.example.com/", null, "svc path with spaces/", null, List.of()),
        new ServiceInfo("x", "v1", "not a url", null, "", null, List.of()));
    for (ServiceInfo s : odd) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> {
        ApiClient c = new ApiClient(s, keyed);
        c.execute(new RequestEncodingTest.Raw<Void>(c, RestMethod.builder("x.get", "GET", "v1/x").build(), null, Void.class));
      });
      assertNoSecret(e);
    }
    // A method path the spec filled with spaces and quotes: refused before sending, without the URL.
    ApiClient c = new ApiClient(Widgets.SERVICE_INFO, server.options().credentials(Credentials.apiKey(KEY)).build());
    RestMethod m = RestMethod.builder("x.get", "GET", "v1/things/{name}*/ int pwned; /* \" + 1 + \"").pathParam("name", null).build();
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> c.execute(new RequestEncodingTest.Raw<Void>(c, m, null, Void.class).with("name", "n")));
    assertNoSecret(e);
    assertEquals(0, server.count());
  }

  @Test
  void methodPathsCannotChangeTheHost() {
    ApiClient c = new ApiClient(Widgets.SERVICE_INFO, server.options().build());
    for (String path : List.of("//evil.example/x", "https://evil.example/x", "@evil.example/x", "/\\evil.example/x")) {
      int before = server.count();
      RestMethod m = RestMethod.builder("x.get", "GET", path).build();
      try {
        c.execute(new RequestEncodingTest.Raw<Widget>(c, m, null, Widget.class));
        assertEquals(before + 1, server.count(), "sent to the configured server: " + path);
      } catch (IllegalArgumentException refused) {
        assertEquals(before, server.count(), path);
      }
    }
  }

  @Test
  void connectionFailuresDoNotLeakTheKey() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Widgets w = new Widgets(ClientOptions.builder().rootUrl("http://127.0.0.1:" + port + "/")
        .credentials(Credentials.apiKey(KEY)).retryPolicy(RetryPolicy.none()).build());
    TransportException e = assertThrows(TransportException.class, () -> w.get("projects/p/widgets/w").execute());
    assertNoSecret(e);
  }

  @Test
  void hugeStreamedErrorBodyIsCut() throws Exception {
    long[] written = new long[1];
    server.handler((HttpExchange ex, FakeServer.Received req, int n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(500, 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try (OutputStream os = ex.getResponseBody()) {
        for (int i = 0; i < 3200; i++) { // up to 200 MB
          os.write(chunk);
          written[0] += chunk.length;
        }
      }
    });
    Widgets w = new Widgets(server.options().retryPolicy(RetryPolicy.none()).build());
    long start = System.nanoTime();
    RuntimeException e = assertThrows(RuntimeException.class, () -> w.get("projects/p/widgets/w").execute());
    Thread.sleep(200);
    assertTrue(written[0] < 100L * 1024 * 1024, "server wrote " + written[0]);
    assertTrue(System.nanoTime() - start < 20_000_000_000L);
    if (e instanceof ApiException api) {
      assertEquals(500, api.statusCode());
      assertTrue(api.rawBody() == null || api.rawBody().length() <= ApiException.MAX_RAW_BODY_CHARS + 20);
    }
  }

  private static void assertNoSecret(Throwable e) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t));
      for (Throwable s : t.getSuppressed()) {
        texts.add(String.valueOf(s));
      }
    }
    for (String t : texts) {
      assertFalse(t.contains(KEY), "the API key leaked: " + t);
    }
  }
}
