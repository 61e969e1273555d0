package io.discogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.java.NamePlan;
import io.discogen.spec.SpecException;
import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Generator#generate} leaves on disk: exactly the rendered files and their manifest,
 * and, when any API of a run is rejected, the previous output as it was and nothing beside it.
 */
class GeneratorOutputTest {
  @TempDir Path tmp;

  @Test
  void writtenOutputEqualsTheRenderedFiles() throws Exception {
    Path out = tmp.resolve("client");
    GeneratorOptions options = new GeneratorOptions(List.of(TestSpecs.projectSpecs()), out, null, false);
    Generator.Written w = Generator.generate(options);
    Map<String, String> written = snapshot(out);
    written.remove(".discogen");
    Generator.Result r = Generator.render(options, p -> {});
    Map<String, String> rendered = new TreeMap<>();
    for (GeneratedFile f : r.files()) {
      rendered.put(f.path(), new String(f.content(), java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(rendered, written);
    List<String> order = r.files().stream().map(GeneratedFile::path).toList();
    assertEquals(order, w.files(), "what generate reports, in the generator's order");
    assertEquals(order, Files.readAllLines(out.resolve(".discogen")), "the manifest, in the generator's order");
  }

  @Test
  void docsInsideTheOutputAreWrittenAndListedWithIt() throws Exception {
    Path out = tmp.resolve("client");
    Path spec = TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json");
    GeneratorOptions options = new GeneratorOptions(List.of(spec), out, null, false, out.resolve("docs"));
    Generator.Written w = Generator.generate(options);
    Generator.Result r = Generator.render(options, p -> {});
    assertEquals(r.docs().stream().map(GeneratedFile::path).toList(), w.docs());
    assertTrue(!w.docs().isEmpty());
    for (GeneratedFile f : r.docs()) {
      assertEquals(new String(f.content(), java.nio.charset.StandardCharsets.UTF_8),
          Files.readString(out.resolve("docs").resolve(f.path())), f.path());
    }
    List<String> manifest = Files.readAllLines(out.resolve(".discogen"));
    assertEquals(w.files(), manifest.subList(0, w.files().size()));
    assertEquals(w.docs().stream().map(d -> "docs/" + d).toList(), manifest.subList(w.files().size(), manifest.size()));
  }

  @Test
  void aStagingDirectoryLeftByAnInterruptedRunIsRemovedByTheNext() throws Exception {
    Path out = tmp.resolve("client");
    // What a run killed while rendering leaves: its staging directory, named for a process gone.
    long gone = ProcessHandle.current().pid() + 1_000_000_000L;
    Path stale = Files.createDirectories(tmp.resolve(".client.discogen-new-" + Long.toHexString(gone) + "-1a2b"));
    Files.writeString(stale.resolve("Half.java"), "class Half {");
    // A run still under way in another live process (this one) keeps its own.
    Path live = Files.createDirectories(
        tmp.resolve(".client.discogen-new-" + Long.toHexString(ProcessHandle.current().pid()) + "-3c4d"));
    Path spec = TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json");
    Generator.generate(new GeneratorOptions(List.of(spec), out, null, false));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(live.getFileName().toString(), "client"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void anApiRejectedWhileOthersAreWrittenLeavesTheOutputUntouched() throws Exception {
    Path out = tmp.resolve("client");
    Path good = TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json");
    Generator.generate(new GeneratorOptions(List.of(good), out, null, false));
    Map<String, String> before = snapshot(out);

    // Accepted by the reader, rejected while emitting (too many operations for one class), in the
    // same run as an API that renders fine.
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("kind", "discovery#restDescription").put("discoveryVersion", "v1").put("name", "huge")
        .put("version", "v1").put("rootUrl", "https://huge.example.com/").put("servicePath", "");
    ObjectNode methods = root.putObject("resources").putObject("items").putObject("methods");
    for (int i = 0; i <= NamePlan.MAX_NEST_MEMBERS; i++) {
      methods.putObject("op" + i).put("id", "huge.items.op" + i).put("path", "items/" + i).put("httpMethod", "GET");
    }
    Path huge = Files.createDirectories(tmp.resolve("specs")).resolve("huge.json");
    Files.write(huge, json.writeValueAsBytes(root));

    SpecException e = assertThrows(SpecException.class,
        () -> Generator.generate(new GeneratorOptions(List.of(good, huge), out, null, false)));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(before, snapshot(out));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("client", "specs"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging directory left beside the output");
    }
  }

  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return m;
  }
}
