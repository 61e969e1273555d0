package io.discogen.discovery;

import static io.discogen.discovery.Specs.parseSchemas;
import static io.discogen.discovery.Specs.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.ApiModel;
import io.discogen.ir.TypeRef;
import io.discogen.ir.TypeRef.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchemaTypesTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "string, , STRING",
    "string, int64, INT64",
    "string, uint64, UINT64",
    "string, byte, BYTES_URL_SAFE",
    "string, google-datetime, DATE_TIME",
    "string, date-time, DATE_TIME",
    "string, date, DATE",
    "string, google-duration, DURATION",
    "string, google-fieldmask, FIELD_MASK",
    "string, something-else, STRING",
    "integer, int32, INT32",
    "integer, uint32, UINT32",
    "integer, , INT32",
    "integer, int64, INT64",
    "integer, uint64, UINT64",
    "number, double, DOUBLE",
    "number, float, FLOAT",
    "number, , DOUBLE",
    "boolean, , BOOLEAN",
  })
  void scalarTypesAndFormats(String type, String format, Kind expected) throws Exception {
    String f = format == null ? "" : ", \"format\": \"" + format + "\"";
    ApiModel api =
        parseSchemas(
            "\"S\": {\"type\": \"object\", \"properties\": {\"p\": {\"type\": \"" + type + "\"" + f
                + "}}}");
    assertEquals(TypeRef.of(expected), property(api, "S", "p").type());
  }

  @Test
  void containersReferencesAndAny() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "Other": {"type": "object", "properties": {}},
            "S": {"type": "object", "properties": {
              "ref": {"$ref": "Other", "description": "a ref"},
              "list": {"type": "array", "items": {"type": "string", "format": "int64"}},
              "listOfRefs": {"type": "array", "items": {"$ref": "Other"}},
              "map": {"type": "object", "additionalProperties": {"$ref": "Other"}},
              "mapOfLists": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "boolean"}}},
              "bare": {"type": "object"},
              "any": {"type": "any"},
              "untyped": {"description": "no type at all"}
            }}
            """);
    assertEquals(new TypeRef.Named("Other"), property(api, "S", "ref").type());
    assertEquals(new TypeRef.ListOf(TypeRef.of(Kind.INT64)), property(api, "S", "list").type());
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("Other")), property(api, "S", "listOfRefs").type());
    assertEquals(new TypeRef.MapOf(new TypeRef.Named("Other")), property(api, "S", "map").type());
    assertEquals(
        new TypeRef.MapOf(new TypeRef.ListOf(TypeRef.of(Kind.BOOLEAN))),
        property(api, "S", "mapOfLists").type());
    assertEquals(new TypeRef.MapOf(TypeRef.ANY, true), property(api, "S", "bare").type());
    assertEquals(TypeRef.ANY, property(api, "S", "any").type());
    assertEquals(TypeRef.ANY, property(api, "S", "untyped").type());
  }

  @Test
  void jsonNullIsAValueOfNullValueAndAny() throws Exception {
    ApiModel api =
        parseSchemas(
            """
            "NullValue": {"type": "string", "enum": ["NULL_VALUE"]},
            "S": {"type": "object", "properties": {
              "nullValue": {"type": "string", "enum": ["NULL_VALUE"]},
              "refNull": {"$ref": "NullValue"},
              "any": {"type": "any"},
              "anys": {"type": "array", "items": {"type": "any"}},
              "anyMap": {"type": "object", "additionalProperties": {"type": "any"}},
              "text": {"type": "string"},
              "color": {"type": "string", "enum": ["NULL_VALUE", "RED"]},
              "strings": {"type": "array", "items": {"type": "string"}}
            }}
            """);
    for (String nullable : List.of("nullValue", "refNull", "any")) {
      assertTrue(property(api, "S", nullable).nullable(), nullable);
    }
    for (String notNullable : List.of("anys", "anyMap", "text", "color", "strings")) {
      assertFalse(property(api, "S", notNullable).nullable(), notNullable);
    }
    assertEquals(new TypeRef.ListOf(TypeRef.ANY, true), property(api, "S", "anys").type());
    assertEquals(new TypeRef.MapOf(TypeRef.ANY, true), property(api, "S", "anyMap").type());
    assertEquals(new TypeRef.ListOf(TypeRef.STRING, false), property(api, "S", "strings").type());
  }
}
