package io.discogen.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.cli.Main;
import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerating into a project the user has worked in, through the CLI as a user runs it: Discogen
 * replaces and removes only the files it wrote, and never a file it did not write.
 */
class RegenerationTest {
  @TempDir Path tmp;
  Path out;
  Path spec;
  String err;

  @BeforeEach
  void firstGeneration() throws IOException {
    out = tmp.resolve("client");
    spec = tmp.resolve("pets.v1.json");
    Files.writeString(spec, PETS.formatted(SCHEMAS_WITH_OWNER));
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", out.toString(), "--docs"), err);
  }

  @Test
  void userFilesSurviveAndStaleGeneratedFilesGo() throws Exception {
    Path pkg = out.resolve("src/main/java/io/discogen/generated/pets/v1");
    assertTrue(Files.isRegularFile(pkg.resolve("model/Owner.java")));
    // What users add to a generated project: a repository, tests, notes, a file beside the sources.
    Files.createDirectories(out.resolve(".git/objects/ab"));
    Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(out.resolve(".git/objects/ab/cdef"), "blob");
    Path test = Files.createDirectories(out.resolve("src/test/java/io/discogen/generated/pets/v1"));
    Files.writeString(test.resolve("PetTest.java"), "class PetTest {}");
    Files.writeString(out.resolve("NOTES.md"), "my notes");
    Files.writeString(pkg.resolve("PetHelper.java"), "class PetHelper {}");
    Files.createDirectories(out.resolve("empty-dir-of-mine"));
    Map<String, String> mine = snapshot(out, p -> !isGenerated(p));

    Files.writeString(spec, PETS.formatted(SCHEMAS_WITHOUT_OWNER)); // Owner is gone from the spec
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", out.toString(), "--docs"), err);

    assertEquals(mine, snapshot(out, p -> !isGenerated(p)), "every file Discogen did not write is as it was");
    assertTrue(Files.isDirectory(out.resolve("empty-dir-of-mine")));
    assertFalse(Files.exists(pkg.resolve("model/Owner.java")), "a generated file the spec no longer produces goes");
    assertFalse(Files.exists(out.resolve("docs/models/Owner.md")));
    assertTrue(Files.isRegularFile(pkg.resolve("model/Pet.java")));
    assertFalse(Files.readString(out.resolve(OutputWriter.MARKER)).contains("Owner"));
    assertEquals(java.util.List.of("client", "pets.v1.json"), list(tmp), "no staging directory left");
  }

  @Test
  void ignoredFilesAreNeitherWrittenNorRemoved() throws Exception {
    Path pkg = out.resolve("src/main/java/io/discogen/generated/pets/v1");
    Files.writeString(out.resolve(IgnoreRules.FILE), "# mine now\npom.xml\nOwner.java\ndocs/\n");
    Files.writeString(out.resolve("pom.xml"), "<project>my own pom</project>");
    Files.writeString(pkg.resolve("model/Owner.java"), "// edited by hand");

    Files.writeString(spec, PETS.formatted(SCHEMAS_WITHOUT_OWNER));
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", out.toString(), "--docs"), err);

    assertEquals("<project>my own pom</project>", Files.readString(out.resolve("pom.xml")));
    assertEquals("// edited by hand", Files.readString(pkg.resolve("model/Owner.java")), "taken over: not removed");
    assertTrue(Files.isRegularFile(out.resolve("docs/models/Owner.md")), "ignored directory left alone");
    String manifest = Files.readString(out.resolve(OutputWriter.MARKER));
    assertFalse(manifest.contains("pom.xml") || manifest.contains("Owner") || manifest.contains("docs/"),
        "ignored files are the user's, no longer Discogen's: " + manifest);
  }

  @Test
  void aGeneratedFileNeverOverwritesOneDiscogenDidNotWrite() throws Exception {
    Files.delete(out.resolve("src/main/java/io/discogen/generated/pets/v1/model/Owner.java"));
    Files.writeString(spec, PETS.formatted(SCHEMAS_WITHOUT_OWNER));
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", out.toString()), err);
    // The user now writes their own Owner.java, and the spec brings Owner back.
    Path owner = out.resolve("src/main/java/io/discogen/generated/pets/v1/model/Owner.java");
    Files.writeString(owner, "// mine");
    Map<String, String> before = snapshot(out, p -> true);
    Files.writeString(spec, PETS.formatted(SCHEMAS_WITH_OWNER));

    assertEquals(1, cli("generate", "--spec", spec.toString(), "--out", out.toString()));
    assertTrue(err.contains("Owner.java") && err.contains(IgnoreRules.FILE), err);
    assertEquals(before, snapshot(out, p -> true), "nothing changed");

    Files.writeString(out.resolve(IgnoreRules.FILE), "Owner.java\n");
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", out.toString()), err);
    assertEquals("// mine", Files.readString(owner));
  }

