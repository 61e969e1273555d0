package io.discogen.java;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.ClientOptions;
import io.discogen.testing.GeneratedClients;
import io.discogen.testing.RecordingServer;
import io.discogen.testing.TestSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery patterns are checked by default and can be turned off, per client or per request:
 * Firestore's {@code createDocument} declares {@code parent} as
 * {@code ^projects/[^/]+/databases/[^/]+/documents/.*$}, which refuses the root
 * {@code projects/p/databases/d/documents} the server accepts.
 */
class PatternChecksTest {
  static final String ROOT = "projects/p/databases/d/documents";
  static ClassLoader firestore;
  RecordingServer server;

  @BeforeAll
  static void generate(@TempDir Path work) throws Exception {
    firestore = GeneratedClients.load(
        TestSpecs.corpus2024().resolve("firestore.v1.json"), "io.discogen.test.firestore", work);
  }

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Object createAtRoot(ClientOptions.Builder options) throws Throwable {
    Object client = firestore.loadClass("io.discogen.test.firestore.Firestore").getConstructor(ClientOptions.class)
        .newInstance(options.rootUrl(server.url()).build());
    Object documents = call(call(call(client, "projects"), "databases"), "documents");
    Object document = firestore.loadClass("io.discogen.test.firestore.model.Document").getConstructor().newInstance();
    return call(documents, "createDocument", ROOT, "users", document);
  }

  @Test
  void checkedByDefaultAndTheRefusalNamesTheSwitches() throws Throwable {
    Object request = createAtRoot(ClientOptions.builder());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call(request, "execute"));
    assertTrue(e.getMessage().contains("'parent'"), e.getMessage());
    assertTrue(e.getMessage().contains("setSuppressPatternChecks(true)"), e.getMessage());
    assertTrue(e.getMessage().contains("ClientOptions.builder().suppressPatternChecks(true)"), e.getMessage());
    assertEquals(List.of(), server.requestLines(), "nothing sent");
  }

  @Test
  void clientOptionLetsTheRootParentThrough() throws Throwable {
    call(createAtRoot(ClientOptions.builder().suppressPatternChecks(true)), "execute");
    assertEquals("POST /v1/" + ROOT + "/users?prettyPrint=false", server.last());
  }

  @Test
  void requestSwitchLetsTheRootParentThrough() throws Throwable {
    Object request = createAtRoot(ClientOptions.builder());
    assertEquals(request, call(request, "setSuppressPatternChecks", true), "fluent");
    call(request, "execute");
    assertEquals("POST /v1/" + ROOT + "/users?prettyPrint=false", server.last());
  }

  @Test
  void suppressedChecksStillRefuseDotSegments() throws Throwable {
    Object client = firestore.loadClass("io.discogen.test.firestore.Firestore").getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(server.url()).suppressPatternChecks(true).build());
    Object documents = call(call(call(client, "projects"), "databases"), "documents");
    Object request = call(documents, "get", "projects/p/databases/d/documents/../../x");
    assertThrows(IllegalArgumentException.class, () -> call(request, "execute"));
    assertEquals(List.of(), server.requestLines());
  }
}
