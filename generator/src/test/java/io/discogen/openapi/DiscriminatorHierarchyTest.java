package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.ObjectSchema;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A discriminator on base schemas that subclasses extend with {@code allOf}
 * ({@code src/test/resources/openapi/discriminator.*}): generated, compiled warning-free; JSON
 * typed as a base decodes to the subclass its discriminator names, in fields, lists and maps,
 * across three levels; unknown values decode to the base; encoding writes the value once.
 */
class DiscriminatorHierarchyTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/discriminator.openapi.yaml");
  static final Path SWAGGER = Path.of("src/test/resources/openapi/discriminator.swagger.yaml");
  static URLClassLoader loader;

  @BeforeAll
  static void compile(@TempDir Path work) throws Exception {
    var files = new java.util.ArrayList<>(Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.hierarchy", true), p -> {}).files());
    files.addAll(Generator.render(
        new GeneratorOptions(List.of(SWAGGER), Path.of("unused"), "io.discogen.fish", true), p -> {}).files());
    Compilation.Result r = Compilation.compile(files, work);
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), r.report());
    loader = new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, DiscriminatorHierarchyTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  static Class<?> cls(String name) throws ClassNotFoundException {
    return loader.loadClass((name.startsWith("fish.") ? "io.discogen.fish.model." + name.substring(5) : "io.discogen.hierarchy.model." + name));
  }

  static Object read(String json, Class<?> type) {
    return Json.get().read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  static JsonNode tree(String json) throws Exception {
    return Json.get().mapper().readTree(json);
  }

  static Object create(String name) throws Exception {
    return cls(name).getConstructor().newInstance();
  }

  @Test
  void theBaseCarriesItsDiscriminatorAndValuesInTheIr() throws Exception {
    Map<String, io.discogen.ir.Schema> index = SpecReader.read(SPEC, "discriminator.openapi.yaml").schemaIndex();
    ObjectSchema animal = (ObjectSchema) index.get("Animal");
    assertEquals("animalType", animal.discriminatorProperty());
    // The mapping first, then schema names, x-ms-discriminator-value over a name; the base only
    // when named so.
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("kitty", "Cat");
    expected.put("we\"ird */ \\ {@code x}", "Cat");
    expected.put("Pet", "Pet");
    expected.put("Dog", "Dog");
    expected.put("avian", "Bird");
    assertEquals(expected, animal.discriminatorValues());
    assertNull(((ObjectSchema) index.get("Pet")).discriminatorProperty());
    // Cat redeclares animalType: still only Animal's property.
    assertEquals(List.of("lives"), ((ObjectSchema) index.get("Cat")).properties().stream().map(p -> p.name()).toList());
    // Undeclared discriminator: a string property of the base all the same.
    ObjectSchema shape = (ObjectSchema) index.get("Shape");
    assertEquals(List.of("area", "shapeKind"), shape.properties().stream().map(p -> p.name()).toList());
    assertEquals(Map.of("Circle", "Circle", "Square", "Square"), shape.discriminatorValues());

    ApiModel fish = SpecReader.read(SWAGGER, "discriminator.swagger.yaml");
    ObjectSchema base = (ObjectSchema) fish.schemaIndex().get("Fish");
    assertEquals("fishtype", base.discriminatorProperty());
    assertEquals(Map.of("salmon", "Salmon", "Shark", "Shark", "sawshark", "Sawshark"), base.discriminatorValues());
  }

  @Test
  void decodesBaseTypedJsonToSubclassesAndRoundTrips() throws Throwable {
    String wire = """
        {"star":{"animalType":"kitty","name":"Tom","owner":"Ann","lives":9,"extra":[1]},
         "pets":[{"animalType":"Dog","name":"Rex","barks":true},
                 {"animalType":"we\\"ird */ \\\\ {@code x}","lives":3},
                 {"animalType":"Pet","owner":"Bo"},
                 {"animalType":"Hamster","owner":"Cy","wheel":true},
                 {"animalType":"avian","wings":2}],
         "byName":{"b":{"animalType":"avian","wings":2},
                   "l":{"animalType":"Lizard","name":"Liz","tail":{"long":true}},
                   "n":{"name":"nobody"}},
         "shapes":[{"shapeKind":"Circle","radius":1.5,"area":7.0},{"shapeKind":"Square","side":2.0},{"area":3.0}]}
        """;
    Object zoo = read(wire, cls("Zoo"));

    Object star = call(zoo, "getStar");
    assertSame(cls("Cat"), star.getClass());
    assertEquals("kitty", call(star, "getAnimalType"));
    assertEquals("Tom", call(star, "getName"));
    assertEquals("Ann", call(star, "getOwner"));
    assertEquals(9, call(star, "getLives"));
    assertEquals(Map.of("extra", List.of(1)), call(star, "unknownFields"));

    List<?> pets = (List<?>) call(zoo, "getPets");
    assertSame(cls("Dog"), pets.get(0).getClass());
    assertEquals(true, call(pets.get(0), "getBarks"));
    assertEquals("Rex", call(pets.get(0), "getName"));
    assertSame(cls("Cat"), pets.get(1).getClass());
    assertEquals("we\"ird */ \\ {@code x}", call(pets.get(1), "getAnimalType"));
    // The middle level by its own name; an unknown value is the base typed here, value and unknown
    // properties kept; a sibling's value (Bird is no Pet) too.
    assertSame(cls("Pet"), pets.get(2).getClass());
    assertEquals("Bo", call(pets.get(2), "getOwner"));
    assertSame(cls("Pet"), pets.get(3).getClass());
    assertEquals("Hamster", call(pets.get(3), "getAnimalType"));
    assertEquals(Map.of("wheel", true), call(pets.get(3), "unknownFields"));
    assertSame(cls("Pet"), pets.get(4).getClass());
    assertEquals(Map.of("wings", 2), call(pets.get(4), "unknownFields"));

    Map<?, ?> byName = (Map<?, ?>) call(zoo, "getByName");
    assertSame(cls("Bird"), byName.get("b").getClass());
    assertEquals(2, call(byName.get("b"), "getWings"));
    assertSame(cls("Animal"), byName.get("l").getClass());
    assertEquals("Lizard", call(byName.get("l"), "getAnimalType"));
    assertEquals("Liz", call(byName.get("l"), "getName"));
    assertEquals(Map.of("tail", Map.of("long", true)), call(byName.get("l"), "unknownFields"));
    assertSame(cls("Animal"), byName.get("n").getClass());
    assertNull(call(byName.get("n"), "getAnimalType"));

    List<?> shapes = (List<?>) call(zoo, "getShapes");
    assertSame(cls("Circle"), shapes.get(0).getClass());
    assertEquals(1.5, call(shapes.get(0), "getRadius"));
    assertEquals(7.0, call(shapes.get(0), "getArea"));
    assertSame(cls("Square"), shapes.get(1).getClass());
    assertSame(cls("Shape"), shapes.get(2).getClass());

    // Written back: the same JSON, each discriminator once.
    String out = Json.get().writeString(zoo);
    assertEquals(tree(wire), tree(out));
    assertEquals(read(out, cls("Zoo")), zoo);

    // Read as a base at the top level, as a middle class, and as a leaf (which needs no value).
    assertSame(cls("Dog"), read("{\"animalType\":\"Dog\"}", cls("Animal")).getClass());
    assertSame(cls("Cat"), read("{\"animalType\":\"kitty\"}", cls("Pet")).getClass());
    Object plain = read("{\"lives\":1}", cls("Cat"));
    assertSame(cls("Cat"), plain.getClass());
    assertEquals(1, call(plain, "getLives"));
  }

  @Test
  void newSubclassesWriteTheirValueExactlyOnce() throws Throwable {
    Object cat = call(call(create("Cat"), "setName", "Tom"), "setLives", 9);
    assertEquals("{\"animalType\":\"kitty\",\"name\":\"Tom\",\"lives\":9}", Json.get().writeString(cat));
    assertEquals("{\"animalType\":\"Dog\"}", Json.get().writeString(create("Dog")));
    assertEquals("{\"animalType\":\"Pet\"}", Json.get().writeString(create("Pet")));
    assertEquals("{\"animalType\":\"avian\"}", Json.get().writeString(create("Bird")));
    // The base has no value of its own: the caller sets one.
    assertEquals("{}", Json.get().writeString(create("Animal")));
    assertEquals("{\"shapeKind\":\"Circle\",\"radius\":2.0}", Json.get().writeString(call(create("Circle"), "setRadius", 2.0)));

    // Typed as the base inside a container: still once, and decoded back to the subclass.
    Object zoo = create("Zoo");
    call(zoo, "setStar", cat);
    call(zoo, "setPets", List.of(create("Dog"), cat));
    call(zoo, "setByName", Map.of("b", create("Bird")));
    String wire = Json.get().writeString(zoo);
    assertEquals("{\"star\":{\"animalType\":\"kitty\",\"name\":\"Tom\",\"lives\":9},"
        + "\"pets\":[{\"animalType\":\"Dog\"},{\"animalType\":\"kitty\",\"name\":\"Tom\",\"lives\":9}],"
        + "\"byName\":{\"b\":{\"animalType\":\"avian\"}}}", wire);
    Object back = read(wire, cls("Zoo"));
    assertEquals(zoo, back);
    assertSame(cls("Bird"), ((Map<?, ?>) call(back, "getByName")).get("b").getClass());
  }

  @Test
  void swaggerTwoHierarchyThreeLevels() throws Throwable {
    String wire = """
        {"fish":[{"fishtype":"salmon","iswild":true,"length":1.0},{"fishtype":"Shark","age":3},
                 {"fishtype":"sawshark","age":2,"picture":"AQI="},{"fishtype":"goldfish","length":0.1}],
         "sharks":[{"fishtype":"sawshark"},{"fishtype":"salmon"}]}
        """;
    Object pond = read(wire, cls("fish.Pond"));
    List<?> fish = (List<?>) call(pond, "getFish");
    assertSame(cls("fish.Salmon"), fish.get(0).getClass());
    assertEquals(true, call(fish.get(0), "getIswild"));
    assertSame(cls("fish.Shark"), fish.get(1).getClass());
    assertEquals(3, call(fish.get(1), "getAge"));
    assertSame(cls("fish.Sawshark"), fish.get(2).getClass());
    assertEquals(2, call(fish.get(2), "getAge"));
    assertSame(cls("fish.Fish"), fish.get(3).getClass());
    assertEquals("goldfish", call(fish.get(3), "getFishtype"));
    List<?> sharks = (List<?>) call(pond, "getSharks");
    assertSame(cls("fish.Sawshark"), sharks.get(0).getClass());
    assertSame(cls("fish.Shark"), sharks.get(1).getClass());
    assertEquals("salmon", call(sharks.get(1), "getFishtype"));
    assertEquals(tree(wire), tree(Json.get().writeString(pond)));
    assertEquals("{\"fishtype\":\"sawshark\",\"age\":4}",
        Json.get().writeString(call(create("fish.Sawshark"), "setAge", 4)));
    // OpenAPI's format: byte is standard base64 (RFC 4648 section 4), unlike Discovery's.
    assertEquals("{\"fishtype\":\"sawshark\",\"picture\":\"+/8=\"}",
        Json.get().writeString(call(create("fish.Sawshark"), "setPicture", new byte[] {(byte) 0xfb, (byte) 0xff})));
  }
}
