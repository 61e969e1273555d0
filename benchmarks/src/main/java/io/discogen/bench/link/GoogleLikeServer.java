package io.discogen.bench.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.bench.Payloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A Compute API server that answers as Google's front end does, for {@link LinkBench}: pretty JSON
 * unless the request has {@code prettyPrint=false}; gzip only when the request has {@code
 * Accept-Encoding: gzip} and a User-Agent that contains "gzip". Every answer waits {@code
 * latency} first: netem is not available here, so the link's round trip is the server's. Runs in a
 * process of its own, so the client's process CPU is the client's alone.
 *
 * <p>{@code GoogleLikeServer LATENCY_MS INSTANCES}: prints the port, then serves {@code
 * instances.list} (all instances) and {@code instances.get} (one) until killed. {@code GET
 * /stats} answers with the bytes of bodies sent so far and resets the count.
 */
public final class GoogleLikeServer {
  private final long latencyMs;
  final Variants list;
  final Variants one;
  private final AtomicLong bodyBytes = new AtomicLong();

  /** The four encodings of one answer, made once. */
  record Variants(byte[] pretty, byte[] compact, byte[] prettyGzip, byte[] compactGzip) {
    static Variants of(byte[] json) throws IOException {
      ObjectMapper mapper = new ObjectMapper();
      JsonNode tree = mapper.readTree(json);
      byte[] pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
      byte[] compact = mapper.writeValueAsBytes(tree);
      return new Variants(pretty, compact, gzip(pretty), gzip(compact));
    }

    byte[] pick(boolean prettyPrint, boolean gzip) {
      return prettyPrint ? (gzip ? prettyGzip : pretty) : (gzip ? compactGzip : compact);
    }
  }

  GoogleLikeServer(long latencyMs, int instances) throws IOException {
    this.latencyMs = latencyMs;
    this.list = Variants.of(Payloads.instances(instances));
    String all = new String(Payloads.instances(1), java.nio.charset.StandardCharsets.UTF_8);
    this.one = Variants.of(all.substring(all.indexOf('[') + 1, all.lastIndexOf(']')).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws IOException {
    long latency = Long.parseLong(args[0]);
    int instances = Integer.parseInt(args[1]);
    GoogleLikeServer s = new GoogleLikeServer(latency, instances);
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", s::handle);
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }

  /** Sizes of the list answer, for the report: compact and gzipped, as the floor needs. */
  static long[] listSizes(int instances) throws IOException {
    Variants v = Variants.of(Payloads.instances(instances));
    return new long[] {v.pretty().length, v.compact().length, v.prettyGzip().length, v.compactGzip().length};
  }

  private void handle(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      in.readAllBytes();
    }
    String path = ex.getRequestURI().getRawPath();
    if (path.equals("/stats")) {
      byte[] b = Long.toString(bodyBytes.getAndSet(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
      return;
    }
    if (latencyMs > 0) {
      try {
        Thread.sleep(latencyMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    String query = ex.getRequestURI().getRawQuery();
    boolean prettyPrint = query == null || !query.contains("prettyPrint=false");
    String ua = String.join(" ", ex.getRequestHeaders().getOrDefault("User-Agent", List.of()));
    String accept = String.join(",", ex.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()));
    boolean gzip = accept.toLowerCase(Locale.ROOT).contains("gzip") && ua.contains("gzip");
    Variants v = path.endsWith("/instances") ? list : one;
    byte[] body = v.pick(prettyPrint, gzip);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.getResponseHeaders().set("Vary", "Origin, X-Origin, Referer");
    if (gzip) {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    bodyBytes.addAndGet(body.length);
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }
}
