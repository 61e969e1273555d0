package io.discogen.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1 that records what it receives and answers as a test scripts it. */
final class FakeServer implements AutoCloseable {

  /** A request as received. */
  record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Decoded values of a query parameter. */
    List<String> query(String name) {
      List<String> out = new ArrayList<>();
      if (rawQuery == null) {
        return out;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String n = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        if (n.equals(name)) {
          out.add(URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
      }
      return out;
    }
  }

  interface Handler {
    void handle(HttpExchange exchange, Received request, int count) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger count = new AtomicInteger();
  private volatile Handler handler;

  FakeServer(Handler handler) throws IOException {
    this.handler = handler;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try {
        byte[] body = ex.getRequestBody().readAllBytes();
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
            ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), body);
        received.add(r);
        this.handler.handle(ex, r, count.incrementAndGet());
      } catch (IOException | RuntimeException e) {
        // the client may have gone away; nothing to do
      } finally {
        ex.close();
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  void handler(Handler handler) {
    this.handler = handler;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  int count() {
    return count.get();
  }

  Received last() {
    List<Received> r = received();
    return r.get(r.size() - 1);
  }

  static void respond(HttpExchange ex, int status, String json, String... headers) throws IOException {
    respondRaw(ex, status, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  static void respondRaw(HttpExchange ex, int status, String contentType, byte[] body, String... headers) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  /** Client options pointing at this server, with fast retries. */
  ClientOptions.Builder options() {
    return ClientOptions.builder().rootUrl(url())
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(50), 2.0, Duration.ofSeconds(10)))
        .pollingPolicy(new PollingPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 2.0));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
