package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default sender of https calls: blocking in-memory calls on HttpURLConnection while few are in
 * flight to the host, the HTTP/2 client beyond that and for everything else; against a local HTTPS
 * server whose self-signed certificate the JVM trusts for the test.
 */
class HttpsCallsTest {
  private static final BoundedBody BODY = new BoundedBody(1 << 20, 64 * 1024);

  @TempDir Path dir;
  private HttpsServer server;
  private SSLSocketFactory before;
  private UrlConnectionSenderTest.Fallback http2;
  private HttpsCalls sender;
  private String root;
  /** Requests the server holds until this many have arrived (0: answers at once). */
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final AtomicInteger received = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    SSLContext ssl = TestTls.context(dir);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", ex -> {
      received.incrementAndGet();
      hold.countDown();
      try {
        hold.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    before = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(ssl.getSocketFactory());
    http2 = new UrlConnectionSenderTest.Fallback(HttpSender.of(HttpClient.newBuilder().sslContext(ssl).build()));
    sender = new HttpsCalls(http2, Duration.ofSeconds(5));
    root = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  @AfterEach
  void stop() {
    HttpsURLConnection.setDefaultSSLSocketFactory(before);
    server.stop(0);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void callsOneAfterAnotherGoOverUrlConnection() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, sender.send(get("x" + i), BODY).statusCode());
    }
    assertEquals(3, received.get());
    assertEquals(List.of(), http2.sent);
  }

  @Test
  void beyondFourInFlightToAHostCallsGoToTheHttp2Client() throws Exception {
    int calls = 8;
    hold = new CountDownLatch(calls); // nobody is answered before all eight are at the server
    ExecutorService callers = Executors.newFixedThreadPool(calls);
    try {
      List<Future<HttpResponse<byte[]>>> all = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String path = "y" + i;
        all.add(callers.submit(() -> sender.send(get(path), BODY)));
      }
      for (Future<HttpResponse<byte[]>> f : all) {
        assertEquals(200, f.get(20, TimeUnit.SECONDS).statusCode());
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(calls, received.get());
    assertEquals(calls - HttpsCalls.URL_CONNECTIONS, http2.sent.size(), "four on HttpURLConnection, the rest on HTTP/2");
    // Once they are done, calls go over HttpURLConnection again.
    assertEquals(200, sender.send(get("z"), BODY).statusCode());
    assertEquals(calls - HttpsCalls.URL_CONNECTIONS, http2.sent.size());
  }

  @Test
  void asynchronousAndStreamedCallsGoToTheHttp2Client() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> async = sender.sendAsync(get("a"), BODY);
    assertEquals(200, async.get(10, TimeUnit.SECONDS).statusCode());
    HttpResponse<?> streamed = sender.send(get("s"), BODY.streaming());
    assertEquals(200, streamed.statusCode());
    assertEquals(2, http2.sent.size());
    assertTrue(http2.sent.stream().allMatch(r -> r.uri().getPath().matches("/v1/[as]")), http2.sent.toString());
  }
}
