package io.discogen.openapi;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scalars: JSON types and formats to IR kinds ({@code date-time} keeps its offset, {@code uri} is
 * a URI), enums (of strings, or of numbers for integer enums), and the one value a {@code const}
 * or single-value enum allows.
 */
final class Scalars {
  private Scalars() {}

  /** The IR type of a schema of JSON type {@code type} that is no enum, or null for another type. */
  static TypeRef primitive(String type, String format) {
    return switch (type) {
      case "string" -> TypeRef.of(stringKind(format));
      case "integer" -> TypeRef.of("int32".equals(format) ? TypeRef.Kind.INT32 : TypeRef.Kind.INT64_NUMBER);
      case "number" -> TypeRef.of(numberKind(format));
      case "boolean" -> TypeRef.of(TypeRef.Kind.BOOLEAN);
      default -> null;
    };
  }

  static TypeRef.Kind stringKind(String format) {
    if (format == null) {
      return TypeRef.Kind.STRING;
    }
    return switch (format) {
      case "date-time" -> TypeRef.Kind.OFFSET_DATE_TIME;
      case "uri" -> TypeRef.Kind.URI;
      case "date" -> TypeRef.Kind.DATE;
      case "byte" -> TypeRef.Kind.BYTES;
      case "binary" -> TypeRef.Kind.BINARY;
      case "uuid" -> TypeRef.Kind.UUID;
      case "int64" -> TypeRef.Kind.INT64;
      default -> TypeRef.Kind.STRING;
    };
  }

  static TypeRef.Kind numberKind(String format) {
    if (format == null) {
      return TypeRef.Kind.DECIMAL;
    }
    return switch (format) {
      case "float" -> TypeRef.Kind.FLOAT;
      case "double" -> TypeRef.Kind.DOUBLE;
      case "int32" -> TypeRef.Kind.INT32;
      case "int64" -> TypeRef.Kind.INT64_NUMBER;
      default -> TypeRef.Kind.DECIMAL;
    };
  }

  /** The enum of a string or integer enum schema; values in order, duplicates and nulls dropped. */
  static EnumSchema enumSchema(String id, String name, OpenApiSchema s) {
    boolean integer = s.isIntegerEnum();
    List<EnumSchema.EnumValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Object v : s.enumValues()) {
      String text = v == null ? null : integer ? OpenApiSchema.integerText(v) : v.toString();
      if (text != null && seen.add(text)) {
        values.add(new EnumSchema.EnumValue(text, null, false));
      }
    }
    return new EnumSchema(id, name, s.description(), values, integer);
  }

  /**
   * The one value a property can have: its 3.1 {@code const} (beside a $ref, or on the referenced
   * schema), or the only value of a required enum. Optional single-value enums are not pre-set:
   * leaving them out is valid and means something else.
   *
   * @param target the schema {@code s} references, or {@code s}; may be null
   */
  static String constValue(OpenApiSchema s, OpenApiSchema target, boolean required) {
    if (s == null) {
      return null;
    }
    Object c = s.constant() != null ? s.constant() : target == null ? null : target.constant();
    if (c != null) {
      return c instanceof String || c instanceof Boolean ? c.toString()
          : c instanceof Number ? OpenApiSchema.integerText(c) : null;
    }
    OpenApiSchema e = target == null ? s : target;
    if (required && e.enumValues().size() == 1 && e.enumValues().get(0) != null) {
      if (e.isIntegerEnum()) {
        return OpenApiSchema.integerText(e.enumValues().get(0));
      }
      return e.isStringEnum() ? e.enumValues().get(0).toString() : null;
    }
    return null;
  }
}
