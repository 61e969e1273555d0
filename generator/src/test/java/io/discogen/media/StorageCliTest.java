package io.discogen.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the corpus's Cloud Storage ({@code generate --cli}): {@code objects insert
 * --upload FILE} and {@code objects get --download FILE} against the fake Storage server, small
 * (one multipart request) and large (resumable, in chunks).
 */
class StorageCliTest {
  static final String PKG = "io.discogen.test.storagecli";
  static URLClassLoader loader;
  static FakeStorageServer server;

  @BeforeAll
  static void generate(@TempDir Path work) throws Exception {
    List<GeneratedFile> files = Generator.render(new GeneratorOptions(List.of(TestSpecs.corpus2024().resolve("storage.v1.json")),
        Path.of("unused"), PKG, true, null, null, false, true), p -> { }).files();
    Compilation.Result c = Compilation.compile(files, work.resolve("classes"));
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, StorageCliTest.class.getClassLoader());
    server = new FakeStorageServer();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  static CliRun storage(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--root-url=" + server.url());
    return CliRun.run(loader, PKG + ".StorageCli", all);
  }

  @Test
  void uploadThenDownloadSmallAndLarge(@TempDir Path dir) throws Exception {
    for (int size : new int[] {1_000, 9 * 1024 * 1024 + 17}) {
      byte[] data = new byte[size];
      new Random(size).nextBytes(data);
      Path file = dir.resolve("data-" + size + ".bin");
      Files.write(file, data);
      String name = "obj-" + size;
      CliRun up = storage("objects", "insert", "bkt", "--name", name, "--upload", file.toString(),
          "--upload-content-type", "application/x-test", "-r", "metadata", "origin=cli", "--format", "value(name,contentType)");
      assertEquals(0, up.exit(), up.err());
      assertEquals(name + "\tapplication/x-test", up.out().strip());
      FakeStorageServer.StoredObject stored = server.object("bkt", name);
      assertArrayEquals(data, stored.data());
      assertEquals("cli", stored.metadata().path("metadata").path("origin").asText(), stored.metadata().toString());

      Path back = dir.resolve("back-" + size + ".bin");
      CliRun down = storage("objects", "get", "bkt", name, "--download", back.toString());
      assertEquals(0, down.exit(), down.err());
      assertArrayEquals(data, Files.readAllBytes(back));
      assertFalse(Files.exists(dir.resolve("back-" + size + ".bin.part")));
    }
    // Large content went resumable: a session was started.
    assertTrue(server.seen("POST").stream().anyMatch(s -> s.query() != null && s.query().contains("uploadType=resumable")),
        server.seen("POST").toString());
    // Without --download, get prints the object's metadata.
    CliRun meta = storage("objects", "get", "bkt", "obj-1000", "--format", "value(name,size)");
    assertEquals(0, meta.exit(), meta.err());
    assertEquals("obj-1000\t1000", meta.out().strip());
  }

  @Test
  void aMissingFileIsAUsageErrorAndNothingIsSent(@TempDir Path dir) throws Exception {
    int before = server.seen("POST").size();
    CliRun r = storage("objects", "insert", "bkt", "--name", "x", "--upload", dir.resolve("nope.bin").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("--upload: cannot read "), r.err());
    assertEquals(before, server.seen("POST").size());
  }
}
