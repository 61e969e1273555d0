package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.CliRun;
import io.discogen.testing.Compilation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the project's OpenAPI petstore ({@code generate --cli}) against Stoplight
 * Prism's mock, which refuses any request the spec does not allow: the API key goes where the
 * spec's security scheme says (an {@code X-API-Key} header), bodies from the cursor are what the
 * schema wants, and {@code --dry-run}'s curl command, secrets put back, gets the same answer from
 * Prism as the program itself.
 */
class PetstoreCliPrismTest {
  static final String PKG = "io.discogen.prism.cli";
  static Prism prism;
  static URLClassLoader loader;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    prism = Prism.start(PetstoreTest.SPEC);
    List<GeneratedFile> files = Generator.render(new GeneratorOptions(List.of(PetstoreTest.SPEC), Path.of("unused"), PKG,
        false, null, null, false, true), p -> { }).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, PetstoreCliPrismTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  static CliRun petstore(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--root-url=" + prism.rootUrl());
    return CliRun.run(loader, PKG + ".PetstoreCli", all);
  }

  @Test
  void theApiKeyGoesWhereTheSchemeSays() throws Exception {
    CliRun ok = petstore("pets", "get-pet", "1", "--api-key", "k3y", "--format", "value(id,name)");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().matches("-?\\d+\\t.+\\R"), ok.out());
    CliRun noKey = petstore("pets", "get-pet", "1");
    assertEquals(1, noKey.exit(), noKey.out());
    assertTrue(noKey.err().startsWith("error: HTTP 401"), noKey.err());
    assertEquals(2, petstore("pets", "get-pet", "one", "--api-key", "k3y").exit());
  }

  @Test
  void bodiesFromTheCursorAreWhatTheSchemaWants() throws Exception {
    CliRun created = petstore("pets", "create-pet", "--api-key", "k3y", "--access-token", "t0ken",
        "-r", "name=Rex", "kind=dog", "birthday=2020-01-02", "priority=2");
    assertEquals(0, created.exit(), created.err());
    JsonNode pet = new ObjectMapper().readTree(created.out());
    assertTrue(pet.has("id"), created.out());
    CliRun wrongKind = petstore("pets", "create-pet", "--api-key", "k3y", "-r", "name=Rex", "kind=zebra");
    assertEquals(2, wrongKind.exit());
    assertTrue(wrongKind.err().startsWith("-r: kind: 'zebra' is not one of "), wrongKind.err());
    CliRun badDate = petstore("pets", "create-pet", "--api-key", "k3y", "-r", "name=Rex", "kind=dog", "birthday=yesterday");
    assertEquals(2, badDate.exit());
    assertTrue(badDate.err().startsWith("-r: birthday: expected a date (such as 2024-05-01), not 'yesterday'"),
        badDate.err());
  }

  @Test
  void aBinaryResponseGoesToTheDownloadFile(@TempDir Path dir) throws Exception {
    Path photo = dir.resolve("photo.png");
    CliRun r = petstore("pets", "download-photo", "1", "--api-key", "k3y", "--download", photo.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(java.nio.file.Files.exists(photo), "downloaded");
    assertEquals("", r.out());
  }

  @Test
  void dryRunPrintsACurlCommandThatReplays() throws Exception {
    CliRun direct = petstore("pets", "get-pet", "7", "--api-key", "k3y", "--format", "json");
    assertEquals(0, direct.exit(), direct.err());
    CliRun dry = petstore("pets", "get-pet", "7", "--api-key", "k3y", "--dry-run");
    assertEquals(0, dry.exit(), dry.err());
    String curl = dry.out().strip();
    assertTrue(curl.contains("'X-API-Key: REDACTED'") && !curl.contains("k3y"), curl);
    Process p = new ProcessBuilder("sh", "-c", curl.replace("REDACTED", "k3y") + " --silent --show-error")
        .redirectErrorStream(true).start();
    String replayed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), replayed);
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(direct.out()).get("id"), json.readTree(replayed).get("id"), replayed);
  }
}