  @Test
  void aBrokenSpecChangesNothing() throws Exception {
    Files.writeString(out.resolve("NOTES.md"), "my notes");
    Map<String, String> before = snapshot(out, p -> true);
    Files.writeString(spec, "{\"kind\": \"discovery#restDescription\", \"name\": \"pets\"");
    assertEquals(1, cli("generate", "--spec", spec.toString(), "--out", out.toString(), "--docs"));
    assertEquals(before, snapshot(out, p -> true));
    assertEquals(java.util.List.of("client", "pets.v1.json"), list(tmp));
  }

  @Test
  void aRunKilledWhileCommittingIsFinishedByTheNext() throws Exception {
    Files.writeString(out.resolve("NOTES.md"), "my notes");
    // A run that decided its commit, then died before moving anything: its staging directory
    // carries a process id that no longer runs.
    long dead = ProcessHandle.current().pid() + 1_000_000;
    Path staging = tmp.resolve(".client.discogen-new-" + Long.toHexString(dead) + "-1");
    Files.createDirectories(staging.resolve("src"));
    Files.writeString(staging.resolve("src/New.java"), "class New {}");
    Files.writeString(staging.resolve(OutputWriter.MARKER), "src/New.java\npom.xml\n");
    Files.writeString(staging.resolve(".discogen-remove"), "src/main/java/io/discogen/generated/pets/v1/model/Owner.java\n");
    Files.createFile(staging.resolve(".discogen-committed"));
    // And one that died while rendering: deleted, never applied.
    Path rendering = Files.createDirectories(tmp.resolve(".client.discogen-new-" + Long.toHexString(dead) + "-2"));
    Files.writeString(rendering.resolve("Half.java"), "class Half");

    Files.writeString(spec, "not json");
    assertEquals(1, cli("generate", "--spec", spec.toString(), "--out", out.toString()));
    // The spec was refused, but the killed run's commit was finished first (it had been decided).
    assertEquals("class New {}", Files.readString(out.resolve("src/New.java")));
    assertFalse(Files.exists(out.resolve("src/main/java/io/discogen/generated/pets/v1/model/Owner.java")));
    assertEquals("src/New.java\npom.xml\n", Files.readString(out.resolve(OutputWriter.MARKER)));
    assertFalse(Files.exists(out.resolve("Half.java")));
    assertEquals("my notes", Files.readString(out.resolve("NOTES.md")));
    assertEquals(java.util.List.of("client", "pets.v1.json"), list(tmp));
  }

  @Test
  void aDirectoryDiscogenNeverWroteIsRefusedUnlessEmptyOrOnlyIgnoreRules() throws Exception {
    Path theirs = Files.createDirectories(tmp.resolve("theirs"));
    Files.writeString(theirs.resolve("README.md"), "x");
    assertEquals(1, cli("generate", "--spec", spec.toString(), "--out", theirs.toString()));
    assertTrue(err.contains("never generated into"), err);
    assertEquals(java.util.List.of("README.md"), list(theirs));

    Path prepared = Files.createDirectories(tmp.resolve("prepared"));
    Files.writeString(prepared.resolve(IgnoreRules.FILE), "pom.xml\n");
    assertEquals(0, cli("generate", "--spec", spec.toString(), "--out", prepared.toString()), err);
    assertFalse(Files.exists(prepared.resolve("pom.xml")), "ignored on the first run too");
    assertTrue(Files.exists(prepared.resolve("src/main/java/io/discogen/generated/pets/v1/model/Pet.java")));
  }

  private boolean isGenerated(String path) {
    return path.equals(OutputWriter.MARKER) || path.equals("pom.xml") || path.startsWith("docs/")
        || path.startsWith("src/main/java/") && !path.endsWith("PetHelper.java");
  }

  private int cli(String... args) {
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true), args);
    err = e.toString();
    return code;
  }

  /** Every file below {@code dir} whose relative path passes {@code keep}, with its content. */
  static Map<String, String> snapshot(Path dir, java.util.function.Predicate<String> keep) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (Files.isRegularFile(p) && keep.test(rel)) {
          files.put(rel, Files.readString(p));
        }
      }
    }
    return files;
  }

  private static java.util.List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static final String SCHEMAS_WITH_OWNER = """
      "Pet": {"id": "Pet", "type": "object", "properties": {"name": {"type": "string"}, "owner": {"$ref": "Owner"}}},
      "Owner": {"id": "Owner", "type": "object", "properties": {"name": {"type": "string"}}}""";
  private static final String SCHEMAS_WITHOUT_OWNER = """
      "Pet": {"id": "Pet", "type": "object", "properties": {"name": {"type": "string"}}}""";
  private static final String PETS = """
      {"kind": "discovery#restDescription", "discoveryVersion": "v1", "id": "pets:v1", "name": "pets",
       "version": "v1", "rootUrl": "https://pets.example.com/", "servicePath": "", "protocol": "rest",
       "schemas": {%s},
       "resources": {"pets": {"methods": {"get": {"id": "pets.pets.get", "path": "pets/{name}",
         "httpMethod": "GET", "parameters": {"name": {"type": "string", "location": "path", "required": true}},
         "parameterOrder": ["name"], "response": {"$ref": "Pet"}}}}}}
      """;
}
