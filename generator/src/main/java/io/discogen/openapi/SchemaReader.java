package io.discogen.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads swagger-parser's schemas into {@link OpenApiSchema}s: the one place that touches its raw
 * {@code Schema} type. Each swagger-parser object is read once; one reached again (shared by
 * several places) is the same {@link OpenApiSchema}, so identity means what it meant there.
 */
@SuppressWarnings("rawtypes") // swagger-parser's Schema is raw throughout its model
final class SchemaReader {
  private final Map<Schema, OpenApiSchema> read = new IdentityHashMap<>();
  private final Set<Schema> reading = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The component schemas by key, in document order; a key without a schema maps to null. */
  Map<String, OpenApiSchema> components(Map<String, Schema> schemas) {
    Map<String, OpenApiSchema> out = new LinkedHashMap<>();
    if (schemas != null) {
      schemas.forEach((key, s) -> out.put(key, read(s)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The typed view of {@code s}; null for null. */
  OpenApiSchema read(Schema s) {
    if (s == null) {
      return null;
    }
    OpenApiSchema done = read.get(s);
    if (done != null) {
      return done;
    }
    if (!reading.add(s)) {
      // An object graph that contains itself (not a $ref): the inner occurrence is no schema, as
      // the converter's depth limit made it before.
      return null;
    }
    try {
      OpenApiSchema out = convert(s);
      read.put(s, out);
      return out;
    } finally {
      reading.remove(s);
    }
  }

  @SuppressWarnings("unchecked")
  private OpenApiSchema convert(Schema s) {
    Set<String> types = s.getTypes();
    String type = s.getType();
    if (type == null && types != null) {
      List<String> nonNull = types.stream().filter(t -> !"null".equals(t)).toList();
      type = nonNull.size() == 1 ? nonNull.get(0) : null;
    }
    boolean onlyNull = "null".equals(s.getType()) || (types != null && types.size() == 1 && types.contains("null"));
    boolean nullable = Boolean.TRUE.equals(s.getNullable()) || (types != null && types.contains("null"))
        || "null".equals(s.getType());

    List<Object> enumValues = new ArrayList<>();
    if (s.getEnum() != null) {
      for (Object v : s.getEnum()) {
        enumValues.add(OpenApiSchema.value(v));
      }
    }
    Map<String, OpenApiSchema> properties = new LinkedHashMap<>();
    if (s.getProperties() != null) {
      ((Map<String, Schema>) s.getProperties()).forEach((name, p) -> properties.put(name, read(p)));
    }
    Object ap = s.getAdditionalProperties();
    Object x = s.getExtensions() == null ? null : s.getExtensions().get("x-ms-discriminator-value");
    boolean hasDiscriminator = s.getDiscriminator() != null && s.getDiscriminator().getPropertyName() != null;
    return new OpenApiSchema(
        s.get$ref(),
        type,
        onlyNull,
        nullable,
        s.getFormat(),
        s.getDescription(),
        Boolean.TRUE.equals(s.getDeprecated()),
        Boolean.TRUE.equals(s.getReadOnly()),
        Boolean.TRUE.equals(s.getWriteOnly()),
        defaultText(s.getDefault()),
        OpenApiSchema.value(s.getConst()),
        enumValues,
        properties,
        s.getProperties() != null,
        s.getRequired() == null ? List.of() : s.getRequired(),
        read(s.getItems()),
        ap instanceof Schema v ? read(v) : null,
        ap != null,
        list(s.getAllOf()),
        s.getAllOf() != null,
        list(s.getOneOf()),
        list(s.getAnyOf()),
        read(s.getNot()),
        hasDiscriminator ? s.getDiscriminator().getPropertyName() : null,
        hasDiscriminator && s.getDiscriminator().getMapping() != null ? s.getDiscriminator().getMapping() : Map.of(),
        x instanceof String text && !text.isEmpty() ? text : null);
  }

  private List<OpenApiSchema> list(List<Schema> parts) {
    List<OpenApiSchema> out = new ArrayList<>();
    if (parts != null) {
      for (Schema p : parts) {
        out.add(read(p));
      }
    }
    return out;
  }

  /** A default value as text: numbers in plain notation ({@code 1E+3} is {@code 1000}). */
  static String defaultText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }
}
