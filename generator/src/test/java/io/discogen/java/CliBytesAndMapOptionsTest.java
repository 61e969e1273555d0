package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes and map parameters on the generated command line. Bytes are given as base64 text (either
 * alphabet, padded or not) and sent in the spec's: URL-safe for Discovery's {@code format: byte}
 * (the corpus documents that have such parameters: webrisk.v1's {@code hashes search --hash-prefix},
 * safebrowsing.v4's path parameter, safebrowsing.v5's repeated {@code --hash-prefixes}), standard
 * for OpenAPI's. Maps are a repeated {@code --name key=value}, sent in the parameter's style. Every
 * request is checked as a local server receives it.
 *
 * <p>0xfb 0xff 0xbf is {@code +/+/} in standard base64 and {@code -_-_} URL-safe; 0xfb 0xff is
 * {@code +/8=} and {@code -_8=}.
 */
class CliBytesAndMapOptionsTest {
  static final String PKG = "io.discogen.clitest.bytes";
  /** Map parameters in three query styles, a required one, and OpenAPI bytes. */
  static final Path MAPS = Path.of("src/test/resources/openapi/cli-maps.openapi.yaml");

  static final Path CORPUS = TestSpecs.shared().resolve("corpus/discovery-2024");

  @TempDir static Path work;
  static URLClassLoader loader;
  static HttpServer server;
  static final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void generateAndCompile() throws Exception {
    List<GeneratedFile> all = new ArrayList<>(render(MAPS, PKG + ".maps"));
    if (Files.isDirectory(CORPUS)) {
      all.addAll(render(CORPUS.resolve("webrisk.v1.json"), PKG + ".webrisk"));
      all.addAll(render(CORPUS.resolve("safebrowsing.v4.json"), PKG + ".sb4"));
      all.addAll(render(CORPUS.resolve("safebrowsing.v5.json"), PKG + ".sb5"));
    }
    Compilation.Result c = Compilation.compile(all, work.resolve("work"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, CliBytesAndMapOptionsTest.class.getClassLoader());

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
          + (query == null ? "" : "?" + query.replace("&prettyPrint=false", "").replace("prettyPrint=false&", "")));
      byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(exchange.getRequestMethod().equals("PUT") ? 204 : 200,
          exchange.getRequestMethod().equals("PUT") ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (!exchange.getRequestMethod().equals("PUT")) {
          out.write(bytes);
        }
      }
    });
    server.start();
  }

  static List<GeneratedFile> render(Path spec, String pkg) throws Exception {
    return Generator.render(new GeneratorOptions(List.of(spec), Path.of("unused"), pkg, true, null, null, false, true),
        p -> {}).files();
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

  static CliRun run(String program, String... args) throws Exception {
    if (!program.startsWith("maps.")) {
      assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not at " + CORPUS + " (set -Ddiscogen.shared)");
    }
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--help")) {
      all.add("--root-url");
      all.add("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
    return CliRun.run(loader, PKG + "." + program, all);
  }

  /** The one request a command sent, as the server got it (prettyPrint left out). */
  static String sent(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, received.size(), received.toString());
    return received.remove(0);
  }

  @Test
  void discoveryBytesQueryParameterTravelsUrlSafeWhicheverAlphabetIsTyped() throws Exception {
    received.clear();
    for (String typed : List.of("+/8=", "-_8=", "-_8", "+/8")) {
      assertEquals("GET /v1/hashes:search?hashPrefix=-_8%3D&threatTypes=MALWARE",
          sent(run("webrisk.WebRiskCli", "hashes", "search", "--hash-prefix", typed, "--threat-types", "MALWARE")), typed);
    }
    assertEquals("GET /v1/threatLists:computeDiff?threatType=MALWARE&versionToken=-_-_",
        sent(run("webrisk.WebRiskCli", "threat-lists", "compute-diff", "--threat-type", "MALWARE", "--version-token", "+/+/")));
  }

  @Test
  void notBase64IsAUsageErrorAndNothingIsSent() throws Exception {
    received.clear();
    CliRun r = run("webrisk.WebRiskCli", "hashes", "search", "--hash-prefix", "not base64!");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("--hash-prefix: expected base64 text (standard or URL-safe), not 'not base64!'"), r.err());
    assertEquals(List.of(), received);
  }

  @Test
  void helpSaysHowBytesAreGivenAndSent() throws Exception {
    CliRun r = run("webrisk.WebRiskCli", "hashes", "search", "--help");
    assertEquals(0, r.exit(), r.err());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--hash-prefix=HASH_PREFIX"), r.out());
    assertTrue(help.contains("Bytes: base64 text (standard or URL-safe, padded or not), sent as URL-safe base64."), r.out());
  }

  @Test
  void bytesPathParameterIsPositionalAndUrlSafe() throws Exception {
    received.clear();
    // Standard base64's '/' would be a path separator: URL-safe has none.
    assertEquals("GET /v4/encodedFullHashes/-_-_?clientId=c",
        sent(run("sb4.SafebrowsingCli", "encoded-full-hashes", "get", "+/+/", "--client-id", "c")));
  }

  @Test
  void repeatedBytesParameter() throws Exception {
    received.clear();
    assertEquals("GET /v5/hashes:search?hashPrefixes=-_-_&hashPrefixes=-_8%3D",
        sent(run("sb5.SafebrowsingCli", "hashes", "search", "--hash-prefixes", "+/+/", "--hash-prefixes", "+/8=")));
  }

  @Test
  void dryRunShowsTheEncodedBytes() throws Exception {
    received.clear();
    CliRun r = run("webrisk.WebRiskCli", "hashes", "search", "--hash-prefix", "+/+/", "--dry-run");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("curl ") && r.out().contains("hashPrefix=-_-_"), r.out());
    assertEquals(List.of(), received);
  }

  @Test
  void mapOptionsAreRepeatedKeyValuesSentInTheParametersStyle() throws Exception {
    received.clear();
    String sent = sent(run("maps.MapsCli", "items", "list-items", "--labels", "env=prod", "--labels", "team=a b",
        "--filter", "name=Rex", "--filter", "kind=dog", "--counts", "a=1", "--counts", "b=2"));
    // form, exploded: each key a parameter; deepObject: filter[key]; form, not exploded: counts=k,v,k,v.
    assertEquals("GET /items?env=prod&team=a%20b&filter%5Bname%5D=Rex&filter%5Bkind%5D=dog&counts=a,1,b,2", sent);
    // A map's values are typed; a missing '=' is refused: usage errors, nothing sent.
    assertEquals(2, run("maps.MapsCli", "items", "list-items", "--counts", "a=many").exit());
    assertEquals(2, run("maps.MapsCli", "items", "list-items", "--labels", "no-equals-sign").exit());
    assertEquals(List.of(), received);
    // A required map is a required option (form, exploded: its keys are the parameters).
    assertEquals("PUT /things/t1?k=v", sent(run("maps.MapsCli", "items", "put-thing", "t1", "--tags", "k=v")));
    CliRun missing = run("maps.MapsCli", "items", "put-thing", "t1");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--tags=KEY=VALUE"), missing.err());
  }

  @Test
  void openApiBytesTravelInStandardBase64() throws Exception {
    received.clear();
    assertEquals("GET /items?token=%2B%2F8%3D", sent(run("maps.MapsCli", "items", "list-items", "--token", "-_8")));
    CliRun help = run("maps.MapsCli", "items", "list-items", "--help");
    assertTrue(help.out().replaceAll("\\s+", " ").contains("sent as standard base64."), help.out());
    assertTrue(help.out().contains("--labels=KEY=VALUE"), help.out());
  }
}
