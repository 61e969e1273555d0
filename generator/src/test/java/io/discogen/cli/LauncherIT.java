package io.discogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as a user runs it: {@code bin/discogen} over {@code discogen.jar} (built by
 * {@code package}, hence a failsafe test). The launcher's class-data archive must be written by the
 * first successful run, used by later ones, and never change the output or break a run when it is
 * stale or damaged.
 */
class LauncherIT {
  private static final Path JAR = Path.of(System.getProperty("discogen.jar", "target/discogen.jar"));
  private static final Path LAUNCHER = Path.of(System.getProperty("discogen.launcher", "../bin/discogen"));
  private static final Path SPEC = Path.of(System.getProperty("discogen.specs", "../specs"))
      .resolve("dataproc-sessions.v1.json");

  @TempDir Path tmp;
  private Path cache;

  @BeforeEach
  void setUp() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR);
    cache = tmp.resolve("cache dir"); // a space: the launcher must quote its paths
  }

  @Test
  void firstRunWritesTheArchiveLaterRunsMapItAndTheOutputIsTheSame() throws Exception {
    // The same JVM options every run (they are part of the archive's key): class loading logged to a file.
    Path classLog = tmp.resolve("classes.txt");
    Map<String, String> env = Map.of("DISCOGEN_JAVA_OPTS", "-Xlog:class+load:file=" + classLog);

    Run first = run(env, "generate", "--spec", SPEC.toString(), "--out", tmp.resolve("out1").toString());
    assertEquals(0, first.exit, first.toString());
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one archive after the first run: " + archives);
    assertTrue(Files.size(archives.get(0)) > 1_000_000, "an archive with classes in it");
    assertFalse(Files.readString(classLog).contains("shared objects file (top)"), "nothing mapped yet");

    Run second = run(env, "generate", "--spec", SPEC.toString(), "--out", tmp.resolve("out2").toString());
    assertEquals(0, second.exit, second.toString());
    assertEquals("", second.err, "nothing on stderr");
    long mapped = Files.readAllLines(classLog).stream()
        .filter(l -> l.contains("source: shared objects file (top)")).count();
    assertTrue(mapped > 500, "the second run maps the dynamic archive's classes, got " + mapped);
    assertTrue(Files.readString(classLog).contains("com.palantir.javapoet.CodeWriter source: shared objects file (top)"));
    assertEquals(archives, archives(), "no second archive");
    assertEquals(tree(tmp.resolve("out1")), tree(tmp.resolve("out2")));
  }

  @Test
  void aDamagedArchiveIsIgnoredSilently() throws Exception {
    assertEquals(0, run(Map.of(), "generate", "--spec", SPEC.toString(), "--out", tmp.resolve("out1").toString()).exit);
    Path archive = archives().get(0);
    Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.US_ASCII));

    Run run = run(Map.of(), "generate", "--spec", SPEC.toString(), "--out", tmp.resolve("out2").toString());
    assertEquals(0, run.exit, run.toString());
    assertEquals("", run.err);
    assertFalse(run.out.toLowerCase().contains("cds") || run.out.toLowerCase().contains("shared"), run.out);
    assertEquals(tree(tmp.resolve("out1")), tree(tmp.resolve("out2")));
  }

  @Test
  void aFailedRunLeavesNoArchiveAndReportsOneLine() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"discoveryVersion\": \"v1\", \"kind\": ");
    Run run = run(Map.of(), "generate", "--spec", bad.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(1, run.exit, run.toString());
    assertTrue(run.err.contains("bad.json"), run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertEquals(List.of(), archives());
    try (Stream<Path> s = Files.exists(cache) ? Files.walk(cache) : Stream.empty()) {
      assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")).toList(), "no half-written archive");
    }
  }

  @Test
  void archivesCanBeTurnedOff() throws Exception {
    Run run = run(Map.of("DISCOGEN_CDS", "0"), "generate", "--spec", SPEC.toString(), "--out",
        tmp.resolve("out").toString());
    assertEquals(0, run.exit, run.toString());
    assertFalse(Files.exists(cache), "no cache directory");
  }

  @Test
  void aMissingJarIsOneLine() throws Exception {
    Run run = run(Map.of("DISCOGEN_JAR", tmp.resolve("nope.jar").toString()), "--version");
    assertEquals(2, run.exit, run.toString());
    assertEquals(1, run.err.strip().lines().count(), run.err);
    assertTrue(run.err.contains("cannot find discogen.jar"), run.err);
  }

  private List<Path> archives() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** Every file under {@code dir}, relative path to content. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    assertTrue(files.size() > 10, "generated files in " + dir);
    return files;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> e = pb.environment();
    e.put("XDG_CACHE_HOME", cache.toString());
    e.put("DISCOGEN_JAR", JAR.toAbsolutePath().toString());
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.remove("DISCOGEN_JAVA_OPTS");
    e.remove("DISCOGEN_CDS");
    e.putAll(new HashMap<>(env));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher finished");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
