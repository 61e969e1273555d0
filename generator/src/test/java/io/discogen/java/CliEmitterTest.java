package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.cli.CommandGroup;
import io.discogen.runtime.cli.CommandTree;
import io.discogen.testing.CliRun;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --cli}: the generated command line of the Dataproc sessions API compiles warning-free and,
 * run against a local fake, sends what it is told and prints what it gets.
 */
class CliEmitterTest {
  static final String PKG = "io.discogen.clitest.dataproc";
  static final String SESSION = "{\"name\":\"projects/p/locations/l/sessions/s\",\"state\":\"ACTIVE\"}";

  @TempDir static Path work;
  static List<GeneratedFile> files;
  static URLClassLoader loader;
  static HttpServer server;
  static final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void generateAndCompile() throws Exception {
    GeneratorOptions options = new GeneratorOptions(List.of(TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json")),
        Path.of("unused"), PKG, false, null, null, false, true);
    files = Generator.render(options, p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, CliEmitterTest.class.getClassLoader());

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      received.add(line + (body.isEmpty() ? "" : " " + body));
      String path = exchange.getRequestURI().getPath();
      int status;
      String answer;
      String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
      if (path.endsWith("/sessions") && exchange.getRequestMethod().equals("GET")) {
        status = 200;
        answer = query.contains("pageToken=next")
            ? "{\"sessions\":[{\"name\":\"s3\",\"state\":\"ACTIVE\"}]}"
            : "{\"sessions\":[{\"name\":\"s1\",\"state\":\"ACTIVE\"},{\"name\":\"s2\",\"state\":\"CREATING\"}],"
                + "\"nextPageToken\":\"next\"}";
      } else if (path.contains("/operations/")) {
        status = 200;
        answer = "{\"name\":\"projects/p/locations/l/operations/o\",\"done\":true,\"response\":" + SESSION + "}";
      } else if (path.endsWith("/sessions/missing")) {
        status = 404;
        answer = "{\"error\":{\"code\":404,\"message\":\"Session not found\",\"status\":\"NOT_FOUND\"}}";
      } else if (exchange.getRequestMethod().equals("POST")) {
        status = 200;
        answer = "{\"name\":\"projects/p/locations/l/operations/o\",\"done\":false}";
      } else {
        status = 200;
        answer = SESSION;
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    if (loader != null) {
      loader.close();
    }
  }

  static CommandGroup program() throws Exception {
    return (CommandGroup) loader.loadClass(PKG + ".DataprocCli").getDeclaredConstructor().newInstance();
  }

  /** Runs the program as its main does: only the commands on the arguments' path built. */
  static CliRun run(String... args) throws Exception {
    return CliRun.run(loader, PKG + ".DataprocCli", args);
  }

  static String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Test
  void getPrintsTheResponseAsJson() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/s", "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("GET /v1/projects/p/locations/l/sessions/s?prettyPrint=false"), received);
    assertTrue(r.out().contains("\"name\":\"projects/p/locations/l/sessions/s\""), r.out());
    assertTrue(r.out().contains("\"state\":\"ACTIVE\""), r.out());
  }

