package io.discogen.it.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.it.CliRun;
import io.discogen.it.emulator.SpannerEmulator;
import io.discogen.it.emulator.SpannerEmulatorExtension;
import io.discogen.it.gen.spanner.SpannerCli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command line generated from the corpus {@code spanner.v1.json} against Google's Spanner
 * emulator: an instance and a database made with {@code --wait} from the {@code -r} cursor, a
 * session, and a server-streaming query ({@code executeStreamingSql}) printed a message a line.
 */
@ExtendWith(SpannerEmulatorExtension.class)
@Timeout(180)
class SpannerCliTest {
  static final String PROJECT = "projects/test-project";
  static String root;

  @BeforeAll
  static void emulator(SpannerEmulator emulator) {
    root = emulator.restUrl().toString();
  }

  static CliRun spanner(String... args) {
    return CliRun.run(new SpannerCli(), root, args);
  }


  @Test
  void createAnInstanceADatabaseAndStreamAQuery() throws Exception {
    CliRun instance = spanner("projects", "instances", "create", PROJECT, "--wait", "--format", "value(done)",
        "-r", "instance-id=cliinst", "instance", "config=" + PROJECT + "/instanceConfigs/emulator-config",
        "display-name=cli", "node-count=1");
    assertEquals(0, instance.exit(), instance.err());
    assertEquals("true", instance.out().strip());
    String inst = PROJECT + "/instances/cliinst";
    CliRun database = spanner("projects", "instances", "databases", "create", inst, "--wait", "--format", "value(done)",
        "-r", "create-statement=CREATE DATABASE clidb");
    assertEquals(0, database.exit(), database.err());
    CliRun session = spanner("projects", "instances", "databases", "sessions", "create", inst + "/databases/clidb",
        "--format", "value(name)");
    assertEquals(0, session.exit(), session.err());
    String name = session.out().strip();
    assertTrue(name.startsWith(inst + "/databases/clidb/sessions/"), name);

    CliRun query = spanner("projects", "instances", "databases", "sessions", "execute-streaming-sql", name,
        "-r", "sql=SELECT 1 AS x UNION ALL SELECT 2 ORDER BY x");
    assertEquals(0, query.exit(), query.err());
    List<String> values = new ArrayList<>();
    for (String line : query.out().strip().split("\\R")) {
      JsonNode message = new ObjectMapper().readTree(line); // one PartialResultSet a line
      message.path("values").forEach(v -> values.add(v.asText()));
    }
    assertEquals(List.of("1", "2"), values, query.out());
  }
}
