package io.discogen.ir;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Questions about a type that need the schema index: what an alias stands for, which enum or
 * object a type names. Format-neutral, so readers derive facts and emitters and the name plan
 * look through aliases the same way.
 */
public final class Schemas {
  private Schemas() {}

  /** Follows aliases until a non-alias type; {@link TypeRef#ANY} for a cycle of aliases. */
  public static TypeRef resolve(TypeRef t, Map<String, Schema> index) {
    TypeRef cur = t;
    for (int guard = 0; cur instanceof TypeRef.Named n && index.get(n.schemaId()) instanceof AliasSchema a; guard++) {
      if (guard > 100) {
        return TypeRef.ANY;
      }
      cur = a.target();
    }
    return cur;
  }

  /** The enum schema a (possibly alias-, list- or map-wrapped) type holds, or null. */
  public static EnumSchema enumOf(TypeRef t, Map<String, Schema> index) {
    TypeRef r = resolve(t, index);
    if (r instanceof TypeRef.ListOf l) {
      r = resolve(l.element(), index);
    } else if (r instanceof TypeRef.MapOf m) {
      r = resolve(m.value(), index);
    }
    return r instanceof TypeRef.Named n && index.get(n.schemaId()) instanceof EnumSchema e ? e : null;
  }

  /** The object schema a type names, looking through aliases; null when it is not an object. */
  public static ObjectSchema objectOf(TypeRef type, Map<String, Schema> index) {
    Set<String> seen = new HashSet<>();
    while (type instanceof TypeRef.Named n && seen.add(n.schemaId())) {
      Schema s = index.get(n.schemaId());
      if (s instanceof ObjectSchema o) {
        return o;
      }
      if (!(s instanceof AliasSchema a)) {
        return null;
      }
      type = a.target();
    }
    return null;
  }

  /** Whether a type is, through aliases, text: a string (or a field mask, a string on the wire). */
  public static boolean isString(TypeRef t, Map<String, Schema> index) {
    return resolve(t, index) instanceof TypeRef.Primitive p
        && (p.kind() == TypeRef.Kind.STRING || p.kind() == TypeRef.Kind.FIELD_MASK);
  }
}
