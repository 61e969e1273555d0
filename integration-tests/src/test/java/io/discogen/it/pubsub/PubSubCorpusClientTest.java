package io.discogen.it.pubsub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.discogen.it.TestClients;
import io.discogen.it.emulator.PubSubEmulator;
import io.discogen.it.emulator.PubSubEmulatorExtension;
import io.discogen.it.gen.pubsub.Pubsub;
import io.discogen.it.gen.pubsub.model.AcknowledgeRequest;
import io.discogen.it.gen.pubsub.model.ListTopicsResponse;
import io.discogen.it.gen.pubsub.model.PublishRequest;
import io.discogen.it.gen.pubsub.model.PublishResponse;
import io.discogen.it.gen.pubsub.model.PubsubMessage;
import io.discogen.it.gen.pubsub.model.PullRequest;
import io.discogen.it.gen.pubsub.model.PullResponse;
import io.discogen.it.gen.pubsub.model.ReceivedMessage;
import io.discogen.it.gen.pubsub.model.Subscription;
import io.discogen.it.gen.pubsub.model.Topic;
import io.discogen.runtime.ApiException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client generated from the corpus {@code pubsub.v1.json} against the Pub/Sub emulator: topic
 * and subscription creation (PUT with a body), publishing binary data through the model's
 * {@code byte[]} setter (base64 on the wire) with attributes, pulling and acknowledging, paging
 * through topics, and the emulator's {@code {"error":{...}}} envelope mapped to {@link ApiException}.
 */
@ExtendWith(PubSubEmulatorExtension.class)
@Timeout(60)
class PubSubCorpusClientTest {

    static final String PROJECT = "projects/it-project";

    static Pubsub pubsub;

    @BeforeAll
    static void client(PubSubEmulator emulator) {
        pubsub = new Pubsub(TestClients.local(emulator.restUrl()));
    }

    /** Every byte value, plus bytes that are not valid UTF-8 and that base64 encodes with '+' and '/'. */
    static byte[] allBytes() {
        byte[] b = new byte[256 + 4];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        b[256] = (byte) 0xfb;
        b[257] = (byte) 0xff;
        b[258] = (byte) 0xbf;
        b[259] = 0;
        return b;
    }

