package io.discogen.openapi;

import io.discogen.ir.AliasSchema;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hoisting pass: turns {@link OpenApiSchema}s into IR schemas and type references, asking the
 * other passes what each schema is ({@link Shapes}), what it extends ({@link Inheritance}) and what
 * its unions and scalars become ({@link Unions}, {@link Scalars}). Component schemas keep their
 * key as id and name; inline objects, enums and unions get ids from their position ({@code
 * Pet.category}, {@code listPets.Response}) and become nested schemas of the object that declares
 * them, or top-level schemas when nothing encloses them (operation bodies, arrays in components).
 *
 * <p>Constructs the IR cannot express degrade to the widest type that still compiles and
 * round-trips. Field-level facts: {@code nullable} (or a {@code "null"} type), {@code readOnly},
 * {@code writeOnly} and {@code const} become {@link Property} facts.
 */
final class SchemaConverter {
  /** Depth (counting properties, items and objects) past which inline objects are not classes. */
  private static final int MAX_INLINE_DEPTH = 16;

  private final ComponentSchemas components;
  private final Shapes shapes;
  private final Inheritance inheritance;
  private final Set<String> usedIds = new HashSet<>();
  /** Top-level IR schemas, in the order they were declared or hoisted. */
  private final List<Schema> schemas = new ArrayList<>();

  SchemaConverter(ComponentSchemas components) {
    this.components = components;
    this.shapes = new Shapes(components);
    this.inheritance = new Inheritance(components, shapes);
    usedIds.addAll(components.all().keySet());
  }

  /** Converts every component schema, in document order; call once, before operations. */
  void readComponents() {
    for (Map.Entry<String, OpenApiSchema> e : components.all().entrySet()) {
      String key = e.getKey();
      OpenApiSchema s = e.getValue();
      if (s == null) {
        schemas.add(new AliasSchema(key, key, null, TypeRef.ANY));
        continue;
      }
      if (shapes.isObject(s, 0)) {
        List<Schema> nested = new ArrayList<>();
        schemas.add(object(key, key, s, inheritance.parentOf(key), nested, 0));
      } else if (shapes.isUnion(s)) {
        List<Schema> hoisted = new ArrayList<>();
        TypeRef t = union(key, key, s, hoisted, 0);
        schemas.add(t instanceof TypeRef.Named n && n.schemaId().equals(key)
            ? hoisted.remove(hoisted.size() - 1)
            : new AliasSchema(key, key, s.description(), t));
        schemas.addAll(hoisted);
      } else if (s.isStringEnum() || s.isIntegerEnum()) {
        schemas.add(Scalars.enumSchema(key, key, s));
      } else {
        List<Schema> hoisted = new ArrayList<>();
        TypeRef target = aliasTarget(key, s, hoisted);
        schemas.add(new AliasSchema(key, key, s.description(), target));
        schemas.addAll(hoisted);
      }
    }
  }

  /** All top-level schemas so far: components, then schemas hoisted from operations. */
  List<Schema> schemas() {
    return schemas;
  }

  /**
   * The type of a schema used by an operation (parameter, body, response). Inline objects and
   * enums are hoisted to top-level schemas named from {@code nameHint}.
   */
  TypeRef operationType(OpenApiSchema s, String idHint, String nameHint) {
    List<Schema> hoisted = new ArrayList<>();
    TypeRef t = type(s, idHint, nameHint, hoisted, 0);
    schemas.addAll(hoisted);
    return t;
  }

  /**
   * The type of a parameter schema; inline enums are collected into {@code enums} (they belong to
   * the method), other inline objects are hoisted.
   */
  TypeRef parameterType(OpenApiSchema s, String idHint, String nameHint, List<EnumSchema> enums) {
    List<Schema> hoisted = new ArrayList<>();
    TypeRef t = type(s, idHint, nameHint, hoisted, 0);
    for (Schema h : hoisted) {
      if (h instanceof EnumSchema e) {
        enums.add(e);
      } else {
        schemas.add(h);
      }
    }
    return t;
  }

