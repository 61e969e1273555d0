package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.cli.Main;
import io.discogen.testing.TestSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where docs land: {@code --docs} inside the project, {@code --docs-dir} anywhere else, never over the sources. */
class DocsOutputTest {
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
  void docsGoInsideTheProjectInOneReplacement() throws Exception {
    Path out = tmp.resolve("client");
    for (int i = 0; i < 2; i++) { // the second run replaces the first
      Run r = run("generate", "--spec", dataproc(), "--out", out.toString(), "--docs");
      assertEquals(0, r.code(), r.err());
    }
    assertTrue(Files.exists(out.resolve("pom.xml")));
    assertTrue(Files.exists(out.resolve("docs/README.md")));
    assertTrue(Files.exists(out.resolve("docs/resources/projects.locations.sessions.md")));
    assertTrue(Files.exists(out.resolve("docs/models/Session.md")));
    assertFalse(Files.exists(out.resolve("docs/.discogen")), "one output directory, one marker");
    String manifest = Files.readString(out.resolve(".discogen"));
    assertTrue(manifest.contains("docs/README.md\n") && manifest.contains("pom.xml\n"), manifest);
  }

  @Test
  void docsDirElsewhereIsReplacedOnItsOwn() throws Exception {
    Path out = tmp.resolve("src");
    Path docs = tmp.resolve("site/api");
    for (int i = 0; i < 2; i++) {
      Run r = run("generate", "--spec", TestSpecs.projectSpecs().toString(), "--out", out.toString(),
          "--sources-only", "--docs-dir", docs.toString());
      assertEquals(0, r.code(), r.err());
    }
    assertTrue(Files.exists(out.resolve("io/discogen/generated/dataproc/v1/Dataproc.java")));
    assertFalse(Files.exists(out.resolve("docs")));
    assertTrue(Files.exists(docs.resolve("README.md")));
    assertTrue(Files.exists(docs.resolve("dataproc-v1/models/Session.md")));
    assertTrue(Files.exists(docs.resolve("spanner-v1/README.md")));
    assertTrue(Files.exists(docs.resolve(".discogen")));
  }

  @Test
  void docsDirInsideTheOutputIsWrittenWithIt() throws Exception {
    Path out = tmp.resolve("src");
    Run r = run("generate", "--spec", dataproc(), "--out", out.toString(), "--sources-only",
        "--docs-dir", out.resolve("reference").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("reference/README.md")));
    assertTrue(Files.readString(out.resolve(".discogen")).contains("reference/README.md\n"));
  }

  @Test
  void conflictingOptionsAreUsageErrors() {
    Path out = tmp.resolve("x");
    Run both = run("generate", "--spec", dataproc(), "--out", out.toString(), "--docs", "--docs-dir", tmp.resolve("d").toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    Run sourcesOnly = run("generate", "--spec", dataproc(), "--out", out.toString(), "--docs", "--sources-only");
    assertEquals(2, sourcesOnly.code());
    assertTrue(sourcesOnly.err().contains("--docs-dir"), sourcesOnly.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void docsDirMayNotHoldTheOutput() {
    Path docs = tmp.resolve("site");
    Path out = docs.resolve("client");
    Run same = run("generate", "--spec", dataproc(), "--out", out.toString(), "--docs-dir", out.toString());
    assertEquals(1, same.code());
    Run parent = run("generate", "--spec", dataproc(), "--out", out.toString(), "--docs-dir", docs.toString());
    assertEquals(1, parent.code());
    assertTrue(parent.err().contains("must not be the output directory or contain it"), parent.err());
    assertFalse(Files.exists(out));
  }
}
