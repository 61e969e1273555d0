package io.discogen.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.discogen.it.emulator.SpannerEmulator;
import io.discogen.it.emulator.SpannerEmulatorExtension;
import io.discogen.it.smoke.RawJsonHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Raw REST calls against the Spanner emulator's gateway. Pins the wire behaviour recorded in
 * EMULATORS.md; if an emulator upgrade changes any of it, update that file (and the runtime's
 * error mapping) together with these assertions.
 */
@ExtendWith(SpannerEmulatorExtension.class)
class SpannerRestSmokeTest {

    static final String PROJECT = "projects/test-project";
    static final String EMULATOR_CONFIG = PROJECT + "/instanceConfigs/emulator-config";
    static final String INSTANCE = PROJECT + "/instances/smoke";
    static final String DATABASE = INSTANCE + "/databases/smokedb";

    static RawJsonHttp http;

    @BeforeAll
    static void setUp(SpannerEmulator emulator) {
        http = new RawJsonHttp(emulator.restUrl());
        JsonNode op = createInstance("smoke", EMULATOR_CONFIG);
        awaitOperation(op);
        JsonNode dbOp = createDatabase(INSTANCE, "smokedb");
        awaitOperation(dbOp);
    }

    // ---------------------------------------------------------------- helpers

    static JsonNode createInstance(String id, String config) {
        ObjectNode instance = RawJsonHttp.JSON.createObjectNode()
                .put("config", config).put("displayName", id).put("nodeCount", 1);
        ObjectNode body = RawJsonHttp.JSON.createObjectNode().put("instanceId", id);
        body.set("instance", instance);
        Response r = http.post("v1/" + PROJECT + "/instances", body.toString());
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static JsonNode createDatabase(String instance, String id, String... extraStatements) {
        ObjectNode body = RawJsonHttp.JSON.createObjectNode().put("createStatement", "CREATE DATABASE `" + id + "`");
        var extra = body.putArray("extraStatements");
        for (String s : extraStatements) {
            extra.add(s);
        }
        Response r = http.post("v1/" + instance + "/databases", body.toString());
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    /** Polls {@code GET v1/{operation.name}} until {@code done}; returns the final operation. */
    static JsonNode awaitOperation(JsonNode op) {
        String name = op.path("name").asText();
        assertTrue(name.contains("/operations/"), () -> "operation name: " + op);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode current = op;
        while (!current.path("done").asBoolean(false)) {
            assertTrue(System.nanoTime() < deadline, () -> "operation not done in 30 s: " + op);
            sleep(100);
            Response r = http.get("v1/" + name);
            assertEquals(200, r.status(), r::toString);
            current = r.json();
        }
        assertFalse(current.has("error"), current::toString);
        return current;
    }

    static String newSession(String database) {
        Response r = http.post("v1/" + database + "/sessions", "{}");
        assertEquals(200, r.status(), r::toString);
        return r.json().path("name").asText();
    }

    static Response executeSql(String session, String sql) {
        return http.post("v1/" + session + ":executeSql", RawJsonHttp.JSON.createObjectNode().put("sql", sql).toString());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's error body: flat {@code {"code":<grpc code>,"message":...}}, no {@code error} envelope. */
    static void assertFlatError(Response r, int httpStatus, int grpcCode) {
        assertEquals(httpStatus, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/json"), r::contentType);
        JsonNode e = r.json();
        assertEquals(grpcCode, e.path("code").asInt(-1), r::toString);
        assertTrue(e.path("message").isTextual(), r::toString);
        assertFalse(e.has("error"), r::toString);
        assertFalse(e.has("status"), r::toString);
    }

    // ---------------------------------------------------------------- instances and LROs

    @Test
    void listsTheEmulatorInstanceConfig() {
        Response r = http.get("v1/" + PROJECT + "/instanceConfigs");
        assertEquals(200, r.status(), r::toString);
        JsonNode configs = r.json().path("instanceConfigs");
        assertEquals(1, configs.size(), r::toString);
        assertEquals(EMULATOR_CONFIG, configs.get(0).path("name").asText());
        assertEquals("Emulator Instance Config", configs.get(0).path("displayName").asText());
    }

    @Test
    void createInstanceReturnsAnAlreadyDoneOperationThatCanBePolled() {
        JsonNode op = createInstance("lro-check", EMULATOR_CONFIG);
        assertEquals(PROJECT + "/instances/lro-check/operations/", op.path("name").asText().replaceAll("[^/]+$", ""));
        assertEquals("type.googleapis.com/google.spanner.admin.instance.v1.CreateInstanceMetadata",
                op.path("metadata").path("@type").asText());
        // The emulator completes the operation synchronously: done=true already on create.
        assertTrue(op.path("done").asBoolean(), op::toString);

        Response polled = http.get("v1/" + op.path("name").asText());
        assertEquals(200, polled.status(), polled::toString);
        assertEquals(op, polled.json(), "GET on the operation returns the same operation");
        JsonNode instance = awaitOperation(op).path("response");
        assertEquals("type.googleapis.com/google.spanner.admin.instance.v1.Instance", instance.path("@type").asText());
        assertEquals("READY", instance.path("state").asText());
        assertEquals(1000, instance.path("processingUnits").asInt(), "nodeCount 1 -> 1000 processing units");
        assertTrue(instance.path("processingUnits").isIntegralNumber(), "int32 fields are JSON numbers");
    }

    @Test
    void emulatorAcceptsAnyInstanceConfigName() {
        JsonNode op = createInstance("any-config", PROJECT + "/instanceConfigs/does-not-exist");
        JsonNode done = awaitOperation(op);
        assertEquals(PROJECT + "/instanceConfigs/does-not-exist", done.path("response").path("config").asText());
    }

    @Test
    void createDatabaseWithCreateStatementAndDdl() {
        JsonNode op = createDatabase(INSTANCE, "ddldb",
                "CREATE TABLE T (Id INT64 NOT NULL, S STRING(MAX)) PRIMARY KEY (Id)");
        assertEquals("type.googleapis.com/google.spanner.admin.database.v1.CreateDatabaseMetadata",
                op.path("metadata").path("@type").asText());
        JsonNode db = awaitOperation(op).path("response");
        assertEquals("type.googleapis.com/google.spanner.admin.database.v1.Database", db.path("@type").asText());
        assertEquals(INSTANCE + "/databases/ddldb", db.path("name").asText());
        assertEquals("READY", db.path("state").asText());

        Response get = http.get("v1/" + INSTANCE + "/databases/ddldb");
        assertEquals(200, get.status(), get::toString);
        assertEquals("READY", get.json().path("state").asText());
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void sessionLifecycleAndPaging() {
        // A database of its own, so the listing holds exactly our sessions.
        String db = INSTANCE + "/databases/pagingdb";
        awaitOperation(createDatabase(INSTANCE, "pagingdb"));

        String first = newSession(db);
        assertTrue(first.startsWith(db + "/sessions/"), first);

        Response batch = http.post("v1/" + db + "/sessions:batchCreate", "{\"sessionCount\":3}");
        assertEquals(200, batch.status(), batch::toString);
        // Note the singular field name "session" for the repeated field.
        JsonNode created = batch.json().path("session");
        assertEquals(3, created.size(), batch::toString);
        Set<String> expected = new TreeSet<>();
        expected.add(first);
        created.forEach(s -> expected.add(s.path("name").asText()));
        assertEquals(4, expected.size());

        Response get = http.get("v1/" + first);
        assertEquals(200, get.status(), get::toString);
        assertEquals(first, get.json().path("name").asText());
        assertTrue(get.json().path("createTime").asText().endsWith("Z"), get::toString);
        assertTrue(get.json().has("approximateLastUseTime"), get::toString);

        // The gateway does page: pageSize=1 gives one session and a nextPageToken, which is
        // the resource name of the next session; the last page has no nextPageToken field.
        List<String> seen = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 10; page++) {
            Response r = http.get("v1/" + db + "/sessions?pageSize=1" + (token == null ? "" : "&pageToken=" + token));
            assertEquals(200, r.status(), r::toString);
            JsonNode sessions = r.json().path("sessions");
            assertEquals(1, sessions.size(), r::toString);
            seen.add(sessions.get(0).path("name").asText());
            if (!r.json().has("nextPageToken")) {
                break;
            }
            token = r.json().path("nextPageToken").asText();
            tokens.add(token);
        }
        assertEquals(expected.size(), seen.size(), "one session per page, each once: " + seen);
        assertEquals(expected, new TreeSet<>(seen), "pages cover all sessions: " + seen);
        assertEquals(seen.subList(1, seen.size()), tokens, "each nextPageToken is the next session's name");

        // An unparseable pageToken is not rejected: listing starts from the beginning.
        Response garbage = http.get("v1/" + db + "/sessions?pageSize=1&pageToken=garbage");
        assertEquals(200, garbage.status(), garbage::toString);
        assertEquals(seen.get(0), garbage.json().path("sessions").get(0).path("name").asText());

        Response del = http.delete("v1/" + first);
        assertEquals(200, del.status(), del::toString);
        assertEquals("{}", del.body().trim());
        Response again = http.delete("v1/" + first);
        assertEquals(200, again.status(), "deleting a deleted session is not an error: " + again);

        // Gone: but the gateway cannot marshal the emulator's NOT_FOUND (it carries details),
        // so instead of 404/code 5 it answers 500 {"code": 13, "message": "failed to marshal error message"}.
        Response afterDelete = http.get("v1/" + first);
        assertFlatError(afterDelete, 500, 13);
        assertEquals("failed to marshal error message", afterDelete.json().path("message").asText());

        // batchCreate with sessionCount 0 (omitted): empty message, repeated field omitted.
        Response none = http.post("v1/" + db + "/sessions:batchCreate", "{}");
        assertEquals(200, none.status(), none::toString);
        assertEquals("{}", none.body().trim());
    }

    // ---------------------------------------------------------------- queries

    @Test
    void executeSqlSelectOneExactShape() throws Exception {
        String session = newSession(DATABASE);
        Response r = executeSql(session, "SELECT 1");
        assertEquals(200, r.status(), r::toString);
        // INT64 values come back as JSON strings; unnamed columns have no "name" key.
        assertEquals(RawJsonHttp.JSON.readTree(
                "{\"metadata\":{\"rowType\":{\"fields\":[{\"type\":{\"code\":\"INT64\"}}]}},\"rows\":[[\"1\"]]}"),
                r.json());
    }

    @Test
    void executeSqlValueEncodings() {
        String session = newSession(DATABASE);
        Response r = executeSql(session, "SELECT 1 AS i, 2.5 AS f, CAST('NaN' AS FLOAT64) AS nan, 'a' AS s,"
                + " true AS b, CAST(NULL AS INT64) AS n, b'hi' AS by_, DATE '2020-01-02' AS d,"
                + " TIMESTAMP '2020-01-02T03:04:05Z' AS ts, [1, 2] AS arr, NUMERIC '1.50' AS num,"
                + " JSON '{\"a\":1}' AS j");
        assertEquals(200, r.status(), r::toString);
        JsonNode fields = r.json().path("metadata").path("rowType").path("fields");
        assertEquals("i", fields.get(0).path("name").asText());
        assertEquals("ARRAY", fields.get(9).path("type").path("code").asText());
        assertEquals("INT64", fields.get(9).path("type").path("arrayElementType").path("code").asText());
        JsonNode row = r.json().path("rows").get(0);
        assertTrue(row.get(0).isTextual() && row.get(0).asText().equals("1"), "INT64 -> string");
        assertTrue(row.get(1).isNumber() && row.get(1).asDouble() == 2.5, "FLOAT64 -> number");
        assertEquals("NaN", row.get(2).asText(), "FLOAT64 NaN -> string");
        assertTrue(row.get(3).isTextual(), "STRING -> string");
        assertTrue(row.get(4).isBoolean(), "BOOL -> boolean");
        assertTrue(row.get(5).isNull(), "NULL -> null");
        assertEquals("aGk=", row.get(6).asText(), "BYTES -> base64");
        assertEquals("2020-01-02", row.get(7).asText(), "DATE -> string");
        assertEquals("2020-01-02T03:04:05Z", row.get(8).asText(), "TIMESTAMP -> RFC 3339 string");
        assertEquals("[\"1\",\"2\"]", row.get(9).toString(), "ARRAY<INT64> -> array of strings");
        assertEquals("1.5", row.get(10).asText(), "NUMERIC -> string (normalised)");
        assertEquals("{\"a\":1}", row.get(11).asText(), "JSON -> string");
    }

    @Test
    void streamingMethodsAnswerNewlineDelimitedResultObjects() throws Exception {
        String session = newSession(DATABASE);
        String body = RawJsonHttp.JSON.createObjectNode().put("sql", "SELECT 1 UNION ALL SELECT 2").toString();
        Response r = http.post("v1/" + session + ":executeStreamingSql", body);
        assertEquals(200, r.status(), r::toString);
        // grpc-gateway streaming: one {"result": PartialResultSet} object per message, one per line;
        // Google's own front end answers a JSON array of PartialResultSets instead.
        List<String> lines = r.body().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r::toString);
        JsonNode result = RawJsonHttp.JSON.readTree(lines.get(0)).get("result");
        assertEquals("INT64", result.at("/metadata/rowType/fields/0/type/code").asText(), r::toString);
        Set<String> values = new TreeSet<>();
        result.get("values").forEach(v -> values.add(v.asText()));
        assertEquals(Set.of("1", "2"), values, "values are flat, row after row");

        // An error before the first message: HTTP 400 in an {"error":{"code","message"}} envelope with
        // the gRPC code and no status name (unary methods answer the flat {"code","message"} instead).
        Response bad = http.post("v1/" + session + ":executeStreamingSql",
                RawJsonHttp.JSON.createObjectNode().put("sql", "SELEC").toString());
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(3, bad.json().at("/error/code").asInt(), bad::toString);
        assertFalse(bad.json().path("error").has("status"), bad::toString);
    }

    @Test
    void int64ParamsMustBeStrings() {
        String session = newSession(DATABASE);
        String sql = "SELECT @x + 1 AS v";
        Response ok = http.post("v1/" + session + ":executeSql",
                "{\"sql\":\"" + sql + "\",\"params\":{\"x\":\"41\"},\"paramTypes\":{\"x\":{\"code\":\"INT64\"}}}");
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("42", ok.json().path("rows").get(0).get(0).asText());

        Response number = http.post("v1/" + session + ":executeSql",
                "{\"sql\":\"" + sql + "\",\"params\":{\"x\":41},\"paramTypes\":{\"x\":{\"code\":\"INT64\"}}}");
        assertFlatError(number, 400, 9); // FAILED_PRECONDITION "Could not parse number_value: 41 as INT64"
    }

    // ---------------------------------------------------------------- errors and strictness

    @Test
    void errorBodiesAreFlatCodeAndMessage() {
        // Unknown JSON field: rejected, top level and nested.
        Response unknownTop = http.post("v1/" + PROJECT + "/instances",
                "{\"instanceId\":\"x1\",\"bogusField\":1,\"instance\":{\"config\":\"" + EMULATOR_CONFIG + "\"}}");
        assertFlatError(unknownTop, 400, 3);
        assertTrue(unknownTop.json().path("message").asText().contains("unknown field \"bogusField\""), unknownTop::toString);
        Response unknownNested = http.post("v1/" + PROJECT + "/instances",
                "{\"instanceId\":\"x2\",\"instance\":{\"config\":\"" + EMULATOR_CONFIG + "\",\"bogus\":2}}");
        assertFlatError(unknownNested, 400, 3);

        // Malformed JSON.
        assertFlatError(http.post("v1/" + PROJECT + "/instances", "{not json"), 400, 3);

        // Wrong type for an int32 field.
        assertFlatError(http.post("v1/" + DATABASE + "/sessions:batchCreate", "{\"sessionCount\":\"x\"}"), 400, 3);

        // Bad query-parameter value.
        assertFlatError(http.get("v1/" + DATABASE + "/sessions?pageSize=abc"), 400, 3);

        // Already exists -> 409 / ALREADY_EXISTS (6).
        createInstance("dup", EMULATOR_CONFIG);
        Response dup = http.post("v1/" + PROJECT + "/instances",
                "{\"instanceId\":\"dup\",\"instance\":{\"config\":\"" + EMULATOR_CONFIG + "\",\"nodeCount\":1}}");
        assertFlatError(dup, 409, 6);

        // SQL syntax error -> 400 / INVALID_ARGUMENT (3).
        assertFlatError(executeSql(newSession(DATABASE), "SELEC 1"), 400, 3);

        // NOT_FOUND from the emulator for instances, databases, sessions: 500 / 13 (gateway bug).
        Response missingInstance = http.get("v1/" + PROJECT + "/instances/nope");
        assertFlatError(missingInstance, 500, 13);
        assertEquals("failed to marshal error message", missingInstance.json().path("message").asText());
        assertFlatError(http.get("v1/" + INSTANCE + "/databases/nope"), 500, 13);

        // ...but a missing operation is a proper 404 / NOT_FOUND (5).
        assertFlatError(http.get("v1/" + DATABASE + "/operations/_nope"), 404, 5);

        // Routing errors from the gateway itself.
        Response noRoute = http.get("v1/no/such/path");
        assertFlatError(noRoute, 404, 5);
        assertEquals("Not Found", noRoute.json().path("message").asText());
        Response badMethod = http.send("PUT", "v1/" + DATABASE + "/sessions/0", null);
        assertFlatError(badMethod, 501, 12);
    }

    @Test
    void lenientInputs() {
        // proto field names (snake_case) are accepted as well as lowerCamelCase.
        Response snake = http.post("v1/" + DATABASE + "/sessions", "{\"session\":{\"creator_role\":\"r\"}}");
        assertEquals(200, snake.status(), snake::toString);
        // int32 given as a JSON string is accepted.
        Response stringNumber = http.post("v1/" + DATABASE + "/sessions:batchCreate", "{\"sessionCount\":\"2\"}");
        assertEquals(200, stringNumber.status(), stringNumber::toString);
        assertEquals(2, stringNumber.json().path("session").size());
        // No body at all is accepted for a POST whose body is optional.
        Response empty = http.send("POST", "v1/" + DATABASE + "/sessions", "");
        assertEquals(200, empty.status(), empty::toString);
        // Standard query parameters Google clients send are ignored; fields= is NOT applied.
        String session = snake.json().path("name").asText();
        Response withParams = http.get("v1/" + session + "?alt=json&prettyPrint=false&fields=name&%24.xgafv=2&bogus=1");
        assertEquals(200, withParams.status(), withParams::toString);
        assertNotNull(withParams.json().get("createTime"), "fields= mask is ignored: " + withParams);
    }
}
