package io.discogen.it.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.it.CliRun;
import io.discogen.it.emulator.PubSubEmulator;
import io.discogen.it.emulator.PubSubEmulatorExtension;
import io.discogen.it.gen.pubsub.PubsubCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line generated from the corpus {@code pubsub.v1.json} ({@code generate --cli}), run as
 * a user would against Google's Pub/Sub emulator: create a topic and a subscription, publish from a
 * file and from the {@code -r} cursor, pull with {@code --format}, acknowledge.
 */
@ExtendWith(PubSubEmulatorExtension.class)
@Timeout(120)
class PubSubCliTest {
  static final String PROJECT = "projects/cli-project";
  static String root;

  @BeforeAll
  static void emulator(PubSubEmulator emulator) {
    root = emulator.restUrl().toString();
  }

  static CliRun pubsub(String... args) {
    return CliRun.run(new PubsubCli(), root, args);
  }


  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void createPublishPullAndAcknowledge(@TempDir Path dir) throws Exception {
    String topic = PROJECT + "/topics/cli-topic";
    String subscription = PROJECT + "/subscriptions/cli-sub";

    CliRun created = pubsub("projects", "topics", "create", topic, "-r", "labels", "suite=discogen",
        "--format", "value(name,labels.suite)");
    assertEquals(0, created.exit(), created.err());
    assertEquals(topic + "\tdiscogen", created.out().strip());

    CliRun sub = pubsub("projects", "subscriptions", "create", subscription, "-r", "topic=" + topic,
        "ack-deadline-seconds=30");
    assertEquals(0, sub.exit(), sub.err());

    // From a file, then from the cursor: a new element of messages each time.
    Path body = dir.resolve("publish.json");
    Files.writeString(body, "{\"messages\":[{\"data\":\"" + b64("from a file") + "\",\"attributes\":{\"k\":\"v\"}}]}");
    CliRun fromFile = pubsub("projects", "topics", "publish", topic, "--body", "@" + body, "--format", "value(messageIds)");
    assertEquals(0, fromFile.exit(), fromFile.err());
    CliRun fromCursor = pubsub("projects", "topics", "publish", topic,
        "-r", "messages", "data=" + b64("from the cursor"), "..", "messages", "data=" + b64("and another"));
    assertEquals(0, fromCursor.exit(), fromCursor.err());
    assertEquals(2, new ObjectMapper().readTree(fromCursor.out()).get("messageIds").size(), fromCursor.out());

    // A value the model cannot take is refused before anything is sent.
    CliRun typo = pubsub("projects", "subscriptions", "pull", subscription, "-r", "max-mesages=10");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("did you mean max-messages?"), typo.err());

    Set<String> texts = new TreeSet<>();
    List<String> ackIds = new ArrayList<>();
    for (int i = 0; i < 20 && texts.size() < 3; i++) {
      CliRun pulled = pubsub("projects", "subscriptions", "pull", subscription, "-r", "max-messages=10",
          "--format", "value(receivedMessages)");
      assertEquals(0, pulled.exit(), pulled.err());
      String line = pulled.out().strip();
      if (line.isEmpty()) {
        continue;
      }
      for (JsonNode m : new ObjectMapper().readTree(line)) {
        texts.add(new String(Base64.getDecoder().decode(m.get("message").get("data").asText()), StandardCharsets.UTF_8));
        ackIds.add(m.get("ackId").asText());
      }
    }
    assertEquals(Set.of("from a file", "from the cursor", "and another"), texts);

    List<String> ack = new ArrayList<>(List.of("projects", "subscriptions", "acknowledge", subscription, "-r"));
    ackIds.forEach(id -> ack.add("ack-ids=" + id));
    CliRun acked = pubsub(ack.toArray(String[]::new));
    assertEquals(0, acked.exit(), acked.err());
    assertEquals("{}", acked.out().strip());

    CliRun missing = pubsub("projects", "topics", "get", PROJECT + "/topics/none");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().startsWith("error: HTTP 404"), missing.err());
  }
}