    @Test
    @SuppressWarnings("deprecation") // returnImmediately: deprecated, but the emulator honours it and no pull blocks
    void publishBinaryDataThenPullAndAcknowledge() {
        String topic = PROJECT + "/topics/binary-topic";
        String subscription = PROJECT + "/subscriptions/binary-sub";

        Topic created = pubsub.projects().topics()
                .create(topic, new Topic().setLabels(Map.of("suite", "discogen")))
                .execute();
        assertEquals(topic, created.getName());

        Subscription sub = pubsub.projects().subscriptions()
                .create(subscription, new Subscription().setTopic(topic).setAckDeadlineSeconds(30))
                .execute();
        assertEquals(subscription, sub.getName());
        assertEquals(topic, sub.getTopic());
        assertEquals(30, sub.getAckDeadlineSeconds());
        // "604800s" on the wire, a Duration in the model.
        assertEquals(Duration.ofDays(7), sub.getMessageRetentionDuration());

        byte[] binary = allBytes();
        byte[] text = "héllo, wörld".getBytes(StandardCharsets.UTF_8);
        byte[] one = {(byte) 0xff}; // base64 "/w==": padding and a non-URL-safe character
        Instant before = Instant.now().minusSeconds(60);
        PublishResponse published = pubsub.projects().topics().publish(topic, new PublishRequest()
                        .setMessages(List.of(
                                new PubsubMessage().setData(binary).setAttributes(Map.of("kind", "binary", "n", "1")),
                                new PubsubMessage().setData(text).setAttributes(Map.of("kind", "text")),
                                new PubsubMessage().setData(one),
                                new PubsubMessage().setAttributes(Map.of("kind", "attributes-only")))))
                .execute();
        List<String> ids = published.getMessageIds();
        assertEquals(4, ids.size(), published::toString);

        Map<String, ReceivedMessage> byId = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (byId.size() < 4 && System.nanoTime() < deadline) {
            PullResponse pulled = pubsub.projects().subscriptions()
                    .pull(subscription, new PullRequest().setMaxMessages(10).setReturnImmediately(true))
                    .execute();
            if (pulled.getReceivedMessages() != null) {
                pulled.getReceivedMessages().forEach(m -> byId.put(m.getMessage().getMessageId(), m));
            }
        }
        assertEquals(new TreeSet<>(ids), new TreeSet<>(byId.keySet()));

        PubsubMessage m0 = byId.get(ids.get(0)).getMessage();
        assertArrayEquals(binary, m0.getData(), "exact bytes back");
        assertEquals(Map.of("kind", "binary", "n", "1"), m0.getAttributes());
        assertTrue(m0.getPublishTime().isAfter(before), m0::toString);

        PubsubMessage m1 = byId.get(ids.get(1)).getMessage();
        assertArrayEquals(text, m1.getData());
        assertEquals("héllo, wörld", new String(m1.getData(), StandardCharsets.UTF_8));
        assertEquals(Map.of("kind", "text"), m1.getAttributes());

        PubsubMessage m2 = byId.get(ids.get(2)).getMessage();
        assertArrayEquals(one, m2.getData());
        assertNull(m2.getAttributes(), m2::toString);

        PubsubMessage m3 = byId.get(ids.get(3)).getMessage();
        assertTrue(m3.getData() == null || m3.getData().length == 0, m3::toString);
        assertEquals(Map.of("kind", "attributes-only"), m3.getAttributes());

        List<String> ackIds = byId.values().stream().map(ReceivedMessage::getAckId).collect(Collectors.toList());
        assertEquals(4, new TreeSet<>(ackIds).size());
        assertNotNull(pubsub.projects().subscriptions()
                .acknowledge(subscription, new AcknowledgeRequest().setAckIds(ackIds))
                .execute());

        PullResponse after = pubsub.projects().subscriptions()
                .pull(subscription, new PullRequest().setMaxMessages(10).setReturnImmediately(true))
                .execute();
        assertTrue(after.getReceivedMessages() == null || after.getReceivedMessages().isEmpty(),
                () -> "acknowledged messages came back: " + after);
    }

    @Test
    void listTopicsAcrossPages() {
        String project = "projects/paging-project";
        Set<String> made = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            String name = project + "/topics/page-topic-" + i;
            pubsub.projects().topics().create(name, new Topic()).execute();
            made.add(name);
        }

        List<Integer> sizes = new ArrayList<>();
        for (ListTopicsResponse page : pubsub.projects().topics().list(project).setPageSize(2).iterateAll().pages()) {
            sizes.add(page.getTopics().size());
        }
        assertEquals(List.of(2, 2, 1), sizes);

        Set<String> iterated = new TreeSet<>();
        for (Topic t : pubsub.projects().topics().list(project).setPageSize(2).iterateAll()) {
            assertTrue(iterated.add(t.getName()), () -> "listed twice: " + t.getName());
        }
        assertEquals(made, iterated);
        assertEquals(made, pubsub.projects().topics().list(project).setPageSize(3).iterateAll().stream()
                .map(Topic::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void publishingToAMissingTopicIsNotFound() {
        ApiException e = assertThrows(ApiException.class, () -> pubsub.projects().topics()
                .publish(PROJECT + "/topics/no-such-topic", new PublishRequest()
                        .setMessages(List.of(new PubsubMessage().setData(new byte[] {1}))))
                .execute());
        assertEquals(404, e.statusCode(), e::toString);
        assertEquals("NOT_FOUND", e.errorStatus(), e::toString);
        assertEquals("Topic not found", e.errorMessage());
    }

    @Test
    void creatingAnExistingTopicIsAlreadyExists() {
        String topic = PROJECT + "/topics/twice";
        pubsub.projects().topics().create(topic, new Topic()).execute();
        ApiException e = assertThrows(ApiException.class,
                () -> pubsub.projects().topics().create(topic, new Topic()).execute());
        assertEquals(409, e.statusCode(), e::toString);
        assertEquals("ALREADY_EXISTS", e.errorStatus(), e::toString);
    }
}
