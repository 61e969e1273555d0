package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The HttpURLConnection sender for blocking in-memory calls to plain http roots: what reaches the
 * server, what falls back to java.net.http, and failures that keep java.net.http's meaning.
 */
class UrlConnectionSenderTest {
  private static final BoundedBody BODY = new BoundedBody(1 << 20, 64 * 1024);

  /** Records what it is asked to send instead of sending it. */
  static final class Fallback implements HttpSender {
    /** Thread-safe: concurrent callers add to it (a plain ArrayList lost one now and then). */
    final List<HttpRequest> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    final HttpSender real;

    Fallback() {
      this(HttpSender.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
    }

    Fallback(HttpSender real) {
      this.real = real;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      sent.add(request);
      return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      sent.add(request);
      return real.sendAsync(request, handler);
    }
  }

  private final Fallback fallback = new Fallback();
  private final UrlConnectionSender sender = new UrlConnectionSender(fallback, Duration.ofSeconds(5), false);

  @Test
  void aGetAndAPostReachTheServerAsTheExchangeHasThem() throws Exception {
    try (FakeServer server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().add("X-Multi", "a");
      ex.getResponseHeaders().add("X-Multi", "b");
      FakeServer.respond(ex, n == 1 ? 200 : 201, "{\"n\":" + n + "}");
    })) {
      HttpResponse<byte[]> get = sender.send(HttpRequest.newBuilder(URI.create(server.url() + "v1/things?q=1"))
          .header("Accept", "application/json").header("X-Goog-Api-Client", "gl-java/17").GET()
          .timeout(Duration.ofSeconds(5)).build(), BODY);
      assertEquals(200, get.statusCode());
      assertEquals("{\"n\":1}", new String(get.body(), StandardCharsets.UTF_8));
      assertEquals(List.of("a", "b"), get.headers().allValues("x-multi"));
      assertEquals(HttpClient.Version.HTTP_1_1, get.version());

      byte[] json = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
      HttpResponse<byte[]> post = sender.send(HttpRequest.newBuilder(URI.create(server.url() + "v1/things"))
          .header("Content-Type", "application/json; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json)).timeout(Duration.ofSeconds(5)).build(), BODY);
      assertEquals(201, post.statusCode());
      assertTrue(fallback.sent.isEmpty(), "both sent with HttpURLConnection");

      FakeServer.Received g = server.received().get(0);
      assertEquals("GET", g.method());
      assertEquals("q=1", g.rawQuery());
      assertEquals("application/json", g.header("Accept"));
      assertEquals("gl-java/17", g.header("X-Goog-Api-Client"));
      assertNull(g.header("Content-Type"));
      FakeServer.Received p = server.received().get(1);
      assertEquals("POST", p.method());
      assertArrayEquals(json, p.body());
      assertEquals(String.valueOf(json.length), p.header("Content-Length"));
      assertEquals("application/json; charset=UTF-8", p.header("Content-Type"));
      assertEquals("*/*", p.header("Accept"), "not HttpURLConnection's browser list");
    }
  }

  @Test
  void whatHttpUrlConnectionCannotSendGoesToTheFallback() throws Exception {
    try (FakeServer server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"))) {
      URI uri = URI.create(server.url() + "v1/things");
      byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
      HttpRequest patch = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json)).build();
      HttpRequest emptyPost = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpRequest streamed = HttpRequest.newBuilder(uri).GET().build();
      assertEquals(200, sender.send(patch, BODY).statusCode());
      assertEquals(200, sender.send(emptyPost, BODY).statusCode());
      assertEquals(200, sender.send(streamed, HttpResponse.BodyHandlers.ofInputStream()).statusCode());
      assertEquals(200, sender.sendAsync(streamed, BODY).get(5, TimeUnit.SECONDS).statusCode());
      assertEquals(List.of(patch, emptyPost, streamed, streamed), fallback.sent);
      assertEquals("PATCH", server.received().get(0).method());
      assertNull(server.received().get(1).header("Content-Type"), "no form content type on an empty POST");
    }
  }

  @Test
  void aHeadCutShortIsRefusedNotReadAsAnEmptyAnswer() throws Exception {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Ty")) {
      assertThrows(EOFException.class, () -> sender.send(raw.get(), BODY));
    }
  }

  @Test
  void aBodyCutShortIsRefused() throws Exception {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"name\":")) {
      assertThrows(EOFException.class, () -> sender.send(raw.get(), BODY));
    }
  }

  @Test
  void aBodyEndedByTheConnectionIsReadWhenTheServerSaysSo() throws Exception {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"n\":1}")) {
      assertEquals("{\"n\":1}", new String(sender.send(raw.get(), BODY).body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aStalledBodyEndsAtTheReadTimeoutAsAnHttpTimeout() throws Exception {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"na", true)) {
      long t0 = System.nanoTime();
      HttpRequest req = HttpRequest.newBuilder(raw.uri()).timeout(Duration.ofMillis(300)).build();
      assertThrows(HttpTimeoutException.class, () -> sender.send(req, BODY));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 250 && ms < 3_000, ms + " ms");
    }
  }

  @Test
  void anInterruptEndsAnExchangeWaitingForItsHead() throws Exception {
    try (RawServer raw = new RawServer(null, true)) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      Thread t = new Thread(() -> {
        try {
          sender.send(HttpRequest.newBuilder(raw.uri()).timeout(Duration.ofSeconds(60)).build(), BODY);
        } catch (Throwable e) {
          thrown.set(e);
        }
        done.countDown();
      });
      t.start();
      assertTrue(raw.accepted.await(5, TimeUnit.SECONDS));
      long t0 = System.nanoTime();
      t.interrupt();
      assertTrue(done.await(5, TimeUnit.SECONDS), "the interrupt ended the exchange");
      assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
      assertInstanceOf(InterruptedException.class, thrown.get());
    }
  }

  @Test
  void aJvmWideCookieHandlerSendsCallsToTheFallback() {
    HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x")).build();
    java.net.CookieHandler before = java.net.CookieHandler.getDefault();
    java.net.CookieHandler.setDefault(new java.net.CookieManager());
    try {
      assertFalse(sender.carries(plain, BODY));
    } finally {
      java.net.CookieHandler.setDefault(before);
    }
    assertTrue(sender.carries(plain, BODY));
  }

  /** The JVM's default ProxySelector is consulted, as the JDK's default HttpClient consults it. */
  @Test
  void callsGoThroughTheJvmsProxySelectorAsJavaNetHttpsDo() throws Exception {
    try (FakeServer proxy = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"via\":\"proxy\"}"))) {
      java.net.InetSocketAddress at = new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(),
          URI.create(proxy.url()).getPort());
      List<URI> asked = java.util.Collections.synchronizedList(new ArrayList<>());
      java.net.ProxySelector before = java.net.ProxySelector.getDefault();
      java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
        @Override
        public List<java.net.Proxy> select(URI uri) {
          asked.add(uri);
          return List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, at));
        }

        @Override
        public void connectFailed(URI uri, java.net.SocketAddress sa, IOException e) {
        }
      });
      try {
        HttpResponse<byte[]> r = sender.send(HttpRequest.newBuilder(URI.create("http://pets.invalid/v1/x?q=1")).build(), BODY);
        assertEquals(200, r.statusCode());
        assertEquals("{\"via\":\"proxy\"}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(URI.create("http://pets.invalid/v1/x?q=1")), asked);
        assertEquals("/v1/x", proxy.last().rawPath());
        assertEquals(List.of("pets.invalid"), proxy.last().headers().get("Host"));
        assertEquals(List.of(), fallback.sent);
      } finally {
        java.net.ProxySelector.setDefault(before);
      }
    }
  }

  @Test
  void aJvmWideAuthenticatorIsNeverAsked() throws Exception {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    java.net.Authenticator.setDefault(new java.net.Authenticator() {
      @Override
      protected java.net.PasswordAuthentication getPasswordAuthentication() {
        asked.incrementAndGet();
        return new java.net.PasswordAuthentication("user", "secret".toCharArray());
      }
    });
    try (FakeServer server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 401, "{}",
        "WWW-Authenticate", "Basic realm=\"x\""))) {
      HttpResponse<byte[]> r = sender.send(HttpRequest.newBuilder(URI.create(server.url() + "x")).build(), BODY);
      assertEquals(401, r.statusCode());
      assertEquals(0, asked.get());
      assertEquals(1, server.received().size());
    } finally {
      java.net.Authenticator.setDefault(null);
    }
  }

  @Test
  void onlyPlainHttpCallsReadIntoMemoryAreCarriedUnlessTlsIsAsked() {
    HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x")).build();
    HttpRequest tls = HttpRequest.newBuilder(URI.create("https://example.com/x")).build();
    HttpRequest h2 = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x")).version(HttpClient.Version.HTTP_2).build();
    assertTrue(sender.carries(plain, BODY));
    assertTrue(sender.carries(plain, BODY.abortable()));
    assertFalse(sender.carries(tls, BODY));
    assertFalse(sender.carries(h2, BODY));
    assertFalse(sender.carries(plain, BODY.streaming()));
    UrlConnectionSender withTls = new UrlConnectionSender(fallback, Duration.ofSeconds(5), true);
    assertTrue(withTls.carries(tls, BODY));
    assertTrue(withTls.carries(plain, BODY));
    assertFalse(withTls.carries(h2, BODY));
    assertFalse(withTls.carries(tls, BODY.streaming()));
  }

  /**
   * {@link HttpSender#urlConnectionFirst()} over TLS: a GET and a POST on HttpURLConnection (the
   * fallback never asked), a PATCH on the fallback; against a local HTTPS server whose self-signed
   * certificate the JVM trusts for the test.
   */
  @Test
  void httpsCallsGoOverUrlConnectionWhenAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    javax.net.ssl.SSLContext ssl = TestTls.context(dir);
    com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ssl));
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    server.createContext("/", ex -> {
      byte[] in = ex.getRequestBody().readAllBytes();
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + new String(in, StandardCharsets.UTF_8));
      byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    javax.net.ssl.SSLSocketFactory before = javax.net.ssl.HttpsURLConnection.getDefaultSSLSocketFactory();
    javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(ssl.getSocketFactory());
    Fallback tlsFallback = new Fallback(HttpSender.of(HttpClient.newBuilder().sslContext(ssl).build()));
    try {
      UrlConnectionSender tls = new UrlConnectionSender(tlsFallback, Duration.ofSeconds(5), true);
      String root = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
      HttpResponse<byte[]> get = tls.send(HttpRequest.newBuilder(URI.create(root + "x")).GET().build(), BODY);
      HttpResponse<byte[]> post = tls.send(HttpRequest.newBuilder(URI.create(root + "y"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), BODY);
      HttpResponse<byte[]> patch = tls.send(HttpRequest.newBuilder(URI.create(root + "z"))
          .header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"b\":2}")).build(), BODY);
      for (HttpResponse<byte[]> r : List.of(get, post, patch)) {
        assertEquals(200, r.statusCode());
        assertEquals("{\"ok\":true}", new String(r.body(), StandardCharsets.UTF_8));
      }
      assertEquals(List.of("GET /v1/x ", "POST /v1/y {\"a\":1}", "PATCH /v1/z {\"b\":2}"), seen);
      assertEquals(1, tlsFallback.sent.size(), "only the PATCH goes to the fallback");
      assertEquals("PATCH", tlsFallback.sent.get(0).method());
    } finally {
      javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(before);
      server.stop(0);
    }
  }

  /** A one-connection server that answers every request with {@code answer} (null: nothing), then closes or stalls. */
  static final class RawServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final CountDownLatch accepted = new CountDownLatch(1);
    private final Thread thread;

    RawServer(String answer) throws IOException {
      this(answer, false);
    }

    RawServer(String answer, boolean stall) throws IOException {
      thread = new Thread(() -> {
        try (Socket s = socket.accept()) {
          accepted.countDown();
          InputStream in = s.getInputStream();
          byte[] buf = new byte[8192];
          int n = in.read(buf); // the request head (small)
          if (n > 0 && answer != null) {
            OutputStream out = s.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
          if (stall) {
            Thread.sleep(30_000);
          }
        } catch (IOException | InterruptedException e) {
          // closed by the test
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/x");
    }

    HttpRequest get() {
      return HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void close() throws IOException {
      thread.interrupt();
      socket.close();
    }
  }
}
