package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a schema becomes (a class, a union, a plain type), decided before conversion. */
class ShapesTest {
  static final ComponentSchemas C = InlineSpecs.components("""
      Pet: {type: object, properties: {name: {type: string}}}
      Tag: {type: object}
      Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {barks: {type: boolean}}}]}
      Named: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: string}]}
      OnlyMaps: {allOf: [{$ref: '#/components/schemas/Tag'}]}
      Either: {oneOf: [{$ref: '#/components/schemas/Pet'}, {type: string}]}
      EitherWithFields: {properties: {id: {type: string}}, oneOf: [{$ref: '#/components/schemas/Pet'}]}
      EitherOfObjects: {allOf: [{$ref: '#/components/schemas/Pet'}], anyOf: [{$ref: '#/components/schemas/Dog'}]}
      Text: {type: string}
      Loop1: {allOf: [{$ref: '#/components/schemas/Loop2'}, {properties: {a: {type: string}}}]}
      Loop2: {allOf: [{$ref: '#/components/schemas/Loop1'}, {properties: {b: {type: string}}}]}
      """);
  static final Shapes SHAPES = new Shapes(C);

  @Test
  void classes() {
    assertTrue(SHAPES.isObject(C.get("Pet"), 0));
    assertFalse(SHAPES.isObject(C.get("Tag"), 0), "no properties: a map, no class");
    assertTrue(SHAPES.isObject(C.get("Dog"), 0), "allOf of objects");
    assertFalse(SHAPES.isObject(C.get("Named"), 0), "allOf with a string part");
    assertFalse(SHAPES.isObject(C.get("OnlyMaps"), 0), "allOf without any object");
    assertTrue(SHAPES.isObject(C.get("EitherWithFields"), 0), "variants beside properties: still a class");
    assertFalse(SHAPES.isObject(C.get("Text"), 0));
    assertTrue(SHAPES.isObject(C.get("Loop1"), 0), "a cycle of allOf adds nothing, and ends");
    assertFalse(SHAPES.isObject(C.get("Pet"), Shapes.MAX_DEPTH + 1), "too deep to look into");
  }

  @Test
  void unions() {
    assertTrue(SHAPES.isUnion(C.get("Either")));
    assertFalse(SHAPES.isUnion(C.get("EitherWithFields")), "an object that is also one of its variants");
    assertFalse(SHAPES.isUnion(C.get("EitherOfObjects")), "beside an allOf of objects: an object");
    assertFalse(SHAPES.isUnion(C.get("Pet")));
  }

  @Test
  void discriminatorsAreStrings() {
    ComponentSchemas c = InlineSpecs.components("""
        A: {type: string}
        B: {type: string, enum: [x, y]}
        C: {type: string, format: date-time}
        D: {}
        E: {type: integer}
        """);
    assertTrue(Shapes.isPlainString(c.get("A")));
    assertTrue(Shapes.isPlainString(c.get("B")));
    assertFalse(Shapes.isPlainString(c.get("C")), "a date-time is no Java String");
    assertTrue(Shapes.isPlainString(c.get("D")), "untyped JSON holds a string");
    assertFalse(Shapes.isPlainString(c.get("E")));
  }
}
