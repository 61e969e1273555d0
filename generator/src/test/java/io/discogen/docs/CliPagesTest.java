package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --cli --docs}: a page per command of the generated command line, linked from the resource
 * pages and the index; every name a page shows is one the program accepts, and every example
 * parses (and, sent dry, builds its request).
 */
class CliPagesTest {
  static final Path DATAPROC = TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json");
  static final Path PETSTORE = TestSpecs.projectSpecs().resolve("petstore.openapi.yaml");
  static final Path MAPS = Path.of("src/test/resources/openapi/cli-maps.openapi.yaml");
  static final Pattern EXAMPLE = Pattern.compile("## Example\n\n```sh\n(.*?)\n```", Pattern.DOTALL);
  static final Pattern OPTION_ROW = Pattern.compile("(?m)^\\| `(-[^` ]+)[^|]*\\|");

  static Stream<Arguments> specs() {
    String corpus = System.getProperty("cli.docs.corpus");
    if (corpus != null && !corpus.isBlank()) {
      // Opt-in: -Dcli.docs.corpus=storage.v1.json,sheets.v4.json checks those corpus specs instead.
      return Stream.of(corpus.split(",")).map(f -> Arguments.of(f.strip(), TestSpecs.corpus2024().resolve(f.strip()),
          "io.discogen.clidocs.corpus." + f.strip().replaceAll("[^A-Za-z0-9]", "_")));
    }
    return Stream.of(
        Arguments.of("dataproc", DATAPROC, "io.discogen.clidocs.dataproc"),
        Arguments.of("pubsub", TestSpecs.corpus2024().resolve("pubsub.v1.json"), "io.discogen.clidocs.pubsub"),
        Arguments.of("petstore", PETSTORE, "io.discogen.clidocs.petstore"),
        // Bytes options (a required positional, URL-safe base64) and map options (a required one).
        Arguments.of("safebrowsing", TestSpecs.corpus2024().resolve("safebrowsing.v4.json"), "io.discogen.clidocs.safebrowsing"),
        Arguments.of("cli-maps", MAPS, "io.discogen.clidocs.maps"),
        Arguments.of("hostile", MarkdownEmitterTest.HOSTILE, "io.discogen.clidocs.hostile"),
        Arguments.of("openapi-inheritance", TestSpecs.golden("openapi-inheritance").resolve("spec.yaml"),
            "io.discogen.clidocs.inheritance"),
        Arguments.of("openapi-multipart-errors", TestSpecs.golden("openapi-multipart-errors").resolve("spec.yaml"),
            "io.discogen.clidocs.multipart"));
  }

  static Generator.Result render(Path spec, String pkg) throws Exception {
    return Generator.render(new GeneratorOptions(List.of(spec), Path.of("unused"), pkg, false, Path.of("unused-docs"),
        null, false, true), p -> {});
  }

  static Map<String, String> pages(Generator.Result r) {
    Map<String, String> pages = new LinkedHashMap<>();
    for (GeneratedFile f : r.docs()) {
      pages.put(f.path(), new String(f.content(), StandardCharsets.UTF_8));
    }
    return pages;
  }

