package io.discogen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.testing.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * swagger-parser's messages on a document it could read are warnings: one located line each on
 * stderr, and the run succeeds; {@code --strict} makes them errors (exit 1, output untouched).
 */
class WarningsCliTest {
  @TempDir Path tmp;

  /** An operation without {@code responses} (required) and an attribute {@code info} may not have. */
  static final String SPEC = """
      openapi: 3.0.3
      info:
        title: Pets
        version: v1
        colour: blue
      paths:
        /pets/{id}:
          get:
            operationId: getPet
            parameters:
              - name: id
                in: path
                required: true
                schema: {type: string}
        /pets:
          get:
            operationId: listPets
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
      components:
        schemas:
          Pet:
            type: object
            properties:
              name: {type: string}
      """;

  static final List<String> WARNINGS = List.of(
      "pets.yaml: /info/colour: warning: attribute colour is unexpected",
      "pets.yaml: /paths/~1pets~1{id}/get/responses: warning: attribute responses is missing");

  @Test
  void warningsAreLocatedLinesOnStderrAndTheRunSucceeds() throws Exception {
    Path spec = Files.writeString(tmp.resolve("pets.yaml"), SPEC);
    Path out = tmp.resolve("client");
    CliTest.Run r = CliTest.run("generate", "--spec", spec.toString(), "--out", out.toString(),
        "--package", "com.example.pets", "--sources-only");
    assertEquals(0, r.code(), r.err());
    assertEquals(WARNINGS.stream().map(w -> spec.getParent() + "/" + w).toList(), r.err().strip().lines().toList());
    assertFalse(r.out().contains("warning"), "warnings go to stderr only: " + r.out());
    List<Path> sources;
    try (Stream<Path> s = Files.walk(out)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Compilation.Result c = Compilation.compileFiles(sources, tmp.resolve("classes"));
    assertTrue(c.success() && c.warnings().isEmpty(), c.report());
  }

  @Test
  void strictMakesThemErrorsAndLeavesEarlierOutputUntouched() throws Exception {
    Path spec = Files.writeString(tmp.resolve("pets.yaml"), SPEC);
    Path out = tmp.resolve("client");
    assertEquals(0, CliTest.run("generate", "--spec", spec.toString(), "--out", out.toString()).code());
    Map<String, String> before = CliTest.snapshot(out);
    CliTest.Run r = CliTest.run("generate", "--strict", "--spec", spec.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(WARNINGS.stream()
            .map(w -> spec.getParent() + "/" + w.replace("warning: ", "") + " (a warning; strict makes it an error)")
            .toList(),
        r.err().strip().lines().toList());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(before, CliTest.snapshot(out), "earlier output untouched");
  }

  @Test
  void aSpecWithoutWarningsPrintsNothingOnStderrEvenWithStrict() throws Exception {
    String clean = SPEC.replace("  colour: blue\n", "").replace(
        "          schema: {type: string}\n",
        "          schema: {type: string}\n      responses:\n        '204': {description: gone}\n");
    Path spec = Files.writeString(tmp.resolve("pets.yaml"), clean);
    CliTest.Run r = CliTest.run("generate", "--strict", "--spec", spec.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }
}
