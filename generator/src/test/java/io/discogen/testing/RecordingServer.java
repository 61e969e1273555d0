package io.discogen.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A local HTTP server that answers every request {@code 200 {}} and records its request line as
 * received ({@code GET /raw/path?raw=query}), for tests of the URLs generated clients send.
 */
public final class RecordingServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

  public RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String query = ex.getRequestURI().getRawQuery();
      requestLines.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
      ex.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The root URL to give a client ({@code http://127.0.0.1:port/}). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Request lines in the order received. */
  public List<String> requestLines() {
    synchronized (requestLines) {
      return List.copyOf(requestLines);
    }
  }

  /** The last request line received. */
  public String last() {
    List<String> all = requestLines();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
