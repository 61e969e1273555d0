package io.discogen.samples.petstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory petstore on {@code 127.0.0.1} that reads requests the way the spec declares them:
 * query parameters by their style, form and multipart bodies, the API key and the bearer token.
 * A request it cannot read is answered with the spec's {@code Error} model and a 4xx status, so
 * the sample fails loudly when the client sends something else than the spec says.
 */
final class FakePetstoreServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PET = Pattern.compile("/pets/(\\d+)");
  private static final Pattern PHOTO = Pattern.compile("/pets/(\\d+)/photo");
  private static final Pattern CERTIFICATE = Pattern.compile("/pets/(\\d+)/certificate");
  /** Filler pages of a certificate: it is large enough (1 MiB) to be worth streaming. */
  static final int CERTIFICATE_PAGES = 16;
  static final int PAGE_BYTES = 64 * 1024;

  private final HttpServer server;
  private final String apiKey;
  private final String token;
  private final Map<Long, ObjectNode> pets = new LinkedHashMap<>();
  private final Map<Long, byte[]> photos = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private FakePetstoreServer(HttpServer server, String apiKey, String token) {
    this.server = server;
    this.apiKey = apiKey;
    this.token = token;
  }

  static FakePetstoreServer start(String apiKey, String token) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakePetstoreServer fake = new FakePetstoreServer(http, apiKey, token);
    http.createContext("/", fake::handle);
    http.start();
    return fake;
  }

  String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A failure the server answers with the Error model. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      synchronized (this) {
        route(ex);
      }
    } catch (Failure f) {
      ObjectNode error = JSON.createObjectNode().put("code", f.status).put("message", f.getMessage());
      send(ex, f.status, "application/json", JSON.writeValueAsBytes(error));
    } catch (RuntimeException e) {
      ObjectNode error = JSON.createObjectNode().put("code", 400).put("message", String.valueOf(e));
      send(ex, 400, "application/json", JSON.writeValueAsBytes(error));
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String verb = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    boolean create = verb.equals("POST") && path.equals("/pets");
    if (create) {
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        throw new Failure(401, "createPet needs the bearer token");
      }
    } else if (!apiKey.equals(ex.getRequestHeaders().getFirst("X-API-Key"))) {
      throw new Failure(401, "missing or wrong X-API-Key");
    }
    Matcher pet = PET.matcher(path);
    Matcher photo = PHOTO.matcher(path);
    Matcher certificate = CERTIFICATE.matcher(path);
    if (path.equals("/pets") && verb.equals("GET")) {
      list(ex);
    } else if (create) {
      JsonNode body = JSON.readTree(ex.getRequestBody());
      if (!body.path("name").isTextual() || !body.path("kind").isTextual()) {
        throw new Failure(422, "a pet needs a name and a kind");
      }
      ObjectNode p = ((ObjectNode) body).put("id", ids.incrementAndGet()).put("status", "available")
          .put("createdAt", Instant.now().toString());
      if (!p.has("tag")) {
        p.putNull("tag"); // nullable: sent as an explicit null
      }
      pets.put(p.get("id").asLong(), p);
      send(ex, 201, "application/json", JSON.writeValueAsBytes(p));
    } else if (pet.matches() && verb.equals("GET")) {
      send(ex, 200, "application/json", JSON.writeValueAsBytes(find(pet.group(1))));
    } else if (pet.matches() && verb.equals("DELETE")) {
      pets.remove(find(pet.group(1)).get("id").asLong());
      ex.sendResponseHeaders(204, -1);
    } else if (photo.matches() && verb.equals("PUT")) {
      find(photo.group(1));
      photos.put(Long.parseLong(photo.group(1)), filePart(ex));
      ex.sendResponseHeaders(204, -1);
    } else if (photo.matches() && verb.equals("GET")) {
      byte[] bytes = photos.get(find(photo.group(1)).get("id").asLong());
      if (bytes == null) {
        throw new Failure(404, "no photo");
      }
      send(ex, 200, "image/png", bytes);
    } else if (certificate.matches() && verb.equals("POST")) {
      certificate(ex, find(certificate.group(1)));
    } else if (path.equals("/store/orders") && verb.equals("POST")) {
      order(ex);
    } else if (path.equals("/store/inventory") && verb.equals("GET")) {
      if (ex.getRequestHeaders().getFirst("X-Trace-Tags") == null) {
        throw new Failure(400, "X-Trace-Tags is required");
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      pets.values().forEach(p -> counts.merge(p.get("status").asText(), 1, Integer::sum));
      send(ex, 200, "application/json", JSON.writeValueAsBytes(counts));
    } else {
      throw new Failure(404, "no route for " + verb + " " + path);
    }
  }

  private ObjectNode find(String id) {
    ObjectNode p = pets.get(Long.parseLong(id));
    if (p == null) {
      throw new Failure(404, "no pet " + id);
    }
    return p;
  }

  /** Reads the query by the spec's styles and filters the pets by it. */
  private void list(HttpExchange ex) throws IOException {
    Map<String, List<String>> query = rawQuery(ex.getRequestURI().getRawQuery());
    List<String> status = decodeAll(query.get("status")); // form, exploded: repeated
    List<String> tags = split(one(query, "tags"), ","); // form, not exploded
    List<String> ids = split(one(query, "ids"), "%20"); // spaceDelimited
    List<String> sort = split(one(query, "sort"), "%7C"); // pipeDelimited
    String name = decode(one(query, "filter%5Bname%5D")); // deepObject
    String minAge = decode(one(query, "filter%5BminAge%5D"));
    if (minAge != null) {
      Integer.parseInt(minAge);
    }
    for (String key : sort) {
      if (!key.equals("name") && !key.equals("id")) {
        throw new Failure(400, "unknown sort key " + key);
      }
    }
    List<JsonNode> items = new ArrayList<>();
    for (ObjectNode p : pets.values()) {
      if ((status.isEmpty() || status.contains(p.get("status").asText()))
          && (tags.isEmpty() || tags.equals(List.of(p.path("tag").asText())))
          && (ids.isEmpty() || ids.contains(p.get("id").asText()))
          && (name == null || name.equals(p.get("name").asText()))) {
        items.add(p);
      }
    }
    ObjectNode page = JSON.createObjectNode();
    page.putArray("items").addAll(items);
    send(ex, 200, "application/json", JSON.writeValueAsBytes(page));
  }

  /**
   * A "PDF" (a header naming the pet and its owner, filler pages, an end marker) written page by
   * page with chunked encoding, as a renderer would, while the client reads it.
   */
  private static void certificate(HttpExchange ex, ObjectNode pet) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      throw new Failure(415, "issueCertificate takes JSON, not " + type);
    }
    JsonNode body = JSON.readTree(ex.getRequestBody());
    if (!body.path("owner").isTextual() || body.path("owner").asText().isEmpty()) {
      throw new Failure(422, "a certificate needs an owner");
    }
    String head = "%PDF-1.4\n% Adoption certificate: " + pet.get("name").asText() + ", adopted by "
        + body.get("owner").asText() + " (" + body.path("language").asText("en") + ")\n";
    ex.getResponseHeaders().set("Content-Type", "application/pdf");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    try {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] page = new byte[PAGE_BYTES];
      Arrays.fill(page, (byte) '%');
      for (int i = 0; i < CERTIFICATE_PAGES; i++) {
        out.write(page);
        out.flush();
      }
      out.write("%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException clientStoppedReading) {
      // a client that closes its stream early ends the exchange: nothing more to do
    }
  }

  private void order(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      throw new Failure(415, "placeOrder takes a form, not " + type);
    }
    Map<String, List<String>> form = rawQuery(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    long petId = Long.parseLong(decode(one(form, "petId")));
    find(String.valueOf(petId));
    ObjectNode order = JSON.createObjectNode()
        .put("id", UUID.randomUUID().toString())
        .put("petId", petId)
        .put("quantity", Integer.parseInt(decode(one(form, "quantity"))))
        .put("status", "placed");
    send(ex, 200, "application/json", JSON.writeValueAsBytes(order));
  }

  /** The bytes of the multipart field {@code file}. */
  private static byte[] filePart(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
      throw new Failure(415, "uploadPhoto takes multipart/form-data, not " + type);
    }
    byte[] delimiter = ("\r\n--" + type.substring(type.indexOf('=') + 1)).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = ex.getRequestBody().readAllBytes();
    // Prefix a CRLF so the first delimiter looks like the others.
    byte[] all = new byte[body.length + 2];
    all[0] = '\r';
    all[1] = '\n';
    System.arraycopy(body, 0, all, 2, body.length);
    int at = indexOf(all, delimiter, 0);
    while (at >= 0) {
      int headersStart = at + delimiter.length + 2;
      int next = indexOf(all, delimiter, headersStart);
      if (next < 0) {
        break;
      }
      int headersEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      String headers = new String(all, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
      if (headers.contains("name=\"file\"")) {
        return Arrays.copyOfRange(all, headersEnd + 4, next);
      }
      at = next;
    }
    throw new Failure(400, "no file part");
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The query's raw (still encoded) values by raw name. */
  private static Map<String, List<String>> rawQuery(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : pair.substring(eq + 1));
    }
    return out;
  }

  private static String one(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values != null && values.size() > 1) {
      throw new Failure(400, name + " was sent " + values.size() + " times");
    }
    return values == null ? null : values.get(0);
  }

  /** Splits a raw value at the style's delimiter, then decodes each item. */
  private static List<String> split(String raw, String delimiter) {
    return raw == null ? List.of() : decodeAll(Arrays.asList(raw.split(Pattern.quote(delimiter), -1)));
  }

  private static List<String> decodeAll(List<String> raw) {
    List<String> out = new ArrayList<>();
    if (raw != null) {
      raw.forEach(r -> out.add(decode(r)));
    }
    return out;
  }

  private static String decode(String raw) {
    return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
