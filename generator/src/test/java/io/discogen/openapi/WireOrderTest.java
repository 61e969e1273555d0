package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.json.Json;
import io.discogen.testing.Compilation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties go on the wire in declaration order, parents' first. Fields are found by name, and
 * only one named otherwise than its JSON property carries {@code @JsonProperty}; Jackson writes
 * annotated properties after the others, so a class whose chain has such a field names them all.
 * Each model reads its properties shuffled and must write them back in order.
 */
class WireOrderTest {
  static final String SPEC = """
      openapi: 3.0.3
      info: {title: Order, version: "1"}
      paths: {}
      components:
        schemas:
          Plain:
            type: object
            properties: {a: {type: string}, b: {type: string}, c: {type: string}}
          Renamed:
            type: object
            properties: {x: {type: string}, default: {type: string}, "y-z": {type: string}}
          Base:
            type: object
            properties: {p: {type: string}, q: {type: string}}
          RenamingChild:
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties: {"r-s": {type: string}, t: {type: string}}
          RenamingBase:
            type: object
            properties: {"@type": {type: string}, n: {type: string}}
          PlainChild:
            allOf:
              - $ref: '#/components/schemas/RenamingBase'
              - type: object
                properties: {m: {type: string}}
      """;
  static final String PKG = "io.discogen.order";
  static List<GeneratedFile> files;
  static URLClassLoader loader;

  @BeforeAll
  static void compile(@TempDir Path work) throws Exception {
    Path spec = work.resolve("order.openapi.yaml");
    Files.writeString(spec, SPEC);
    files = Generator.render(new GeneratorOptions(List.of(spec), work.resolve("unused"), PKG, true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, WireOrderTest.class.getClassLoader());
  }

  static String source(String cls) {
    return files.stream().filter(f -> f.path().endsWith("/" + cls + ".java")).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
  }

  static String rewrite(String cls, String json) throws Exception {
    Object model = Json.get().read(json.getBytes(StandardCharsets.UTF_8), loader.loadClass(PKG + ".model." + cls));
    return new String(Json.get().write(model), StandardCharsets.UTF_8);
  }

  @Test
  void plainFieldsNeedNoAnnotation() throws Exception {
    assertFalse(source("Plain").contains("@JsonProperty"), source("Plain"));
    assertEquals("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}", rewrite("Plain", "{\"c\":\"3\",\"a\":\"1\",\"b\":\"2\"}"));
  }

  @Test
  void aRenamedFieldNamesThemAll() throws Exception {
    assertTrue(source("Renamed").contains("@JsonProperty(\"x\")"), source("Renamed"));
    assertEquals("{\"x\":\"1\",\"default\":\"2\",\"y-z\":\"3\"}",
        rewrite("Renamed", "{\"y-z\":\"3\",\"default\":\"2\",\"x\":\"1\"}"));
  }

  @Test
  void aChildRenamingAFieldKeepsItsParentFirst() throws Exception {
    assertFalse(source("Base").contains("@JsonProperty"), source("Base"));
    assertEquals("{\"p\":\"1\",\"q\":\"2\",\"r-s\":\"3\",\"t\":\"4\"}",
        rewrite("RenamingChild", "{\"t\":\"4\",\"r-s\":\"3\",\"q\":\"2\",\"p\":\"1\"}"));
  }

  @Test
  void aChildOfARenamingParentNamesItsFieldsToo() throws Exception {
    assertTrue(source("PlainChild").contains("@JsonProperty(\"m\")"), source("PlainChild"));
    assertEquals("{\"@type\":\"1\",\"n\":\"2\",\"m\":\"3\"}",
        rewrite("PlainChild", "{\"m\":\"3\",\"n\":\"2\",\"@type\":\"1\"}"));
    assertEquals("{\"@type\":\"1\",\"n\":\"2\"}", rewrite("RenamingBase", "{\"n\":\"2\",\"@type\":\"1\"}"));
  }
}
