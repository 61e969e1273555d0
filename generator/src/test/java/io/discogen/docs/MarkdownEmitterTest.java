package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference docs: their content, their links, their Java examples, their safety, their stability. */
class MarkdownEmitterTest {
  static final Path DATAPROC = TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json");
  static final Path SPANNER = TestSpecs.projectSpecs().resolve("spanner-sessions.v1.json");
  static final Path HOSTILE = Path.of("src/test/resources/docs/hostile.json");
  static final Path GOLDEN_TYPES = Path.of("src/test/resources/golden/types/spec.json");
  static final Path GOLDEN_NAMING = Path.of("src/test/resources/golden/naming/spec.json");

  @TempDir Path tmp;

  static Stream<Arguments> specs() {
    String corpus = System.getProperty("docs.corpus");
    if (corpus != null && !corpus.isBlank()) {
      // Opt-in: -Ddocs.corpus=compute.v1.json,drive.v3.json checks those corpus specs instead.
      return Stream.of(corpus.split(",")).map(f -> Arguments.of(f, List.of(TestSpecs.corpus2024().resolve(f.strip()))));
    }
    return Stream.of(
        Arguments.of("dataproc", List.of(DATAPROC)),
        Arguments.of("spanner", List.of(SPANNER)),
        Arguments.of("types", List.of(GOLDEN_TYPES)),
        Arguments.of("naming", List.of(GOLDEN_NAMING)),
        Arguments.of("hostile", List.of(HOSTILE)),
        Arguments.of("several", List.of(TestSpecs.projectSpecs(), GOLDEN_NAMING)));
  }

  @Test
  void streamedMethodsPointToExecuteStream() throws Exception {
    DocPages docs = DocPages.render(List.of(SPANNER), null);
    String page = docs.pages().entrySet().stream().filter(e -> e.getKey().startsWith("resources/")
        && e.getValue().contains("executeStreamingSql")).map(Map.Entry::getValue).findFirst().orElseThrow();
    String streaming = section(page, "executeStreamingSql");
    assertTrue(streaming.contains("- **Streamed response:**") && streaming.contains("`executeStream()`"), streaming);
    assertTrue(streaming.contains("    .executeStream()) {"), streaming);
    assertTrue(streaming.contains("import io.discogen.runtime.ResponseStream;"), streaming);
    assertTrue(section(page, "streamingRead").contains("- **Streamed response:**"), page);
    String unary = section(page, "executeSql");
    assertFalse(unary.contains("executeStream"), unary);
    // The request classes' javadoc says so too.
    String sessions = docs.result().files().stream().map(f -> new String(f.content(), StandardCharsets.UTF_8))
        .filter(src -> src.contains("class ExecuteStreamingSql ")).findFirst().orElseThrow();
    assertTrue(javadocOf(sessions, "class ExecuteStreamingSql ").contains("#executeStream()}"), sessions);
    assertFalse(javadocOf(sessions, "class ExecuteSql ").contains("executeStream"), sessions);
    assertTrue(javadocOf(sessions, "public ExecuteStreamingSql executeStreamingSql(").contains("ExecuteStreamingSql#executeStream()}"),
        sessions);
  }