  private TypeRef aliasTarget(String key, OpenApiSchema s, List<Schema> hoisted) {
    // A component that is only a reference to itself (directly or through other such components)
    // has no type: any JSON value.
    Set<String> seen = new HashSet<>();
    seen.add(key);
    OpenApiSchema cur = s;
    while (cur != null && cur.ref() != null) {
      String target = ComponentSchemas.componentKey(cur.ref());
      if (target == null || !seen.add(target)) {
        return TypeRef.ANY;
      }
      cur = components.get(target);
    }
    TypeRef t = type(s, key, key, hoisted, 0);
    // {allOf: [{$ref: itself}]} is no type either.
    return t instanceof TypeRef.Named n && n.schemaId().equals(key) ? TypeRef.ANY : t;
  }

  /** The IR type of a schema; inline objects, enums and unions are added to {@code nested}. */
  private TypeRef type(OpenApiSchema s, String idHint, String nameHint, List<Schema> nested, int depth) {
    if (s == null || depth > Shapes.MAX_DEPTH) {
      return TypeRef.ANY;
    }
    if (s.ref() != null) {
      return components.named(s.ref());
    }
    if (shapes.isUnion(s)) {
      return union(uniqueId(idHint), nameHint, s, nested, depth);
    }
    OpenApiSchema only = s.soleAllOfPart();
    if (only != null) {
      // {allOf: [{$ref: X}, {description: ...}]}, the common way to describe a $ref, is X itself:
      // a merged copy would be a needless class, and expand a recursive X inline (AWS specs).
      return type(only, idHint, nameHint, nested, depth + 1);
    }
    boolean object = shapes.isObject(s, depth);
    if (!s.allOf().isEmpty() && !object) {
      // allOf of one non-object part (a common way to add a description to a $ref).
      return s.allOf().size() == 1 ? type(s.allOf().get(0), idHint, nameHint, nested, depth + 1) : TypeRef.ANY;
    }
    if (object && depth > MAX_INLINE_DEPTH) {
      // Inline objects nested this deep (specs whose recursion was expanded inline) would make
      // nested class names longer than file systems allow: the rest stays untyped JSON.
      return new TypeRef.MapOf(TypeRef.ANY);
    }
    if (object) {
      String id = uniqueId(idHint);
      List<Schema> inner = new ArrayList<>();
      nested.add(object(id, nameHint, s, inheritance.parentRef(s), inner, depth + 1));
      return new TypeRef.Named(id);
    }
    String type = s.type();
    if (type == null && s.items() != null) {
      type = "array";
    }
    if (type == null && s.constant() != null) {
      type = s.constType(); // 3.1 {const: dog} without a type
    }
    if (type == null) {
      return TypeRef.ANY;
    }
    return switch (type) {
      case "array" -> new TypeRef.ListOf(type(s.items(), idHint + ".items", nameHint + "Item", nested, depth + 1),
          components.admitsNull(s.items()));
      case "object" -> s.additionalProperties() == null ? new TypeRef.MapOf(TypeRef.ANY)
          : new TypeRef.MapOf(type(s.additionalProperties(), idHint + ".value", nameHint + "Value", nested, depth + 1),
              components.admitsNull(s.additionalProperties()));
      case "string", "integer" -> {
        if (s.isStringEnum() || s.isIntegerEnum()) {
          String id = uniqueId(idHint);
          nested.add(Scalars.enumSchema(id, nameHint, s));
          yield new TypeRef.Named(id);
        }
        yield Scalars.primitive(type, s.format());
      }
      default -> {
        TypeRef t = Scalars.primitive(type, s.format());
        yield t == null ? TypeRef.ANY : t;
      }
    };
  }

  /**
   * A union declared in {@code nested} with id {@code id}, its parts converted (and hoisted) in
   * order; or the type its parts collapse to.
   */
  private TypeRef union(String id, String name, OpenApiSchema s, List<Schema> nested, int depth) {
    List<TypeRef> types = new ArrayList<>();
    for (Unions.Part part : Unions.parts(s)) {
      types.add(type(part.schema(), id + ".option" + part.position(), name + "Option" + part.position(), nested,
          depth + 1));
    }
    List<TypeRef> variants = Unions.distinct(types);
    TypeRef collapsed = Unions.collapsed(variants);
    if (collapsed != null) {
      return collapsed;
    }
    nested.add(Unions.union(id, name, s, variants));
    return new TypeRef.Named(id);
  }

