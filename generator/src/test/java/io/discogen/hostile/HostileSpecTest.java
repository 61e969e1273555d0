package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile but valid specs ({@code src/test/resources/hostile/*.json}): comment breakouts, escapes
 * and quotes in every text, names that are keywords, symbols, empty, non-ASCII, very long or equal
 * but for case. Each must generate, compile with {@code -Xlint:all} without errors or warnings,
 * and do nothing but what it says: no initializer blocks or foreign identifiers in the syntax
 * trees, and loading every class runs no spec text.
 */
class HostileSpecTest {
  private static final AtomicInteger CLEAN = new AtomicInteger();

  static Stream<Path> specs() throws Exception {
    Path dir = TestSpecs.moduleDir().resolve("src/test/resources/hostile");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void generatesCompilesCleanlyAndRunsNothing(Path spec, @TempDir Path work) throws Exception {
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(spec), work.resolve("unused"), null, true), p -> {}).files();
    List<String> problems = GeneratedCode.check(files, work);
    assertEquals(List.of(), problems, spec.getFileName() + ": " + String.join("\n", problems));
    CLEAN.incrementAndGet();
  }

  /** The checks themselves catch code smuggled out of a comment. */
  @Test
  void theChecksCatchAnInjectedInitializer(@TempDir Path work) throws Exception {
    String code = "package p;\n/** x */ static { System.setProperty(\"" + GeneratedCode.PWNED + "\", \"x\"); } /* */\n"
        + "public class A { /** */ static { System.setProperty(\"" + GeneratedCode.PWNED + "\", \"yes\"); } /* */ }\n";
    String fixed = code.replace("/** x */ static { System.setProperty(\"" + GeneratedCode.PWNED + "\", \"x\"); } /* */\n", "");
    List<String> problems = GeneratedCode.check(
        List.of(new GeneratedFile("p/A.java", fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8))), work);
    assertTrue(problems.stream().anyMatch(p -> p.contains("static initializer block in A")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("identifier System")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("spec text ran as code")), problems.toString());
  }

  @AfterAll
  static void report() {
    System.out.println("hostile specs generated, compiled warning-free and loaded safely: " + CLEAN.get());
  }
}
