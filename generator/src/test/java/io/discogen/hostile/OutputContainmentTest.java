package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated files land inside {@code --out} whatever names the spec uses: API names and versions,
 * schema, resource and method names such as {@code ../../evil}, {@code /abs}, {@code ..}, {@code
 * CON} or {@code a/b}. Nothing else appears in the output's parent, and every path is a sane
 * package directory and class file name.
 */
class OutputContainmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HOSTILE = List.of(
      "../../evil", "/abs", "..", ".", "CON", "con", "NUL", "aux", "COM1", "LPT9", "a/b", "a\\b", "C:\\x", "~",
      "~root", "$HOME", "a\u0000b", "", " ", ".hidden", "..\\..\\evil", "%2e%2e%2fevil", "\u2215evil", "x".repeat(300));
  /** A package directory path of lower-case ASCII identifiers, then a class file. */
  private static final Pattern SANE = Pattern.compile(
      "(src/main/java/)?([a-z_][a-z0-9_]*/)+[A-Za-z_][A-Za-z0-9_]*\\.java|pom\\.xml|\\.discogen");
  private static final Set<String> WINDOWS = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9");

  @TempDir Path tmp;

  static ObjectNode spec(String name, String version) {
    ObjectNode root = JSON.createObjectNode();
    root.put("kind", "discovery#restDescription").put("discoveryVersion", "v1").put("name", name)
        .put("version", version).put("canonicalName", name).put("rootUrl", "https://x.example.com/")
        .put("servicePath", "");
    ObjectNode schemas = root.putObject("schemas");
    ObjectNode resources = root.putObject("resources");
    int i = 0;
    for (String h : HOSTILE) {
      schemas.putObject(h).put("type", "object").putObject("properties").putObject(h).put("type", "string");
      schemas.putObject(h + "Enum").put("type", "string").putArray("enum").add(h);
      resources.putObject(h).putObject("methods").putObject(h)
          .put("id", "x.r" + i++).put("path", "p" + i).put("httpMethod", "GET");
    }
    return root;
  }

  @ParameterizedTest(name = "name={0} version={1}")
  @CsvSource(delimiter = '|', value = {
      "../../evil|../../../etc", "/abs|/abs", "..|..", "CON|NUL", "a/b|c/d", "com1|lpt1", "x|.",
      "'C:\\Windows'|'..\\..'", "~|$HOME"})
  void everythingStaysInsideOut(String name, String version) throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path spec = tmp.resolve("spec.json");
    Files.write(spec, JSON.writeValueAsBytes(spec(name, version)));
    Path out = work.resolve("out");
    BrokenInputCliTest.Run r = BrokenInputCliTest.run("generate", "--spec", spec.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(Set.of("spec.json", "work"), names(s), "nothing new beside the spec and work directory");
    }
    try (Stream<Path> s = Files.list(work)) {
      assertEquals(Set.of("out"), names(s), "only --out in its parent (no staging directories left)");
    }
    checkTree(out);
  }

  @Test
  void sourcesOnlyAndSeveralSpecs() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Files.write(specs.resolve("a.json"), JSON.writeValueAsBytes(spec("../../evil", "..")));
    Files.write(specs.resolve("b.json"), JSON.writeValueAsBytes(spec("/abs", "CON")));
    Path out = tmp.resolve("work/out");
    BrokenInputCliTest.Run r = BrokenInputCliTest.run("generate", "--spec", specs.toString(), "--out",
        out.toString(), "--sources-only");
    assertEquals(0, r.code(), r.err());
    try (Stream<Path> s = Files.list(tmp.resolve("work"))) {
      assertEquals(Set.of("out"), names(s));
    }
    checkTree(out);
  }

  @Test
  void pomIsWellFormedXmlWhateverTheNames() throws Exception {
    for (String name : List.of("a\u0001b", "]]>", "<!-- x -->", "--", "a&b", "\ud800", "\uFFFE", "\"'", "\u0000")) {
      Path spec = tmp.resolve("spec.json");
      ObjectNode root = spec("api", "v1");
      root.put("canonicalName", name);
      Files.write(spec, JSON.writeValueAsBytes(root));
      Path out = tmp.resolve("out");
      BrokenInputCliTest.Run r = BrokenInputCliTest.run("generate", "--spec", spec.toString(), "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(out.resolve("pom.xml").toFile());
      assertEquals("project", pom.getDocumentElement().getNodeName(), name);
    }
  }

  private static void checkTree(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        assertTrue(p.normalize().startsWith(out), p.toString());
        String rel = out.relativize(p).toString().replace('\\', '/');
        assertTrue(SANE.matcher(rel).matches(), "sane path: " + rel);
        // File systems limit each name (255 bytes), not the path.
        for (Path segment : out.relativize(p)) {
          assertTrue(segment.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255,
              "short enough for any file system: " + segment);
        }
        for (String segment : rel.split("/")) {
          String base = segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment;
          assertFalse(WINDOWS.contains(base.toUpperCase(Locale.ROOT)) || base.toUpperCase(Locale.ROOT).matches("(COM|LPT)[0-9]"),
              "no Windows device name: " + rel);
        }
      }
    }
  }

  private static Set<String> names(Stream<Path> s) {
    return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }
}