  /** A method's section of a resource page: from its heading to the next one. */
  private static String section(String page, String method) {
    int start = page.indexOf("\n## <a id=\"method-" + method.toLowerCase(java.util.Locale.ROOT) + "\"></a>" + method + "\n");
    assertTrue(start >= 0, "no section " + method + " in\n" + page);
    int end = page.indexOf("\n## ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The javadoc comment just before {@code declaration}. */
  private static String javadocOf(String source, String declaration) {
    int at = source.indexOf(declaration);
    assertTrue(at >= 0, declaration);
    return source.substring(source.lastIndexOf("/**", at), at);
  }

  @Test
  void unionsHavePagesAndVariantsSayWhatTheyImplement() throws Exception {
    DocPages docs = DocPages.render(List.of(Path.of("src/test/resources/golden/openapi-unions/spec.yaml")), null);
    String pet = docs.page("models/Pet.md");
    assertTrue(pet.contains("· sealed interface `"), pet);
    assertTrue(pet.contains("| [Cat](Cat.md) | `cat` |"), pet);
    assertTrue(pet.contains("| [Dog](Dog.md) | `dog` |"), pet);
    assertTrue(pet.contains("`Pet.Unknown`"), pet);
    assertTrue(docs.page("models/Cat.md").contains("Implements [Pet](Pet.md) (`kind`: `cat`)."), docs.page("models/Cat.md"));
    String shape = docs.page("models/Shape.md");
    assertTrue(shape.contains("· union `"), shape);
    assertTrue(shape.contains("| [Circle](Circle.md) | `isCircle()`, `asCircle()`, `Shape.ofCircle(…)` |"), shape);
    // Types that hold a union link to its page.
    String pets = docs.pages().entrySet().stream().filter(e -> e.getKey().equals("resources/pets.md"))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
    assertTrue(pets.contains("- **Response:** [Pet](../models/Pet.md)"), pets);
    assertTrue(docs.page("README.md").contains("| [Pet](models/Pet.md) | union |"), docs.page("README.md"));
  }

  @Test
  void mediaMethodsSayHowToUploadAndDownload() throws Exception {
    DocPages docs = DocPages.render(List.of(Path.of("src/test/resources/docs/media.json")), null);
    String page = docs.pages().entrySet().stream().filter(e -> e.getKey().startsWith("resources/"))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
    assertTrue(page.contains("- **Media upload:** `insert(String album, Photo content, MediaContent media)` uploads the"
        + " content"), page);
    assertTrue(page.contains("`image/*`, at most 50 MiB"), page);
    assertTrue(page.contains("Protocols: `SIMPLE`, `MULTIPART`, `RESUMABLE` (`setUploadProtocol(UploadProtocol)`"), page);
    assertTrue(page.contains("`resumeUpload(sessionUri, …)`"), page);
    assertTrue(page.contains("- **Media download:** `executeMediaAndDownloadTo(OutputStream)` writes the content"), page);
    assertTrue(page.contains("`executeMediaAsInputStream()` streams it"), page);
    // Descriptions keep their Markdown: code spans, and a path link on the API's documentation site.
    assertTrue(page.contains("Uploads a photo. The `album` must exist."), page);
    String index = docs.page("README.md");
    assertTrue(index.contains("See the [upload guide](https://developers.example.com/photos/guides/upload) and `Photo.name`."),
        index);
  }

  @Test
  void sessionModelPage() throws Exception {
    String page = DocPages.render(List.of(DATAPROC), null).page("models/Session.md");
    assertTrue(page.startsWith("# Session\n"), page);
    assertTrue(page.contains("| Name | Type | Java accessors | Description | Notes |"), page);

    List<String> state = DocPages.cells(DocPages.row(page, "| `state` |"));
    assertEquals("[Session.State](#type-session-state)", state.get(1));
    assertTrue(state.get(2).contains("`getState()`") && state.get(2).contains("raw: `getStateValue()`"), state.get(2));
    assertEquals("[optional] [readonly]", state.get(4));

    assertTrue(DocPages.cells(DocPages.row(page, "| `createTime` |")).get(4).contains("[readonly]"));
    assertEquals("Instant", DocPages.cells(DocPages.row(page, "| `createTime` |")).get(1));
    assertEquals("Map&lt;String, String&gt;", DocPages.cells(DocPages.row(page, "| `labels` |")).get(1));
    assertEquals("[optional]", DocPages.cells(DocPages.row(page, "| `labels` |")).get(4));
    assertEquals("List&lt;[SessionStateHistory](SessionStateHistory.md)&gt;",
        DocPages.cells(DocPages.row(page, "| `stateHistory` |")).get(1));

    assertTrue(page.contains("## <a id=\"type-session-state\"></a>Session.State (enum)"), page);
    String[][] values = {
      {"STATE_UNSPECIFIED", "The session state is unknown."},
      {"CREATING", "The session is created prior to running."},
      {"ACTIVE", "The session is running."},
      {"TERMINATING", "The session is terminating."},
      {"TERMINATED", "The session is terminated successfully."},
      {"FAILED", "The session is no longer running due to an error."},
    };
    for (String[] v : values) {
      List<String> row = DocPages.cells(DocPages.row(page, "| `" + v[0] + "` |"));
      assertEquals(List.of("`" + v[0] + "`", "`" + v[0] + "`", v[1]), row);
    }
    assertTrue(page.contains("`Session.State.UNRECOGNIZED`"), page);
    assertTrue(page.contains("`getStateValue()` and `setStateValue(String)` of `Session`"), page);
  }

  @Test
  void sessionsResourcePage() throws Exception {
    DocPages docs = DocPages.render(List.of(DATAPROC), null);
    String page = docs.page("resources/projects.locations.sessions.md");
    assertTrue(page.contains("`dataproc.projects().locations().sessions()`"), page);
    assertTrue(page.contains("| Resource | `projects.locations.sessions` |"), page);

    assertMethod(page, "create", "POST v1/{+parent}/sessions", List.of("parent", "body"), List.of("requestId", "sessionId"));
    assertMethod(page, "delete", "DELETE v1/{+name}", List.of("name"), List.of("requestId"));
    assertMethod(page, "get", "GET v1/{+name}", List.of("name"), List.of());
    assertMethod(page, "list", "GET v1/{+parent}/sessions", List.of("parent"), List.of("filter", "pageSize", "pageToken"));
    assertMethod(page, "terminate", "POST v1/{+name}:terminate", List.of("name", "body"), List.of());

    List<String> parent = DocPages.cells(DocPages.row(page, "| <a id=\"param-create-parent\"></a>`parent` |"));
    assertEquals(List.of("<a id=\"param-create-parent\"></a>`parent`", "argument `parent`", "String", "path", "yes",
        "Required. The parent resource where this session will be created.", "`^projects/[^/]+/locations/[^/]+$`"), parent);
    List<String> sessionId = DocPages.cells(DocPages.row(page, "| <a id=\"param-create-sessionid\"></a>`sessionId` |"));
    assertEquals(List.of("`setSessionId(…)`", "String", "query", "no"), sessionId.subList(1, 5));

    // Usage: paging, long-running operations, request ids.
    assertTrue(page.contains("for (Session session : dataproc.projects().locations().sessions()\n"
        + "    .list(\"projects/my-project/locations/my-location\")\n"
        + "    .setPageSize(10)\n"
        + "    .iterateAll()) {"), page);
    assertTrue(page.contains("Operation operation = dataproc.projects().locations().sessions()\n"
        + "    .create(\"projects/my-project/locations/my-location\", new Session())\n"
        + "    .setSessionId(\"my-session-id\")\n"
        + "    .executeAndWait();"), page);
    assertTrue(page.contains("Dataproc dataproc = new Dataproc(ClientOptions.builder().build());"), page);
    assertTrue(page.contains("// requestId is left unset: the client fills it, so retries are safe."), page);

    String index = docs.page("README.md");
    assertTrue(index.startsWith("# Cloud Dataproc API (sessions subset)\n"), index);
    assertTrue(index.contains("| Root URL | `https://dataproc.googleapis.com/` |"), index);
    assertTrue(index.contains("[`projects.locations.sessions`](resources/projects.locations.sessions.md)"), index);
    assertTrue(index.contains("[Session](models/Session.md)"), index);
  }

  private static void assertMethod(String page, String name, String http, List<String> required, List<String> optional) {
    List<String> cells = DocPages.cells(DocPages.row(page, "| [`" + name + "`](#method-" + name + ") |"));
    assertEquals("`" + http + "`", cells.get(1));
    assertEquals(required, linkTexts(cells.get(2)), "required parameters of " + name);
    assertEquals(optional, linkTexts(cells.get(3)), "optional parameters of " + name);
    for (String target : linkTargets(cells.get(2) + cells.get(3))) {
      assertTrue(page.contains("<a id=\"" + target.substring(1) + "\"></a>"), target);
    }
  }

  private static List<String> linkTexts(String cell) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\[`?([^`\\]]+)`?\\]\\(").matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> linkTargets(String cell) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\]\\(([^)]+)\\)").matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void everyRelativeLinkResolves(String name, List<Path> specs) throws Exception {
    DocPages docs = DocPages.render(specs, null);
    assertFalse(docs.pages().isEmpty());
    assertEquals(List.of(), docs.brokenLinks());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void javaExamplesCompile(String name, List<Path> specs) throws Exception {
    DocPages docs = DocPages.render(specs, "com.example.docs");
    List<String> blocks = docs.javaBlocks();
    assertFalse(blocks.isEmpty());
    List<GeneratedFile> files = new ArrayList<>(docs.result().files());
    for (int i = 0; i < blocks.size(); i++) {
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : blocks.get(i).split("\n")) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      String cls = "Example" + i;
      String src = "package docsexamples;\n\n" + imports + "\nfinal class " + cls + " {\n  static void run() throws Exception {\n"
          + body + "  }\n}\n";
      files.add(new GeneratedFile("docsexamples/" + cls + ".java", src.getBytes(StandardCharsets.UTF_8)));
    }
    Compilation.Result r = Compilation.compile(files, tmp);
    assertTrue(r.success(), r.report());
    List<String> exampleWarnings = r.warnings().stream()
        .filter(w -> w.startsWith("Example") && !w.contains("deprecat"))
        .toList();
    assertEquals(List.of(), exampleWarnings);
  }

  @Test
  void hostileTextStaysInsideItsCell() throws Exception {
    DocPages docs = DocPages.render(List.of(HOSTILE), null);
    assertSafe(docs.pages());
    String thing = docs.page("models/Thing.md");
    assertTrue(thing.contains("| `name` | String |"), thing);
    assertTrue(thing.contains("Cell \\| breaker<br>new line<br>and &lt;script&gt;x&lt;/script&gt;"), thing);
    assertTrue(thing.contains("| `A_B` | `A\\|B` | pipe \\| desc |"), thing);
    assertTrue(thing.contains("| `C_D` | ``C`D`` |"), thing);
    assertTrue(thing.contains("| `OLD` | `OLD` | **Deprecated.** Old one |"), thing);
    assertTrue(thing.contains("[optional] [deprecated] default: ``a\\|b`c``"), thing);
    assertTrue(docs.page("README.md").contains("| Documentation | `javascript:alert(1)` |"));
    assertTrue(docs.pages().containsKey("resources/things-evil.md"), docs.pages().keySet().toString());
  }

  /** No page lets spec text escape: no HTML, no forged links, no blocks started, table rows whole. */
  static void assertSafe(java.util.Map<String, String> pages) {
    for (var e : pages.entrySet()) {
      String text = e.getValue();
      assertFalse(text.contains("<script"), e.getKey());
      assertFalse(text.contains("<img"), e.getKey());
      assertFalse(text.contains("<b>"), e.getKey());
      assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)\\]\\((\\.\\./\\.\\./evil|javascript|x\\.png)").matcher(text).find(),
          e.getKey());
      int columns = -1;
      boolean inCode = false;
      for (String line : text.split("\n")) {
        if (line.startsWith("```")) {
          inCode = !inCode;
        }
        if (inCode) {
          continue;
        }
        assertFalse(line.startsWith("#") && !line.matches("#{1,4} \\S.*"), e.getKey() + ": " + line);
        // Quotes never; list items are kept from descriptions (Discovery's use them), harmless inside a page.
        assertFalse(line.startsWith(">"), e.getKey() + ": " + line);
        if (line.startsWith("| ")) {
          int n = DocPages.cells(line).size();
          if (line.startsWith("| ---") || columns < 0) {
            columns = columns < 0 ? n : columns;
          }
          assertEquals(columns, n, e.getKey() + ": " + line);
        } else {
          columns = -1;
        }
      }
      // Backticks from the spec never open a code span that swallows the rest of a cell.
      for (String line : text.split("\n")) {
        if (line.startsWith("| ")) {
          for (String cell : DocPages.cells(line)) {
            assertEquals(0, unescapedBackticksOutsideSpans(cell) % 2, e.getKey() + ": " + cell);
          }
        }
      }
    }
  }

  /** Backticks that are neither escaped nor part of a balanced code-span delimiter run pair. */
  private static int unescapedBackticksOutsideSpans(String cell) {
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < cell.length(); i++) {
      if (cell.charAt(i) == '\\') {
        i++;
      } else if (cell.charAt(i) == '`') {
        int j = i;
        while (j < cell.length() && cell.charAt(j) == '`') {
          j++;
        }
        int len = j - i;
        // A code span: find the closing run of the same length, skipping its content.
        int close = cell.indexOf("`".repeat(len), j);
        while (close >= 0 && close + len < cell.length() && cell.charAt(close + len) == '`') {
          close = cell.indexOf("`".repeat(len), close + len + 1);
        }
        if (close < 0) {
          runs.add(len);
          i = j - 1;
        } else {
          i = close + len - 1;
        }
      }
    }
    return runs.size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void outputIsDeterministic(String name, List<Path> specs) throws Exception {
    List<GeneratedFile> a = DocPages.render(specs, null).result().docs();
    List<GeneratedFile> b = DocPages.render(specs, null).result().docs();
    assertEquals(a.stream().map(GeneratedFile::path).toList(), b.stream().map(GeneratedFile::path).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).content(), b.get(i).content(), a.get(i).path());
    }
  }

  @Test
  void severalApisGetADirectoryEach() throws Exception {
    DocPages docs = DocPages.render(List.of(TestSpecs.projectSpecs()), "com.example");
    assertTrue(docs.pages().containsKey("dataproc-v1/README.md"), docs.pages().keySet().toString());
    assertTrue(docs.pages().containsKey("spanner-v1/resources/projects.instances.databases.sessions.md"));
    String index = docs.page("README.md");
    assertTrue(index.contains("](dataproc-v1/README.md)") && index.contains("](spanner-v1/README.md)"), index);
    assertTrue(index.contains("`com.example.dataproc.v1`"), index);
  }
}
