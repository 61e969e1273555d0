package io.discogen.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .discogen-ignore} patterns, with git's answers for the same rules and paths. */
class IgnoreRulesTest {
  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // unanchored names match at any depth
      "pom.xml                    | pom.xml                             | true",
      "pom.xml                    | sub/pom.xml                         | true",
      "Pet.java                   | src/main/java/a/Pet.java            | true",
      "*.md                       | docs/models/Pet.md                  | true",
      "*.md                       | pom.xml                             | false",
      "P?t.java                   | a/Pat.java                          | true",
      "P?t.java                   | a/Paat.java                         | false",
      "[PQ]et.java                | a/Qet.java                          | true",
      "[!P]et.java                | a/Pet.java                          | false",
      // a slash anchors to the output directory
      "/pom.xml                   | sub/pom.xml                         | false",
      "src/main/java/a/Pet.java   | src/main/java/a/Pet.java            | true",
      "main/java/a/Pet.java       | src/main/java/a/Pet.java            | false",
      "src/*/x.java               | src/main/x.java                     | true",
      "src/*/x.java               | src/main/java/x.java                | false",
      // ** across directories
      "**/Pet.java                | src/main/java/a/Pet.java            | true",
      "src/**/Pet.java            | src/Pet.java                        | true",
      "src/**/Pet.java            | src/main/java/a/Pet.java            | true",
      "docs/**                    | docs/models/Pet.md                  | true",
      "docs/**                    | docs                                | false",
      // directories: everything inside is ignored; a trailing slash matches directories only
      "docs/                      | docs/models/Pet.md                  | true",
      "docs/                      | docs                                | false",
      "models                     | docs/models/Pet.md                  | true",
      // comments, negation (last match wins), escapes
      "# Pet.java                 | Pet.java                            | false",
      "'*.java\n!Pet.java'        | a/Pet.java                          | false",
      "'*.java\n!Pet.java'        | a/Owner.java                        | true",
      "'!Pet.java\n*.java'        | a/Pet.java                          | true",
      "'docs/\n!docs/README.md'   | docs/README.md                      | true",
      "\\#notes.md                | #notes.md                           | true",
      "a.b                        | aXb                                 | false",
  })
  void matchesAsGitDoes(String rules, String path, boolean ignored) {
    assertEquals(ignored, IgnoreRules.parse(rules.replace("\\n", "\n")).ignores(path));
  }
}
