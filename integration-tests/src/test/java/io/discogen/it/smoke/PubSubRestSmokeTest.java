package io.discogen.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.discogen.it.emulator.PubSubEmulator;
import io.discogen.it.emulator.PubSubEmulatorExtension;
import io.discogen.it.smoke.RawJsonHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Raw REST calls against the Pub/Sub emulator. Pins the wire behaviour recorded in
 * EMULATORS.md. Unlike the Spanner gateway, errors here use Google's envelope
 * {@code {"error":{"code":<http>,"message":...,"status":"<GRPC_NAME>"}}}.
 */
@ExtendWith(PubSubEmulatorExtension.class)
class PubSubRestSmokeTest {

    static final String PROJECT = "projects/test-project";

    static RawJsonHttp http;

    @BeforeAll
    static void setUp(PubSubEmulator emulator) {
        http = new RawJsonHttp(emulator.restUrl());
    }

    static String createTopic(String id) {
        String name = PROJECT + "/topics/" + id;
        Response r = http.put("v1/" + name, "{}");
        assertEquals(200, r.status(), r::toString);
        assertEquals(name, r.json().path("name").asText());
        return name;
    }

    static String createSubscription(String id, String topic) {
        String name = PROJECT + "/subscriptions/" + id;
        Response r = http.put("v1/" + name, "{\"topic\":\"" + topic + "\",\"ackDeadlineSeconds\":30}");
        assertEquals(200, r.status(), r::toString);
        JsonNode s = r.json();
        assertEquals(name, s.path("name").asText());
        assertEquals(topic, s.path("topic").asText());
        assertEquals(30, s.path("ackDeadlineSeconds").asInt());
        assertTrue(s.path("ackDeadlineSeconds").isIntegralNumber(), "int32 -> JSON number");
        assertEquals("604800s", s.path("messageRetentionDuration").asText(), "Duration -> \"<seconds>s\"");
        return name;
    }

