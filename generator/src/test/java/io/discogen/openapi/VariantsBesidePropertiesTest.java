package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.cli.Main;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.UnionSchema;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oneOf}/{@code anyOf} beside declared properties ({@code src/test/resources/openapi/
 * variants.openapi.yaml}), end to end: {@code discogen generate}, javac (warning-free), then JSON
 * of each variant decoded, the common properties and the variant's read typed, and encoded back
 * unchanged. {@code Fruit} (plain {@code oneOf}): {@code fruit.oneOf()} is a union class;
 * {@code Pet} (discriminated): a sealed interface {@code Cat} and {@code Dog} implement;
 * {@code Shape} ({@code anyOf} of inline objects); {@code Vehicle} ({@code allOf} and {@code oneOf}).
 */
class VariantsBesidePropertiesTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/variants.openapi.yaml");
  static URLClassLoader loader;
  static Path docs;

  @BeforeAll
  static void generateAndCompile(@TempDir Path work) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "generate", "--spec", SPEC.toString(),
        "--out", work.resolve("gen").toString(), "--sources-only", "--package", "io.discogen.variants",
        "--docs-dir", work.resolve("docs").toString());
    docs = work.resolve("docs");
    assertEquals(0, code, err.toString());
    assertEquals("", err.toString(), "no warnings");
    List<Path> sources;
    try (Stream<Path> s = Files.walk(work.resolve("gen"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Compilation.Result r = Compilation.compileFiles(sources, work.resolve("classes"));
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), r.report());
    loader = new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, VariantsBesidePropertiesTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  static Class<?> cls(String name) throws ClassNotFoundException {
    return loader.loadClass("io.discogen.variants.model." + name);
  }

  static Object read(String json, String type) throws Exception {
    return Json.get().read(json.getBytes(StandardCharsets.UTF_8), cls(type));
  }

  static String write(Object value) {
    return new String(Json.get().write(value), StandardCharsets.UTF_8);
  }

  static Object create(String name) throws Exception {
    return cls(name).getConstructor().newInstance();
  }

  @Test
  void theIrKeepsTheVariantsAsAUnionNestedInTheObject() throws Exception {
    Map<String, io.discogen.ir.Schema> index = SpecReader.read(SPEC, "variants.openapi.yaml").schemaIndex();
    ObjectSchema fruit = (ObjectSchema) index.get("Fruit");
    assertEquals(List.of("color", "weight"), fruit.properties().stream().map(p -> p.name()).toList());
    UnionSchema variants = (UnionSchema) index.get(fruit.variants());
    assertEquals(List.of("Apple", "Banana"),
        variants.variants().stream().map(t -> ((io.discogen.ir.TypeRef.Named) t).schemaId()).toList());
    assertNull(((ObjectSchema) index.get("Apple")).variants());
  }

  @Test
  void eachVariantDecodesWithItsFieldsTypedAndEncodesBackUnchanged() throws Throwable {
    String appleJson = "{\"color\":\"red\",\"weight\":180,\"seeds\":7,\"variety\":\"Gala\"}";
    Object fruit = read(appleJson, "Fruit");
    assertEquals("red", call(fruit, "getColor"));
    assertEquals(180, call(fruit, "getWeight"));
    Object oneOf = call(fruit, "oneOf");
    assertEquals("Apple", call(oneOf, "variant"));
    assertTrue((Boolean) call(oneOf, "isApple"));
    assertFalse((Boolean) call(oneOf, "isBanana"));
    Object apple = call(oneOf, "asApple");
    assertEquals(7, call(apple, "getSeeds"));
    assertEquals("Gala", call(apple, "getVariety"));
    assertEquals(appleJson, write(fruit));

    String bananaJson = "{\"color\":\"yellow\",\"curved\":true}";
    Object banana = read(bananaJson, "Fruit");
    assertEquals("yellow", call(banana, "getColor"));
    assertEquals("Banana", call(call(banana, "oneOf"), "variant"));
    assertEquals(Boolean.TRUE, call(call(call(banana, "oneOf"), "asBanana"), "getCurved"));
    assertEquals(bananaJson, write(banana));
  }

  @Test
  void aVariantWithTheCommonPropertiesIsBuiltAndWritten() throws Throwable {
    Object apple = create("Apple");
    call(apple, "setSeeds", 3);
    Object fruit = cls("Fruit").getMethod("of", cls("Apple")).invoke(null, apple);
    call(fruit, "setColor", "green");
    assertEquals("{\"color\":\"green\",\"seeds\":3}", write(fruit));
    assertEquals(3, call(call(call(fruit, "oneOf"), "asApple"), "getSeeds"));
    // The union's own value works too, and decoding what was written gives an equal object.
    Object union = cls("Fruit$OneOf").getMethod("ofApple", cls("Apple")).invoke(null, apple);
    Object again = cls("Fruit").getMethod("of", cls("Fruit$OneOf")).invoke(null, union);
    call(again, "setColor", "green");
    assertEquals(fruit, again);
    assertEquals(fruit, read(write(fruit), "Fruit"));
  }

  @Test
  void aDiscriminatedVariantIsTheSealedInterfacesClass() throws Throwable {
    String catJson = "{\"name\":\"Tom\",\"kind\":\"cat\",\"indoor\":true}";
    Object pet = read(catJson, "Pet");
    assertEquals("Tom", call(pet, "getName"));
    Object variant = call(pet, "oneOf");
    assertEquals(cls("Cat"), variant.getClass());
    assertTrue(cls("Pet$OneOf").isSealed());
    assertEquals(Boolean.TRUE, call(variant, "getIndoor"));
    assertEquals(catJson, write(pet));

    String dogJson = "{\"name\":\"Rex\",\"kind\":\"dog\",\"barks\":3}";
    Object dog = call(read(dogJson, "Pet"), "oneOf");
    assertEquals(cls("Dog"), dog.getClass());
    assertEquals(3, call(dog, "getBarks"));

    // A kind this client does not know: the interface's Unknown, the JSON kept.
    Object other = call(read("{\"kind\":\"fish\",\"fins\":2}", "Pet"), "oneOf");
    assertEquals("fish", call(other, "discriminator"));

    // new Cat() starts with the value its union selects it by.
    Object cat = create("Cat");
    call(cat, "setIndoor", false);
    Object built = cls("Pet").getMethod("of", cls("Pet$OneOf")).invoke(null, cat);
    call(built, "setName", "Kit");
    assertEquals("{\"name\":\"Kit\",\"kind\":\"cat\",\"indoor\":false}", write(built));
  }

  @Test
  void anyOfInlineVariantsToo() throws Throwable {
    String circle = "{\"id\":\"c1\",\"radius\":2}";
    Object shape = read(circle, "Shape");
    assertEquals("c1", call(shape, "getId"));
    Object anyOf = call(shape, "anyOf");
    assertEquals("AnyOfOption1", call(anyOf, "variant"));
    assertEquals(2, call(call(anyOf, "asAnyOfOption1"), "getRadius"));
    assertEquals(circle, write(shape));
    Object square = create("Shape$AnyOfOption2");
    call(square, "setSide", 4);
    Object built = cls("Shape").getMethod("of", cls("Shape$AnyOfOption2")).invoke(null, square);
    assertEquals("{\"side\":4}", write(built));
  }

  @Test
  void allOfAndOneOfTogether() throws Throwable {
    assertEquals(cls("Thing"), cls("Vehicle").getSuperclass(), "allOf of one $ref and inline parts: a subclass");
    String car = "{\"id\":\"v1\",\"wheels\":4,\"doors\":5}";
    Object vehicle = read(car, "Vehicle");
    assertEquals("v1", call(vehicle, "getId"));
    assertEquals(4, call(vehicle, "getWheels"));
    Object oneOf = call(vehicle, "oneOf");
    assertEquals("Car", call(oneOf, "variant"));
    assertEquals(5, call(call(oneOf, "asCar"), "getDoors"));
    assertEquals(car, write(vehicle));
    Object bike = create("Bike");
    call(bike, "setGears", 21);
    Object built = cls("Vehicle").getMethod("of", cls("Bike")).invoke(null, bike);
    call(built, "setWheels", 2);
    assertEquals("{\"wheels\":2,\"gears\":21}", write(built));
  }

  @Test
  void aOneOfOfItsOwnSubclassesAddsNothing() throws Throwable {
    assertEquals(cls("Animal"), cls("Lion").getSuperclass());
    assertTrue(java.util.Arrays.stream(cls("Animal").getDeclaredMethods()).noneMatch(m -> m.getName().equals("oneOf")));
    Object lion = read("{\"animalType\":\"Lion\",\"roar\":9}", "Animal");
    assertEquals(cls("Lion"), lion.getClass(), "the discriminated allOf family picks the subclass");
    assertEquals(9, call(lion, "getRoar"));
  }

  @Test
  void aSubclassWithVariantsOfItsOwnNamesItsAccessorAfterItself() throws Throwable {
    Object derived = read("{\"id\":\"d\",\"extra\":\"x\",\"curved\":false}", "Derived");
    assertEquals("Banana", call(call(derived, "oneOfDerived"), "variant"));
    assertNull(call(call(derived, "oneOf"), "variant"), "the parent's variants: neither Car nor Bike");
    assertEquals("{\"id\":\"d\",\"extra\":\"x\",\"curved\":false}", write(derived));
  }

  @Test
  void theModelPageNamesTheVariantsAndTheAccessor() throws Exception {
    assertTrue(Files.readString(docs.resolve("models/Fruit.md")).contains("\n## Variants\n\nAlso one of (`oneOf`):"
        + " [Apple](Apple.md), [Banana](Banana.md). `oneOf()` reads this object's whole JSON as the variant,"
        + " `Fruit.of(variant)` makes one from a variant's JSON."));
    assertTrue(Files.readString(docs.resolve("models/Derived.md")).contains("`oneOfDerived()`"));
    assertFalse(Files.readString(docs.resolve("models/Apple.md")).contains("## Variants"));
  }
}
