package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;


import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI schema shapes ({@code src/test/resources/openapi/shapes.openapi.yaml}): {@code allOf}
 * inheritance becomes subclasses, discriminated {@code oneOf}/{@code anyOf} of objects become
 * sealed interfaces; generated, compiled warning-free, and JSON round-tripped through the classes.
 */
class SchemaShapesTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/shapes.openapi.yaml");
  static final String PKG = "io.discogen.shapes.";
  static URLClassLoader loader;
  static List<GeneratedFile> files;

  static final String ZOO = """
      {"star":{"kind":"hound","name":"Rex","barks":true,"display_name":"child","displayName":"parent",
               "status":"wild","owner":{"since":"2020"},"extra":[1]},
       "pals":[{"kind":"Cat","lives":9},
               {"kind":"Puppy","name":"Bit","ageWeeks":8,"collar":{"color":"red"},"barks":false},
               {"kind":"Parrot","wings":2}],
       "mixed":"plain text",
       "keeper":{"kind":"x","lives":1},
       "inline":{"kind":"kitty","lives":3},
       "cycle":{"a":"1","b":"2"},
       "chain":{"a":"1","b":"2","c":"3"},
       "merged":{"kind":"k","lives":2,"since":"s"},
       "self":{"s":"x"},
       "tree":{"type":"Node","child":{"type":"Leaf"}}}
      """;

  @BeforeAll
  static void compile(@TempDir Path work) throws Exception {
    files = Generator.render(new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.shapes", true), p -> {})
        .files();
    Compilation.Result r = Compilation.compile(files, work);
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), r.report());
    loader = new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, SchemaShapesTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  static Class<?> cls(String simple) throws ClassNotFoundException {
    return loader.loadClass(PKG + "model." + simple);
  }

  static Object read(String json, Class<?> type) {
    return Json.get().read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  static JsonNode tree(String json) throws Exception {
    return Json.get().mapper().readTree(json);
  }

  static String source(String simple) {
    return new String(files.stream().filter(f -> f.path().endsWith("/" + simple + ".java")).findFirst()
        .orElseThrow().content(), StandardCharsets.UTF_8);
  }

  @Test
  void allOfOfOneReferenceIsInheritanceInTheIr() throws Exception {
    ApiModel api = SpecReader.read(SPEC, "shapes.openapi.yaml");
    Map<String, io.discogen.ir.Schema> index = api.schemaIndex();
    ObjectSchema dog = (ObjectSchema) index.get("Dog");
    assertEquals("Animal", dog.parent());
    // "name" is Animal's: a child never redeclares a property of its parent chain.
    assertEquals(List.of("barks", "display_name", "owner"), dog.properties().stream().map(Property::name).toList());
    assertEquals(List.of("kind", "name", "status", "displayName", "objects", "barks", "display_name", "owner"),
        dog.allProperties(index).stream().map(Property::name).toList());
    assertEquals("Dog", ((ObjectSchema) index.get("Puppy")).parent());
    // A cycle is broken in document order: CycleA merges, CycleB extends it; SelfRef merges.
    ObjectSchema a = (ObjectSchema) index.get("CycleA");
    assertNull(a.parent());
    assertEquals(List.of("a", "b"), a.properties().stream().map(Property::name).toList());
    assertEquals("CycleA", ((ObjectSchema) index.get("CycleB")).parent());
    assertEquals(List.of(), ((ObjectSchema) index.get("CycleB")).properties());
    assertNull(((ObjectSchema) index.get("SelfRef")).parent());
    assertEquals("CycleB", ((ObjectSchema) index.get("Chain")).parent());
    // Two references: merged as before.
    ObjectSchema merged = (ObjectSchema) index.get("Merged");
    assertNull(merged.parent());
    assertEquals(List.of("kind", "lives", "since"), merged.properties().stream().map(Property::name).toList());
    // allOf of one reference, nothing else: that type.
    Property keeper = ((ObjectSchema) index.get("Zoo")).properties().stream()
        .filter(p -> p.name().equals("keeper")).findFirst().orElseThrow();
    assertEquals(new io.discogen.ir.TypeRef.Named("Cat"), keeper.type());
  }

  @Test
  void classesExtendAndImplement() throws Exception {
    Class<?> animal = cls("Animal");
    Class<?> dog = cls("Dog");
    Class<?> puppy = cls("Puppy");
    Class<?> cat = cls("Cat");
    Class<?> pet = cls("Pet");
    Class<?> pal = cls("Pal");
    assertSame(animal, dog.getSuperclass());
    assertSame(dog, puppy.getSuperclass());
    assertFalse(Modifier.isFinal(animal.getModifiers()));
    assertFalse(Modifier.isFinal(dog.getModifiers()));
    assertTrue(Modifier.isFinal(puppy.getModifiers()));
    assertTrue(pet.isInterface() && pet.isSealed());
    assertTrue(pal.isSealed());
    // Cat is a variant of three unions; Puppy of Pal directly and of Pet through Dog.
    assertTrue(pet.isAssignableFrom(cat) && pal.isAssignableFrom(cat) && cls("Zoo$Inline").isAssignableFrom(cat));
    assertTrue(pal.isAssignableFrom(puppy) && pet.isAssignableFrom(puppy));
    // A union with a primitive variant stays a class that keeps the JSON; so does one that its
    // variant encloses (implementing it would be cyclic inheritance).
    assertFalse(cls("Mixed").isInterface());
    assertFalse(cls("Node$Child").isInterface());
    // Inherited setters return the subclass, so chains stay typed.
    assertSame(puppy, puppy.getMethod("setName", String.class).getReturnType());
    assertSame(puppy, puppy.getMethod("setBarks", Boolean.class).getReturnType());
    // The clash: Dog's "display_name" cannot take Animal's getDisplayName.
    assertSame(animal, dog.getMethod("getDisplayName").getDeclaringClass());
    assertSame(dog, dog.getMethod("getDisplayName_").getDeclaringClass());
    // Dog's "owner" is the top-level Status, not Animal's nested status enum it inherits.
    assertSame(cls("Status"), dog.getMethod("getOwner").getReturnType());
    assertTrue(source("Dog").contains("public non-sealed class Dog extends Animal implements Pet, Zoo.Inline"),
        source("Dog"));
  }

  @Test
  void roundTripsThroughSubclassesAndSealedUnions() throws Throwable {
    Object zoo = read(ZOO, cls("Zoo"));
    assertEquals(tree(ZOO), Json.get().tree(zoo));

    // A mapping value unlike the schema name, decoded to the subclass with its parent's fields.
    Object star = call(zoo, "getStar");
    assertSame(cls("Dog"), star.getClass());
    assertEquals("Rex", call(star, "getName"));
    assertEquals(true, call(star, "getBarks"));
    assertEquals("parent", call(star, "getDisplayName"));
    assertEquals("child", call(star, "getDisplayName_"));
    assertEquals("wild", call(star, "getStatusValue"));
    assertEquals("2020", call(call(star, "getOwner"), "getSince"));
    assertEquals(Map.of("extra", List.of(1)), call(star, "unknownFields"));
    assertTrue(star.toString().contains("\"name\":\"Rex\""), star.toString());

    // Unmapped variants by their schema names; two levels of inheritance.
    List<?> pals = (List<?>) call(zoo, "getPals");
    assertSame(cls("Cat"), pals.get(0).getClass());
    assertEquals(9, call(pals.get(0), "getLives"));
    Object puppy = pals.get(1);
    assertSame(cls("Puppy"), puppy.getClass());
    assertEquals("Bit", call(puppy, "getName"));
    assertEquals(false, call(puppy, "getBarks"));
    assertEquals(8, call(puppy, "getAgeWeeks"));
    assertEquals("red", call(call(puppy, "getCollar"), "getColor"));

    // An unknown discriminator value: the fallback keeps the JSON, writes it back unchanged.
    Object parrot = pals.get(2);
    assertSame(cls("Pal$Unknown"), parrot.getClass());
    assertEquals("Parrot", call(parrot, "discriminator"));
    assertEquals(tree("{\"kind\":\"Parrot\",\"wings\":2}"), call(parrot, "json"));

    assertSame(cls("Cat"), call(zoo, "getInline").getClass());
    // A mapping value that is hostile Java text is an escaped literal.
    Object weird = call(read("{\"star\":{\"kind\":\"we\\\"ird */ \\\\ {@code x}\",\"lives\":1}}", cls("Zoo")), "getStar");
    assertSame(cls("Cat"), weird.getClass());
    assertEquals("we\"ird */ \\ {@code x}", call(weird, "getKind"));
    assertEquals("plain text", call(call(zoo, "getMixed"), "asString"));
    assertEquals("2", call(call(zoo, "getCycle"), "getB"));
    assertEquals("1", call(call(zoo, "getChain"), "getA"));
    assertEquals("3", call(call(zoo, "getChain"), "getC"));
    assertSame(cls("Cat"), call(zoo, "getKeeper").getClass());
    assertEquals("Leaf", call(call(call(zoo, "getTree"), "getChild"), "variant"));

    // Missing or non-text discriminators, even JSON that is no object, decode to the fallback too.
    for (String star2 : List.of("{\"kind\":\"wolf\"}", "{\"name\":\"no kind\"}", "{\"kind\":{\"x\":1}}",
        "\"not an object\"", "[1,{\"kind\":\"doggo\"}]")) {
      String wire = "{\"star\":" + star2 + "}";
      Object z = read(wire, cls("Zoo"));
      assertSame(cls("Pet$Unknown"), call(z, "getStar").getClass(), star2);
      assertEquals(tree(wire), Json.get().tree(z));
    }
  }

  @Test
  void variantsReadAsThemselvesAndCompareByClass() throws Throwable {
    // Read as its own class, a variant needs no discriminator (no inherited type info).
    Object dog = read("{\"name\":\"Rex\",\"barks\":true}", cls("Dog"));
    assertEquals("Rex", call(dog, "getName"));
    Object same = read("{\"barks\":true,\"name\":\"Rex\"}", cls("Dog"));
    assertEquals(dog, same);
    assertEquals(dog.hashCode(), same.hashCode());
    assertNotEquals(dog, read("{\"name\":\"Max\",\"barks\":true}", cls("Dog")));
    assertNotEquals(dog, read("{\"name\":\"Rex\",\"barks\":true,\"x\":1}", cls("Dog")));
    // Same fields, other class: never equal, either way round.
    Object animal = read("{\"name\":\"Rex\"}", cls("Animal"));
    Object bare = read("{\"name\":\"Rex\"}", cls("Dog"));
    assertNotEquals(animal, bare);
    assertNotEquals(bare, animal);

    // A oneOf/anyOf variant starts with the value its union selects it by, as an allOf subclass
    // does: Puppy is Pal's by its schema name. Dog, which Pet selects by two values, starts empty.
    Object fresh = cls("Puppy").getConstructor().newInstance();
    assertEquals("Puppy", call(fresh, "getKind"));
    assertEquals(tree("{\"kind\":\"Puppy\"}"), tree(Json.get().writeString(fresh)));
    assertEquals(null, call(cls("Dog").getConstructor().newInstance(), "getKind"));

    // Built with the typed setters and written as a union member: the JSON carries the discriminator.
    Object puppy = cls("Puppy").getConstructor().newInstance();
    call(call(call(puppy, "setKind", "Puppy"), "setName", "Bit"), "setAgeWeeks", 8);
    Object zoo = cls("Zoo").getConstructor().newInstance();
    call(zoo, "setPals", List.of(puppy));
    String wire = Json.get().writeString(zoo);
    assertEquals(tree("{\"pals\":[{\"kind\":\"Puppy\",\"name\":\"Bit\",\"ageWeeks\":8}]}"), tree(wire));
    assertEquals(zoo, read(wire, cls("Zoo")));
  }
}