    /** Google's envelope: {"error":{"code":<http status>,"message":...,"status":"<NAME>"}} and nothing else. */
    static void assertEnvelopeError(Response r, int httpStatus, String status) {
        assertEquals(httpStatus, r.status(), r::toString);
        JsonNode root = r.json();
        assertEquals(1, root.size(), r::toString);
        JsonNode e = root.path("error");
        assertEquals(httpStatus, e.path("code").asInt(), r::toString);
        assertEquals(status, e.path("status").asText(), r::toString);
        assertTrue(e.path("message").isTextual(), r::toString);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String publish(String topic, String json) {
        Response r = http.post("v1/" + topic + ":publish", json);
        return r.status() + " " + r.body();
    }

    @Test
    void topicSubscriptionPublishPullAcknowledge() {
        String topic = createTopic("smoke-topic");
        String sub = createSubscription("smoke-sub", topic);

        ObjectNode body = RawJsonHttp.JSON.createObjectNode();
        ObjectNode msg = body.putArray("messages").addObject();
        msg.put("data", b64("hello, emulator"));
        msg.putObject("attributes").put("k", "v").put("lang", "java");
        Response pub = http.post("v1/" + topic + ":publish", body.toString());
        assertEquals(200, pub.status(), pub::toString);
        JsonNode ids = pub.json().path("messageIds");
        assertEquals(1, ids.size(), pub::toString);
        assertTrue(ids.get(0).isTextual() && ids.get(0).asText().matches("\\d+"), "message ids are numeric strings");

        // Pull until the message arrives (bounded).
        JsonNode received = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received == null && System.nanoTime() < deadline) {
            Response pull = http.post("v1/" + sub + ":pull", "{\"maxMessages\":10,\"returnImmediately\":true}");
            assertEquals(200, pull.status(), pull::toString);
            JsonNode msgs = pull.json().path("receivedMessages");
            if (msgs.size() > 0) {
                received = msgs;
            }
        }
        assertTrue(received != null, "no message pulled within 20 s");
        assertEquals(1, received.size(), received::toString);
        JsonNode rm = received.get(0);
        assertTrue(rm.path("ackId").asText().startsWith(sub + ":"), rm::toString);
        JsonNode m = rm.path("message");
        assertEquals("hello, emulator", new String(Base64.getDecoder().decode(m.path("data").asText()), StandardCharsets.UTF_8));
        assertEquals(Map.of("k", "v", "lang", "java"), toMap(m.path("attributes")));
        assertEquals(ids.get(0).asText(), m.path("messageId").asText());
        assertTrue(m.path("publishTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                m::toString);

        ObjectNode ack = RawJsonHttp.JSON.createObjectNode();
        ArrayNode ackIds = ack.putArray("ackIds");
        ackIds.add(rm.path("ackId").asText());
        Response acked = http.post("v1/" + sub + ":acknowledge", ack.toString());
        assertEquals(200, acked.status(), acked::toString);
        assertEquals(0, acked.json().size(), "Empty response: " + acked);

        // Nothing left: empty response object (no receivedMessages key at all).
        Response empty = http.post("v1/" + sub + ":pull", "{\"maxMessages\":10,\"returnImmediately\":true}");
        assertEquals(200, empty.status(), empty::toString);
        assertFalse(empty.json().has("receivedMessages"), empty::toString);
    }

    @Test
    void base64Handling() {
        String topic = createTopic("b64-topic");
        String sub = createSubscription("b64-sub", topic);
        // Invalid base64: rejected with a generic message.
        Response bad = http.post("v1/" + topic + ":publish", "{\"messages\":[{\"data\":\"not base64!!\"}]}");
        assertEnvelopeError(bad, 400, "INVALID_ARGUMENT");
        assertEquals("Payload isn't valid for request.", bad.json().path("error").path("message").asText());

        // Unpadded and URL-safe base64 are accepted; pulls return standard, padded base64.
        assertTrue(publish(topic, "{\"messages\":[{\"data\":\"d29ybGQ\"}]}").startsWith("200 "));
        assertTrue(publish(topic, "{\"messages\":[{\"data\":\"aGVsbG8-_w==\"}]}").startsWith("200 "));
        Map<String, String> byData = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (byData.size() < 2 && System.nanoTime() < deadline) {
            Response pull = http.post("v1/" + sub + ":pull", "{\"maxMessages\":10,\"returnImmediately\":true}");
            pull.json().path("receivedMessages").forEach(rm ->
                    byData.put(rm.path("message").path("data").asText(), rm.path("ackId").asText()));
        }
        assertEquals(java.util.Set.of("d29ybGQ=", "aGVsbG8+/w=="), byData.keySet());
    }

    @Test
    void errorsUseTheGoogleEnvelope() {
        String topic = createTopic("err-topic");
        // Unknown field in the body.
        Response unknown = http.put("v1/" + PROJECT + "/topics/unknown-field", "{\"bogus\":1}");
        assertEnvelopeError(unknown, 400, "INVALID_ARGUMENT");
        assertEquals("Payload isn't valid for request.", unknown.json().path("error").path("message").asText());
        // Unknown field inside a message.
        assertEnvelopeError(http.post("v1/" + topic + ":publish",
                "{\"messages\":[{\"data\":\"aGk=\",\"bogus\":1}]}"), 400, "INVALID_ARGUMENT");
        // Malformed JSON.
        assertEnvelopeError(http.put("v1/" + PROJECT + "/topics/bad-json", "{not json"), 400, "INVALID_ARGUMENT");
        // Validation: empty batch, empty message, empty ack list, garbage ack id.
        assertEnvelopeError(http.post("v1/" + topic + ":publish", "{\"messages\":[]}"), 400, "INVALID_ARGUMENT");
        assertEnvelopeError(http.post("v1/" + topic + ":publish", "{\"messages\":[{}]}"), 400, "INVALID_ARGUMENT");
        String sub = createSubscription("err-sub", topic);
        assertEnvelopeError(http.post("v1/" + sub + ":acknowledge", "{\"ackIds\":[]}"), 400, "INVALID_ARGUMENT");
        assertEnvelopeError(http.post("v1/" + sub + ":acknowledge", "{\"ackIds\":[\"garbage\"]}"), 400,
                "INVALID_ARGUMENT");
        // Resource names are validated: ids shorter than 3 characters are rejected
        // (so projects/p/topics/t is INVALID_ARGUMENT, while projects/p/topics/top is fine).
        Response shortName = http.put("v1/projects/p/topics/t", "{}");
        assertEnvelopeError(shortName, 400, "INVALID_ARGUMENT");
        assertTrue(shortName.json().path("error").path("message").asText().startsWith("Invalid [topics] name"));
        assertEquals(200, http.put("v1/projects/p/topics/top", "{}").status());
        // Conflict and not-found.
        assertEnvelopeError(http.put("v1/" + topic, "{}"), 409, "ALREADY_EXISTS");
        assertEnvelopeError(http.get("v1/" + PROJECT + "/topics/no-such-topic"), 404, "NOT_FOUND");
        assertEnvelopeError(http.post("v1/" + PROJECT + "/subscriptions/no-such-sub:pull", "{\"maxMessages\":1}"),
                404, "NOT_FOUND");
        // An unroutable path is NOT JSON: plain-text "Not Found".
        Response noRoute = http.put("v1/nothing/here", "{}");
        assertEquals(404, noRoute.status());
        assertEquals("Not Found", noRoute.body().trim());
    }

    @Test
    void listingPagesAndIgnoresStandardParameters() {
        String project = "projects/paging-project";
        for (String id : new String[] {"topic-a", "topic-b", "topic-c"}) {
            assertEquals(200, http.put("v1/" + project + "/topics/" + id, "{}").status());
        }
        Response p1 = http.get("v1/" + project + "/topics?pageSize=1&alt=json&prettyPrint=false&bogus=1");
        assertEquals(200, p1.status(), p1::toString);
        assertEquals(1, p1.json().path("topics").size());
        assertEquals(project + "/topics/topic-a", p1.json().path("topics").get(0).path("name").asText());
        // nextPageToken is the next topic's resource name.
        assertEquals(project + "/topics/topic-b", p1.json().path("nextPageToken").asText());
        Response p2 = http.get("v1/" + project + "/topics?pageSize=5&pageToken=" + project + "/topics/topic-b");
        assertEquals(2, p2.json().path("topics").size(), p2::toString);
        assertFalse(p2.json().has("nextPageToken"), "last page has no token: " + p2);
        // Responses are pretty-printed even with prettyPrint=false.
        assertTrue(p1.body().contains("\n"), "pretty-printed body");
    }

    static Map<String, String> toMap(JsonNode obj) {
        Map<String, String> m = new HashMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
