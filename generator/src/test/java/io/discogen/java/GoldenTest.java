package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.Compilation;
import io.discogen.testing.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small hand-written specs, one per concern (every type mapping; every naming hazard; OpenAPI unions,
 * subclasses, multipart bodies and error types), generated
 * and compared with committed expected sources, then compiled with {@code -Xlint:all}: no error, no
 * warning. Rewrite the expected sources with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTest {

  static List<GeneratedFile> render(String name) throws Exception {
    Path dir = Path.of("src/test/resources/golden", name);
    Path spec = Files.exists(dir.resolve("spec.json")) ? dir.resolve("spec.json") : dir.resolve("spec.yaml");
    GeneratorOptions options = new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.golden."
        + name.replace('-', '_'), true);
    return Generator.render(options, p -> {}).files();
  }

  @ParameterizedTest
  @ValueSource(strings = {"types", "naming", "openapi-unions", "openapi-inheritance", "openapi-multipart-errors"})
  void matchesExpectedSources(String name) throws Exception {
    List<GeneratedFile> files = render(name);
    Path expected = TestSpecs.golden(name).resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(expected)) {
        try (Stream<Path> s = Files.walk(expected)) {
          for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
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
    Set<String> actualPaths = files.stream().map(GeneratedFile::path).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedPaths;
    try (Stream<Path> s = Files.walk(expected)) {
      expectedPaths = s.filter(Files::isRegularFile)
          .map(p -> expected.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expectedPaths, actualPaths, "generated file set differs (rerun with -Dgolden.update=true)");
    for (GeneratedFile f : files) {
      String want = Files.readString(expected.resolve(f.path()), StandardCharsets.UTF_8);
      String got = new String(f.content(), StandardCharsets.UTF_8);
      if (!want.equals(got)) {
        fail(f.path() + " differs from its golden file (rerun with -Dgolden.update=true):\n" + firstDifference(want, got));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"types", "naming", "openapi-unions", "openapi-inheritance", "openapi-multipart-errors"})
  void compilesWithoutWarnings(String name, @TempDir Path work) throws Exception {
    Compilation.Result r = Compilation.compile(render(name), work);
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), "javac -Xlint:all warnings");
  }

  private static String firstDifference(String want, String got) {
    String[] a = want.split("\n", -1);
    String[] b = got.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < b.length ? b[i] : "<end of file>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y;
      }
    }
    return "(no line difference)";
  }
}
