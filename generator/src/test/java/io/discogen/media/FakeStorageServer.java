package io.discogen.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Cloud Storage's JSON API as far as media goes, on 127.0.0.1: simple, multipart and
 * resumable uploads (sessions that persist whole 256 KiB units of an interrupted chunk, status
 * queries, 308 with {@code Range}), downloads with {@code Range}, object metadata, and the batch
 * endpoint. Faults are injected by the test: dropped connections and 503s mid-chunk, downloads
 * cut short.
 */
final class FakeStorageServer implements AutoCloseable {
  static final int UNIT = 256 * 1024;

  /** A stored object. */
  record StoredObject(String bucket, String name, String contentType, byte[] data, JsonNode metadata) {}

  /** What happens to one chunk PUT. */
  record Fault(Kind kind, int afterBytes) {
    enum Kind { DROP, UNAVAILABLE }
  }

  /** One request as received (bodies of chunks are not kept). */
  record Seen(String method, String path, String query, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static final class Session {
    final String id;
    final String bucket;
    final JsonNode metadata;
    final String contentType;
    final long declaredLength;
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    StoredObject result;

    Session(String id, String bucket, JsonNode metadata, String contentType, long declaredLength) {
      this.id = id;
      this.bucket = bucket;
      this.metadata = metadata;
      this.contentType = contentType;
      this.declaredLength = declaredLength;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  final Map<String, Session> sessions = new ConcurrentHashMap<>();
  final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger chunkPuts = new AtomicInteger();
  final AtomicInteger faultsInjected = new AtomicInteger();
  /** Decides the fault of the n-th chunk PUT (1-based) that carries bytes; null for none. */
  volatile IntFunction<Fault> chunkFaults = n -> null;
  /** Downloads cut after this many bytes, one per GET, in order. */
  final Deque<Integer> downloadCuts = new ArrayDeque<>();
  /** Object names whose metadata GET answers 503 this many more times. */
  final Map<String, Integer> flaky = new ConcurrentHashMap<>();
  /** Object names whose insert (metadata only) answers 503 this many more times. */
  final Map<String, Integer> flakyInserts = new ConcurrentHashMap<>();
  final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

  FakeStorageServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try {
        handle(ex);
      } catch (Drop d) {
        throw new RuntimeException("connection dropped on purpose"); // HttpServer closes the socket
      } catch (IOException | RuntimeException e) {
        // the client went away
      } finally {
        ex.close();
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  void put(String bucket, String name, String contentType, byte[] data) {
    ObjectNode meta = Json.get().mapper().createObjectNode();
    objects.put(bucket + "/" + name, stored(bucket, name, contentType, data, meta));
  }

  StoredObject object(String bucket, String name) {
    return objects.get(bucket + "/" + name);
  }

  List<Seen> seen(String method) {
    synchronized (seen) {
      return seen.stream().filter(s -> s.method().equals(method)).toList();
    }
  }

  private static final class Drop extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    URI uri = ex.getRequestURI();
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    seen.add(new Seen(method, path, uri.getRawQuery(), headers));

    Matcher m;
    // Cloud Storage starts resumable sessions at the simple upload path, as Google's clients do;
    // the document's protocols.resumable.path (/resumable/upload/...) has no route here.
    if (method.equals("POST") && (m = Pattern.compile("/upload/storage/v1/b/([^/]+)/o").matcher(path)).matches()
        && "resumable".equals(query.get("uploadType")) && !query.containsKey("upload_id")) {
      startSession(ex, m.group(1), query, headers);
      return;
    }
    if (method.equals("POST") && (m = Pattern.compile("/upload/storage/v1/b/([^/]+)/o").matcher(path)).matches()) {
      String type = query.get("uploadType");
      byte[] body = ex.getRequestBody().readAllBytes();
      if ("media".equals(type)) {
        String name = query.get("name");
        StoredObject o = stored(m.group(1), name, headers.get("content-type"), body, Json.get().mapper().createObjectNode());
        objects.put(o.bucket() + "/" + name, o);
        json(ex, 200, o.metadata());
      } else if ("multipart".equals(type)) {
        List<byte[][]> parts = multipart(headers.get("content-type"), body);
        JsonNode meta = Json.get().mapper().readTree(parts.get(0)[1]);
        String contentType = header(parts.get(1)[0], "content-type");
        String name = query.getOrDefault("name", meta.path("name").asText(null));
        StoredObject o = stored(m.group(1), name, contentType, parts.get(1)[1], meta);
        objects.put(o.bucket() + "/" + name, o);
        json(ex, 200, o.metadata());
      } else {
        error(ex, 400, "unknown uploadType " + type);
      }
      return;
    }
    if (method.equals("PUT") && query.containsKey("upload_id")) {
      Session s = sessions.get(query.get("upload_id"));
      if (s == null) {
        error(ex, 404, "no such upload session");
        return;
      }
      chunk(ex, s, headers.get("content-range"));
      return;
    }
    if (method.equals("GET") && (m = Pattern.compile("/download/storage/v1/b/([^/]+)/o/([^/]+)").matcher(path)).matches()
        && "media".equals(query.get("alt"))) {
      download(ex, object(m.group(1), decode(m.group(2))), headers.get("range"));
      return;
    }
    if (method.equals("POST") && path.equals("/batch/storage/v1")) {
      batch(ex, headers.get("content-type"), ex.getRequestBody().readAllBytes());
      return;
    }
    if (method.equals("GET") && path.startsWith("/storage/v1/b/")) {
      // objects.get without alt=media: the object's metadata, as a batched get answers
      String[] answer = answer("GET " + path + " HTTP/1.1", "");
      byte[] json = answer[1].getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      ex.sendResponseHeaders(Integer.parseInt(answer[0].substring(0, 3)), json.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(json);
      }
      return;
    }
    error(ex, 404, "no route for " + method + " " + path);
  }

  // ---- resumable sessions ----------------------------------------------------------------------

  private void startSession(HttpExchange ex, String bucket, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    JsonNode meta = body.length == 0 ? Json.get().mapper().createObjectNode() : Json.get().mapper().readTree(body);
    if (query.containsKey("name")) {
      ((ObjectNode) meta).put("name", query.get("name"));
    }
    String len = headers.get("x-upload-content-length");
    Session s = new Session(UUID.randomUUID().toString(), bucket, meta,
        headers.getOrDefault("x-upload-content-type", "application/octet-stream"), len == null ? -1 : Long.parseLong(len));
    sessions.put(s.id, s);
    ex.getResponseHeaders().set("Location", url() + "upload/storage/v1/b/" + s.bucket
        + "/o?uploadType=resumable&upload_id=" + s.id);
    ex.sendResponseHeaders(200, -1);
  }

  private static final Pattern CHUNK_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern QUERY_RANGE = Pattern.compile("bytes \\*/(\\d+|\\*)");

  private void chunk(HttpExchange ex, Session s, String contentRange) throws IOException {
    synchronized (s) {
      if (s.result != null) {
        ex.getRequestBody().readAllBytes();
        json(ex, 200, s.result.metadata());
        return;
      }
      long have = s.data.size();
      Matcher q = QUERY_RANGE.matcher(contentRange == null ? "" : contentRange);
      if (q.matches()) {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (body.length != 0) {
          error(ex, 400, "a status query has no body");
          return;
        }
        if (!q.group(1).equals("*") && Long.parseLong(q.group(1)) == have) {
          finish(ex, s); // the final (possibly empty) request of an upload
          return;
        }
        incomplete(ex, have);
        return;
      }
      Matcher c = CHUNK_RANGE.matcher(contentRange == null ? "" : contentRange);
      if (!c.matches()) {
        error(ex, 400, "bad Content-Range " + contentRange);
        return;
      }
      long first = Long.parseLong(c.group(1));
      long last = Long.parseLong(c.group(2));
      int length = (int) (last - first + 1);
      boolean finalChunk = !c.group(3).equals("*");
      if (first != have) {
        error(ex, 400, "chunk starts at " + first + ", the server has " + have);
        return;
      }
      if (!finalChunk && length % UNIT != 0) {
        error(ex, 400, "a non-final chunk must be a multiple of 256 KiB, got " + length);
        return;
      }
      if (s.declaredLength >= 0 && finalChunk && Long.parseLong(c.group(3)) != s.declaredLength) {
        error(ex, 400, "total differs from X-Upload-Content-Length");
        return;
      }
      int n = chunkPuts.incrementAndGet();
      Fault fault = chunkFaults.apply(n);
      if (fault != null) {
        faultsInjected.incrementAndGet();
        byte[] part = ex.getRequestBody().readNBytes(fault.afterBytes() % length);
        int keep = part.length / UNIT * UNIT; // only whole 256 KiB units are persisted
        s.data.write(part, 0, keep);
        if (fault.kind() == Fault.Kind.DROP) {
          throw new Drop();
        }
        ex.getRequestBody().readAllBytes();
        error(ex, 503, "backend unavailable");
        return;
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      if (body.length != length) {
        error(ex, 400, "Content-Range says " + length + " bytes, the body has " + body.length);
        return;
      }
      s.data.write(body, 0, body.length);
      if (finalChunk && s.data.size() == Long.parseLong(c.group(3))) {
        finish(ex, s);
      } else {
        incomplete(ex, s.data.size());
      }
    }
  }

  private void finish(HttpExchange ex, Session s) throws IOException {
    String name = s.metadata.path("name").asText(null);
    String type = s.metadata.hasNonNull("contentType") ? s.metadata.get("contentType").asText() : s.contentType;
    StoredObject o = stored(s.bucket, name, type, s.data.toByteArray(), s.metadata);
    objects.put(s.bucket + "/" + name, o);
    s.result = o;
    json(ex, 200, o.metadata());
  }

  private static void incomplete(HttpExchange ex, long have) throws IOException {
    if (have > 0) {
      ex.getResponseHeaders().set("Range", "bytes=0-" + (have - 1));
    }
    ex.sendResponseHeaders(308, -1);
  }

  // ---- downloads -------------------------------------------------------------------------------

  private void download(HttpExchange ex, StoredObject o, String range) throws IOException {
    if (o == null) {
      error(ex, 404, "No such object");
      return;
    }
    byte[] data = o.data();
    int from = 0;
    if (range != null) {
      Matcher r = Pattern.compile("bytes=(\\d+)-").matcher(range);
      if (!r.matches()) {
        error(ex, 400, "unsupported range");
        return;
      }
      from = Integer.parseInt(r.group(1));
      if (from >= data.length) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + data.length);
        ex.sendResponseHeaders(416, -1);
        return;
      }
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
    }
    ex.getResponseHeaders().set("Content-Type", o.contentType());
    ex.getResponseHeaders().set("ETag", "\"" + Arrays.hashCode(data) + "\"");
    int length = data.length - from;
    Integer cut;
    synchronized (downloadCuts) {
      cut = downloadCuts.poll();
    }
    ex.sendResponseHeaders(range != null ? 206 : 200, length == 0 ? -1 : length);
    OutputStream out = ex.getResponseBody();
    if (cut != null && cut < length) {
      out.write(data, from, cut);
      out.flush();
      faultsInjected.incrementAndGet();
      throw new Drop();
    }
    out.write(data, from, length);
    out.close();
  }

  // ---- batch -----------------------------------------------------------------------------------

  private void batch(HttpExchange ex, String contentType, byte[] body) throws IOException {
    if (contentType == null || !contentType.startsWith("multipart/mixed")) {
      error(ex, 400, "batch needs multipart/mixed");
      return;
    }
    List<byte[][]> parts = multipart(contentType, body);
    List<String> lines = new ArrayList<>();
    String boundary = "batch_" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[][] part : parts) {
      String outerType = header(part[0], "content-type");
      String id = header(part[0], "content-id");
      String http = new String(part[1], StandardCharsets.UTF_8);
      int headEnd = http.indexOf("\r\n\r\n");
      String head = http.substring(0, headEnd);
      String partBody = http.substring(headEnd + 4);
      String requestLine = head.split("\r\n")[0];
      lines.add(requestLine);
      String[] answer = answer(requestLine, partBody);
      out.writeBytes(("--" + boundary + "\r\nContent-Type: application/http\r\nContent-ID: <response-"
          + id.substring(1, id.length() - 1) + ">\r\n\r\nHTTP/1.1 " + answer[0] + "\r\n"
          + "Content-Type: application/json; charset=UTF-8\r\nContent-Length: " + answer[1].length()
          + "\r\n\r\n" + answer[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (!"application/http".equals(outerType)) {
        throw new IllegalStateException("part type " + outerType);
      }
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    batches.add(lines);
    byte[] bytes = out.toByteArray();
    ex.getResponseHeaders().set("Content-Type", "multipart/mixed; boundary=" + boundary);
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  /** Status line text and JSON body for one batched request. */
  private String[] answer(String requestLine, String body) throws IOException {
    String[] w = requestLine.split(" ");
    URI u = URI.create(w[1]);
    Matcher get = Pattern.compile("/storage/v1/b/([^/]+)/o/([^/]+)").matcher(u.getRawPath());
    Matcher insert = Pattern.compile("/storage/v1/b/([^/]+)/o").matcher(u.getRawPath());
    if (w[0].equals("GET") && get.matches()) {
      String name = decode(get.group(2));
      if (flaky.merge(name, -1, Integer::sum) >= 0) {
        return new String[] {"503 Service Unavailable", errorJson(503, "try again")};
      }
      StoredObject o = object(get.group(1), name);
      if (o == null) {
        return new String[] {"404 Not Found", errorJson(404, "No such object: " + get.group(1) + "/" + name)};
      }
      return new String[] {"200 OK", Json.get().mapper().writeValueAsString(o.metadata())};
    }
    if (w[0].equals("POST") && insert.matches()) {
      JsonNode meta = Json.get().mapper().readTree(body);
      String name = meta.path("name").asText();
      if (flakyInserts.merge(name, -1, Integer::sum) >= 0) {
        return new String[] {"503 Service Unavailable", errorJson(503, "try again")};
      }
      StoredObject o = stored(insert.group(1), name, "application/octet-stream", new byte[0], meta);
      objects.put(o.bucket() + "/" + name, o);
      return new String[] {"200 OK", Json.get().mapper().writeValueAsString(o.metadata())};
    }
    return new String[] {"400 Bad Request", errorJson(400, "unsupported in batch: " + requestLine)};
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static StoredObject stored(String bucket, String name, String contentType, byte[] data, JsonNode meta) {
    ObjectNode m = meta.deepCopy();
    m.put("kind", "storage#object");
    m.put("bucket", bucket);
    m.put("name", name);
    m.put("size", Long.toString(data.length));
    m.put("contentType", contentType);
    return new StoredObject(bucket, name, contentType, data, m);
  }

  private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] b = Json.get().mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static String errorJson(int code, String message) {
    return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    byte[] b = errorJson(status, message).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Parts of a multipart body as {headers, body} byte arrays. */
  static List<byte[][]> multipart(String contentType, byte[] body) {
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!b.find()) {
      throw new IllegalArgumentException("no boundary in " + contentType);
    }
    byte[] delim = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<byte[][]> parts = new ArrayList<>();
    int i = indexOf(body, delim, 0);
    while (true) {
      int start = i + delim.length;
      if (body[start] == '-' && body[start + 1] == '-') {
        return parts;
      }
      start += 2; // CRLF
      int next = indexOf(body, delim, start);
      int end = next - 2; // CRLF before the delimiter
      byte[] crlf2 = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      int headEnd = indexOf(body, crlf2, start);
      parts.add(new byte[][] {Arrays.copyOfRange(body, start, headEnd), Arrays.copyOfRange(body, headEnd + 4, end)});
      i = next;
    }
  }

  static String header(byte[] head, String name) {
    for (String line : new String(head, StandardCharsets.UTF_8).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static int indexOf(byte[] b, byte[] needle, int from) {
    outer:
    for (int i = from; i <= b.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
