package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.discogen.spec.SpecException;
import io.discogen.spec.SpecReader;
import io.discogen.testing.TestSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact problems reported for the fuzz regression cases. */
class ParserHardeningTest {
  private static List<String> problems(String regression) {
    Path spec = TestSpecs.moduleDir().resolve("src/test/resources/fuzz-regressions").resolve(regression);
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(spec, "spec.json"));
    return e.problems().stream().map(Object::toString).toList();
  }

  @Test
  void duplicateMethodIdsAreRejected() {
    assertEquals(List.of(
        "spec.json: /resources/tasks/methods/runx/id: duplicate method id \"dup.tasks.run\", already used by /resources/tasks/methods/run",
        "spec.json: /resources/other/methods/run/id: duplicate method id \"dup.tasks.run\", already used by /resources/tasks/methods/run"),
        problems("duplicate-method-id.json"));
  }

  @Test
  void pathPatternsMustCompile() {
    List<String> p = problems("invalid-path-pattern.json");
    assertEquals(1, p.size(), p.toString());
    assertEquals(true, p.get(0).startsWith(
        "spec.json: /resources/things/methods/get/parameters/name/pattern: not a valid regular expression: "), p.get(0));
  }

  @Test
  void aTrailingBackslashIsExplained() {
    assertEquals(List.of("spec.json: /resources/things/methods/get/parameters/name/pattern: not a valid regular"
        + " expression: a trailing backslash escapes nothing (at index 1)"), problems("lone-backslash-pattern.json"));
  }

  @Test
  void missingTopLevelFieldsArePointedAt() {
    assertEquals(List.of("spec.json: /version: missing \"version\""), problems("missing-version.json"));
    assertEquals(List.of("spec.json: /name: missing \"name\"", "spec.json: /rootUrl: missing \"rootUrl\""),
        problems("missing-rooturl-and-name.json"));
  }
}
