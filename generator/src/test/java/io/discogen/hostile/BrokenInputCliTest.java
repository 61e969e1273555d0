package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.cli.Main;
import io.discogen.testing.TestSpecs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken input end to end through the command line: good output is generated first, then each
 * broken spec is run into the same {@code --out}. Every kind must give exit code 1, one line per
 * problem naming the file and the JSON location (a pointer, or line:column for syntax errors; only
 * a file that is not JSON text at all has none), no stack trace, and leave the output directory
 * byte for byte as it was. {@code SpecReaderTest} covers the reader's messages; this is the CLI
 * layer over it.
 */
class BrokenInputCliTest {
  private static final String OK = "{\"kind\": \"discovery#restDescription\", \"discoveryVersion\": \"v1\","
      + " \"name\": \"b\", \"version\": \"v1\", \"rootUrl\": \"https://b.example.com/\", \"servicePath\": \"\"";
  private static final Pattern LOCATION = Pattern.compile("(/\\S*|\\d+:\\d+)");
  private static int tried;

  @TempDir Path tmp;
  Path out;
  Map<String, String> before;

  /** A broken input: its name, its bytes, whether its problems carry a JSON location. */
  record Broken(String name, byte[] bytes, boolean located) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Broken text(String name, String text) {
    return new Broken(name, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** A method on resource "r", with the given body. */
  static String method(String body) {
    return OK + ", \"schemas\": {\"S\": {\"id\": \"S\", \"type\": \"object\", \"properties\": {}}},"
        + " \"resources\": {\"r\": {\"methods\": {\"m\": {\"id\": \"b.r.m\", \"httpMethod\": \"GET\", " + body + "}}}}}";
  }

  static List<Broken> kinds() {
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    byte[] garbageNoNul = garbage.clone();
    for (int i = 0; i < garbageNoNul.length; i++) {
      if (garbageNoNul[i] == 0) {
        garbageNoNul[i] = (byte) 0xFF;
      }
    }
    List<Broken> k = new ArrayList<>();
    k.add(new Broken("empty file", new byte[0], false));
    k.add(new Broken("whitespace only", " \n\t ".getBytes(StandardCharsets.UTF_8), false));
    k.add(new Broken("binary garbage", garbage, false));
    k.add(new Broken("binary garbage without NUL", garbageNoNul, false));
    k.add(text("truncated JSON", OK.substring(0, OK.length() - 20)));
    k.add(text("truncated after a comma", OK + ","));
    k.add(text("syntax error", OK.replace("\"name\":", "\"name\"")));
    k.add(text("trailing garbage", OK + "} {"));
    k.add(text("duplicate key", OK + ", \"name\": \"again\"}"));
    k.add(new Broken("a JSON array", "[{\"discoveryVersion\": \"v1\"}]".getBytes(StandardCharsets.UTF_8), false));
    k.add(new Broken("a JSON string", "\"hello\"".getBytes(StandardCharsets.UTF_8), false));
    k.add(text("a discovery directory list",
        "{\"kind\": \"discovery#directoryList\", \"discoveryVersion\": \"v1\", \"items\": [{\"name\": \"x\"}]}"));
    k.add(text("dangling $ref in a schema", OK + ", \"schemas\": {\"A\": {\"id\": \"A\", \"type\": \"object\","
        + " \"properties\": {\"b\": {\"$ref\": \"Nowhere\"}}}}}"));
    k.add(text("dangling $ref in array items", OK + ", \"schemas\": {\"A\": {\"id\": \"A\", \"type\": \"array\","
        + " \"items\": {\"$ref\": \"Nowhere\"}}}}"));
    k.add(text("dangling $ref in a method request", method("\"path\": \"x\", \"request\": {\"$ref\": \"Nowhere\"}")));
    k.add(text("dangling $ref in a method response", method("\"path\": \"x\", \"response\": {\"$ref\": \"Nowhere\"}")));
    k.add(text("$ref that is not a string", method("\"path\": \"x\", \"response\": {\"$ref\": 42}")));
    k.add(text("unclosed path template", method("\"path\": \"v1/{name\", \"parameters\": {\"name\":"
        + " {\"type\": \"string\", \"location\": \"path\", \"required\": true}}")));
    k.add(text("unmatched } in path template", method("\"path\": \"v1/name}\"")));
    k.add(text("nested braces in path template", method("\"path\": \"v1/{a{b}}\"")));
    k.add(text("unsupported template expression", method("\"path\": \"v1/{?query}\"")));
    k.add(text("empty template expression", method("\"path\": \"v1/{}\"")));
    k.add(text("malformed flatPath", method("\"path\": \"v1/x\", \"flatPath\": \"v1/{x\"")));
    k.add(text("undeclared path template parameter", method("\"path\": \"v1/{+name}/things/{thing}\","
        + " \"parameters\": {\"name\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}}")));
    k.add(text("path template parameter declared in the query", method("\"path\": \"v1/{name}\","
        + " \"parameters\": {\"name\": {\"type\": \"string\", \"location\": \"query\"}}")));
    k.add(text("path parameter missing from the template", method("\"path\": \"v1/x\","
        + " \"parameters\": {\"name\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}}")));
    k.add(text("parameters as an array", method("\"path\": \"v1/x\", \"parameters\": [1, 2]")));
    k.add(text("properties as a string", OK + ", \"schemas\": {\"A\": {\"type\": \"object\", \"properties\": \"p\"}}}"));
    k.add(text("missing name and version", "{\"discoveryVersion\": \"v1\", \"rootUrl\": \"https://x/\"}"));
    k.add(text("nested 50,000 arrays deep", "[".repeat(50_000) + "]".repeat(50_000)));
    k.add(text("nested 50,000 objects deep", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)));
    String deepSchema = "{\"type\": \"array\", \"items\": ".repeat(400) + "{\"type\": \"string\"}" + "}".repeat(400);
    k.add(text("schema nested 400 levels (legal JSON depth)", OK + ", \"schemas\": {\"A\": " + deepSchema + "}}"));
    return k;
  }

