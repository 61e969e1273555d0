package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inheritance pass alone: who extends whom, what is inherited, discriminator values. */
class InheritanceTest {
  static Inheritance of(ComponentSchemas c) {
    return new Inheritance(c, new Shapes(c));
  }

  @Test
  void oneReferencedObjectPlusInlinePartsIsAParent() {
    ComponentSchemas c = InlineSpecs.components("""
        Pet: {type: object, properties: {name: {type: string}}}
        Owner: {type: object, properties: {since: {type: string}}}
        Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {barks: {type: boolean}}}]}
        Puppy: {allOf: [{$ref: '#/components/schemas/Dog'}, {properties: {weeks: {type: integer}}}]}
        Both: {allOf: [{$ref: '#/components/schemas/Pet'}, {$ref: '#/components/schemas/Owner'}]}
        """);
    Inheritance i = of(c);
    assertEquals("Pet", i.parentOf("Dog"));
    assertEquals("Dog", i.parentOf("Puppy"));
    assertNull(i.parentOf("Both"), "two referenced objects: merged");
    assertNull(i.parentOf("Pet"));
    assertTrue(i.extendsComponent("Puppy", "Pet"));
    assertFalse(i.extendsComponent("Pet", "Puppy"));
  }

  @Test
  void aCycleIsBrokenAtItsFirstMember() {
    ComponentSchemas c = InlineSpecs.components("""
        A: {allOf: [{$ref: '#/components/schemas/B'}, {properties: {a: {type: string}}}]}
        B: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {b: {type: string}}}]}
        C: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {c: {type: string}}}]}
        """);
    Inheritance i = of(c);
    assertNull(i.parentOf("A"), "first in document order: merged");
    assertEquals("A", i.parentOf("B"));
    assertEquals("A", i.parentOf("C"), "runs into the cycle, not part of it: keeps its parent");
  }

  @Test
  void propertiesMergeInOrderFirstWins() {
    ComponentSchemas c = InlineSpecs.components("""
        Base: {type: object, required: [id], properties: {id: {type: string}, kind: {type: string}}}
        Merged:
          allOf:
            - $ref: '#/components/schemas/Base'
            - {required: [extra], properties: {kind: {type: integer}, extra: {type: string}}}
          properties: {own: {type: string}}
        """);
    Map<String, OpenApiSchema> props = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    of(c).collectProperties(c.get("Merged"), props, required, new HashSet<>(), 0);
    assertEquals(List.of("id", "kind", "extra", "own"), List.copyOf(props.keySet()));
    assertEquals("string", props.get("kind").type(), "the first declaration wins");
    assertEquals(List.of("id", "extra"), List.copyOf(required));
  }

  @Test
  void discriminatorValues() {
    ComponentSchemas c = InlineSpecs.components("""
        Pet:
          type: object
          properties: {kind: {type: string}}
          discriminator: {propertyName: kind, mapping: {doggo: '#/components/schemas/Dog', stray: '#/components/schemas/Other'}}
        Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {barks: {type: boolean}}}]}
        Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {x-ms-discriminator-value: kitty, properties: {lives: {type: integer}}}]}
        Kitten: {allOf: [{$ref: '#/components/schemas/Cat'}, {properties: {age: {type: integer}}}]}
        Other: {type: object, properties: {x: {type: string}}}
        Lonely: {type: object, properties: {kind: {type: string}}, discriminator: {propertyName: kind}}
        """);
    Inheritance i = of(c);
    assertEquals(Map.of("doggo", "Dog", "kitty", "Cat", "Kitten", "Kitten"), i.discriminatorValues("Pet", c.get("Pet")),
        "mapping first (targets outside the family dropped), then x-ms-discriminator-value, then names");
    assertEquals(List.of("doggo", "kitty", "Kitten"), List.copyOf(i.discriminatorValues("Pet", c.get("Pet")).keySet()));
    assertEquals(Map.of(), i.discriminatorValues("Lonely", c.get("Lonely")), "nothing extends it");
    assertEquals(Set.of("kind"), i.inheritedDiscriminators("Cat"), "through the chain");
    assertTrue(i.allExtend(InlineSpecs.components("""
        P: {oneOf: [{$ref: '#/components/schemas/Dog'}]}
        """).get("P"), "Pet"));
  }
}
