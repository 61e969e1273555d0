package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.TypeRef;
import org.junit.jupiter.api.Test;

/** The references pass: component keys, chains of references, nullability through them. */
class ComponentSchemasTest {

  @Test
  void componentKeys() {
    assertEquals("Pet", ComponentSchemas.componentKey("#/components/schemas/Pet"));
    assertEquals("a/b~c", ComponentSchemas.componentKey("#/components/schemas/a~1b~0c"));
    assertEquals("Pet Kind", ComponentSchemas.componentKey("#/components/schemas/Pet%20Kind"));
    assertEquals("a+b", ComponentSchemas.componentKey("#/components/schemas/a+b"), "+ is no space in a pointer");
    assertNull(ComponentSchemas.componentKey("#/components/schemas/Pet/properties/name"), "a pointer into a schema");
    assertNull(ComponentSchemas.componentKey("#/components/parameters/id"));
    assertNull(ComponentSchemas.componentKey(null));
  }

  @Test
  void resolvesChainsAndStopsAtLoops() {
    ComponentSchemas c = InlineSpecs.components("""
        A: {$ref: '#/components/schemas/B'}
        B: {$ref: '#/components/schemas/C'}
        C: {type: string, nullable: true}
        X: {$ref: '#/components/schemas/Y'}
        Y: {$ref: '#/components/schemas/X'}
        Deep: {$ref: '#/components/schemas/C/properties/x'}
        """);
    assertSame(c.get("C"), c.resolve(c.get("A")));
    assertNull(c.resolve(c.get("X")), "a loop of references is no schema");
    assertNull(c.resolve(c.get("Deep")));
    assertEquals(new TypeRef.Named("B"), c.named("#/components/schemas/B"));
    assertEquals(TypeRef.ANY, c.named("#/components/schemas/C/properties/x"));
    assertTrue(c.admitsNull(c.get("A")), "nullable at the end of the chain");
    assertFalse(c.admitsNull(c.get("X")));
    assertFalse(c.admitsNull(null));
  }

  @Test
  void aNullVariantAdmitsNull() {
    OpenApiSchema s = InlineSpecs.parse("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            N: {oneOf: [{type: string}, {type: 'null'}]}
        """).getComponents().getSchemas().entrySet().stream()
        .map(e -> new SchemaReader().read(e.getValue())).findFirst().orElseThrow();
    assertTrue(s.admitsNullItself());
  }
}