  @Test
  void createPageShowsWhatTheSeedsCliPageShows() throws Exception {
    Map<String, String> pages = pages(render(DATAPROC, "io.discogen.clidocs.dataproc"));
    String page = pages.get("cli/projects.locations.sessions.create.md");
    assertNotNull(page, pages.keySet().toString());
    assertTrue(page.startsWith("# dataproc projects locations sessions create\n"), page);
    assertTrue(page.contains("```\ndataproc projects locations sessions create PARENT [--body JSON] [-r FIELD...] [options]\n```"),
        page);
    assertTrue(page.contains("Create an interactive session asynchronously."), page);
    assertTrue(page.contains("## Scopes\n\nA token with any one of these OAuth scopes authorizes the call:\n\n"
        + "- `https://www.googleapis.com/auth/cloud-platform`"), page);
    assertTrue(page.contains("| `PARENT` | string | Required. The parent resource where this session will be created. "
        + "| `^projects/[^/]+/locations/[^/]+$` |"), page);
    // The body's fields, nested as the cursor moves, each with its type.
    assertTrue(page.contains("\nSession\n  create-time=timestamp (RFC 3339)  (output only)\n"), page);
    assertTrue(page.contains("\n  environment-config  (EnvironmentConfig)\n    execution-config  (ExecutionConfig)\n"
        + "      idle-ttl=duration (3.5s)\n"), page);
    assertTrue(page.contains("\n      network-tags=list of string\n"), page);
    assertTrue(page.contains("\n    kernel=enum (KERNEL_UNSPECIFIED, PYTHON, SCALA)\n"), page);
    assertTrue(page.contains("\n  labels  (map)\n    KEY=string\n"), page);
    assertTrue(page.contains("\n  runtime-config  (RuntimeConfig)\n"), page);
    assertTrue(page.contains("\n    container-image=string\n"), page);
    assertTrue(page.contains("\n      milli-dcu-seconds=int64\n"), page);
    assertTrue(page.contains("\n  state-history  (list: each -r state-history adds an element; SessionStateHistory)  (output only)\n"),
        page);
    // Options: the method's, typed; the body's; --wait; those of every command.
    assertTrue(page.contains("| `--session-id SESSION_ID` | string | no | Required. The ID to use for the session"), page);
    assertTrue(page.contains("| `--body JSON` | JSON, `@FILE` or `-` | no | The request body, [Session](../models/Session.md). |"), page);
    assertTrue(page.contains("| `--wait` |"), page);
    assertFalse(page.contains("| `--all` |"), page);
    assertTrue(page.contains("| `--root-url URL` | The API's root URL (an emulator, a fake); default: `https://dataproc.googleapis.com/`. |"),
        page);
    assertTrue(page.contains("| `--param-access-token ACCESS_TOKEN` | OAuth access token. |"), page);
    assertTrue(page.contains("| `--xgafv XGAFV` | V1 error format.<br>One of: 1, 2 |"), page);
    assertTrue(page.contains("- `3`: the API could not be reached"), page);
    assertTrue(page.contains("```sh\ndataproc projects locations sessions create projects/my-project/locations/my-location"
        + " --session-id my-session-id \\\n    -r . name=my-name jupyter-session display-name=my-display-name\n```"), page);
    // Linked from the method's section and from the index.
    assertTrue(pages.get("resources/projects.locations.sessions.md").contains(
        "- **Command line:** [`dataproc projects locations sessions create`](../cli/projects.locations.sessions.create.md)"));
    assertTrue(pages.get("README.md").contains("## <a id=\"section-command-line\"></a>Command line"), pages.get("README.md"));
    assertTrue(pages.get("README.md").contains(
        "| [`dataproc projects locations sessions list`](cli/projects.locations.sessions.list.md) | Lists interactive sessions. |"),
        pages.get("README.md"));
    String list = pages.get("cli/projects.locations.sessions.list.md");
    assertTrue(list.contains("| `--all` |") && list.contains("| `--limit N` | int32 |"), list);
  }

  @Test
  void bytesAndMapOptionsSayHowTheyAreGiven() throws Exception {
    Map<String, String> pages = pages(render(MAPS, "io.discogen.clidocs.maps"));
    String list = pages.get("cli/items.list-items.md");
    assertNotNull(list, pages.keySet().toString());
    assertTrue(list.contains("| `--labels KEY=VALUE` | map of string; `KEY=VALUE`, repeat for more | no |"), list);
    assertTrue(list.contains("| `--counts KEY=VALUE` | map of int64; `KEY=VALUE`, repeat for more | no |"), list);
    assertTrue(list.contains("| `--token TOKEN` | bytes (base64) | no |"), list);
    String put = pages.get("cli/items.put-thing.md");
    assertTrue(put.contains("| `--tags KEY=VALUE` | map of string; `KEY=VALUE`, repeat for more | yes |"), put);
    assertTrue(put.contains(" --tags key=my-tags"), put);
    String get = pages(render(TestSpecs.corpus2024().resolve("safebrowsing.v4.json"), "io.discogen.clidocs.safebrowsing"))
        .get("cli/encoded-full-hashes.get.md");
    assertTrue(get.contains("| `ENCODED_REQUEST` | bytes (base64, sent URL-safe) |"), get);
    assertTrue(get.contains("safebrowsing encoded-full-hashes get aGVsbG8="), get);
  }

  @Test
  void apiKeySchemesSayWhereTheKeyGoes() throws Exception {
    Map<String, String> pages = pages(render(PETSTORE, "io.discogen.clidocs.petstore"));
    String any = pages.entrySet().stream().filter(e -> e.getKey().startsWith("cli/")).findFirst().orElseThrow().getValue();
    assertTrue(any.contains("## Security schemes"), any);
    assertTrue(any.contains("`--api-key KEY`, sent as the `X-API-Key` header"), any);
  }

