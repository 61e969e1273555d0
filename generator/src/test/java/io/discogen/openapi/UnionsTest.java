package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unions pass alone: parts, distinct variants, collapsing, discriminator mapping. */
class UnionsTest {
  static final TypeRef CAT = new TypeRef.Named("Cat");
  static final TypeRef DOG = new TypeRef.Named("Dog");

  @Test
  void nullPartsAreSkippedButCounted() {
    OpenApiSchema s = InlineSpecs.parse("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            U: {anyOf: [{type: 'null'}, {type: string}, {type: integer}]}
        """).getComponents().getSchemas().values().stream().map(v -> new SchemaReader().read(v)).findFirst().orElseThrow();
    List<Unions.Part> parts = Unions.parts(s);
    assertEquals(List.of(2, 3), parts.stream().map(Unions.Part::position).toList(), "positions name the options");
  }

  @Test
  void oneJavaTypeCountsOnce() {
    TypeRef strings = new TypeRef.ListOf(TypeRef.STRING);
    TypeRef nullableStrings = new TypeRef.ListOf(TypeRef.STRING, true);
    assertEquals(List.of(strings, CAT), Unions.distinct(List.of(strings, CAT, nullableStrings, CAT)));
  }

  @Test
  void collapses() {
    assertEquals(TypeRef.ANY, Unions.collapsed(List.of()));
    assertEquals(TypeRef.ANY, Unions.collapsed(List.of(CAT, TypeRef.ANY)), "any value among them: any value");
    assertEquals(CAT, Unions.collapsed(List.of(CAT)));
    assertNull(Unions.collapsed(List.of(CAT, DOG)));
  }

  @Test
  void mappingKeepsTheVariants() {
    OpenApiSchema s = InlineSpecs.components("""
        Pet:
          oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
          discriminator:
            propertyName: kind
            mapping: {c: '#/components/schemas/Cat', d: Dog, x: '#/components/schemas/Bird'}
          description: a pet
        Cat: {type: object, properties: {kind: {type: string}}}
        Dog: {type: object, properties: {kind: {type: string}}}
        """).get("Pet");
    UnionSchema u = Unions.union("Pet", "Pet", s, List.of(CAT, DOG));
    assertEquals("kind", u.discriminatorProperty());
    assertEquals(Map.of("c", "Cat", "d", "Dog"), u.discriminatorMapping(), "Bird is no variant");
    assertEquals("a pet", u.description());
  }
}
