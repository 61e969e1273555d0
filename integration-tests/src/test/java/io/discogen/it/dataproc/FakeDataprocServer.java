package io.discogen.it.dataproc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process fake of the Dataproc v1 interactive sessions API ({@code projects.locations.sessions}
 * and {@code projects.locations.operations.get}) on {@code 127.0.0.1:<free port>}, strict like
 * Google's front end: unknown query parameters, unknown or output-only body fields, wrong JSON types,
 * bad enum values, malformed ids and foreign page tokens are all {@code 400 INVALID_ARGUMENT} in
 * Google's {@code {"error":{"code","message","status"}}} envelope. It works on JSON trees only, never
 * on the generated classes, so it checks the client rather than agreeing with it.
 *
 * <p>Behaviour: {@code create}, {@code terminate} and {@code delete} return an Operation that is
 * not done; it reports done on the {@link #pollsUntilDone(int) N}-th {@code operations.get}, with
 * {@code response} the Session (or {@code error}, see {@link #failCreationOf}). {@code requestId}
 * de-duplicates: a repeated call with the same id changes nothing and returns the same operation.
 * {@link #failNextCreates(int)} makes create answer 503 <em>after</em> it has done its work, as a
 * lost response would. {@code list} pages by name with opaque tokens bound to parent and filter; the
 * location {@code -} lists every location and reports {@link #unreachable(String...)} ones.
 * Every request is {@linkplain #requests() recorded}.
 */
public final class FakeDataprocServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** System parameters every Google API method accepts. */
    static final Set<String> SYSTEM_PARAMETERS = Set.of("$.xgafv", "access_token", "alt", "callback", "fields",
            "key", "oauth_token", "prettyPrint", "quotaUser", "uploadType", "upload_protocol");

    static final String SESSION_TYPE = "type.googleapis.com/google.cloud.dataproc.v1.Session";
    static final String METADATA_TYPE = "type.googleapis.com/google.cloud.dataproc.v1.SessionOperationMetadata";

    private static final String SEG = "([^/:]+)";
    private static final Pattern SESSIONS = Pattern.compile("/v1/projects/" + SEG + "/locations/" + SEG + "/sessions");
    private static final Pattern SESSION = Pattern.compile("/v1/projects/" + SEG + "/locations/" + SEG + "/sessions/" + SEG);
    private static final Pattern TERMINATE = Pattern.compile(
            "/v1/projects/" + SEG + "/locations/" + SEG + "/sessions/" + SEG + ":terminate");
    private static final Pattern OPERATION = Pattern.compile(
            "/v1/projects/" + SEG + "/locations/" + SEG + "/operations/" + SEG);
    private static final Pattern SESSION_ID = Pattern.compile("[a-z][a-z0-9-]{2,61}[a-z0-9]");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern FILTER = Pattern.compile("state\\s*=\\s*\"?([A-Z_]+)\"?");
    private static final Pattern DURATION = Pattern.compile("-?\\d+(\\.\\d{1,9})?s");

    /** One request as received. */
    public record Recorded(String method, String path, Map<String, List<String>> query, String contentType, String body) {
        /** The single value of a query parameter, or null. */
        public String param(String name) {
            List<String> v = query.get(name);
            return v == null ? null : v.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A rejected request: becomes Google's error envelope. */
    static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int http;
        final String status;

        Reject(int http, String status, String message) {
            super(message, null, false, false);
            this.http = http;
            this.status = status;
        }

        static Reject invalid(String message) {
            return new Reject(400, "INVALID_ARGUMENT", message);
        }
    }

    private static final class Op {
        final String name;
        final ObjectNode metadata;
        final Consumer<Op> onDone;
        int polls;
        boolean done;
        ObjectNode response;
        ObjectNode error;

        Op(String name, ObjectNode metadata, Consumer<Op> onDone) {
            this.name = name;
            this.metadata = metadata;
            this.onDone = onDone;
        }

        ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode().put("name", name);
            o.set("metadata", metadata.deepCopy());
            if (done) {
                o.put("done", true);
                if (error != null) {
                    o.set("error", error.deepCopy());
                } else {
                    o.set("response", response.deepCopy());
                }
            }
            return o;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    // All state below is guarded by "this".
    private final TreeMap<String, ObjectNode> sessions = new TreeMap<>();
    private final Map<String, Op> operations = new LinkedHashMap<>();
    private final Map<String, String> operationsByRequestId = new HashMap<>();
    private final Map<String, ObjectNode> creationFailures = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final List<String> unreachable = new ArrayList<>();
    private int sessionsCreated;
    private int operationCounter;
    private int pollsUntilDone = 2;
    private int failNextCreates;

    private FakeDataprocServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-dataproc");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeDataprocServer start() throws IOException {
        return new FakeDataprocServer();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ knobs and inspection

    /** Operations report done on this many-th {@code operations.get} (0: done at once). */
    public synchronized FakeDataprocServer pollsUntilDone(int n) {
        this.pollsUntilDone = n;
        return this;
    }

    /** The next {@code n} creates do their work, then answer 503 UNAVAILABLE. */
    public synchronized FakeDataprocServer failNextCreates(int n) {
        this.failNextCreates = n;
        return this;
    }

    /** Creating this session id starts normally, and its operation ends with this error. */
    public synchronized FakeDataprocServer failCreationOf(String sessionId, int code, String message) {
        creationFailures.put(sessionId, JSON.createObjectNode().put("code", code).put("message", message));
        return this;
    }

    /** Locations that listing {@code locations/-} reports as unreachable. */
    public synchronized FakeDataprocServer unreachable(String... locations) {
        unreachable.clear();
        unreachable.addAll(List.of(locations));
        return this;
    }

    /** Stores ACTIVE sessions directly (no operation), as if created earlier. */
    public synchronized void seed(String parent, String... ids) {
        for (String id : ids) {
            ObjectNode s = newSession(parent + "/sessions/" + id, JSON.createObjectNode());
            setState(s, "ACTIVE", null);
            sessions.put(s.get("name").asText(), s);
        }
    }

    /** Sessions created through {@code create} (seeded ones excluded). */
    public synchronized int sessionsCreated() {
        return sessionsCreated;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Recorded requests with this method whose path matches {@code pathRegex} entirely. */
    public synchronized List<Recorded> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests.stream()
                .filter(r -> r.method().equals(method) && p.matcher(r.path()).matches())
                .toList();
    }

    /** How often {@code operations.get} asked for this operation. */
    public synchronized int polls(String operationName) {
        Op op = operations.get(operationName);
        return op == null ? -1 : op.polls;
    }

    /** The stored session as JSON, or null. */
    public synchronized JsonNode session(String name) {
        ObjectNode s = sessions.get(name);
        return s == null ? null : s.deepCopy();
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            int status;
            JsonNode answer;
            try {
                String body = readBody(ex);
                String path = ex.getRequestURI().getRawPath();
                Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
                String contentType = ex.getRequestHeaders().getFirst("Content-Type");
                Recorded r = new Recorded(ex.getRequestMethod(), decodePath(path), query, contentType, body);
                synchronized (this) {
                    requests.add(r);
                    answer = route(r);
                    if (r.method().equals("POST") && SESSIONS.matcher(r.path()).matches() && failNextCreates > 0) {
                        failNextCreates--;
                        throw new Reject(503, "UNAVAILABLE", "The service is currently unavailable.");
                    }
                }
                status = 200;
            } catch (Reject e) {
                status = e.http;
                ObjectNode err = JSON.createObjectNode();
                err.putObject("error").put("code", e.http).put("message", e.getMessage()).put("status", e.status);
                answer = err;
            }
            byte[] out = JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String decodePath(String raw) {
        if (raw.contains("%2F") || raw.contains("%2f")) {
            throw Reject.invalid("encoded slash in path: " + raw);
        }
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw Reject.invalid("malformed query parameter: " + pair);
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return q;
    }

    private JsonNode route(Recorded r) {
        Matcher m;
        String method = r.method();
        if ((m = TERMINATE.matcher(r.path())).matches()) {
            requireMethod(method, "POST");
            return terminate(r, m);
        }
        if ((m = SESSIONS.matcher(r.path())).matches()) {
            if (method.equals("POST")) {
                return create(r, m);
            }
            requireMethod(method, "GET");
            return list(r, m);
        }
        if ((m = SESSION.matcher(r.path())).matches()) {
            if (method.equals("DELETE")) {
                return delete(r, m);
            }
            requireMethod(method, "GET");
            return get(r, m);
        }
        if ((m = OPERATION.matcher(r.path())).matches()) {
            requireMethod(method, "GET");
            return getOperation(r, m);
        }
        throw new Reject(404, "NOT_FOUND", "no such method: " + method + " " + r.path());
    }

    private static void requireMethod(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new Reject(405, "UNIMPLEMENTED", "method " + actual + " not allowed here");
        }
    }

    // ------------------------------------------------------------------ methods

    private JsonNode create(Recorded r, Matcher m) {
        checkQuery(r, Set.of("sessionId", "requestId"));
        String parent = "projects/" + m.group(1) + "/locations/" + m.group(2);
        String sessionId = single(r, "sessionId");
        if (sessionId == null) {
            throw Reject.invalid("sessionId is required");
        }
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw Reject.invalid("sessionId must be 4-63 characters of [a-z0-9-], starting with a letter: " + sessionId);
        }
        String requestId = requestId(r);
        ObjectNode body = jsonBody(r);
        SessionShape.SESSION.check("session", body);

        if (requestId != null) {
            String opName = operationsByRequestId.get("create/" + requestId);
            if (opName != null) {
                return operations.get(opName).toJson();
            }
        }
        String name = parent + "/sessions/" + sessionId;
        if (sessions.containsKey(name)) {
            throw new Reject(409, "ALREADY_EXISTS", "Session already exists: " + name);
        }
        ObjectNode session = newSession(name, body);
        setState(session, "CREATING", null);
        sessions.put(name, session);
        sessionsCreated++;

        ObjectNode failure = creationFailures.get(sessionId);
        Op op = newOperation(parent, session, "CREATE", requestId == null ? null : "create/" + requestId, done -> {
            if (failure != null) {
                setState(session, "FAILED", failure.get("message").asText());
                done.error = failure.deepCopy();
            } else {
                setState(session, "ACTIVE", null);
                done.response = typed(session);
            }
        });
        return op.toJson();
    }

    private JsonNode get(Recorded r, Matcher m) {
        checkQuery(r, Set.of());
        noBody(r);
        return typedless(existing(sessionName(m)));
    }

    private JsonNode list(Recorded r, Matcher m) {
        checkQuery(r, Set.of("pageSize", "pageToken", "filter"));
        noBody(r);
        String project = m.group(1);
        String location = m.group(2);
        String parent = "projects/" + project + "/locations/" + location;
        int pageSize = 100;
        String size = single(r, "pageSize");
        if (size != null) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw Reject.invalid("Invalid value at 'page_size' (TYPE_INT32), \"" + size + "\"");
            }
            if (pageSize < 0) {
                throw Reject.invalid("page_size must not be negative");
            }
            if (pageSize == 0) {
                pageSize = 100;
            }
            pageSize = Math.min(pageSize, 1000);
        }
        String filter = single(r, "filter");
        String wantedState = null;
        if (filter != null && !filter.isBlank()) {
            Matcher f = FILTER.matcher(filter.strip());
            if (!f.matches()) {
                throw Reject.invalid("unsupported filter: " + filter);
            }
            wantedState = f.group(1);
        }
        String after = null;
        String token = single(r, "pageToken");
        if (token != null && !token.isEmpty()) {
            after = openToken(token, parent, filter);
        }
        String prefix = location.equals("-") ? "projects/" + project + "/locations/" : parent + "/sessions/";
        ArrayNode page = JSON.createArrayNode();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, ObjectNode> e : (after == null ? sessions : sessions.tailMap(after, false)).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (wantedState != null && !wantedState.equals(e.getValue().path("state").asText())) {
                continue;
            }
            if (page.size() == pageSize) {
                more = true;
                break;
            }
            page.add(typedless(e.getValue()));
            last = e.getKey();
        }
        ObjectNode out = JSON.createObjectNode();
        if (!page.isEmpty()) {
            out.set("sessions", page);
        }
        if (more) {
            out.put("nextPageToken", token(parent, filter, last));
        }
        if (location.equals("-") && !unreachable.isEmpty()) {
            ArrayNode u = out.putArray("unreachable");
            unreachable.forEach(u::add);
        }
        return out;
    }

    private JsonNode delete(Recorded r, Matcher m) {
        checkQuery(r, Set.of("requestId"));
        noBody(r);
        String requestId = requestId(r);
        if (requestId != null && operationsByRequestId.containsKey("delete/" + requestId)) {
            return operations.get(operationsByRequestId.get("delete/" + requestId)).toJson();
        }
        String name = sessionName(m);
        ObjectNode session = existing(name);
        if (session.path("state").asText().equals("ACTIVE") || session.path("state").asText().equals("CREATING")) {
            setState(session, "TERMINATING", null);
        }
        String parent = "projects/" + m.group(1) + "/locations/" + m.group(2);
        return newOperation(parent, session, "DELETE", requestId == null ? null : "delete/" + requestId, done -> {
            setState(session, "TERMINATED", null);
            sessions.remove(name);
            done.response = typed(session);
        }).toJson();
    }

    private JsonNode terminate(Recorded r, Matcher m) {
        checkQuery(r, Set.of());
        ObjectNode body = jsonBody(r);
        SessionShape.TERMINATE_REQUEST.check("request", body);
        String requestId = body.has("requestId") ? body.get("requestId").asText() : null;
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw Reject.invalid("requestId must be 1-40 characters of [A-Za-z0-9_-]");
        }
        if (requestId != null && operationsByRequestId.containsKey("terminate/" + requestId)) {
            return operations.get(operationsByRequestId.get("terminate/" + requestId)).toJson();
        }
        String name = sessionName(m);
        ObjectNode session = existing(name);
        if (!session.path("state").asText().equals("ACTIVE")) {
            throw new Reject(400, "FAILED_PRECONDITION",
                    "Session " + name + " is in state " + session.path("state").asText() + ", not ACTIVE");
        }
        setState(session, "TERMINATING", null);
        String parent = "projects/" + m.group(1) + "/locations/" + m.group(2);
        return newOperation(parent, session, "TERMINATE", requestId == null ? null : "terminate/" + requestId, done -> {
            setState(session, "TERMINATED", null);
            done.response = typed(session);
        }).toJson();
    }

    private JsonNode getOperation(Recorded r, Matcher m) {
        checkQuery(r, Set.of());
        noBody(r);
        String name = "projects/" + m.group(1) + "/locations/" + m.group(2) + "/operations/" + m.group(3);
        Op op = operations.get(name);
        if (op == null) {
            throw new Reject(404, "NOT_FOUND", "Operation not found: " + name);
        }
        op.polls++;
        if (!op.done && op.polls >= pollsUntilDone) {
            complete(op);
        }
        return op.toJson();
    }

    // ------------------------------------------------------------------ helpers

    private Op newOperation(String parent, ObjectNode session, String type, String requestKey, Consumer<Op> completion) {
        String name = parent + "/operations/op-" + (++operationCounter);
        ObjectNode md = JSON.createObjectNode()
                .put("@type", METADATA_TYPE)
                .put("session", session.get("name").asText())
                .put("sessionUuid", session.get("uuid").asText())
                .put("createTime", Instant.now().toString())
                .put("operationType", type)
                .put("description", type.toLowerCase(java.util.Locale.ROOT) + " session");
        Op op = new Op(name, md, completion);
        operations.put(name, op);
        if (requestKey != null) {
            operationsByRequestId.put(requestKey, name);
        }
        if (pollsUntilDone <= 0) {
            complete(op);
        }
        return op;
    }

    private static void complete(Op op) {
        op.onDone.accept(op);
        op.metadata.put("doneTime", Instant.now().toString());
        op.done = true;
    }

    private static ObjectNode newSession(String name, ObjectNode fields) {
        ObjectNode s = fields.deepCopy();
        s.put("name", name);
        s.put("uuid", UUID.randomUUID().toString());
        s.put("createTime", Instant.now().toString());
        s.put("creator", "it@example.com");
        s.putArray("stateHistory");
        return s;
    }

    private static void setState(ObjectNode session, String state, String message) {
        String now = Instant.now().toString();
        if (session.has("state")) {
            ObjectNode h = ((ArrayNode) session.get("stateHistory")).addObject()
                    .put("state", session.get("state").asText())
                    .put("stateStartTime", session.get("stateTime").asText());
            if (session.has("stateMessage")) {
                h.put("stateMessage", session.get("stateMessage").asText());
            }
        }
        session.put("state", state);
        session.put("stateTime", now);
        if (message != null) {
            session.put("stateMessage", message);
        } else {
            session.remove("stateMessage");
        }
    }

    /** The session as an operation's {@code response}: with {@code @type}. */
    private static ObjectNode typed(ObjectNode session) {
        ObjectNode o = JSON.createObjectNode().put("@type", SESSION_TYPE);
        o.setAll(typedless(session));
        return o;
    }

    /** The session as get/list return it: empty stateHistory left out, as proto JSON does. */
    private static ObjectNode typedless(ObjectNode session) {
        ObjectNode o = session.deepCopy();
        if (o.path("stateHistory").isEmpty()) {
            o.remove("stateHistory");
        }
        return o;
    }

    private ObjectNode existing(String name) {
        ObjectNode s = sessions.get(name);
        if (s == null) {
            throw new Reject(404, "NOT_FOUND", "Not found: Session " + name);
        }
        return s;
    }

    private static String sessionName(Matcher m) {
        return "projects/" + m.group(1) + "/locations/" + m.group(2) + "/sessions/" + m.group(3);
    }

    private static void checkQuery(Recorded r, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name) && !SYSTEM_PARAMETERS.contains(name)) {
                throw Reject.invalid("Invalid JSON payload received. Unknown name \"" + name
                        + "\": Cannot bind query parameter. Field '" + name + "' could not be found in request message.");
            }
            if (e.getValue().size() > 1) {
                throw Reject.invalid("repeated query parameter " + name);
            }
        }
        String pretty = single(r, "prettyPrint");
        if (pretty != null && !pretty.equals("true") && !pretty.equals("false")) {
            throw Reject.invalid("prettyPrint must be true or false: " + pretty);
        }
        String alt = single(r, "alt");
        if (alt != null && !alt.equals("json")) {
            throw Reject.invalid("alt=" + alt + " is not supported here");
        }
    }

    private static String single(Recorded r, String name) {
        return r.param(name);
    }

    private static String requestId(Recorded r) {
        String id = single(r, "requestId");
        if (id != null && !REQUEST_ID.matcher(id).matches()) {
            throw Reject.invalid("requestId must be 1-40 characters of [A-Za-z0-9_-]: " + id);
        }
        return id;
    }

    private static void noBody(Recorded r) {
        if (!r.body().isEmpty()) {
            throw Reject.invalid(r.method() + " takes no body");
        }
    }

    private static ObjectNode jsonBody(Recorded r) {
        String ct = r.contentType();
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw Reject.invalid("expected Content-Type application/json, got " + ct);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw Reject.invalid("Invalid JSON payload received. " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw Reject.invalid("Invalid JSON payload received. The body must be a JSON object.");
        }
        return (ObjectNode) body;
    }

    // ------------------------------------------------------------------ page tokens

    private static String token(String parent, String filter, String lastName) {
        String raw = "v1\n" + parent + "\n" + (filter == null ? "" : filter) + "\n" + lastName;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The name the page starts after; a token from another listing (or none of ours) is rejected. */
    private static String openToken(String token, String parent, String filter) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw Reject.invalid("Invalid page token");
        }
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw Reject.invalid("Invalid page token");
        }
        if (!parts[1].equals(parent) || !parts[2].equals(filter == null ? "" : filter)) {
            throw Reject.invalid("The page token does not belong to this listing (parent and filter must not change)");
        }
        return parts[3];
    }

    // ------------------------------------------------------------------ request body shapes

    /** The JSON shapes the fake accepts: declared fields with their JSON types, nothing else. */
    enum Kind { STRING, BOOLEAN, NUMBER, DURATION, STRING_MAP, STRING_LIST, OBJECT, ENUM, ENUM_LIST, OUTPUT_ONLY }

    record FieldShape(Kind kind, SessionShape object, Set<String> values) {
        static FieldShape of(Kind kind) {
            return new FieldShape(kind, null, Set.of());
        }

        static FieldShape object(SessionShape shape) {
            return new FieldShape(Kind.OBJECT, shape, Set.of());
        }

        static FieldShape oneOf(Kind kind, String... values) {
            return new FieldShape(kind, null, Set.of(values));
        }
    }

    /** Request-side message shapes of the sessions API (from Google's REST reference). */
    static final class SessionShape {
        final Map<String, FieldShape> fields;

        private SessionShape(Map<String, FieldShape> fields) {
            this.fields = fields;
        }

        static final SessionShape JUPYTER = new SessionShape(Map.of(
                "kernel", FieldShape.oneOf(Kind.ENUM, "KERNEL_UNSPECIFIED", "PYTHON", "SCALA"),
                "displayName", FieldShape.of(Kind.STRING)));
        static final SessionShape EMPTY = new SessionShape(Map.of());
        static final SessionShape PYPI = new SessionShape(Map.of("pypiRepository", FieldShape.of(Kind.STRING)));
        static final SessionShape REPOSITORY = new SessionShape(Map.of("pypiRepositoryConfig", FieldShape.object(PYPI)));
        static final SessionShape AUTOTUNING = new SessionShape(Map.of("scenarios",
                FieldShape.oneOf(Kind.ENUM_LIST, "SCENARIO_UNSPECIFIED", "SCALING", "BROADCAST_HASH_JOIN", "MEMORY")));
        static final SessionShape RUNTIME = new SessionShape(Map.of(
                "version", FieldShape.of(Kind.STRING),
                "containerImage", FieldShape.of(Kind.STRING),
                "properties", FieldShape.of(Kind.STRING_MAP),
                "repositoryConfig", FieldShape.object(REPOSITORY),
                "autotuningConfig", FieldShape.object(AUTOTUNING),
                "cohort", FieldShape.of(Kind.STRING)));
        static final SessionShape EXECUTION = new SessionShape(Map.of(
                "serviceAccount", FieldShape.of(Kind.STRING),
                "networkUri", FieldShape.of(Kind.STRING),
                "subnetworkUri", FieldShape.of(Kind.STRING),
                "networkTags", FieldShape.of(Kind.STRING_LIST),
                "kmsKey", FieldShape.of(Kind.STRING),
                "idleTtl", FieldShape.of(Kind.DURATION),
                "ttl", FieldShape.of(Kind.DURATION),
                "stagingBucket", FieldShape.of(Kind.STRING)));
        static final SessionShape HISTORY_SERVER = new SessionShape(Map.of("dataprocCluster", FieldShape.of(Kind.STRING)));
        static final SessionShape PERIPHERALS = new SessionShape(Map.of(
                "metastoreService", FieldShape.of(Kind.STRING),
                "sparkHistoryServerConfig", FieldShape.object(HISTORY_SERVER)));
        static final SessionShape ENVIRONMENT = new SessionShape(Map.of(
                "executionConfig", FieldShape.object(EXECUTION),
                "peripheralsConfig", FieldShape.object(PERIPHERALS)));
        static final SessionShape SESSION = new SessionShape(Map.ofEntries(
                Map.entry("name", FieldShape.of(Kind.STRING)),
                Map.entry("jupyterSession", FieldShape.object(JUPYTER)),
                Map.entry("sparkConnectSession", FieldShape.object(EMPTY)),
                Map.entry("runtimeConfig", FieldShape.object(RUNTIME)),
                Map.entry("environmentConfig", FieldShape.object(ENVIRONMENT)),
                Map.entry("labels", FieldShape.of(Kind.STRING_MAP)),
                Map.entry("user", FieldShape.of(Kind.STRING)),
                Map.entry("sessionTemplate", FieldShape.of(Kind.STRING)),
                Map.entry("uuid", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("createTime", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("runtimeInfo", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("state", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("stateMessage", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("stateTime", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("creator", FieldShape.of(Kind.OUTPUT_ONLY)),
                Map.entry("stateHistory", FieldShape.of(Kind.OUTPUT_ONLY))));
        static final SessionShape TERMINATE_REQUEST = new SessionShape(Map.of("requestId", FieldShape.of(Kind.STRING)));

        /** Throws {@link Reject} naming the first field that does not fit. */
        void check(String path, JsonNode node) {
            if (!node.isObject()) {
                throw Reject.invalid("Invalid value at '" + path + "': expected an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = path + "." + e.getKey();
                FieldShape f = fields.get(e.getKey());
                if (f == null) {
                    throw Reject.invalid("Invalid JSON payload received. Unknown name \"" + e.getKey()
                            + "\" at '" + path + "': Cannot find field.");
                }
                checkValue(where, f, e.getValue());
            }
        }

        private static void checkValue(String where, FieldShape f, JsonNode v) {
            if (v.isNull()) {
                throw Reject.invalid("null at '" + where + "': this client never needs to send null");
            }
            switch (f.kind()) {
                case STRING -> expect(where, v, JsonNodeType.STRING);
                case BOOLEAN -> expect(where, v, JsonNodeType.BOOLEAN);
                case NUMBER -> expect(where, v, JsonNodeType.NUMBER);
                case DURATION -> {
                    expect(where, v, JsonNodeType.STRING);
                    if (!DURATION.matcher(v.asText()).matches()) {
                        throw Reject.invalid("Invalid value at '" + where + "' (type.googleapis.com/google.protobuf.Duration), \""
                                + v.asText() + "\"");
                    }
                }
                case ENUM -> {
                    expect(where, v, JsonNodeType.STRING);
                    if (!f.values().contains(v.asText())) {
                        throw Reject.invalid("Invalid value at '" + where + "', \"" + v.asText() + "\"");
                    }
                }
                case ENUM_LIST -> {
                    expect(where, v, JsonNodeType.ARRAY);
                    v.forEach(x -> checkValue(where + "[]", FieldShape.oneOf(Kind.ENUM, f.values().toArray(String[]::new)), x));
                }
                case STRING_LIST -> {
                    expect(where, v, JsonNodeType.ARRAY);
                    v.forEach(x -> expect(where + "[]", x, JsonNodeType.STRING));
                }
                case STRING_MAP -> {
                    expect(where, v, JsonNodeType.OBJECT);
                    v.fields().forEachRemaining(x -> expect(where + "[" + x.getKey() + "]", x.getValue(), JsonNodeType.STRING));
                }
                case OBJECT -> f.object().check(where, v);
                case OUTPUT_ONLY -> throw Reject.invalid("'" + where + "' is output only");
                default -> throw new IllegalStateException(f.kind().toString());
            }
        }

        private static void expect(String where, JsonNode v, JsonNodeType type) {
            if (v.getNodeType() != type) {
                throw Reject.invalid("Invalid value at '" + where + "': expected " + type + ", got " + v.getNodeType()
                        + " " + v);
            }
        }
    }
}
