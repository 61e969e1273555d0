package io.discogen.openapi;

import io.discogen.ir.TypeRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The references pass: the component schemas by key, and what a schema {@code $ref} names. By the
 * time schemas are read, {@link References} has refused every reference to a missing component,
 * so a reference that resolves to nothing here is a pointer into a schema ({@code
 * #/components/schemas/A/properties/b}) or a cycle of references: any JSON value.
 */
final class ComponentSchemas {
  static final String COMPONENTS = "#/components/schemas/";

  private final Map<String, OpenApiSchema> byKey;

  /** @param byKey component schemas in document order (see {@link SchemaReader#components}) */
  ComponentSchemas(Map<String, OpenApiSchema> byKey) {
    this.byKey = byKey;
  }

  /** Every component in document order; a key may map to null (a component without a schema). */
  Map<String, OpenApiSchema> all() {
    return byKey;
  }

  OpenApiSchema get(String key) {
    return key == null ? null : byKey.get(key);
  }

  boolean contains(String key) {
    return key != null && byKey.containsKey(key);
  }

  /** The IR type of a reference: the component it names, or any JSON value. */
  TypeRef named(String ref) {
    String key = componentKey(ref);
    return contains(key) ? new TypeRef.Named(key) : TypeRef.ANY;
  }

  /** The schema at the end of a chain of references; null when it breaks or loops. */
  OpenApiSchema resolve(OpenApiSchema s) {
    Set<String> seen = new HashSet<>();
    OpenApiSchema cur = s;
    while (cur != null && cur.ref() != null) {
      String key = componentKey(cur.ref());
      if (key == null || !seen.add(key)) {
        return null;
      }
      cur = byKey.get(key);
    }
    return cur;
  }

  /** Whether a schema, or the one it references, admits JSON null. */
  boolean admitsNull(OpenApiSchema s) {
    OpenApiSchema target = s == null ? null : resolve(s);
    return (s != null && s.admitsNullItself()) || (target != s && target != null && target.admitsNullItself());
  }

  /** The component key of a local reference ({@code #/components/schemas/Pet}), else null. */
  static String componentKey(String ref) {
    if (ref == null || !ref.startsWith(COMPONENTS)) {
      return null;
    }
    String key = ref.substring(COMPONENTS.length());
    if (key.contains("/")) {
      return null; // a pointer into a schema, not a schema
    }
    return unescape(key);
  }

  private static String unescape(String pointerToken) {
    String t = pointerToken;
    if (t.indexOf('%') >= 0) {
      try {
        t = URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // keep as is
      }
    }
    return t.replace("~1", "/").replace("~0", "~");
  }
}
