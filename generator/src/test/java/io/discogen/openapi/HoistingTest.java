package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.AliasSchema;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hoisting pass ({@link SchemaConverter}): ids from positions, nesting, top-level hoisting. */
class HoistingTest {
  static SchemaConverter converter(String schemasYaml) {
    SchemaConverter c = new SchemaConverter(InlineSpecs.components(schemasYaml));
    c.readComponents();
    return c;
  }

  static List<String> ids(List<? extends Schema> schemas) {
    return schemas.stream().map(Schema::id).toList();
  }

  @Test
  void inlineObjectsNestWhereTheyAreDeclared() {
    SchemaConverter c = converter("""
        Pet:
          type: object
          properties:
            category: {type: object, properties: {name: {type: string}}}
            status: {type: string, enum: [a, b]}
            either: {oneOf: [{type: string}, {type: object, properties: {x: {type: integer}}}]}
        Pets: {type: array, items: {type: object, properties: {id: {type: string}}}}
        """);
    assertEquals(List.of("Pet", "Pets", "Pets.items"), ids(c.schemas()),
        "an object in an array component has no enclosing class: top level, after it");
    ObjectSchema pet = (ObjectSchema) c.schemas().get(0);
    assertEquals(List.of("Pet.category", "Pet.status", "Pet.either.option2", "Pet.either"), ids(pet.nested()),
        "a union's parts are declared before it");
    assertEquals("category", pet.nested().get(0).name());
    assertInstanceOf(EnumSchema.class, pet.nested().get(1));
    assertInstanceOf(UnionSchema.class, pet.nested().get(3));
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Pets.items")), ((AliasSchema) c.schemas().get(1)).target());
  }

  @Test
  void operationSchemasAreHoistedWithUniqueIds() {
    SchemaConverter c = converter("""
        listPets.Response: {type: string}
        """);
    OpenApiSchema page = InlineSpecs.components("""
        Page: {type: object, properties: {next: {type: string}}}
        """).get("Page");
    assertEquals(new TypeRef.Named("listPets.Response#2"), c.operationType(page, "listPets.Response", "listPetsResponse"),
        "the id a component holds is taken: a counter is added");
    assertEquals(List.of("listPets.Response", "listPets.Response#2"), ids(c.schemas()));
  }

  @Test
  void parameterEnumsBelongToTheMethod() {
    SchemaConverter c = converter("""
        Unused: {type: string}
        """);
    OpenApiSchema sort = InlineSpecs.components("""
        Sort: {type: string, enum: [asc, desc]}
        """).get("Sort");
    List<EnumSchema> enums = new ArrayList<>();
    assertEquals(new TypeRef.Named("list.sort"), c.parameterType(sort, "list.sort", "sort", enums));
    assertEquals(List.of("list.sort"), ids(enums));
    assertEquals(List.of("Unused"), ids(c.schemas()), "not hoisted to the top level");
  }

  @Test
  void subclassesCarryOnlyTheirOwnProperties() {
    SchemaConverter c = converter("""
        Pet:
          type: object
          required: [kind]
          properties: {kind: {type: string}, name: {type: string, nullable: true}}
          discriminator: {propertyName: kind}
        Dog:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - {properties: {barks: {type: boolean, readOnly: true}}}
        """);
    ObjectSchema pet = (ObjectSchema) c.schemas().get(0);
    ObjectSchema dog = (ObjectSchema) c.schemas().get(1);
    assertEquals("Pet", dog.parent());
    assertEquals(List.of("barks"), dog.properties().stream().map(Property::name).toList());
    assertTrue(dog.properties().get(0).readOnly());
    assertEquals("kind", pet.discriminatorProperty());
    assertTrue(pet.properties().get(1).nullable());
  }
}