  private ObjectSchema object(String id, String name, OpenApiSchema s, String parent, List<Schema> nested,
      int depth) {
    Map<String, OpenApiSchema> props = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    Set<String> inherited = new HashSet<>();
    Map<String, OpenApiSchema> parentProps = new LinkedHashMap<>();
    if (parent != null) {
      // The parent (and its chain) declares these; a child never redeclares them.
      inheritance.collectProperties(components.get(parent), parentProps, new HashSet<>(), new HashSet<>(), depth);
      inherited.addAll(parentProps.keySet());
      // An ancestor's discriminator is its property even where the spec leaves it undeclared.
      inherited.addAll(inheritance.inheritedDiscriminators(parent));
      inheritance.collectProperties(s, props, required, new HashSet<>(Set.of(parent)), depth);
    } else {
      inheritance.collectProperties(s, props, required, new HashSet<>(), depth);
    }
    List<Property> properties = new ArrayList<>();
    for (Map.Entry<String, OpenApiSchema> e : props.entrySet()) {
      String prop = e.getKey();
      if (!inherited.contains(prop)) {
        properties.add(property(prop, e.getValue(), required.contains(prop), id, nested, depth));
      }
    }
    // oneOf/anyOf beside declared properties: the object is also one of those variants. They are a
    // union nested in it, read from (and written into) the object's whole JSON.
    String variants = null;
    if (s.hasVariants() && !inheritance.allExtend(s, id)) {
      String keyword = !s.oneOf().isEmpty() ? "oneOf" : "anyOf";
      String union = id + ".(" + keyword + ")";
      TypeRef t = union(union, !s.oneOf().isEmpty() ? "OneOf" : "AnyOf", s, nested, depth + 1);
      if (t instanceof TypeRef.Named n && n.schemaId().equals(union)) {
        variants = union;
      }
    }
    String discriminator = null;
    Map<String, String> values = Map.of();
    if (components.get(id) == s && s.discriminatorProperty() != null) {
      discriminator = s.discriminatorProperty();
      OpenApiSchema declared = components.resolve(props.containsKey(discriminator)
          ? props.get(discriminator) : parentProps.get(discriminator));
      values = declared == null || Shapes.isPlainString(declared) ? inheritance.discriminatorValues(id, s) : Map.of();
      if (values.isEmpty()) {
        discriminator = null; // nothing to tell apart, or a value no string holds
      } else if (!props.containsKey(discriminator) && !inherited.contains(discriminator)) {
        // Undeclared: still a property, so that it is read and written once, as a string.
        properties.add(new Property(discriminator, TypeRef.of(TypeRef.Kind.STRING), null, false, true, false, null));
      }
    }
    return new ObjectSchema(id, name, s.description(), properties, nested, s.deprecated(), parent, discriminator,
        values, variants);
  }

  private Property property(String name, OpenApiSchema ps, boolean required, String ownerId, List<Schema> nested,
      int depth) {
    TypeRef t = type(ps, ownerId + "." + name, name, nested, depth + 1);
    OpenApiSchema target = ps == null ? null : components.resolve(ps);
    // readOnly/writeOnly beside a $ref (3.1), or on the referenced schema itself.
    boolean readOnly = (ps != null && ps.readOnly()) || (target != null && target.readOnly());
    boolean writeOnly = (ps != null && ps.writeOnly()) || (target != null && target.writeOnly());
    return new Property(
        name,
        t,
        ps == null ? null : ps.description(),
        readOnly,
        required,
        ps != null && ps.deprecated(),
        ps == null ? null : ps.defaultText(),
        components.admitsNull(ps),
        readOnly,
        writeOnly && !readOnly,
        readOnly ? null : Scalars.constValue(ps, target, required));
  }

  /** An id not used by any other schema; position-derived ids are stable across unrelated edits. */
  String uniqueId(String base) {
    String id = base;
    for (int k = 2; !usedIds.add(id); k++) {
      id = base + "#" + k;
    }
    return id;
  }
}
