package io.discogen.runtime.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's API server: answers the test API's GET and its create POST, which declares a
 * request-id parameter. A create is acted on once per request id; a repeated id gets the original
 * result (as Google's servers treat a request id), and every id is recorded with the logical call
 * ({@code widgetId}, unique per call) it came with, so a call that arrived under two ids is found.
 */
final class SoakServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  /** requestId to the result of the one time it was acted on. */
  final Map<String, String> results = new ConcurrentHashMap<>();
  /** requestId to how many times it was acted on (1, unless the dedupe fails). */
  final Map<String, AtomicInteger> actedOn = new ConcurrentHashMap<>();
  /** widgetId (one per logical call) to the request ids it arrived with. */
  final Map<String, Set<String>> idsPerCall = new ConcurrentHashMap<>();
  final AtomicLong gets = new AtomicLong();
  final AtomicLong posts = new AtomicLong();
  final AtomicLong repeatedIds = new AtomicLong();
  final AtomicLong postsWithoutId = new AtomicLong();

  SoakServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "soak-server");
      t.setDaemon(true);
      return t;
    });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Forgets the records (the checks are done): they grow with the run. */
  void clearRecords() {
    results.clear();
    actedOn.clear();
    idsPerCall.clear();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** An answer: its status and JSON body. */
  record Answer(int status, String json) {
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      ex.getRequestBody().readAllBytes();
      Answer a = answer(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery());
      respond(ex, a.status(), a.json());
    } finally {
      ex.close();
    }
  }

  /** Acts on a request (a GET of a widget, or a create) and answers it; {@link H2FaultServer} calls this directly. */
  Answer answer(String method, String path, String rawQuery) {
    if (method.equals("GET")) {
      gets.incrementAndGet();
      String name = path.substring("/v1/".length());
      return new Answer(200, "{\"name\":\"" + name + "\",\"sizeBytes\":\"42\",\"state\":\"ACTIVE\"}");
    }
    posts.incrementAndGet();
    Map<String, String> q = query(rawQuery);
    String requestId = q.get("requestId");
    String widgetId = q.get("widgetId");
    if (requestId == null || widgetId == null) {
      postsWithoutId.incrementAndGet();
      return new Answer(400, "{\"error\":{\"code\":400,\"message\":\"requestId and widgetId required\"}}");
    }
    idsPerCall.computeIfAbsent(widgetId, k -> ConcurrentHashMap.newKeySet()).add(requestId);
    boolean[] first = {false};
    String result = results.computeIfAbsent(requestId, id -> {
      first[0] = true;
      actedOn.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      return "{\"name\":\"operations/" + widgetId + "\",\"done\":true,\"response\":{\"name\":\"projects/p/widgets/"
          + widgetId + "\"}}";
    });
    if (!first[0]) {
      repeatedIds.incrementAndGet();
    }
    return new Answer(200, result);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
