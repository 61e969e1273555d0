package io.discogen.samples.spanner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory stand-in for the Spanner sessions API, answering as the Spanner emulator's REST
 * gateway does (flat {@code {"code":..,"message":..}} errors, INT64 values as JSON strings). It
 * knows one kind of query, {@code SELECT <integer or 'string'>[, ...]}. Serves 127.0.0.1 only.
 */
public final class FakeSpannerServer implements AutoCloseable {
  private static final Pattern DATABASE = Pattern.compile("/v1/(projects/[^/]+/instances/[^/]+/databases/[^/]+)/sessions(:batchCreate)?");
  private static final Pattern SESSION = Pattern.compile("/v1/(projects/[^/]+/instances/[^/]+/databases/[^/]+/sessions/[^/:]+)(:executeSql)?");
  private static final Pattern SELECT = Pattern.compile("(?i)\\s*SELECT\\s+(.+?)\\s*;?\\s*");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final NavigableMap<String, ObjectNode> sessions = new ConcurrentSkipListMap<>();

  private FakeSpannerServer(HttpServer server) {
    this.server = server;
  }

  public static FakeSpannerServer start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeSpannerServer fake = new FakeSpannerServer(http);
    http.createContext("/", fake::handle);
    http.start();
    return fake;
  }

  public String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String verb = ex.getRequestMethod();
      Matcher m;
      if ((m = DATABASE.matcher(path)).matches()) {
        String database = m.group(1);
        if (verb.equals("POST") && m.group(2) == null) {
          JsonNode body = json.readTree(ex.getRequestBody());
          reply(ex, 200, newSession(database, body.path("session")));
        } else if (verb.equals("POST")) {
          JsonNode body = json.readTree(ex.getRequestBody());
          int count = body.path("sessionCount").asInt(0);
          if (count < 1) {
            throw new ApiError(400, 3, "session_count must be positive");
          }
          ObjectNode out = json.createObjectNode();
          ArrayNode list = out.putArray("session");
          for (int i = 0; i < count; i++) {
            list.add(newSession(database, body.path("sessionTemplate")));
          }
          reply(ex, 200, out);
        } else if (verb.equals("GET")) {
          reply(ex, 200, list(database, query(ex.getRequestURI().getRawQuery())));
        } else {
          throw new ApiError(404, 5, "no such method");
        }
      } else if ((m = SESSION.matcher(path)).matches()) {
        String name = m.group(1);
        ObjectNode session = sessions.get(name);
        if (session == null) {
          throw new ApiError(404, 5, "Session not found: " + name);
        }
        if (m.group(2) != null && verb.equals("POST")) {
          session.put("approximateLastUseTime", Instant.now().toString());
          reply(ex, 200, executeSql(json.readTree(ex.getRequestBody())));
        } else if (verb.equals("GET")) {
          reply(ex, 200, session);
        } else if (verb.equals("DELETE")) {
          sessions.remove(name);
          reply(ex, 200, json.createObjectNode());
        } else {
          throw new ApiError(404, 5, "no such method");
        }
      } else {
        throw new ApiError(404, 5, "Not found: " + path);
      }
    } catch (ApiError e) {
      reply(ex, e.http, json.createObjectNode().put("code", e.code).put("message", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      reply(ex, 400, json.createObjectNode().put("code", 3).put("message", "bad request: " + e.getMessage()));
    }
  }

  private ObjectNode newSession(String database, JsonNode template) {
    String name = database + "/sessions/" + UUID.randomUUID().toString().replace("-", "");
    ObjectNode s = json.createObjectNode().put("name", name).put("createTime", Instant.now().toString());
    if (template.has("labels")) {
      s.set("labels", template.get("labels"));
    }
    sessions.put(name, s);
    return s;
  }

  private ObjectNode list(String database, Map<String, String> query) {
    int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "100"));
    String token = query.get("pageToken");
    List<ObjectNode> matching = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : sessions.tailMap(token == null ? database + "/" : token, true).entrySet()) {
      if (e.getKey().startsWith(database + "/")) {
        matching.add(e.getValue());
      }
    }
    ObjectNode page = json.createObjectNode();
    ArrayNode items = page.putArray("sessions");
    matching.stream().limit(pageSize).forEach(items::add);
    if (matching.size() > pageSize) {
      page.put("nextPageToken", matching.get(pageSize).get("name").asText());
    }
    return page;
  }

  private ObjectNode executeSql(JsonNode request) {
    Matcher m = SELECT.matcher(request.path("sql").asText());
    if (!m.matches()) {
      throw new ApiError(400, 3, "this fake only runs SELECT <literal>[, ...]");
    }
    ObjectNode result = json.createObjectNode();
    ArrayNode fields = result.putObject("metadata").putObject("rowType").putArray("fields");
    ArrayNode row = result.putArray("rows").addArray();
    for (String literal : m.group(1).split("\\s*,\\s*")) {
      if (literal.matches("-?\\d+")) {
        fields.addObject().putObject("type").put("code", "INT64");
        row.add(literal); // INT64 travels as a JSON string
      } else if (literal.matches("'[^']*'")) {
        fields.addObject().putObject("type").put("code", "STRING");
        row.add(literal.substring(1, literal.length() - 1));
      } else {
        throw new ApiError(400, 3, "unsupported literal " + literal);
      }
    }
    return result;
  }

  private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  /** An error as the Spanner REST gateway sends it: flat, with a google.rpc code. */
  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int http;
    final int code;

    ApiError(int http, int code, String message) {
      super(message);
      this.http = http;
      this.code = code;
    }
  }
}
