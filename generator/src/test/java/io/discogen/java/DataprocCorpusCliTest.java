package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.CliRun;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's done-when for Dataproc: the command line generated ({@code --cli}) from the real
 * discovery document, {@code corpus/discovery-2024/dataproc.v1.json}, driven end to end against
 * the project's fake of the sessions API (the README sample's {@code FakeDataprocServer}, compiled
 * here from the sample's source): {@code create --wait}, {@code list --all} over several pages,
 * {@code get --format value(state)}, {@code terminate --wait}, {@code delete --wait}. Skipped when the shared corpus is absent.
 */
class DataprocCorpusCliTest {
  static final String PKG = "io.discogen.clitest.dataprocv1";
  static final String PARENT = "projects/p/locations/us-central1";
  static final String[] SESSIONS = {"projects", "locations", "sessions"};

  @TempDir static Path work;
  static URLClassLoader loader;
  static AutoCloseable fake;
  static String root;

  @BeforeAll
  static void generateCompileAndStartTheFake() throws Exception {
    Path spec = TestSpecs.shared().resolve("corpus/discovery-2024/dataproc.v1.json");
    assumeTrue(Files.isRegularFile(spec), "the shared corpus is not at " + spec + " (set -Ddiscogen.shared)");
    Path fakeSource = TestSpecs.moduleDir()
        .resolveSibling("samples/dataproc-sessions/src/main/java/io/discogen/samples/dataproc/FakeDataprocServer.java");
    assertTrue(Files.isRegularFile(fakeSource), fakeSource.toString());

    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(spec), Path.of("unused"), PKG, true, null, null, false, true), p -> {}).files();
    Compilation.Result client = Compilation.compile(files, work.resolve("client"));
    assertTrue(client.success(), client.report());
    assertEquals(List.of(), client.warnings(), client.report());
    Compilation.Result server = Compilation.compileFiles(List.of(fakeSource), work.resolve("fake"));
    assertTrue(server.success(), server.report());

    loader = new URLClassLoader(new URL[] {client.classes().toUri().toURL(), server.classes().toUri().toURL()},
        DataprocCorpusCliTest.class.getClassLoader());
    Class<?> fakeClass = loader.loadClass("io.discogen.samples.dataproc.FakeDataprocServer");
    fake = (AutoCloseable) fakeClass.getMethod("start").invoke(null);
    root = (String) fakeClass.getMethod("rootUrl").invoke(fake);
  }

  @AfterAll
  static void stop() throws Exception {
    if (fake != null) {
      fake.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  /**
   * {@code dataproc projects locations sessions ARGS... --root-url ROOT}, through the generated
   * program as its main runs it (only the commands on the arguments' path built).
   */
  static CliRun sessions(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(SESSIONS));
    all.addAll(List.of(args));
    all.add("--root-url");
    all.add(root);
    return CliRun.run(loader, PKG + ".DataprocCli", all);
  }

  /** The names the real document gives: the options its sessions methods take. */
  @Test
  void helpShowsTheDocumentsOptions() throws Exception {
    CliRun create = sessions("create", "--help");
    assertEquals(0, create.exit(), create.err());
    for (String option : List.of("PARENT", "--session-id=SESSION_ID", "--request-id=REQUEST_ID", "--wait", "--body=JSON")) {
      assertTrue(create.out().contains(option), option + "\n" + create.out());
    }
    CliRun list = sessions("list", "--help");
    for (String option : List.of("--filter=FILTER", "--page-size=PAGE_SIZE", "--page-token=PAGE_TOKEN", "--all", "--limit=N")) {
      assertTrue(list.out().contains(option), option + "\n" + list.out());
    }
    CliRun delete = sessions("delete", "--help");
    assertTrue(delete.out().contains("--wait") && delete.out().contains("--request-id=REQUEST_ID"), delete.out());
  }

  int sessionCount() throws Exception {
    return (Integer) fake.getClass().getMethod("sessionCount").invoke(fake);
  }

  @Test
  void createWaitListAllGetAndDeleteAgainstTheFake() throws Exception {
    // create --wait: the operation is polled (the fake finishes it on the second poll) and printed done.
    CliRun created = sessions("create", PARENT, "--session-id", "interactive-1",
        "-r", "runtime-config", "properties", "spark.executor.memory=4g", "..", "..",
        "jupyter-session", "kernel=PYTHON", "--wait", "--format", "value(done,response.name,response.state)");
    assertEquals(0, created.exit(), created.err());
    assertEquals("true\t" + PARENT + "/sessions/interactive-1\tACTIVE\n", created.out());

    // Four more, without waiting: they stay CREATING until their operations are polled.
    for (int i = 2; i <= 5; i++) {
      CliRun r = sessions("create", PARENT, "--session-id", "interactive-" + i, "--format", "value(done)");
      assertEquals(0, r.exit(), r.err());
      assertEquals("false\n", r.out());
    }
    assertEquals(5, sessionCount());

    // list --all with two a page: three pages followed, every session once, in order.
    CliRun listed = sessions("list", PARENT, "--all", "--page-size", "2", "--format", "value(name,state)");
    assertEquals(0, listed.exit(), listed.err());
    StringBuilder expected = new StringBuilder(PARENT + "/sessions/interactive-1\tACTIVE\n");
    for (int i = 2; i <= 5; i++) {
      expected.append(PARENT).append("/sessions/interactive-").append(i).append("\tCREATING\n");
    }
    assertEquals(expected.toString(), listed.out());
    // Without --all: the first page only, as JSON with its next page token.
    CliRun page = sessions("list", PARENT, "--page-size", "2");
    assertEquals(0, page.exit(), page.err());
    assertTrue(page.out().contains("\"nextPageToken\":\"" + PARENT + "/sessions/interactive-3\""), page.out());
    // --limit stops inside the second page.
    CliRun limited = sessions("list", PARENT, "--all", "--page-size", "2", "--limit", "3", "--format", "value(name)");
    assertEquals(0, limited.exit(), limited.err());
    assertEquals(3, limited.out().lines().count(), limited.out());

    // get --format value(state): the state alone; the body set with -r came back.
    CliRun state = sessions("get", PARENT + "/sessions/interactive-1", "--format", "value(state)");
    assertEquals(0, state.exit(), state.err());
    assertEquals("ACTIVE\n", state.out());
    CliRun props = sessions("get", PARENT + "/sessions/interactive-1",
        "--format", "value(runtimeConfig.properties,jupyterSession.kernel)");
    assertEquals("{\"spark.executor.memory\":\"4g\"}\tPYTHON\n", props.out());

    // terminate --wait: the session's operation, finished, with the terminated session.
    CliRun terminated = sessions("terminate", PARENT + "/sessions/interactive-1", "--wait",
        "--format", "value(done,response.state)");
    assertEquals(0, terminated.exit(), terminated.err());
    assertEquals("true\tTERMINATED\n", terminated.out());

    // delete --wait: the operation is polled until done, the session is gone.
    CliRun deleted = sessions("delete", PARENT + "/sessions/interactive-1", "--wait", "--format", "value(done)");
    assertEquals(0, deleted.exit(), deleted.err());
    assertEquals("true\n", deleted.out());
    assertEquals(4, sessionCount());
    // delete without --wait prints the operation as it is.
    CliRun deleting = sessions("delete", PARENT + "/sessions/interactive-2", "--format", "value(done,metadata.operationType)");
    assertEquals(0, deleting.exit(), deleting.err());
    assertEquals("false\tDELETE\n", deleting.out());

    // The API's errors: exit 1 with the status and message.
    CliRun missing = sessions("get", PARENT + "/sessions/interactive-1");
    assertEquals(1, missing.exit(), missing.out() + missing.err());
    assertTrue(missing.err().startsWith("error: HTTP 404 NOT_FOUND: Session " + PARENT + "/sessions/interactive-1 not found"),
        missing.err());
    CliRun again = sessions("create", PARENT, "--session-id", "interactive-3");
    assertEquals(1, again.exit(), again.err());
    assertTrue(again.err().startsWith("error: HTTP 409 ALREADY_EXISTS"), again.err());
    // A usage error is caught before anything is sent: exit 2.
    assertEquals(2, sessions("get", PARENT + "/sessions/interactive-3", "--format", "value(state").exit());
    assertEquals(2, sessions("create", PARENT, "--session-id", "x9", "-r", "runtime-config", "no-such-field=1").exit());
  }
}