  @Test
  void createSendsTheBodyAndOptions() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--session-id", "s1",
        "--body", "{\"labels\":{\"a\":\"b\"}}", "--root-url", root(), "--fields", "name");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, received.size(), received.toString());
    String sent = received.get(0);
    assertTrue(sent.startsWith("POST /v1/projects/p/locations/l/sessions?"), sent);
    assertTrue(sent.contains("sessionId=s1"), sent);
    assertTrue(sent.contains("fields=name"), sent);
    assertTrue(sent.endsWith(" {\"labels\":{\"a\":\"b\"}}"), sent);
    assertTrue(r.out().contains("\"done\":false"), r.out());
  }

  @Test
  void fieldCursorSetsBodyFieldsOnTopOfTheJson() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "create", "projects/p/locations/l",
        "--body", "{\"labels\":{\"a\":\"b\"},\"user\":\"u\"}", "--root-url", root(),
        "-r", ".", "name=x", "runtime-config", "container-image=y", "version=2.2", "..", "user=v");
    assertEquals(0, r.exit(), r.err());
    String sent = received.get(0);
    assertTrue(sent.contains("\"labels\":{\"a\":\"b\"}"), sent);
    assertTrue(sent.contains("\"name\":\"x\""), sent);
    assertTrue(sent.contains("\"user\":\"v\""), sent);
    assertTrue(sent.contains("\"runtimeConfig\":{\"containerImage\":\"y\",\"version\":\"2.2\"}"), sent);
  }

  @Test
  void bodyFromAFile() throws Exception {
    received.clear();
    Path body = work.resolve("session.json");
    Files.writeString(body, "{\"labels\":{\"from\":\"file\"}}");
    CliRun r = run("projects", "locations", "sessions", "create", "projects/p/locations/l",
        "--body", "@" + body, "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertTrue(received.get(0).endsWith(" {\"labels\":{\"from\":\"file\"}}"), received.toString());
  }

  @Test
  void apiErrorExitsOneWithTheStatus() throws Exception {
    CliRun r = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/missing", "--root-url", root());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: HTTP 404 NOT_FOUND: Session not found"), r.err());
    assertTrue(r.err().contains("Session not found"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertEquals(2, run("projects", "locations", "sessions", "get").exit());
    assertEquals(2, run("projects", "locations", "sessions", "get", "x", "--no-such-option").exit());
    assertEquals(2, run("projects", "locations", "sessions", "create", "projects/p/locations/l",
        "--body", "{not json", "--root-url", root()).exit());
  }

  @Test
  void unreachableApiExitsThree() throws Exception {
    CliRun r = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/s",
        "--root-url", "http://127.0.0.1:1/");
    assertEquals(3, r.exit(), r.err());
  }

  @Test
  void optionsAreTyped() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--page-size", "7",
        "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertTrue(received.get(0).contains("pageSize=7"), received.toString());
    assertEquals(2, run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--page-size", "many",
        "--root-url", root()).exit());
  }

  @Test
  void helpAndVersionOnEveryCommand() throws Exception {
    CliRun help = run("projects", "locations", "sessions", "create", "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("--body=JSON"), help.out());
    assertTrue(help.out().contains("--session-id"), help.out());
    CliRun version = run("--version");
    assertTrue(version.out().startsWith("dataproc v1"), version.out());
  }

  /** The hostile naming spec, the type spec, the OpenAPI golden specs and the project specs: all compile clean. */
  @Test
  void everyTestSpecCompilesWarningFree(@TempDir Path dir) throws Exception {
    GeneratorOptions options = new GeneratorOptions(List.of(TestSpecs.projectSpecs(),
        TestSpecs.golden("naming").resolve("spec.json"), TestSpecs.golden("types").resolve("spec.json"),
        TestSpecs.golden("openapi-unions").resolve("spec.yaml"),
        TestSpecs.golden("openapi-inheritance").resolve("spec.yaml"),
        TestSpecs.golden("openapi-multipart-errors").resolve("spec.yaml")),
        Path.of("unused"), null, true, null, null, false, true);
    List<GeneratedFile> all = Generator.render(options, p -> {}).files();
    assertTrue(all.stream().filter(f -> f.path().endsWith("Cli.java")).count() >= 8, all.toString());
    Compilation.Result c = Compilation.compile(all, dir);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    assertCommandLinesBuild(all, c);
  }

  /** picocli checks a command's annotations when it builds it: duplicate names fail only then. */
  static void assertCommandLinesBuild(List<GeneratedFile> files, Compilation.Result c) throws Exception {
    try (URLClassLoader l = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, CliEmitterTest.class.getClassLoader())) {
      for (GeneratedFile f : files) {
        if (f.path().endsWith("Cli.java")) {
          String name = f.path().replaceFirst("^src/main/java/", "").replaceAll("\\.java$", "").replace('/', '.');
          CommandLine cl = (CommandLine) l.loadClass(name).getMethod("commandLine").invoke(null);
          assertTrue(cl.getSubcommands().size() > 0, name);
        }
      }
    }
  }

  /** A method named like a sibling resource (identitytoolkit's tenants.accounts) gets {@code -method}. */
  @Test
  void aMethodNamedLikeAResourceGetsItsOwnCommandName(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("clash.json");
    Files.writeString(spec, """
        {"kind": "discovery#restDescription", "discoveryVersion": "v1", "id": "clash:v1", "name": "clash",
         "version": "v1", "rootUrl": "https://clash.example.com/", "servicePath": "", "protocol": "rest",
         "resources": {"tenants": {
           "methods": {"accounts": {"id": "clash.tenants.accounts", "path": "v1/accounts", "httpMethod": "GET",
                                    "response": {"$ref": "Empty"}}},
           "resources": {"accounts": {"methods": {"get": {"id": "clash.tenants.accounts.get", "path": "v1/accounts/x",
                                                         "httpMethod": "GET", "response": {"$ref": "Empty"}}}}}}},
         "schemas": {"Empty": {"id": "Empty", "type": "object", "properties": {}}}}
        """);
    List<GeneratedFile> all = Generator.render(new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.clitest.clash",
        true, null, null, false, true), p -> {}).files();
    Compilation.Result c = Compilation.compile(all, dir.resolve("work"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    assertCommandLinesBuild(all, c);
    String cli = all.stream().filter(f -> f.path().endsWith("Cli.java")).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
    assertTrue(cli.contains("name = \"accounts-method\""), cli);
  }

  @Test
  void listAllPrintsEveryItemOfEveryPageALine() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--all", "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertEquals("{\"name\":\"s1\",\"state\":\"ACTIVE\"}\n{\"name\":\"s2\",\"state\":\"CREATING\"}\n"
        + "{\"name\":\"s3\",\"state\":\"ACTIVE\"}\n", r.out().replace("\r\n", "\n"));
    assertEquals(2, received.size(), received.toString());
  }

  @Test
  void formatValuePrintsFieldsTabSeparated() throws Exception {
    CliRun get = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/s",
        "--format", "value(state)", "--root-url", root());
    assertEquals(0, get.exit(), get.err());
    assertEquals("ACTIVE\n", get.out().replace("\r\n", "\n"));
    CliRun list = run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--all",
        "--format", "value(name, state)", "--root-url", root());
    assertEquals("s1\tACTIVE\ns2\tCREATING\ns3\tACTIVE\n", list.out().replace("\r\n", "\n"));
    assertEquals(2, run("projects", "locations", "sessions", "get", "x", "--format", "yaml", "--root-url", root()).exit());
  }

  @Test
  void formatTableAlignsColumnsUnderAHeaderAndLimitStopsEarly() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--all",
        "--format", "table(name,state)", "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertEquals("NAME  STATE\ns1    ACTIVE\ns2    CREATING\ns3    ACTIVE\n", r.out().replace("\r\n", "\n"));
    received.clear();
    CliRun limited = run("projects", "locations", "sessions", "list", "projects/p/locations/l", "--all", "--limit", "2",
        "--format", "value(name)", "--root-url", root());
    assertEquals("s1\ns2\n", limited.out().replace("\r\n", "\n"));
    assertEquals(1, received.size(), "the second page is never asked for: " + received);
  }

  @Test
  void fieldCursorChecksNamesAndValuesAgainstTheModelBeforeSending() throws Exception {
    received.clear();
    CliRun typo = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--root-url", root(),
        "-r", "runtime-config", "contaner-image=y");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().startsWith("-r: RuntimeConfig has no field 'contaner-image' (at runtime-config); "
        + "did you mean container-image?"), typo.err());
    CliRun wrongType = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--root-url", root(),
        "-r", "environment-config", "execution-config", "ttl=an hour");
    assertEquals(2, wrongType.exit());
    assertTrue(wrongType.err().startsWith("-r: environment-config.execution-config.ttl: expected a duration in seconds"),
        wrongType.err());
    assertEquals(List.of(), received);
    // A map key is taken whole, dots included (Spark properties).
    CliRun props = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--root-url", root(),
        "-r", "runtime-config", "properties", "spark.executor.memory=4g", "..", "..", "environment-config.execution-config.ttl=3600s");
    assertEquals(0, props.exit(), props.err());
    assertTrue(received.get(0).contains("\"runtimeConfig\":{\"properties\":{\"spark.executor.memory\":\"4g\"}}"),
        received.toString());
    assertTrue(received.get(0).contains("\"ttl\":\"3600s\""), received.toString());
  }

  @Test
  void verboseLogsEachExchangeWithCredentialsRedacted() throws Exception {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
    CliRun r;
    try {
      r = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/s", "--verbose",
          "--access-token", "secret-token", "--root-url", root());
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, r.exit(), r.err());
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("> GET " + root() + "v1/projects/p/locations/l/sessions/s?prettyPrint=false  (attempt 1)"), text);
    assertTrue(text.contains("> Authorization: REDACTED") && !text.contains("secret-token"), text);
    assertTrue(text.contains("< 200 in "), text);
  }

  @Test
  void helpShowsTheScopesAndAnExample() throws Exception {
    CliRun r = run("projects", "locations", "sessions", "create", "--help");
    assertEquals(0, r.exit(), r.err());
    String help = r.out().replaceAll("\\s+", " "); // picocli wraps at 80 columns
    assertTrue(help.contains("Scopes (any one): https://www.googleapis.com/auth/cloud-platform"), r.out());
    assertTrue(help.contains("Example: dataproc projects locations sessions create PARENT -r FIELD=VALUE ... --dry-run"),
        r.out());
  }

  @Test
  void generateCompletionPrintsAShellCompletionScript() throws Exception {
    CliRun r = run("generate-completion");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("complete -F") && r.out().contains("sessions"), r.out().substring(0, 200));
    // Every command of the program, as the whole tree has them.
    for (String command : List.of("operations", "cancel", "terminate", "list")) {
      assertTrue(r.out().contains(command), command);
    }
  }

  @Test
  void onlyTheCommandsOnTheArgumentsPathAreBuilt() throws Exception {
    CommandLine cl = CommandTree.along(program(), "projects", "locations", "sessions", "get", "x");
    assertEquals(Set.of("projects"), cl.getSubcommands().keySet());
    CommandLine locations = cl.getSubcommands().get("projects").getSubcommands().get("locations");
    assertEquals(Set.of("sessions"), locations.getSubcommands().keySet());
    assertEquals(Set.of("get"), locations.getSubcommands().get("sessions").getSubcommands().keySet());
    // Where the arguments stop naming commands, the whole level, for help and suggestions.
    CommandLine atSessions = CommandTree.along(program(), "projects", "locations", "sessions", "--help")
        .getSubcommands().get("projects").getSubcommands().get("locations").getSubcommands().get("sessions");
    assertEquals(List.of("create", "delete", "get", "list", "terminate"),
        atSessions.getSubcommands().keySet().stream().sorted().toList());
    CommandLine whole = CommandTree.whole(program());
    assertEquals(whole.getSubcommands().keySet(), CommandTree.along(program()).getSubcommands().keySet());
  }

  @Test
  void aGroupsHelpListsItsCommandsAndAMistypedNameGetsSuggestions() throws Exception {
    CliRun help = run("projects", "locations", "sessions", "--help");
    assertEquals(0, help.exit(), help.err());
    for (String command : List.of("create", "delete", "get", "list", "terminate")) {
      assertTrue(help.out().contains("  " + command + " "), help.out());
    }
    CliRun typo = run("projects", "locations", "sesions", "get", "x");
    assertEquals(2, typo.exit(), typo.out());
    assertTrue(typo.err().contains("sesions") && typo.err().contains("sessions"), typo.err());
    CliRun version = run("projects", "locations", "sessions", "get", "--version");
    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("dataproc v1"), version.out());
  }

  @Test
  void deleteSendsADelete() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "delete", "projects/p/locations/l/sessions/s", "--root-url", root(),
        "--format", "value(name)");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, received.size(), received.toString());
    assertTrue(received.get(0).startsWith("DELETE /v1/projects/p/locations/l/sessions/s?"), received.toString());
  }

  @Test
  void createWaitPollsTheOperation() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--wait",
        "--format", "value(done,response.state)", "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertEquals("true\tACTIVE\n", r.out().replace("\r\n", "\n"));
    assertTrue(received.size() >= 2 && received.get(1).startsWith("GET /v1/projects/p/locations/l/operations/o"),
        received.toString());
  }

  /** Bodies and required parameters of generic types are read as JSON through a type reference. */
  @Test
  void genericBodiesAndParametersCompileWarningFree(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("generic.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Generic, version: "1"}
        servers: [{url: "http://127.0.0.1/"}]
        paths:
          /users:
            post:
              operationId: createUsers
              parameters:
                - {name: filter, in: query, required: true, style: deepObject, schema: {type: object, additionalProperties: {type: string}}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: array, items: {$ref: "#/components/schemas/User"}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/User"}}}}}
          /blobs:
            put:
              operationId: putBlob
              requestBody:
                content:
                  application/octet-stream:
                    schema: {type: string, format: binary}
              responses:
                "204": {description: done}
        components:
          schemas:
            User: {type: object, properties: {name: {type: string}}}
        """);
    List<GeneratedFile> all = Generator.render(new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.clitest.generic",
        true, null, null, false, true), p -> {}).files();
    String cli = all.stream().filter(f -> f.path().endsWith("Cli.java")).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
    assertTrue(cli.contains("new TypeReference<List<User>>() {}"), cli);
    Compilation.Result c = Compilation.compile(all, dir.resolve("work"));
    assertTrue(c.success(), c.report() + "\n" + cli);
    assertEquals(List.of(), c.warnings(), c.report());
  }

  @Test
  void dryRunPrintsCurlAndSendsNothing() throws Exception {
    received.clear();
    CliRun r = run("projects", "locations", "sessions", "create", "projects/p/locations/l", "--session-id", "s1",
        "--body", "{\"labels\":{\"it's\":\"b\"}}", "--access-token", "secret-token", "--dry-run", "--root-url", root());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), received);
    String out = r.out();
    assertTrue(out.startsWith("curl -X POST '" + root() + "v1/projects/p/locations/l/sessions?"), out);
    assertTrue(out.contains("sessionId=s1"), out);
    assertTrue(out.contains("-H 'Authorization: REDACTED'"), out);
    assertTrue(!out.contains("secret-token"), out);
    assertTrue(out.contains("--data-binary '{\"labels\":{\"it'\\''s\":\"b\"}}'"), out);
    CliRun key = run("projects", "locations", "sessions", "get", "projects/p/locations/l/sessions/s", "--api-key", "k3y",
        "--dry-run", "--root-url", root());
    assertTrue(key.out().contains("key=REDACTED") && !key.out().contains("k3y"), key.out());
  }

  @Test
  void outputIsDeterministic() throws Exception {
    GeneratorOptions options = new GeneratorOptions(List.of(TestSpecs.projectSpecs(),
        TestSpecs.golden("naming").resolve("spec.json")), Path.of("unused"), null, true, null, null, false, true);
    List<GeneratedFile> a = Generator.render(options, p -> {}).files();
    List<GeneratedFile> b = Generator.render(options, p -> {}).files();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).path(), b.get(i).path());
      assertEquals(new String(a.get(i).content(), StandardCharsets.UTF_8), new String(b.get(i).content(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void thePomDependsOnPicocli() {
    String pom = files.stream().filter(f -> f.path().equals("pom.xml")).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
    assertTrue(pom.contains("<artifactId>picocli</artifactId>\n      <version>" + CommandLine.VERSION + "</version>"), pom);
    // A Google API's command line finds Application Default Credentials through google-auth-library.
    assertTrue(pom.contains("<artifactId>google-auth-library-oauth2-http</artifactId>"), pom);
    // One runnable jar with everything, which bin/dataproc runs.
    assertTrue(pom.contains("<artifactId>maven-shade-plugin</artifactId>"), pom);
    assertTrue(pom.contains("<shadedClassifierName>cli</shadedClassifierName>"), pom);
    assertTrue(pom.contains("<mainClass>" + PKG + ".DataprocCli</mainClass>"), pom);
    io.discogen.GeneratedFile launcher = files.stream().filter(f -> f.path().equals("bin/dataproc")).findFirst().orElseThrow();
    assertTrue(launcher.executable());
    String script = new String(launcher.content(), StandardCharsets.UTF_8);
    assertTrue(script.startsWith("#!/bin/sh\n"), script);
    assertTrue(script.contains("-cp \"$jar\" " + PKG + ".DataprocCli \"$@\""), script);
    assertTrue(script.contains("$here/../target/dataproc-v1-client-" + io.discogen.Generator.version() + "-cli.jar"), script);
  }
}
