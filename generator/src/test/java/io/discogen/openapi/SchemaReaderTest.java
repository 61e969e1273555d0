package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed layer: what {@link SchemaReader} keeps of swagger-parser's schemas. */
class SchemaReaderTest {

  @Test
  void keepsTheKeywordsTheConverterReads() {
    ComponentSchemas c = InlineSpecs.components("""
        Pet:
          type: object
          description: a pet
          required: [name]
          properties:
            name: {type: string, default: Rex, readOnly: true}
            size: {type: number, default: 0.000001}
            tags: {type: array, items: {type: string}, nullable: true}
            extra: {type: object, additionalProperties: true}
            counts: {type: object, additionalProperties: {type: integer}}
          discriminator: {propertyName: name, mapping: {rex: '#/components/schemas/Pet'}}
          x-ms-discriminator-value: pet
        Empty: {type: object, properties: {}}
        """);
    OpenApiSchema pet = c.get("Pet");
    assertEquals("object", pet.type());
    assertEquals("a pet", pet.description());
    assertEquals(List.of("name", "size", "tags", "extra", "counts"), List.copyOf(pet.properties().keySet()));
    assertEquals(List.of("name"), pet.required());
    assertEquals("Rex", pet.properties().get("name").defaultText());
    assertTrue(pet.properties().get("name").readOnly());
    assertEquals("0.0000010", pet.properties().get("size").defaultText(), "decimals in plain notation, never 1.0E-6");
    assertTrue(pet.properties().get("tags").nullable());
    assertEquals("string", pet.properties().get("tags").items().type());
    OpenApiSchema extra = pet.properties().get("extra");
    assertTrue(extra.hasAdditionalProperties());
    assertNull(extra.additionalProperties(), "a boolean is present, but no schema");
    assertEquals("integer", pet.properties().get("counts").additionalProperties().type());
    assertEquals("name", pet.discriminator());
    assertEquals(Map.of("rex", "#/components/schemas/Pet"), pet.mapping());
    assertEquals("pet", pet.msDiscriminatorValue());
    assertTrue(c.get("Empty").hasProperties(), "present though empty");
    assertFalse(pet.properties().get("size").hasProperties());
    assertThrows(UnsupportedOperationException.class, () -> pet.properties().put("x", null));
  }

  @Test
  void typesOf31() {
    OpenAPI api = InlineSpecs.parse("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Name: {type: [string, 'null']}
            Nothing: {type: 'null'}
            Either: {type: [string, integer]}
            Dog: {const: dog}
            Sizes: {type: integer, enum: [1, 2.0, null]}
        """);
    ComponentSchemas c = new ComponentSchemas(new SchemaReader().components(api.getComponents().getSchemas()));
    assertEquals("string", c.get("Name").type());
    assertTrue(c.get("Name").nullable());
    assertFalse(c.get("Name").onlyNull());
    assertTrue(c.get("Nothing").onlyNull());
    assertNull(c.get("Either").type(), "two non-null types: no single type");
    assertEquals("string", c.get("Dog").constType());
    assertEquals(3, c.get("Sizes").enumValues().size(), "null values kept");
    assertTrue(c.get("Sizes").isIntegerEnum());
  }

  @Test
  void oneObjectIsReadOnceAndAnObjectContainingItselfEnds() {
    StringSchema shared = new StringSchema();
    ObjectSchema loop = new ObjectSchema();
    loop.addProperty("a", shared);
    loop.addProperty("b", shared);
    loop.addProperty("self", loop);
    SchemaReader reader = new SchemaReader();
    OpenApiSchema s = reader.read(loop);
    assertSame(s.properties().get("a"), s.properties().get("b"), "identity kept");
    assertNull(s.properties().get("self"), "a cycle of objects (not of $refs) ends as no schema");
    assertSame(s, reader.read(loop));
  }

  @Test
  void enumValuesOfOtherKindsAreOpaqueText() {
    Object node = new com.fasterxml.jackson.databind.node.IntNode(5);
    assertEquals(new OpenApiSchema.Opaque("5"), OpenApiSchema.value(node));
    assertNull(OpenApiSchema.integerText(OpenApiSchema.value(node)), "as before: no integer, only numbers and text are");
    assertEquals(Arrays.asList(1, "a", true, null),
        Arrays.asList(OpenApiSchema.value(1), OpenApiSchema.value("a"), OpenApiSchema.value(true), OpenApiSchema.value(null)));
  }
}
