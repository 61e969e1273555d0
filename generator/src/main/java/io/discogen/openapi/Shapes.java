package io.discogen.openapi;

import io.discogen.ir.TypeRef;
import java.util.HashSet;
import java.util.Set;

/**
 * What a schema becomes, decided before anything is converted: a class (an object with declared
 * properties, or an {@code allOf} of objects), a union ({@code oneOf}/{@code anyOf} without
 * declared properties), or a plain type. Looks through references, never converts.
 */
final class Shapes {
  /** Nesting past which a schema is not looked into (recursion expanded inline). */
  static final int MAX_DEPTH = 64;

  private final ComponentSchemas components;

  Shapes(ComponentSchemas components) {
    this.components = components;
  }

  /** Whether a schema becomes a class: an object with declared properties, or an allOf of objects. */
  boolean isObject(OpenApiSchema s, int depth) {
    return isObject(s, depth, new HashSet<>());
  }

  /** @param visiting components whose allOf is being looked at: a cycle back to one adds nothing */
  private boolean isObject(OpenApiSchema s, int depth, Set<String> visiting) {
    if (s == null || s.ref() != null || depth > MAX_DEPTH) {
      return false;
    }
    if (s.type() != null && !s.type().equals("object")) {
      return false;
    }
    if (!s.properties().isEmpty()) {
      return true; // oneOf/anyOf beside declared properties: the object is also one of them
    }
    if (s.hasVariants() && s.allOf().isEmpty()) {
      return false;
    }
    if (s.allOf().isEmpty()) {
      return false;
    }
    int objects = 0;
    for (OpenApiSchema part : s.allOf()) {
      String key = part == null ? null : ComponentSchemas.componentKey(part.ref());
      if (key != null && visiting.contains(key)) {
        continue;
      }
      OpenApiSchema p = components.resolve(part);
      if (p == null) {
        continue;
      }
      Set<String> inner = visiting;
      if (key != null) {
        inner = new HashSet<>(visiting);
        inner.add(key);
      }
      boolean object = isObject(p, depth + 1, inner);
      if (!object && !(p.type() == null && !p.hasProperties() && !p.hasAllOf())) {
        return false;
      }
      objects += object ? 1 : 0;
    }
    return objects > 0;
  }

  /**
   * {@code oneOf}/{@code anyOf} without declared properties, or an {@code allOf} of objects, beside
   * it: a union of the parts' types. (With them, it is an object whose JSON is also one of the parts.)
   */
  boolean isUnion(OpenApiSchema s) {
    return s != null && s.ref() == null
        && s.hasVariants()
        && s.properties().isEmpty()
        && !(!s.allOf().isEmpty() && isObject(s, 0));
  }

  /** Whether a property schema maps to a Java String (or untyped JSON): what a discriminator is. */
  static boolean isPlainString(OpenApiSchema s) {
    return (s.type() == null && !s.hasProperties() && s.items() == null && s.allOf().isEmpty() && !s.hasVariants())
        || ("string".equals(s.type()) && (s.isStringEnum() || Scalars.stringKind(s.format()) == TypeRef.Kind.STRING));
  }
}
