package io.discogen.openapi;

import io.discogen.ir.TypeRef;
import io.discogen.ir.UnionSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unions pass: a {@code oneOf} (or {@code anyOf}) from its parts' types. Null parts only make
 * the reference nullable; parts that are one Java type count once; a single distinct part is just
 * that part's type, and any part of any JSON value makes the whole any JSON value. Converting the
 * parts is the caller's ({@link SchemaConverter}): they are hoisted where the union is.
 */
final class Unions {
  private Unions() {}

  /** A part to convert, with its 1-based position among all parts (null parts counted). */
  record Part(int position, OpenApiSchema schema) {}

  /** The parts of {@code s}'s {@code oneOf} (else {@code anyOf}) that are not "or null". */
  static List<Part> parts(OpenApiSchema s) {
    List<Part> out = new ArrayList<>();
    int i = 0;
    for (OpenApiSchema part : s.variantParts()) {
      i++;
      if (part != null && !part.onlyNull()) {
        out.add(new Part(i, part));
      }
    }
    return out;
  }

  /** The parts' types, in order, each Java type once (types that differ only in null items are one). */
  static List<TypeRef> distinct(List<TypeRef> partTypes) {
    List<TypeRef> variants = new ArrayList<>();
    for (TypeRef t : partTypes) {
      if (variants.stream().map(Unions::javaShape).noneMatch(javaShape(t)::equals)) {
        variants.add(t);
      }
    }
    return variants;
  }

  /** The type distinct variants collapse to (any JSON value, or the only one), or null for a union. */
  static TypeRef collapsed(List<TypeRef> variants) {
    if (variants.isEmpty() || variants.contains(TypeRef.ANY)) {
      return TypeRef.ANY;
    }
    return variants.size() == 1 ? variants.get(0) : null;
  }

  /**
   * The union of {@code s} over its distinct variants (two or more), with its discriminator: the
   * mapping keeps the entries whose target is one of the variants.
   */
  static UnionSchema union(String id, String name, OpenApiSchema s, List<TypeRef> variants) {
    String property = s.discriminator();
    Map<String, String> mapping = new LinkedHashMap<>();
    if (property != null) {
      for (Map.Entry<String, String> e : s.mapping().entrySet()) {
        String target = e.getValue() == null ? null
            : e.getValue().startsWith("#") ? ComponentSchemas.componentKey(e.getValue()) : e.getValue();
        if (target != null && variants.contains(new TypeRef.Named(target))) {
          mapping.put(e.getKey(), target);
        }
      }
    }
    return new UnionSchema(id, name, s.description(), variants, property, mapping);
  }

  /** The type without its null-item flags: variants that differ only there are one Java type. */
  private static TypeRef javaShape(TypeRef t) {
    if (t instanceof TypeRef.ListOf l) {
      return new TypeRef.ListOf(javaShape(l.element()));
    } else if (t instanceof TypeRef.MapOf m) {
      return new TypeRef.MapOf(javaShape(m.value()));
    }
    return t;
  }
}
