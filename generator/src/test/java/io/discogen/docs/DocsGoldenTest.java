package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.discogen.GeneratedFile;
import io.discogen.testing.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The docs of the project's specs, committed under {@code src/test/resources/golden/docs/<spec>/}
 * so a change to any page shows in review. Rewrite them with {@code -Dgolden.update=true} and read
 * the diff.
 */
class DocsGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"dataproc-sessions.v1.json"})
  void matchesCommittedPages(String spec) throws Exception {
    List<GeneratedFile> files = DocPages.render(List.of(TestSpecs.projectSpecs().resolve(spec)), null).result().docs();
    Path expected = TestSpecs.golden("docs").resolve(spec.replaceAll("\\.json$", ""));
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(expected)) {
        try (Stream<Path> s = Files.walk(expected)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (GeneratedFile f : files) {
        Path p = expected.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
      }
      return;
    }
    TreeSet<String> expectedPaths;
    try (Stream<Path> s = Files.walk(expected)) {
      expectedPaths = s.filter(Files::isRegularFile)
          .map(p -> expected.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expectedPaths, files.stream().map(GeneratedFile::path).collect(Collectors.toCollection(TreeSet::new)),
        "pages differ; rerun with -Dgolden.update=true and review the diff");
    for (GeneratedFile f : files) {
      assertEquals(Files.readString(expected.resolve(f.path()), StandardCharsets.UTF_8),
          new String(f.content(), StandardCharsets.UTF_8), f.path() + " (rerun with -Dgolden.update=true and review the diff)");
    }
  }
}
