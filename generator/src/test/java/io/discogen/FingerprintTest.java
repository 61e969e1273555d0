package io.discogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints tell an unchanged run from a changed one, and base directories keep names relative. */
class FingerprintTest {
  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void copySpec() throws IOException {
    project = tmp.resolve("project");
    Files.createDirectories(project.resolve("specs"));
    Files.copy(TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json"),
        project.resolve("specs/dataproc.json"));
  }

  GeneratorOptions options(String pkg) {
    return new GeneratorOptions(List.of(Path.of("specs/dataproc.json")), tmp.resolve("out"), pkg, true, null, project);
  }

  String fingerprint(GeneratorOptions o) {
    return Fingerprint.compute(o).orElseThrow();
  }

  @Test
  void sameInputsSameFingerprint() {
    assertEquals(fingerprint(options("a.b")), fingerprint(options("a.b")));
  }

  @Test
  void optionsAndContentChangeIt() throws IOException {
    String before = fingerprint(options("a.b"));
    assertNotEquals(before, fingerprint(options("a.c")));
    GeneratorOptions o = options("a.b");
    assertNotEquals(before, fingerprint(new GeneratorOptions(o.specs(), o.outputDirectory(), "a.b", false, null, project)));
    assertNotEquals(before, fingerprint(new GeneratorOptions(o.specs(), o.outputDirectory(), "a.b", true, tmp.resolve("docs"), project)));
    Files.writeString(project.resolve("specs/dataproc.json"), " ", java.nio.file.StandardOpenOption.APPEND);
    assertNotEquals(before, fingerprint(options("a.b")));
  }

  @Test
  void directoriesAreExpanded() throws IOException {
    GeneratorOptions dir = new GeneratorOptions(List.of(Path.of("specs")), tmp.resolve("out"), null, true, null, project);
    String before = fingerprint(dir);
    Files.writeString(project.resolve("specs/notes.txt"), "not a spec");
    assertEquals(before, fingerprint(dir), "non-spec files are ignored, as the generator ignores them");
    Files.copy(project.resolve("specs/dataproc.json"), project.resolve("specs/other.json"));
    assertNotEquals(before, fingerprint(dir));
  }

  @Test
  void unreadableSpecsHaveNone() {
    GeneratorOptions o = new GeneratorOptions(List.of(Path.of("specs/missing.json")), tmp.resolve("out"), null, true, null, project);
    assertTrue(Fingerprint.compute(o).isEmpty());
  }

  @Test
  void currentOnlyAfterRecordingAndWhileOutputIsComplete() throws Exception {
    GeneratorOptions o = options("a.b");
    String fp = fingerprint(o);
    assertFalse(Fingerprint.isCurrent(o, fp), "nothing generated yet");
    Generator.Written r = Generator.generate(o);
    assertFalse(Fingerprint.isCurrent(o, fp), "not recorded yet");
    Fingerprint.record(o, fp);
    assertTrue(Fingerprint.isCurrent(o, fp));
    assertFalse(Fingerprint.isCurrent(o, fingerprint(options("a.c"))));
    Files.delete(o.outputDirectory().resolve(r.files().get(0)));
    assertFalse(Fingerprint.isCurrent(o, fp), "a generated file went missing");
  }

  @Test
  void relativeSpecsAreReadFromTheBaseAndNamedAsGiven() throws Exception {
    GeneratorOptions o = options("a.b");
    Generator.Written r = Generator.generate(o);
    assertEquals("specs/dataproc.json", r.apis().get(0).source().displayPath());
    String service = Files.readString(o.outputDirectory().resolve("a/b/Dataproc.java"));
    assertTrue(service.contains("from specs/dataproc.json"), service.lines().limit(3).toList().toString());
    assertFalse(service.contains(project.toString()), "no absolute path in the output");
  }
}