  @BeforeEach
  void generateGoodOutput() throws IOException {
    out = tmp.resolve("client");
    Run r = run("generate", "--spec", TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json").toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    before = snapshot(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void brokenSpecIsRejectedAndOutputUntouched(Broken broken) throws IOException {
    Path spec = Files.createDirectories(tmp.resolve("specs")).resolve("broken.json");
    Files.write(spec, broken.bytes());
    Map<String, String> expected = new TreeMap<>(before);
    expected.put("specs", "dir");
    expected.put("specs/broken.json", digest(broken.bytes()));
    assertRejected(spec, broken.located(), expected);
    tried++;
  }

  /** A 65 MB document (8 MB of schemas, the rest an unknown key), written on the fly: generated, or rejected cleanly, in bounded memory. */
  @org.junit.jupiter.api.Test
  void veryLargeDocument() throws IOException {
    Path spec = tmp.resolve("specs/huge.json");
    Files.createDirectories(spec.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(spec)) {
      w.write(OK);
      w.write(", \"schemas\": {");
      String description = "padding ".repeat(1000);
      for (int i = 0; i < 1000; i++) {
        w.write((i == 0 ? "" : ",") + "\"S" + i + "\": {\"type\": \"object\", \"description\": \"" + description
            + "\", \"properties\": {\"p\": {\"type\": \"string\"}}}");
      }
      w.write("}, \"x-padding\": [");
      for (int i = 0; i < 6000; i++) {
        w.write((i == 0 ? "\"" : ",\"") + "y".repeat(10_000) + "\"");
      }
      w.write("]}");
    }
    long size = Files.size(spec);
    assertTrue(size > 50L * 1024 * 1024, "size " + size);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long usedBefore = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    Run r = run("generate", "--spec", spec.toString(), "--out", out.toString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    long usedAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf("huge spec: %d MB, exit %d in %d ms, heap in use after %d MB (before %d MB, max %d MB)%n",
        size >> 20, r.code(), ms, usedAfter >> 20, usedBefore >> 20, rt.maxMemory() >> 20);
    assertTrue(r.code() == 0 || r.code() == 1, r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("OutOfMemory"), r.err());
    if (r.code() == 0) {
      assertTrue(Files.exists(out.resolve("src/main/java/io/discogen/generated/b/v1/model/S999.java")));
    } else {
      assertEquals(before, withoutSpecs(snapshot(tmp)));
    }
    tried++;
  }

  private void assertRejected(Path spec, boolean located, Map<String, String> expected) throws IOException {
    Run r = run("generate", "--spec", spec.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    String err = r.err().strip();
    assertFalse(err.isEmpty());
    assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("Error:"), "no stack trace: " + err);
    for (String line : err.split("\n")) {
      assertTrue(line.startsWith(spec + ": "), "names the file: " + line);
      String rest = line.substring(spec.toString().length() + 2);
      if (located) {
        String where = rest.contains(": ") ? rest.substring(0, rest.indexOf(": ")) : "";
        assertTrue(LOCATION.matcher(where).matches(), "a JSON location: " + line);
      }
      assertTrue(line.length() < 2000, "one line of bounded length: " + line);
    }
    assertEquals(expected, snapshot(tmp), "the output directory (and its parent) are as they were");
  }

  private static Map<String, String> withoutSpecs(Map<String, String> m) {
    Map<String, String> out = new TreeMap<>(m);
    out.keySet().removeIf(k -> k.startsWith("specs"));
    return out;
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
    return new Run(code, o.toString(), e.toString());
  }

  /** Every file and directory under {@code dir}: a digest of each file's bytes, "dir" for directories. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        m.put(rel, Files.isDirectory(p) ? "dir" : digest(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void report() {
    System.out.println("broken inputs tried through the CLI: " + tried);
  }

}
