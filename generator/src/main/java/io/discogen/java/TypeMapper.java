package io.discogen.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Schema;
import io.discogen.ir.Schemas;
import io.discogen.ir.TypeRef;
import java.util.Map;

/**
 * Maps IR types to Java types. Two views: the API type users see (enums as generated enums) and
 * the storage type models keep (enums as their raw wire text, so unknown values survive).
 */
public final class TypeMapper {
  static final ClassName STRING = ClassName.get(String.class);
  static final ClassName OBJECT = ClassName.get(Object.class);
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName LONG = ClassName.get(Long.class);

  private final Map<String, Schema> index;
  private final NamePlan names;

  public TypeMapper(Map<String, Schema> index, NamePlan names) {
    this.index = index;
    this.names = names;
  }

  /** The type users see: enums as their generated enum. */
  public TypeName apiType(TypeRef t) {
    return map(t, false);
  }

  /** The type a model field stores: enums as raw strings (integer enums as raw numbers). */
  public TypeName storageType(TypeRef t) {
    return map(t, true);
  }

  private TypeName map(TypeRef t, boolean raw) {
    TypeRef r = resolve(t);
    if (r instanceof TypeRef.Primitive p) {
      return primitive(p.kind());
    } else if (r instanceof TypeRef.ListOf l) {
      return ParameterizedTypeName.get(LIST, map(l.element(), raw));
    } else if (r instanceof TypeRef.MapOf m) {
      return ParameterizedTypeName.get(MAP, STRING, map(m.value(), raw));
    } else if (r instanceof TypeRef.Named n) {
      if (raw && index.get(n.schemaId()) instanceof EnumSchema e) {
        return e.integer() ? LONG : STRING;
      }
      return names.schemaClass(n.schemaId());
    }
    return OBJECT;
  }

  /** Follows aliases until a non-alias type. */
  public TypeRef resolve(TypeRef t) {
    return Schemas.resolve(t, index);
  }

  /** The enum schema a (possibly list- or map-wrapped) type holds, or null. */
  public EnumSchema enumOf(TypeRef t) {
    return Schemas.enumOf(t, index);
  }

  /**
   * The {@code WireEnums} method turning a (possibly list- or map-wrapped) enum-typed value into its
   * raw storage: {@code encode...} for string enums, {@code encodeNumber...} for integer enums.
   */
  public String enumEncoder(TypeRef t) {
    EnumSchema e = enumOf(t);
    TypeRef r = resolve(t);
    String wrap = r instanceof TypeRef.ListOf ? "List" : r instanceof TypeRef.MapOf ? "Map" : "";
    if (e != null && e.integer()) {
      return "encodeNumber" + wrap;
    }
    return "encode" + wrap;
  }

  /** Where a list or map type holds JSON nulls the spec allows (see {@link #nullsInside}). */
  public enum NullsInside { ITEMS, VALUES, NESTED }

  /**
   * Whether a (possibly alias) list or map type admits null items or values: its own, those of a
   * list or map nested in it, or none (null).
   */
  public NullsInside nullsInside(TypeRef t) {
    TypeRef inner;
    for (int depth = 0; depth < 32; depth++, t = inner) { // bounded: an alias may be a list of itself
      TypeRef r = resolve(t);
      if (r instanceof TypeRef.ListOf l && l.nullableItems()) {
        return depth == 0 ? NullsInside.ITEMS : NullsInside.NESTED;
      } else if (r instanceof TypeRef.MapOf m && m.nullableValues()) {
        return depth == 0 ? NullsInside.VALUES : NullsInside.NESTED;
      } else if (r instanceof TypeRef.ListOf l) {
        inner = l.element();
      } else if (r instanceof TypeRef.MapOf m) {
        inner = m.value();
      } else {
        return null;
      }
    }
    return null;
  }

  /**
   * Whether the type is, or is a (nested) list or map of, the primitive {@code kind}: a field
   * whose wire format Java's type alone does not tell (int64 as a JSON string, URL-safe base64).
   */
  public boolean contains(TypeRef t, TypeRef.Kind kind) {
    TypeRef r = resolve(t);
    if (r instanceof TypeRef.Primitive p) {
      return p.kind() == kind;
    } else if (r instanceof TypeRef.ListOf l) {
      return contains(l.element(), kind);
    } else if (r instanceof TypeRef.MapOf m) {
      return contains(m.value(), kind);
    }
    return false;
  }

  /**
   * The initializer of a property with one possible value (a {@code const}, a required
   * single-value enum), so new objects carry it; null when there is none or it does not fit the
   * field's type.
   */
  public CodeBlock constInitializer(io.discogen.ir.Property p) {
    TypeName storage = storageType(p.type());
    String v = p.constValue();
    if (v == null) {
      return null;
    }
    try {
      if (storage.equals(STRING)) {
        return CodeBlock.of("$L", Literals.string(v));
      } else if (storage.equals(TypeName.BOOLEAN.box()) && (v.equals("true") || v.equals("false"))) {
        return CodeBlock.of("$L", v);
      } else if (storage.equals(TypeName.INT.box())) {
        return CodeBlock.of("$L", Integer.parseInt(v));
      } else if (storage.equals(LONG)) {
        return CodeBlock.of("$LL", Long.parseLong(v));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** Whether a property is a const: always its one value, with a getter and no setter. */
  public boolean isConst(io.discogen.ir.Property p) {
    return enumOf(p.type()) == null && constInitializer(p) != null;
  }

  static TypeName primitive(TypeRef.Kind kind) {
    return switch (kind) {
      case STRING, FIELD_MASK -> STRING;
      case BOOLEAN -> ClassName.get(Boolean.class);
      case INT32 -> ClassName.get(Integer.class);
      case UINT32, INT64, INT64_NUMBER -> ClassName.get(Long.class);
      case DECIMAL -> ClassName.get("java.math", "BigDecimal");
      case UUID -> ClassName.get("java.util", "UUID");
      case UINT64 -> ClassName.get("java.math", "BigInteger");
      case FLOAT -> ClassName.get(Float.class);
      case DOUBLE -> ClassName.get(Double.class);
      case BYTES, BYTES_URL_SAFE, BINARY -> ArrayTypeName.of(TypeName.BYTE);
      case DATE_TIME -> ClassName.get("java.time", "Instant");
      case OFFSET_DATE_TIME -> ClassName.get("java.time", "OffsetDateTime");
      case URI -> ClassName.get("java.net", "URI");
      case DATE -> ClassName.get("java.time", "LocalDate");
      case DURATION -> ClassName.get("java.time", "Duration");
    };
  }
}
