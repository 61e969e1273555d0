package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.TestSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same input gives byte-for-byte the same output, run after run. */
class DeterminismTest {

  static List<GeneratedFile> render() throws Exception {
    GeneratorOptions o = new GeneratorOptions(
        List.of(TestSpecs.projectSpecs(), Path.of("src/test/resources/golden/naming/spec.json")),
        Path.of("unused"), null, false);
    return Generator.render(o, p -> {}).files();
  }

  @Test
  void twoRunsAreIdentical() throws Exception {
    List<GeneratedFile> a = render();
    List<GeneratedFile> b = render();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).path(), b.get(i).path());
      assertArrayEquals(a.get(i).content(), b.get(i).content(), a.get(i).path());
    }
  }
}
