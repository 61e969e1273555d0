package io.discogen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discogen diff} as a user meets it: output, formats, files, exit codes. */
class DiffCliTest {
  @TempDir Path tmp;
  Path base;
  Path additive;
  Path breaking;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void specs() throws IOException {
    base = write("base.json", Doc.base());
    additive = write("additive.json", Doc.base().set("/schemas/Widget/properties/label", "{\"type\": \"string\"}"));
    breaking = write("breaking.json", Doc.base().remove("/schemas/Widget/properties/size"));
  }

  private Path write(String name, Doc d) throws IOException {
    return Files.write(tmp.resolve(name), d.bytes());
  }

  @Test
  void openApiRevisionsAndAParameterEnumsNewValueAreReportedOnce() throws IOException {
    String spec = """
        openapi: 3.0.3
        info: {title: Library, version: "%s"}
        paths:
          /books:
            get:
              operationId: listBooks
              parameters:
                - {name: genre, in: query, schema: {$ref: '#/components/schemas/Genre'}}
              responses: {'200': {description: ok}}
        components:
          schemas:
            Genre: {type: string, enum: [FICTION, POETRY%s]}
        """;
    Path was = Files.writeString(tmp.resolve("library.yaml"), spec.formatted("1.0.0", ""));
    Path now = Files.writeString(tmp.resolve("library-2.yaml"), spec.formatted("1.1.0", ", DRAMA"));
    Run r = run("diff", was.toString(), now.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Revision `1.0.0` (`" + was + "`) → `1.1.0`"), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.contains("DRAMA")).count(), "the new value listed once: " + r.out());
    assertTrue(r.out().contains("1 additive (1 change)"), r.out());
  }

  @Test
  void printsMarkdownByDefault() {
    Run r = run("diff", base.toString(), breaking.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# API changes: demo v1"), r.out());
    assertTrue(r.out().contains("**BREAKING** Property `Widget.size` removed"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void printsJson() throws Exception {
    Run r = run("diff", base.toString(), additive.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    var json = new ObjectMapper().readTree(r.out());
    assertEquals("MINOR", json.get("suggestedBump").asText());
    assertEquals("PROPERTY_ADDED", json.at("/changes/0/kind").asText());
  }

  @Test
  void failOnBreakingExitsThree() {
    assertEquals(3, run("diff", base.toString(), breaking.toString(), "--fail-on-breaking").code());
    assertEquals(0, run("diff", base.toString(), additive.toString(), "--fail-on-breaking").code());
    assertEquals(0, run("diff", base.toString(), base.toString(), "--fail-on-breaking").code());
    assertEquals(0, run("diff", base.toString(), breaking.toString()).code(), "only with the flag");
  }

  @Test
  void writesTheReportToAFile() throws IOException {
    Path out = tmp.resolve("reports/changes.md");
    Run r = run("diff", base.toString(), breaking.toString(), "--out", out.toString(), "--fail-on-breaking");
    assertEquals(3, r.code(), "the report is written, and the exit code still says it breaks");
    assertTrue(Files.readString(out).contains("Property `Widget.size` removed"));
    assertEquals("Wrote " + out + ": MAJOR (1 breaking, 0 behavioural, 0 additive)\n", r.out().replace("\r\n", "\n"));
    try (var files = Files.list(out.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void rejectedSpecsExitOneWithOneLineEach() throws IOException {
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"discoveryVersion\": \"v1\", \"schemas\": {");
    Path missing = tmp.resolve("missing.json");
    Run r = run("diff", broken.toString(), missing.toString());
    assertEquals(1, r.code());
    String[] lines = r.err().strip().split("\\R");
    assertEquals(2, lines.length, r.err());
    assertTrue(lines[0].startsWith(broken + ": "), r.err());
    assertEquals(missing + ": file not found", lines[1]);
    assertEquals("", r.out());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("diff").code());
    assertEquals(2, run("diff", base.toString()).code());
    assertEquals(2, run("diff", base.toString(), base.toString(), "extra").code());
    Run format = run("diff", base.toString(), base.toString(), "--format", "yaml");
    assertEquals(2, format.code());
    assertTrue(format.err().contains("expected markdown or json"), format.err());
  }

  @Test
  void helpDocumentsExitCodes() {
    Run r = run("diff", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--fail-on-breaking"), r.out());
    assertTrue(r.out().contains("3   breaking changes found"), r.out());
    assertTrue(run("--help").out().contains("diff"));
  }
}
