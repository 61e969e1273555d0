package io.discogen.samples.dataproc;

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
 * An in-memory stand-in for the Dataproc sessions API, so the sample runs anywhere: create, get,
 * list (paged), terminate and delete sessions, with long-running operations that finish after a
 * couple of polls, {@code requestId} de-duplication, and Google-style error bodies. It serves
 * 127.0.0.1 only.
 */
public final class FakeDataprocServer implements AutoCloseable {
  private static final Pattern PARENT = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+)/sessions");
  private static final Pattern SESSION = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/sessions/[^/:]+)(:terminate)?");
  private static final Pattern OPERATION = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/operations/[^/]+)");
  private static final Pattern SESSION_ID = Pattern.compile("[a-z][a-z0-9-]{2,61}[a-z0-9]");
  private static final int POLLS_UNTIL_DONE = 2;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final NavigableMap<String, ObjectNode> sessions = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> operations = new HashMap<>();
  private final Map<String, Integer> polls = new HashMap<>();
  private final Map<String, String> operationByRequestId = new HashMap<>();

  private FakeDataprocServer(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free port of 127.0.0.1. */
  public static FakeDataprocServer start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeDataprocServer fake = new FakeDataprocServer(http);
    http.createContext("/", fake::handle);
    http.start();
    return fake;
  }

  /** The root URL to give the client. */
  public String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** How many sessions exist now. */
  public synchronized int sessionCount() {
    return sessions.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      String verb = ex.getRequestMethod();
      Matcher m;
      if ((m = PARENT.matcher(path)).matches() && verb.equals("POST")) {
        reply(ex, 200, create(m.group(1), query, json.readTree(ex.getRequestBody())));
      } else if ((m = PARENT.matcher(path)).matches() && verb.equals("GET")) {
        reply(ex, 200, list(m.group(1), query));
      } else if ((m = OPERATION.matcher(path)).matches() && verb.equals("GET")) {
        reply(ex, 200, poll(m.group(1)));
      } else if ((m = SESSION.matcher(path)).matches()) {
        String name = m.group(1);
        ObjectNode session = sessions.get(name);
        if (session == null) {
          throw new ApiError(404, "NOT_FOUND", "Session " + name + " not found");
        }
        if (m.group(2) != null && verb.equals("POST")) {
          session.put("state", "TERMINATED").put("stateTime", Instant.now().toString());
          reply(ex, 200, operation(name, session, "TERMINATE"));
        } else if (m.group(2) == null && verb.equals("GET")) {
          reply(ex, 200, session);
        } else if (m.group(2) == null && verb.equals("DELETE")) {
          sessions.remove(name);
          reply(ex, 200, operation(name, session, "DELETE"));
        } else {
          throw new ApiError(405, "UNIMPLEMENTED", verb + " is not supported on " + path);
        }
      } else {
        throw new ApiError(404, "NOT_FOUND", "No such method: " + verb + " " + path);
      }
    } catch (ApiError e) {
      ObjectNode body = json.createObjectNode();
      body.putObject("error").put("code", e.code).put("message", e.getMessage()).put("status", e.status);
      reply(ex, e.code, body);
    } catch (IOException | RuntimeException e) {
      ObjectNode body = json.createObjectNode();
      body.putObject("error").put("code", 400).put("message", "Bad request: " + e.getMessage()).put("status", "INVALID_ARGUMENT");
      reply(ex, 400, body);
    }
  }

  private ObjectNode create(String parent, Map<String, String> query, JsonNode body) {
    String requestId = query.get("requestId");
    if (requestId != null && operationByRequestId.containsKey(requestId)) {
      return operations.get(operationByRequestId.get(requestId)); // the retried call: nothing new
    }
    String id = query.get("sessionId");
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      throw new ApiError(400, "INVALID_ARGUMENT", "sessionId must be 4-63 characters of [a-z0-9-]");
    }
    if (!body.isObject()) {
      throw new ApiError(400, "INVALID_ARGUMENT", "the request body must be a Session");
    }
    String name = parent + "/sessions/" + id;
    if (sessions.containsKey(name)) {
      throw new ApiError(409, "ALREADY_EXISTS", "Session " + name + " already exists");
    }
    ObjectNode session = ((ObjectNode) body).deepCopy();
    String now = Instant.now().toString();
    session.put("name", name).put("uuid", UUID.randomUUID().toString()).put("createTime", now)
        .put("state", "CREATING").put("stateTime", now).put("creator", "sample@example.com");
    sessions.put(name, session);
    ObjectNode op = operation(name, session, "CREATE");
    if (requestId != null) {
      operationByRequestId.put(requestId, op.get("name").asText());
    }
    return op;
  }

  private ObjectNode list(String parent, Map<String, String> query) {
    int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "100"));
    String token = query.get("pageToken");
    List<ObjectNode> matching = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : sessions.tailMap(token == null ? parent + "/" : token, true).entrySet()) {
      if (e.getKey().startsWith(parent + "/")) {
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

  private ObjectNode operation(String sessionName, ObjectNode session, String type) {
    String location = sessionName.substring(0, sessionName.indexOf("/sessions/"));
    String name = location + "/operations/" + UUID.randomUUID();
    ObjectNode op = json.createObjectNode().put("name", name).put("done", false);
    op.putObject("metadata")
        .put("@type", "type.googleapis.com/google.cloud.dataproc.v1.SessionOperationMetadata")
        .put("session", sessionName).put("operationType", type);
    operations.put(name, op);
    polls.put(name, 0);
    return op;
  }

  private ObjectNode poll(String name) {
    ObjectNode op = operations.get(name);
    if (op == null) {
      throw new ApiError(404, "NOT_FOUND", "Operation " + name + " not found");
    }
    int n = polls.merge(name, 1, Integer::sum);
    if (n >= POLLS_UNTIL_DONE && !op.get("done").asBoolean()) {
      String session = op.get("metadata").get("session").asText();
      ObjectNode s = sessions.get(session);
      if (s != null && "CREATING".equals(s.path("state").asText())) {
        s.put("state", "ACTIVE").put("stateTime", Instant.now().toString());
      }
      op.put("done", true);
      ObjectNode response = s != null ? s.deepCopy() : json.createObjectNode();
      response.put("@type", "type.googleapis.com/google.cloud.dataproc.v1.Session");
      op.set("response", response);
    }
    return op;
  }

  private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
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
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.put(k, v);
      }
    }
    return q;
  }

  /** A Google-style error answer. */
  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final String status;

    ApiError(int code, String status, String message) {
      super(message);
      this.code = code;
      this.status = status;
    }
  }
}
