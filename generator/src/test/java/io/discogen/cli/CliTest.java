package io.discogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, atomic output. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String dataproc() {
    return TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json").toString();
  }

  @Test
  void helpAndVersion() {
    Run help = run("generate", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--spec") && help.out().contains("--sources-only"), help.out());
    assertEquals(0, run("--version").code());
  }

  @Test
  void theFirstSpecFileOfAGenerateLineIsReadAhead() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.json"), "{}");
    Path b = Files.writeString(tmp.resolve("b.json"), "{}");
    assertEquals(a, Main.readAhead(new String[] {"generate", "--out", "o", "--spec", a.toString(), "--spec", b.toString()}));
    assertEquals(b, Main.readAhead(new String[] {"generate", "--spec=" + b, "--out=o"}));
    assertEquals(null, Main.readAhead(new String[] {"generate", "--spec", tmp.toString()}), "a directory");
    assertEquals(null, Main.readAhead(new String[] {"generate", "--spec", tmp.resolve("none.json").toString()}));
    assertEquals(null, Main.readAhead(new String[] {"generate", "--spec"}));
    assertEquals(null, Main.readAhead(new String[] {"diff", "--spec", a.toString()}));
  }

  @Test
  void aGenerateLineGivesTheSameOutputWithItsSpecReadAhead() throws Exception {
    String[] line = {"generate", "--spec", dataproc(), "--out", tmp.resolve("plain").toString(), "--sources-only"};
    assertEquals(0, run(line).code());
    Path spec = Path.of(dataproc());
    Path copy = Files.copy(spec, tmp.resolve(spec.getFileName()));
    String[] ahead = {"generate", "--spec=" + copy, "--out=" + tmp.resolve("ahead"), "--sources-only"};
    assertEquals(copy, Main.readAhead(ahead));
    io.discogen.spec.SpecReader.readAhead(copy, copy.toString()).get(); // the same read: wait for it
    Files.delete(copy); // so the run below can only have the read ahead
    Run r = run(ahead);
    assertEquals(0, r.code(), r.err());
    Map<String, String> plain = snapshot(tmp.resolve("plain"));
    Map<String, String> read = snapshot(tmp.resolve("ahead"));
    assertEquals(plain.keySet(), read.keySet());
    for (String f : plain.keySet()) {
      assertEquals(plain.get(f), read.get(f).replace(copy.toString(), dataproc()), f);
    }
  }

  @Test
  void cliWritesTheCommandLineAndPicocliInThePom() throws Exception {
    Path out = tmp.resolve("with-cli");
    Run r = run("generate", "--spec", dataproc(), "--out", out.toString(), "--package", "io.discogen.clitest", "--cli");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("src/main/java/io/discogen/clitest/DataprocCli.java")));
    assertTrue(Files.readString(out.resolve("pom.xml")).contains("<artifactId>picocli</artifactId>"));
    Path without = tmp.resolve("without-cli");
    assertEquals(0, run("generate", "--spec", dataproc(), "--out", without.toString(), "--package", "io.discogen.clitest").code());
    assertTrue(Files.notExists(without.resolve("src/main/java/io/discogen/clitest/DataprocCli.java")));
    assertTrue(!Files.readString(without.resolve("pom.xml")).contains("picocli"));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run().code());
    assertEquals(2, run("generate", "--out", tmp.toString()).code(), "missing --spec");
    assertEquals(2, run("generate", "--bogus").code());
  }

  @Test
  void generatesAMavenProject() {
    Path out = tmp.resolve("client");
    Run r = run("generate", "--spec", dataproc(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("pom.xml")));
    assertTrue(Files.exists(out.resolve("src/main/java/io/discogen/generated/dataproc/v1/Dataproc.java")));
  }

  @Test
  void sourcesOnlyWithPackage() {
    Path out = tmp.resolve("src");
    Run r = run("generate", "--spec", dataproc(), "--out", out.toString(), "--package", "com.example.dp", "--sources-only");
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(out.resolve("pom.xml")));
    assertTrue(Files.exists(out.resolve("com/example/dp/model/Session.java")));
  }

  @Test
  void severalSpecsGoToSubPackages() {
    Path out = tmp.resolve("multi");
    Run r = run("generate", "--spec", TestSpecs.projectSpecs().toString(), "--out", out.toString(),
        "--package", "com.example", "--sources-only");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("com/example/dataproc/v1/Dataproc.java")));
    assertTrue(Files.exists(out.resolve("com/example/spanner/v1/Spanner.java")));
  }

  @Test
  void badPackageIsAUsageError() {
    Run r = run("generate", "--spec", dataproc(), "--out", tmp.resolve("x").toString(), "--package", "com.class.x");
    assertEquals(2, r.code());
    assertEquals(List.of("discogen: --package: not a valid Java package name: com.class.x",
        "Try 'discogen generate --help' for more information."), lines(r.err()));
  }

  @Test
  void aMistypedRequiredOptionIsNamedWithTheRightOne() {
    Run r = run("generate", "--spce", dataproc(), "--out", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    List<String> err = lines(r.err());
    assertEquals("discogen: Unknown option: '--spce'", err.get(0), r.err());
    assertTrue(r.err().contains("--spec"), "suggests the right option: " + r.err());
    assertEquals("Try 'discogen generate --help' for more information.", err.get(err.size() - 1));
    assertTrue(err.size() <= 4, "not the whole help: " + r.err());

    r = run("generate", "--spec", dataproc(), "--ouput", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("discogen: Unknown option: '--ouput'") && r.err().contains("--out"), r.err());
  }

  @Test
  void usageErrorsPrintTheErrorAndOneHintNotTheWholeHelp() {
    Run r = run("diff", "only-one.json");
    assertEquals(2, r.code());
    List<String> err = lines(r.err());
    assertTrue(err.get(0).startsWith("discogen: "), r.err());
    assertEquals(List.of("Try 'discogen diff --help' for more information."), err.subList(1, err.size()), r.err());
  }

  @Test
  void aYamlFileThatIsNotASpecSaysSo() throws IOException {
    Path yaml = Files.writeString(tmp.resolve("config.yaml"), "a: 1\n");
    Run r = run("generate", "--spec", yaml.toString(), "--out", tmp.resolve("x").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith(yaml + ": not a Discovery or OpenAPI document"), r.err());

    Path broken = Files.writeString(tmp.resolve("broken.yml"), "openapi: 3.0.0\ninfo: [unclosed\n");
    r = run("generate", "--spec", broken.toString(), "--out", tmp.resolve("x").toString());
    assertEquals(1, r.code());
    assertEquals(List.of(broken + ": 2:16: invalid YAML: while parsing a flow sequence (line 2, column 7):"
        + " expected ',' or ']', but got <stream end>"), lines(r.err()));
  }

  @Test
  void aDirectoryWithoutSpecsIsNamedPlainly() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("specs/nested"));
    Run r = run("generate", "--spec", dir.getParent().toString(), "--out", tmp.resolve("x").toString());
    assertEquals(1, r.code());
    assertEquals(List.of(dir.getParent() + ": no spec files in this directory (.json, .yaml or .yml;"
        + " sub-directories are not searched)"), lines(r.err()));
  }

  private static List<String> lines(String text) {
    return List.of(text.strip().split("\r?\n"));
  }

  @Test
  void rejectedSpecLeavesEarlierOutputUntouched() throws IOException {
    Path out = tmp.resolve("client");
    assertEquals(0, run("generate", "--spec", dataproc(), "--out", out.toString()).code());
    Map<String, String> before = snapshot(out);

    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"discoveryVersion\": \"v1\", \"name\": \"x\", \"schemas\": {");
    Run r = run("generate", "--spec", broken.toString(), "--out", out.toString());
    assertEquals(1, r.code());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith(broken.toString() + ": "), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(before, snapshot(out));
  }

  @Test
  void refusesToReplaceADirectoryItDidNotMake() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(out.resolve("precious.txt"), "keep me");
    Run r = run("generate", "--spec", dataproc(), "--out", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("Discogen never generated into it"), r.err());
    assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
  }

  @Test
  void regenerationRemovesFilesNoLongerGenerated() throws IOException {
    Path out = tmp.resolve("client");
    assertEquals(0, run("generate", "--spec", dataproc(), "--out", out.toString(), "--package", "a.b").code());
    Run second = run("generate", "--spec", dataproc(), "--out", out.toString(), "--package", "c.d");
    assertEquals(0, second.code(), second.err());
    assertFalse(Files.exists(out.resolve("src/main/java/a")));
    assertTrue(Files.exists(out.resolve("src/main/java/c/d/model/Session.java")));
  }

  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return m;
  }
}
