package io.discogen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratorOptions;
import io.discogen.spec.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal without a Maven build around it: options, incremental runs, failures, skip. */
class GenerateMojoTest {
  /** The integration tests' specs: two schemas and one method; without one schema; broken. */
  static final Path SPEC = Path.of("src/it/first-build/src/main/discovery/pets.v1.json").toAbsolutePath();
  static final Path WITHOUT_OWNER = Path.of("src/it/removed-schema/spec-without-owner/pets.v1.json").toAbsolutePath();
  static final Path BROKEN = Path.of("src/it/broken-spec/broken/pets.v1.json").toAbsolutePath();

  @TempDir Path project;
  Path spec;
  Path out;
  RecordingLog log;

  @BeforeEach
  void setUp() throws IOException {
    spec = project.resolve("src/main/discovery/pets.v1.json");
    Files.createDirectories(spec.getParent());
    Files.copy(SPEC, spec);
    out = project.resolve("target/generated-sources/discogen");
    log = new RecordingLog();
  }

  GenerateMojo mojo() {
    GenerateMojo m = new GenerateMojo();
    MavenProject p = new MavenProject();
    p.setFile(project.resolve("pom.xml").toFile());
    m.project = p;
    m.specs = List.of(spec.toFile());
    m.packageName = "com.example.pets";
    m.outputDirectory = out.toFile();
    m.docsDirectory = project.resolve("target/generated-docs/discogen").toFile();
    m.setLog(log);
    return m;
  }

  @Test
  void mapsParametersToTheCommandLinesOptions() throws Exception {
    GenerateMojo m = mojo();
    GeneratorOptions o = m.options();
    assertEquals(List.of(Path.of("src/main/discovery/pets.v1.json")), o.specs(), "relative to the project");
    assertEquals(project, o.baseDirectory());
    assertEquals(out, o.outputDirectory());
    assertEquals("com.example.pets", o.packageName());
    assertTrue(o.sourcesOnly());
    assertNull(o.docsDirectory(), "no docs unless asked for");
    m.generateDocs = true;
    assertEquals(project.resolve("target/generated-docs/discogen"), m.options().docsDirectory());
    m.packageName = " ";
    assertNull(m.options().packageName());
  }

  @Test
  void specsOutsideTheProjectStayAbsolute() {
    Path base = Path.of("/work/project");
    assertEquals(Path.of("specs/a.json"), GenerateMojo.relativeIfInside(base, Path.of("/work/project/specs/a.json")));
    assertEquals(Path.of("/work/other/a.json"), GenerateMojo.relativeIfInside(base, Path.of("/work/project/../other/a.json")));
    assertEquals(Path.of("/work/project"), GenerateMojo.relativeIfInside(base, base));
  }

  @Test
  void generatesAndAddsTheSourceRoot() throws Exception {
    GenerateMojo m = mojo();
    m.execute();
    assertTrue(Files.isRegularFile(out.resolve("com/example/pets/Pets.java")));
    assertTrue(Files.isRegularFile(out.resolve("com/example/pets/Owner.java")));
    assertTrue(Files.isRegularFile(out.resolve(".discogen-fingerprint")));
    assertEquals(List.of(out.toString()), m.project.getCompileSourceRoots());
    assertTrue(log.info.get(0).startsWith("Generated 4 files for 1 API into "), log.info.toString());
  }

  @Test
  void unchangedInputsGenerateNothing() throws Exception {
    mojo().execute();
    Map<Path, FileTime> before = mtimes();
    GenerateMojo again = mojo();
    again.execute();
    assertTrue(log.info.get(1).startsWith("Generated sources are up to date, nothing to do (checked in "), log.info.toString());
    assertEquals(before, mtimes());
    assertEquals(List.of(out.toString()), again.project.getCompileSourceRoots(), "the source root is added all the same");
  }

  @Test
  void changedOptionsOrMissingFilesGenerateAgain() throws Exception {
    mojo().execute();
    GenerateMojo other = mojo();
    other.packageName = "com.example.other";
    other.execute();
    assertTrue(Files.exists(out.resolve("com/example/other/Pets.java")));
    assertFalse(Files.exists(out.resolve("com/example/pets")));
    Files.delete(out.resolve("com/example/other/Pet.java"));
    other = mojo();
    other.packageName = "com.example.other";
    other.execute();
    assertTrue(Files.exists(out.resolve("com/example/other/Pet.java")));
    assertEquals(3, log.info.stream().filter(s -> s.startsWith("Generated 4 files")).count(), log.info.toString());
  }

  @Test
  void aRemovedSchemaTakesItsClassAlong() throws Exception {
    mojo().execute();
    assertTrue(Files.exists(out.resolve("com/example/pets/Owner.java")));
    Files.copy(WITHOUT_OWNER, spec, StandardCopyOption.REPLACE_EXISTING);
    mojo().execute();
    assertFalse(Files.exists(out.resolve("com/example/pets/Owner.java")));
    assertTrue(Files.exists(out.resolve("com/example/pets/Pet.java")));
  }

  @Test
  void aBrokenSpecFailsWithOneLinePerProblemAndKeepsTheOutput() throws Exception {
    mojo().execute();
    Map<Path, FileTime> before = mtimes();
    Files.copy(BROKEN, spec, StandardCopyOption.REPLACE_EXISTING);
    MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
    String problem =
        "src/main/discovery/pets.v1.json: /schemas/Pet/properties/owner/$ref: unknown schema \"Nobody\": no such key in /schemas";
    assertEquals(problem, e.getMessage());
    assertNull(e.getCause());
    assertEquals(List.of(problem), log.error);
    assertEquals(before, mtimes(), "the previous output is left alone");
  }

  @Test
  void severalProblemsAreCountedThenListed() {
    List<SpecProblem> problems = List.of(new SpecProblem("a.json", "/x", "bad"), new SpecProblem("b.json", "", "worse"));
    assertEquals("2 spec problems:\na.json: /x: bad\nb.json: worse", GenerateMojo.failureMessage(problems));
  }

  @Test
  void noSpecsIsAConfigurationError() {
    GenerateMojo m = mojo();
    m.specs = List.of();
    assertThrows(MojoFailureException.class, m::execute);
  }

  @Test
  void skipDoesNothing() throws Exception {
    GenerateMojo m = mojo();
    m.skip = true;
    m.execute();
    assertFalse(Files.exists(out));
    assertTrue(m.project.getCompileSourceRoots().isEmpty());
    assertEquals(List.of("Skipping Discogen (discogen.skip)"), log.info);
  }

  Map<Path, FileTime> mtimes() throws IOException {
    Map<Path, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        m.put(p, Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  /** Keeps what the goal logs at info and error level. */
  static final class RecordingLog implements Log {
    final List<String> info = new ArrayList<>();
    final List<String> error = new ArrayList<>();

    @Override public boolean isDebugEnabled() { return false; }
    @Override public void debug(CharSequence content) {}
    @Override public void debug(CharSequence content, Throwable e) {}
    @Override public void debug(Throwable e) {}
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { info.add(content.toString()); }
    @Override public void info(CharSequence content, Throwable e) { info.add(content.toString()); }
    @Override public void info(Throwable e) {}
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { info.add("WARN " + content); }
    @Override public void warn(CharSequence content, Throwable e) { info.add("WARN " + content); }
    @Override public void warn(Throwable e) {}
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { error.add(content.toString()); }
    @Override public void error(CharSequence content, Throwable e) { error.add(content.toString()); }
    @Override public void error(Throwable e) {}
  }
}
