package io.discogen.discovery;

import static io.discogen.discovery.Specs.parseSchemas;
import static io.discogen.discovery.Specs.property;
import static io.discogen.discovery.Specs.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.AliasSchema;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.EnumSchema.EnumValue;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestedSchemaTest {
  private static final String SESSION =
      """
      "Session": {"type": "object", "description": "A session.", "properties": {
        "runtimeInfo": {"type": "object", "description": "Runtime.", "properties": {
          "endpoints": {"type": "object", "additionalProperties": {"type": "string"}},
          "state": {"type": "string", "enum": ["A", "B"]},
          "approximateUsage": {"type": "object", "properties": {"milliDcu": {"type": "string", "format": "int64"}}}
        }},
        "state": {"type": "string", "description": "The state.",
          "enum": ["STATE_UNSPECIFIED", "ACTIVE", "OLD"],
          "enumDescriptions": ["Unknown.", "Running.", "Do not use."],
          "enumDeprecated": [false, false, true]},
        "rules": {"type": "array", "items": {"type": "object", "properties": {
          "action": {"type": "object", "properties": {"type": {"type": "string"}}}
        }}},
        "levels": {"type": "object", "additionalProperties": {"type": "string", "enum": ["INFO", "DEBUG"]}},
        "tags": {"type": "array", "items": {"type": "string", "enum": ["X"]}}
      }}
      """;

  @Test
  void inlineObjectsAreNestedWithPositionalIds() throws Exception {
    ApiModel api = parseSchemas(SESSION);
    ObjectSchema session = (ObjectSchema) schema(api, "Session");
    assertEquals(
        List.of("Session.runtimeInfo", "Session.state", "Session.rules", "Session.levels", "Session.tags"),
        session.nested().stream().map(Schema::id).toList());
    assertEquals(new TypeRef.Named("Session.runtimeInfo"), property(api, "Session", "runtimeInfo").type());

    ObjectSchema runtime = (ObjectSchema) schema(api, "Session.runtimeInfo");
    assertEquals("runtimeInfo", runtime.name());
    assertEquals("Runtime.", runtime.description());
    assertEquals(
        List.of("Session.runtimeInfo.state", "Session.runtimeInfo.approximateUsage"),
        runtime.nested().stream().map(Schema::id).toList());
    assertEquals(new TypeRef.MapOf(TypeRef.STRING), property(api, "Session.runtimeInfo", "endpoints").type());

    // Items of a list: the id stays the property's, ".items" is not needed to be unique.
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("Session.rules")), property(api, "Session", "rules").type());
    assertEquals("rules", schema(api, "Session.rules").name());
    assertEquals(
        new TypeRef.Named("Session.rules.action"), property(api, "Session.rules", "action").type());
    // Only top-level schemas are listed at the top.
    assertEquals(List.of("Session"), api.schemas().stream().map(Schema::id).toList());
  }

  @Test
  void inlineEnumsKeepDescriptionsAndDeprecation() throws Exception {
    ApiModel api = parseSchemas(SESSION);
    EnumSchema state = (EnumSchema) schema(api, "Session.state");
    assertEquals("state", state.name());
    assertEquals("The state.", state.description());
    assertEquals(
        List.of(
            new EnumValue("STATE_UNSPECIFIED", "Unknown.", false),
            new EnumValue("ACTIVE", "Running.", false),
            new EnumValue("OLD", "Do not use.", true)),
        state.values());
    assertEquals(
        new TypeRef.MapOf(new TypeRef.Named("Session.levels")), property(api, "Session", "levels").type());
    assertEquals(
        List.of(new EnumValue("INFO", null, false), new EnumValue("DEBUG", null, false)),
        ((EnumSchema) schema(api, "Session.levels")).values());
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("Session.tags")), property(api, "Session", "tags").type());
  }

  @Test
  void dottedPropertyNamesCannotCollideWithNestedIds() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "S": {"type": "object", "properties": {
              "a": {"type": "object", "properties": {"b": {"type": "string", "enum": ["X"]}}},
              "a.b": {"type": "string", "enum": ["Y"]}
            }}
            """);
    assertEquals(new TypeRef.Named("S.a.b"), property(api, "S.a", "b").type());
    assertEquals(new TypeRef.Named("S.a.b~2"), property(api, "S", "a.b").type());
  }

  @Test
  void topLevelKinds() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "Obj": {"type": "object", "properties": {"x": {"type": "string"}}},
            "Empty": {"type": "object", "description": "Nothing."},
            "Untyped": {"properties": {"x": {"type": "string"}}},
            "Color": {"type": "string", "enum": ["RED", "GREEN"], "enumDescriptions": ["r", "g"]},
            "JsonValue": {"type": "any"},
            "JsonObject": {"type": "object", "additionalProperties": {"$ref": "JsonValue"}},
            "Names": {"type": "array", "items": {"type": "string"}},
            "Count": {"type": "string", "format": "int64"},
            "Same": {"$ref": "Obj"}
            """);
    assertInstanceOf(ObjectSchema.class, schema(api, "Obj"));
    assertInstanceOf(ObjectSchema.class, schema(api, "Empty"));
    assertInstanceOf(ObjectSchema.class, schema(api, "Untyped"));
    EnumSchema color = (EnumSchema) schema(api, "Color");
    assertEquals("Color", color.name());
    assertEquals(new EnumValue("GREEN", "g", false), color.values().get(1));
    assertEquals(new AliasSchema("JsonValue", "JsonValue", null, TypeRef.ANY), schema(api, "JsonValue"));
    assertEquals(new TypeRef.MapOf(new TypeRef.Named("JsonValue"), true), alias(api, "JsonObject").target());
    assertEquals(new TypeRef.ListOf(TypeRef.STRING), alias(api, "Names").target());
    assertEquals(TypeRef.of(TypeRef.Kind.INT64), alias(api, "Count").target());
    assertEquals(new TypeRef.Named("Obj"), alias(api, "Same").target());
    assertEquals(
        List.of("Obj", "Empty", "Untyped", "Color", "JsonValue", "JsonObject", "Names", "Count", "Same"),
        api.schemas().stream().map(Schema::id).toList());
  }

  @Test
  void inlineObjectOfAnAliasIsHoistedRightAfterIt() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "DetectionsResource": {"type": "array", "items": {"type": "object", "properties": {
              "language": {"type": "string"}}}},
            "Next": {"type": "object", "properties": {}}
            """);
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("DetectionsResource.items")),
        alias(api, "DetectionsResource").target());
    assertEquals(
        List.of("DetectionsResource", "DetectionsResource.items", "Next"),
        api.schemas().stream().map(Schema::id).toList());
    assertEquals("DetectionsResourceItem", schema(api, "DetectionsResource.items").name());
  }

  @Test
  void aliasCyclesBecomeAny() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "Self": {"type": "array", "items": {"$ref": "Self"}},
            "A": {"$ref": "B"},
            "B": {"type": "object", "additionalProperties": {"$ref": "A"}},
            "C": {"$ref": "A"},
            "Tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "Tree"}}}}
            """);
    assertEquals(TypeRef.ANY, alias(api, "Self").target());
    assertEquals(TypeRef.ANY, alias(api, "A").target());
    assertEquals(TypeRef.ANY, alias(api, "B").target());
    assertEquals(new TypeRef.Named("A"), alias(api, "C").target());
    // Recursion through an object is fine: the object is a class.
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("Tree")), property(api, "Tree", "children").type());
  }

  @Test
  void propertyFlags() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "S": {"type": "object", "deprecated": true, "properties": {
              "ro": {"type": "string", "readOnly": true},
              "prose": {"type": "string", "description": "  Output only. Set by the server."},
              "bracket": {"type": "string", "description": "[Output Only] Creation time."},
              "mentions": {"type": "string", "description": "Not output only."},
              "req": {"type": "string", "required": true},
              "perMethod": {"type": "string", "annotations": {"required": ["demo.things.insert"]}},
              "old": {"type": "boolean", "deprecated": true, "default": "true"},
              "end-date": {"type": "integer", "default": 7}
            }}
            """);
    assertTrue(((ObjectSchema) schema(api, "S")).deprecated());
    assertTrue(property(api, "S", "ro").outputOnly());
    assertTrue(property(api, "S", "prose").outputOnly());
    assertTrue(property(api, "S", "bracket").outputOnly());
    assertFalse(property(api, "S", "mentions").outputOnly());
    assertTrue(property(api, "S", "req").required());
    assertFalse(property(api, "S", "perMethod").required());
    Property old = property(api, "S", "old");
    assertTrue(old.deprecated());
    assertEquals("true", old.defaultValue());
    assertEquals("7", property(api, "S", "end-date").defaultValue());
    assertNull(property(api, "S", "req").defaultValue());
  }

  private static AliasSchema alias(ApiModel api, String id) {
    return (AliasSchema) schema(api, id);
  }
}
