package io.discogen.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI schema as the converter reads it: the keywords it uses, read once from
 * swagger-parser by {@link SchemaReader}, immutable, nothing resolved. Collections are never null
 * (a keyword's absence, where it matters, is its own flag); their elements may be, as in the
 * document ({@code allOf: [null]}). Schemas are told apart by identity: {@code ==}, never
 * {@code equals}, which would compare whole subtrees.
 *
 * @param ref the {@code $ref}, as swagger-parser left it, or null
 * @param type the single non-null type ({@code type: [string, "null"]} is {@code string}), or null
 * @param onlyNull {@code type: "null"} (or {@code [null]}): a schema of nothing but null
 * @param nullable {@code nullable: true}, or {@code "null"} among the types
 * @param format may be null
 * @param description may be null
 * @param deprecated {@code deprecated: true}
 * @param readOnly {@code readOnly: true}
 * @param writeOnly {@code writeOnly: true}
 * @param defaultText the {@code default} as text (numbers in plain notation), or null
 * @param constant the {@code const} (see {@link #value}), or null
 * @param enumValues the {@code enum} values (see {@link #value}; null entries kept); empty when absent
 * @param properties declared properties in order; empty when absent
 * @param hasProperties whether the {@code properties} keyword is present (even empty)
 * @param required the {@code required} names
 * @param items the {@code items} schema, or null
 * @param additionalProperties the {@code additionalProperties} schema, or null (also when a boolean)
 * @param hasAdditionalProperties whether {@code additionalProperties} is present (a schema or a boolean)
 * @param allOf the {@code allOf} parts; empty when absent
 * @param hasAllOf whether the {@code allOf} keyword is present (even empty)
 * @param oneOf the {@code oneOf} parts; empty when absent
 * @param anyOf the {@code anyOf} parts; empty when absent
 * @param not the {@code not} schema, or null (only its references are checked, by {@link References})
 * @param discriminator the discriminator's {@code propertyName} (may be empty), or null without a discriminator
 * @param mapping the discriminator's {@code mapping}, in order; empty when absent
 * @param msDiscriminatorValue Azure's {@code x-ms-discriminator-value} when a non-empty string, else null
 */
record OpenApiSchema(
    String ref,
    String type,
    boolean onlyNull,
    boolean nullable,
    String format,
    String description,
    boolean deprecated,
    boolean readOnly,
    boolean writeOnly,
    String defaultText,
    Object constant,
    List<Object> enumValues,
    Map<String, OpenApiSchema> properties,
    boolean hasProperties,
    List<String> required,
    OpenApiSchema items,
    OpenApiSchema additionalProperties,
    boolean hasAdditionalProperties,
    List<OpenApiSchema> allOf,
    boolean hasAllOf,
    List<OpenApiSchema> oneOf,
    List<OpenApiSchema> anyOf,
    OpenApiSchema not,
    String discriminator,
    Map<String, String> mapping,
    String msDiscriminatorValue) {

  OpenApiSchema {
    enumValues = frozen(enumValues);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    required = frozen(required);
    allOf = frozen(allOf);
    oneOf = frozen(oneOf);
    anyOf = frozen(anyOf);
    mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
  }

  /** The most values a generated enum holds (as for Discovery documents); longer lists stay strings. */
  static final int MAX_ENUM_VALUES = 1000;

  /** A value of another JSON kind (object, array) or Java type than text, number and boolean. */
  record Opaque(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * An {@code enum} or {@code const} value as kept here: null, a String, Number or Boolean as
   * swagger-parser gave it, anything else as an {@link Opaque} of its text (so the record holds
   * no mutable Jackson nodes, and such values still never count as integers).
   */
  static Object value(Object v) {
    return v == null || v instanceof String || v instanceof Number || v instanceof Boolean ? v
        : new Opaque(v.toString());
  }

  /** The {@code oneOf} parts when present, else the {@code anyOf} parts. */
  List<OpenApiSchema> variantParts() {
    return !oneOf.isEmpty() ? oneOf : anyOf;
  }

  boolean hasVariants() {
    return !oneOf.isEmpty() || !anyOf.isEmpty();
  }

  /** Whether this schema admits JSON null: {@link #nullable}, or an inline null variant. */
  boolean admitsNullItself() {
    if (nullable) {
      return true;
    }
    for (List<OpenApiSchema> parts : List.of(oneOf, anyOf)) {
      for (OpenApiSchema part : parts) {
        if (part != null && part.ref == null && part.onlyNull) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether this schema declares no shape: no $ref, type (but object), properties, items, enum or composition. */
  boolean annotationOnly(boolean checkAllOf) {
    return ref == null
        && (type == null || type.equals("object"))
        && properties.isEmpty()
        && !hasAdditionalProperties
        && items == null
        && enumValues.isEmpty()
        && !hasVariants()
        && (!checkAllOf || allOf.isEmpty());
  }

  /**
   * The one part of an {@code allOf} whose other parts only annotate (description, title,
   * example, ...) when this schema declares nothing of its own; else null.
   */
  OpenApiSchema soleAllOfPart() {
    if (allOf.isEmpty() || !annotationOnly(false)) {
      return null;
    }
    OpenApiSchema only = null;
    for (OpenApiSchema p : allOf) {
      if (p != null && !p.annotationOnly(true)) {
        if (only != null) {
          return null;
        }
        only = p;
      }
    }
    return only;
  }

  boolean isStringEnum() {
    // Longer value lists (storecove's 2,477 UN/ECE unit codes) stay strings: a Java enum's static
    // initializer would pass the JVM's 64 KB method limit.
    return "string".equals(type) && !enumValues.isEmpty() && enumValues.size() <= MAX_ENUM_VALUES
        && enumValues.stream().anyMatch(v -> v != null);
  }

  /** {@code type: integer} with an enum of 64-bit integers (anything else stays a plain integer). */
  boolean isIntegerEnum() {
    return "integer".equals(type)
        && enumValues.stream().anyMatch(v -> v != null)
        && enumValues.stream().allMatch(v -> v == null || integerText(v) != null);
  }

  /**
   * The discriminator property this schema declares, on itself or on an inline {@code allOf} part
   * (Swagger 2.0's {@code discriminator: kind} arrives here as the same), or null.
   */
  String discriminatorProperty() {
    if (discriminator != null && !discriminator.isEmpty()) {
      return discriminator;
    }
    for (OpenApiSchema part : allOf) {
      if (part != null && part.ref == null) {
        String d = part.discriminatorProperty();
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** The discriminator mapping of this schema or its inline {@code allOf} parts; may be empty. */
  Map<String, String> discriminatorMapping() {
    if (discriminator != null) {
      return mapping;
    }
    for (OpenApiSchema part : allOf) {
      if (part != null && part.ref == null && part.discriminatorProperty() != null) {
        return part.discriminatorMapping();
      }
    }
    return Map.of();
  }

  /** Azure's {@code x-ms-discriminator-value} on this schema or its inline {@code allOf} parts, or null. */
  String msDiscriminatorValueDeep() {
    if (msDiscriminatorValue != null) {
      return msDiscriminatorValue;
    }
    for (OpenApiSchema part : allOf) {
      if (part != null && part.ref == null) {
        String inner = part.msDiscriminatorValueDeep();
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** The JSON type of the {@code const} value, or null. */
  String constType() {
    if (constant instanceof String) {
      return "string";
    } else if (constant instanceof Boolean) {
      return "boolean";
    } else if (constant instanceof Number) {
      return integerText(constant) != null ? "integer" : "number";
    }
    return null;
  }

  /** The decimal text of an integral value (number or text) that fits a long, else null. */
  static String integerText(Object v) {
    if (!(v instanceof Number) && !(v instanceof String)) {
      return null;
    }
    try {
      return String.valueOf(new BigDecimal(v.toString()).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** An unmodifiable copy that keeps null elements (as {@link List#copyOf} would not). */
  private static <T> List<T> frozen(List<T> list) {
    return Collections.unmodifiableList(new ArrayList<>(list));
  }
}
