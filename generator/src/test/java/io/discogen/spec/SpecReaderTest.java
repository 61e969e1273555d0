package io.discogen.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.ApiModel;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input of every kind: exactly one line, {@code file: location: message}, as SpecException. */
class SpecReaderTest {
  private static final String FILE = "specs/api.json";
  private static final String MINIMAL =
      "{\"discoveryVersion\": \"v1\", \"name\": \"demo\", \"version\": \"v1\","
          + " \"rootUrl\": \"https://demo.googleapis.com/\"}";

  @TempDir Path dir;

  /** The single problem line reported for these bytes. */
  private static String problem(byte[] bytes) {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(bytes, FILE));
    assertEquals(1, e.problems().size(), e.getMessage());
    String line = e.problems().get(0).toString();
    assertEquals(line, e.getMessage());
    assertTrue(!line.contains("\n"), line);
    return line;
  }

  private static String problem(String text) {
    return problem(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAMinimalDocument() throws Exception {
    Path file = dir.resolve("api.json");
    Files.writeString(file, MINIMAL);
    ApiModel api = SpecReader.read(file, FILE);
    assertEquals("demo", api.name());
    assertEquals(FILE, api.source().displayPath());
  }

  @Test
  void aReadAheadIsTakenOnceByTheReadOfTheSameFileUnderTheSameName() throws Exception {
    Path file = dir.resolve("ahead.json");
    Files.writeString(file, MINIMAL);
    ApiModel plain = SpecReader.read(file, FILE);
    SpecReader.readAhead(file, FILE).get();
    Files.delete(file); // from here on only the read ahead has the document

    SpecException otherName = assertThrows(SpecException.class, () -> SpecReader.read(file, "other.json"));
    assertTrue(otherName.getMessage().startsWith("other.json: "), otherName.getMessage());
    assertEquals(plain, SpecReader.read(file, FILE), "the read ahead, as a read would have had it");
    SpecException again = assertThrows(SpecException.class, () -> SpecReader.read(file, FILE));
    assertTrue(again.getMessage().startsWith(FILE + ": "), "taken once: " + again.getMessage());
  }

  @Test
  void aRejectedReadAheadReportsWhatTheReadWould() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"discoveryVersion\": \"v1\", \"name\": ");
    SpecException plain = assertThrows(SpecException.class, () -> SpecReader.read(file, FILE));
    assertThrows(ExecutionException.class, () -> SpecReader.readAhead(file, FILE).get());
    SpecException ahead = assertThrows(SpecException.class, () -> SpecReader.read(file, FILE));
    assertEquals(plain.problems(), ahead.problems());
  }

  @Test
  void acceptsAUtf8ByteOrderMark() throws Exception {
    byte[] text = MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    assertEquals("demo", SpecReader.parse(bom, FILE).name());
  }

  @Test
  void missingFile() {
    SpecException e =
        assertThrows(SpecException.class, () -> SpecReader.read(dir.resolve("nope.json"), "nope.json"));
    assertEquals("nope.json: file not found", e.getMessage());
  }

  @Test
  void directoryInsteadOfFile() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(dir, "specs"));
    assertEquals("specs: is a directory, not a file", e.getMessage());
  }

  @Test
  void emptyAndWhitespaceOnly() {
    assertEquals(FILE + ": file is empty", problem(new byte[0]));
    assertEquals(FILE + ": file contains only whitespace", problem(" \n\t\r\n  "));
  }

  @Test
  void truncatedJson() {
    assertEquals(
        FILE + ": 2:17: invalid JSON: unexpected end of input (truncated file?): expected close marker for Object (start marker at line 1, column 1)",
        problem("{\"name\": \"demo\",\n \"version\": \"v1\""));
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    String line = problem("{\n  \"name\": \"demo\",\n  \"version\" \"v1\"\n}");
    assertTrue(line.startsWith(FILE + ": 3:13: invalid JSON: unexpected character ('\"' (code 34)): was expecting a colon"), line);
  }

  @Test
  void columnsCountCharactersNotBytes() {
    // In bytes the x would be at column 24; the emoji counts as two UTF-16 characters.
    String line = problem("{\"title\": \"é€😀\", x}");
    assertTrue(line.startsWith(FILE + ": 1:19: invalid JSON: "), line);
  }

  @Test
  void binaryGarbage() {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[100] = 0;
    String line = problem(garbage);
    assertTrue(line.startsWith(FILE + ": binary data (a NUL byte at offset "), line);
  }

  @Test
  void notUtf8() {
    byte[] latin1 = "{\"title\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        FILE + ": not valid UTF-8 text (byte 0xE9 at offset 14, line 1); expected UTF-8 JSON",
        problem(latin1));
    assertTrue(problem(MINIMAL.getBytes(StandardCharsets.UTF_16)).startsWith(FILE + ": binary data"));
  }

  @Test
  void arrayOrScalarAtTheRoot() {
    assertEquals(FILE + ": expected an object (a Discovery or OpenAPI document) at the top level, found an array", problem("[1, 2]"));
    assertEquals(FILE + ": expected an object (a Discovery or OpenAPI document) at the top level, found a string", problem("\"hi\""));
    assertEquals(FILE + ": expected an object (a Discovery or OpenAPI document) at the top level, found a number", problem("42"));
    assertEquals(FILE + ": expected an object (a Discovery or OpenAPI document) at the top level, found null", problem("null"));
  }

  @Test
  void trailingContentAndDuplicateKeys() {
    assertEquals(
        FILE + ": 1:4: unexpected content after the end of the JSON value", problem("{} {}"));
    String duplicate = problem("{\"a\": 1, \"a\": 2}");
    assertTrue(duplicate.startsWith(FILE + ": 1:13: invalid JSON: duplicate field 'a'"), duplicate);
  }

  @Test
  void directoryList() {
    assertEquals(
        FILE + ": /kind: this is a Discovery directory list (discovery#directoryList), not an API"
            + " description; use one of the documents it lists (its discoveryRestUrl)",
        problem("{\"kind\": \"discovery#directoryList\", \"discoveryVersion\": \"v1\", \"items\": []}"));
  }

  @Test
  void openApiAndSwaggerAreRecognised() throws Exception {
    String openapi = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Demo\", \"version\": \"1\"}, \"paths\": {}}";
    assertEquals(io.discogen.ir.SpecSource.Format.OPENAPI,
        SpecReader.parse(openapi.getBytes(StandardCharsets.UTF_8), FILE).source().format());
    String swagger = "{\"swagger\": \"2.0\", \"info\": {\"title\": \"Demo\", \"version\": \"1\"}, \"paths\": {}}";
    assertEquals("Demo", SpecReader.parse(swagger.getBytes(StandardCharsets.UTF_8), FILE).name());
    String yaml = "openapi: 3.0.3\ninfo:\n  title: Yaml Demo\n  version: '2'\npaths: {}\n";
    assertEquals("Yaml Demo", SpecReader.parse(yaml.getBytes(StandardCharsets.UTF_8), FILE).name());
  }

  @Test
  void someOtherJsonObject() {
    assertEquals(
        FILE + ": not a Discovery or OpenAPI document: no \"discoveryVersion\", \"kind\":"
            + " \"discovery#restDescription\", \"openapi\" or \"swagger\" at the top level",
        problem("{\"hello\": \"world\"}"));
  }

  @Test
  void absurdlyDeepNesting() {
    for (String open : List.of("[", "{\"a\":")) {
      String deep = open.repeat(50_000);
      String line = problem(deep);
      assertTrue(line.startsWith(FILE + ": 1:"), line);
      assertTrue(line.endsWith(": JSON nested more than 1000 levels deep"), line);
    }
  }

  @Test
  void deepButLegalSchemasAreBoundedToo() {
    // 300 inline levels fit in 1000 JSON levels but exceed the parser's own schema depth limit.
    String deep = "{\"type\": \"array\", \"items\": ".repeat(300) + "{\"type\": \"string\"}" + "}".repeat(300);
    String doc = MINIMAL.substring(0, MINIMAL.length() - 1)
        + ", \"schemas\": {\"S\": {\"type\": \"object\", \"properties\": {\"p\": " + deep + "}}}}";
    String line = problem(doc);
    assertTrue(line.startsWith(FILE + ": /schemas/S/properties/p/items/items/"), line);
    assertTrue(line.endsWith(": schema nested more than 200 levels deep"), line);
  }

  @Test
  void hugeFileIsRejectedBeforeReading() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(SpecReader.MAX_FILE_BYTES + 1); // sparse: costs no disk
    }
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(huge, "huge.json"));
    assertEquals("huge.json: file is too large (256 MB; the limit is 256 MB)", e.getMessage());
  }

  @Test
  void overlongStringsAndNumbersAreNotCalledDeepNesting() {
    String longString = MINIMAL.substring(0, MINIMAL.length() - 1) + ", \"description\": \"" + "x".repeat(21_000_000) + "\"}";
    String line = problem(longString);
    assertTrue(line.startsWith(FILE + ": 1:"), line);
    assertTrue(line.contains("JSON value too large: String value length"), line);
    String longNumber = MINIMAL.substring(0, MINIMAL.length() - 1) + ", \"revision\": " + "9".repeat(5000) + "}";
    line = problem(longNumber);
    assertTrue(line.contains("JSON value too large: Number value length"), line);
  }

  @Test
  void endlessInputIsCutAtTheLimit() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(zero, "/dev/zero"));
    assertEquals("/dev/zero: file is too large (more than 256 MB)", e.getMessage());
  }

  @Test
  void displayPathIsUsedVerbatim() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecReader.read(dir.resolve("missing.json"), "../apis/missing.json"));
    assertEquals("../apis/missing.json: file not found", e.getMessage());
  }
}