  /**
   * Every example, split as a shell would, parses with the generated program; run with {@code
   * --dry-run} it builds its request (body fields and values checked) and exits 0. Every option a
   * page lists is an option of its command.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void examplesWorkAndOptionsExist(String name, Path spec, String pkg, @TempDir Path work) throws Exception {
    Generator.Result r = render(spec, pkg);
    Compilation.Result c = Compilation.compile(r.files(), work);
    assertTrue(c.success(), c.report());
    Map<String, String> pages = pages(r);
    List<String> problems = new DocPages(r, pages).brokenLinks();
    assertEquals(List.of(), problems);
    String cliClass = r.files().stream().map(GeneratedFile::path).filter(p -> p.endsWith("Cli.java")).findFirst().orElseThrow()
        .replaceFirst("^src/main/java/", "").replaceAll("\\.java$", "").replace('/', '.');
    int checked = 0;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      java.lang.reflect.Method commandLine = loader.loadClass(cliClass).getMethod("commandLine");
      for (Map.Entry<String, String> e : pages.entrySet()) {
        if (!e.getKey().startsWith("cli/")) {
          continue;
        }
        Matcher m = EXAMPLE.matcher(e.getValue());
        assertTrue(m.find(), e.getKey());
        List<String> words = shellWords(m.group(1));
        List<String> args = words.subList(1, words.size());
        ((CommandLine) commandLine.invoke(null)).parseArgs(args.toArray(String[]::new));
        checked++;

        // The command the page is about, and every option it lists.
        CommandLine command = (CommandLine) commandLine.invoke(null);
        for (String a : args) {
          if (command.getSubcommands().containsKey(a)) {
            command = command.getSubcommands().get(a);
          }
        }
        Matcher o = OPTION_ROW.matcher(e.getValue());
        while (o.find()) {
          assertNotNull(command.getCommandSpec().findOption(o.group(1)), e.getKey() + ": " + o.group(1));
        }

        if (name.equals("hostile")) {
          continue; // its patterns are made to be unfillable (things/(a|b)/x`): parsing is what it checks
        }
        List<String> dry = new ArrayList<>(args);
        dry.addAll(List.of("--dry-run", "--access-token", "t", "--root-url", "https://example.com/"));
        CommandLine run = (CommandLine) commandLine.invoke(null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        run.setOut(new PrintWriter(out, true));
        run.setErr(new PrintWriter(err, true));
        assertEquals(0, run.execute(dry.toArray(String[]::new)), e.getKey() + ": " + dry + "\n" + err);
        assertTrue(out.toString().startsWith("curl "), out.toString());
      }
    }
    assertTrue(checked > 0, name);
  }

  @Test
  void hostileTextStaysEscapedOnCommandPages() throws Exception {
    Map<String, String> pages = pages(render(MarkdownEmitterTest.HOSTILE, null));
    MarkdownEmitterTest.assertSafe(pages);
    String get = pages.get("cli/things.get.md");
    assertNotNull(get, pages.keySet().toString());
    assertTrue(get.contains("Gets \\| a thing\n&lt;script&gt;alert(1)&lt;/script&gt;"), get);
    assertTrue(get.contains("| `NAME` | string | Name \\| of it | ``^things/(a\\|b)/[^/]+`$`` |"), get);
    assertTrue(get.contains("| `--view VIEW` | enum (BASIC, FULL\\|ALL) | no | View \\| mode |"), get);
    String touch = pages.get("cli/things.touch.md");
    assertTrue(touch.contains("\n  kind=enum (A|B, C`D, <E>, OLD)\n"), touch);
    assertTrue(touch.contains("\n  inner  (Thing.Inner)\n    deep=string\n"), touch);
  }

  @Test
  void withoutCliTheDocsHaveNoCommandPages() throws Exception {
    Map<String, String> pages = pages(Generator.render(new GeneratorOptions(List.of(DATAPROC), Path.of("unused"), null, true,
        Path.of("unused-docs")), p -> {}));
    assertFalse(pages.keySet().stream().anyMatch(p -> p.startsWith("cli/")), pages.keySet().toString());
    assertFalse(pages.get("README.md").contains("Command line"));
  }

  @Test
  void outputIsDeterministic() throws Exception {
    List<GeneratedFile> a = render(DATAPROC, null).docs();
    List<GeneratedFile> b = render(DATAPROC, null).docs();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).path(), b.get(i).path());
      assertArrayEquals(a.get(i).content(), b.get(i).content(), a.get(i).path());
    }
  }

  @Test
  void shellWordsHonourSingleQuotesAndContinuations() {
    assertEquals(List.of("a", "b c", "it's", "d"), shellWords("a 'b c' 'it'\\''s' \\\n    d"));
  }

  /** Words as a POSIX shell splits them, for the forms examples use: single quotes, backslashes, line continuations. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\'') {
        int close = line.indexOf('\'', i + 1);
        assertTrue(close > i, "unclosed quote: " + line);
        w = w == null ? new StringBuilder() : w;
        w.append(line, i + 1, close);
        i = close;
      } else if (ch == '\\' && i + 1 < line.length()) {
        if (line.charAt(i + 1) != '\n') {
          w = w == null ? new StringBuilder() : w;
          w.append(line.charAt(i + 1));
        }
        i++;
      } else if (Character.isWhitespace(ch)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(ch);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }
}
