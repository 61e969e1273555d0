package io.discogen.openapi;

import io.discogen.ir.AliasSchema;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns swagger-parser schemas into IR schemas and type references. Component schemas keep their
 * key as id and name; inline objects and enums get ids from their position ({@code Pet.category},
 * {@code listPets.Response}) and become nested schemas of the object that declares them, or
 * top-level schemas when nothing encloses them (operation bodies, arrays in components).
 *
 * <p>Constructs the IR cannot express yet degrade to the widest type that still compiles and
 * round-trips. An {@code allOf} of exactly one referenced object plus inline parts becomes a
 * subclass of that object carrying only the own properties; any other {@code allOf} of objects is
 * merged into one class.
 *
 * <p>Field-level facts: {@code nullable} (or a {@code "null"} type), {@code readOnly}, {@code
 * writeOnly} and {@code const} become {@link Property} facts; {@code date-time} keeps its offset,
 * {@code uri} is a URI; integer enums are enums of numbers.
 */
final class SchemaConverter {
  static final String COMPONENTS = "#/components/schemas/";
  private static final int MAX_DEPTH = 64;
  /** The most values a generated enum holds (as for Discovery documents); longer lists stay strings. */
  static final int MAX_ENUM_VALUES = 1000;
  /** Depth (counting properties, items and objects) past which inline objects are not classes. */
  private static final int MAX_INLINE_DEPTH = 16;

  @SuppressWarnings("rawtypes")
  private final Map<String, io.swagger.v3.oas.models.media.Schema> components;
  private final Set<String> usedIds = new HashSet<>();
  /** Top-level IR schemas, in the order they were declared or hoisted. */
  private final List<Schema> schemas = new ArrayList<>();
  /** Component key to the component it extends; acyclic (see {@link #planParents}). */
  private final Map<String, String> componentParents = new HashMap<>();

  @SuppressWarnings("rawtypes")
  SchemaConverter(Map<String, io.swagger.v3.oas.models.media.Schema> components) {
    this.components = components == null ? Map.of() : components;
    usedIds.addAll(this.components.keySet());
    planParents();
  }

  /**
   * Decides which components extend which. A cycle ({@code A allOf B}, {@code B allOf A}) is
   * broken in document order: its first member is merged instead (a chain that runs into a cycle
   * it is not part of keeps its parent).
   */
  @SuppressWarnings("rawtypes")
  private void planParents() {
    for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e : components.entrySet()) {
      String parent = isObject(e.getValue(), 0) ? parentRef(e.getValue()) : null;
      if (parent != null) {
        componentParents.put(e.getKey(), parent);
      }
    }
    for (String key : components.keySet()) {
      Set<String> seen = new HashSet<>();
      for (String p = componentParents.get(key); p != null && seen.add(p); p = componentParents.get(p)) {
        if (p.equals(key)) {
          componentParents.remove(key);
          break;
        }
      }
    }
  }

  /**
   * The component an {@code allOf} extends: its only referenced part, when that is an object
   * component and every other part is inline; else null (the parts are merged).
   */
  @SuppressWarnings("rawtypes")
  private String parentRef(io.swagger.v3.oas.models.media.Schema s) {
    if (s == null || !hasComposition(s.getAllOf())) {
      return null;
    }
    String parent = null;
    for (Object o : s.getAllOf()) {
      io.swagger.v3.oas.models.media.Schema part = (io.swagger.v3.oas.models.media.Schema) o;
      if (part != null && part.get$ref() != null) {
        String key = componentKey(part.get$ref());
        if (parent != null || key == null || !isObject(components.get(key), 0)) {
          return null;
        }
        parent = key;
      }
    }
    return parent;
  }

  /** Converts every component schema, in document order; call once, before operations. */
  @SuppressWarnings("rawtypes")
  void readComponents() {
    for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e : components.entrySet()) {
      String key = e.getKey();
      io.swagger.v3.oas.models.media.Schema s = e.getValue();
      if (s == null) {
        schemas.add(new AliasSchema(key, key, null, TypeRef.ANY));
        continue;
      }
      if (isObject(s, 0)) {
        List<Schema> nested = new ArrayList<>();
        schemas.add(object(key, key, s, componentParents.get(key), nested, 0));
      } else if (isUnion(s)) {
        List<Schema> hoisted = new ArrayList<>();
        TypeRef t = union(key, key, s, hoisted, 0);
        schemas.add(t instanceof TypeRef.Named n && n.schemaId().equals(key)
            ? hoisted.remove(hoisted.size() - 1)
            : new AliasSchema(key, key, s.getDescription(), t));
        schemas.addAll(hoisted);
      } else if (isStringEnum(s) || isIntegerEnum(s)) {
        schemas.add(enumSchema(key, key, s));
      } else {
        List<Schema> hoisted = new ArrayList<>();
        TypeRef target = aliasTarget(key, s, hoisted);
        schemas.add(new AliasSchema(key, key, s.getDescription(), target));
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
  @SuppressWarnings("rawtypes")
  TypeRef operationType(io.swagger.v3.oas.models.media.Schema s, String idHint, String nameHint) {
    List<Schema> hoisted = new ArrayList<>();
    TypeRef t = type(s, idHint, nameHint, hoisted, 0);
    schemas.addAll(hoisted);
    return t;
  }

  /**
   * The type of a parameter schema; inline enums are collected into {@code enums} (they belong to
   * the method), other inline objects are hoisted.
   */
  @SuppressWarnings("rawtypes")
  TypeRef parameterType(io.swagger.v3.oas.models.media.Schema s, String idHint, String nameHint, List<EnumSchema> enums) {
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

  @SuppressWarnings("rawtypes")
  private TypeRef aliasTarget(String key, io.swagger.v3.oas.models.media.Schema s, List<Schema> hoisted) {
    // A component that is only a reference to itself (directly or through other such components)
    // has no type: any JSON value.
    Set<String> seen = new HashSet<>();
    seen.add(key);
    io.swagger.v3.oas.models.media.Schema cur = s;
    while (cur != null && cur.get$ref() != null) {
      String target = componentKey(cur.get$ref());
      if (target == null || !seen.add(target)) {
        return target == null ? TypeRef.ANY : TypeRef.ANY;
      }
      cur = components.get(target);
    }
    TypeRef t = type(s, key, key, hoisted, 0);
    // {allOf: [{$ref: itself}]} is no type either.
    return t instanceof TypeRef.Named n && n.schemaId().equals(key) ? TypeRef.ANY : t;
  }

  /** The IR type of a schema; inline objects and enums are added to {@code nested}. */
  @SuppressWarnings("rawtypes")
  private TypeRef type(io.swagger.v3.oas.models.media.Schema s, String idHint, String nameHint,
      List<Schema> nested, int depth) {
    if (s == null || depth > MAX_DEPTH) {
      return TypeRef.ANY;
    }
    if (s.get$ref() != null) {
      String key = componentKey(s.get$ref());
      return key != null && components.containsKey(key) ? new TypeRef.Named(key) : TypeRef.ANY;
    }
    if (isUnion(s)) {
      return union(uniqueId(idHint), nameHint, s, nested, depth);
    }
    io.swagger.v3.oas.models.media.Schema only = soleAllOfPart(s);
    if (only != null) {
      // {allOf: [{$ref: X}, {description: ...}]}, the common way to describe a $ref, is X itself:
      // a merged copy would be a needless class, and expand a recursive X inline (AWS specs).
      return type(only, idHint, nameHint, nested, depth + 1);
    }
    if (hasComposition(s.getAllOf()) && !isObject(s, depth)) {
      // allOf of one non-object part (a common way to add a description to a $ref).
      if (s.getAllOf().size() == 1) {
        return type((io.swagger.v3.oas.models.media.Schema) s.getAllOf().get(0), idHint, nameHint, nested, depth + 1);
      }
      return TypeRef.ANY;
    }
    String type = type(s);
    if (isObject(s, depth) && depth > MAX_INLINE_DEPTH) {
      // Inline objects nested this deep (specs whose recursion was expanded inline) would make
      // nested class names longer than file systems allow: the rest stays untyped JSON.
      return new TypeRef.MapOf(TypeRef.ANY);
    }
    if (isObject(s, depth)) {
      String id = uniqueId(idHint);
      List<Schema> inner = new ArrayList<>();
      String parent = parentRef(s);
      nested.add(object(id, nameHint, s, parent, inner, depth + 1));
      return new TypeRef.Named(id);
    }
    if (type == null && s.getItems() != null) {
      type = "array";
    }
    if (type == null && s.getConst() != null) {
      type = constType(s.getConst()); // 3.1 {const: dog} without a type
    }
    if (type == null) {
      return TypeRef.ANY;
    }
    return switch (type) {
      case "array" -> new TypeRef.ListOf(type(s.getItems(), idHint + ".items", nameHint + "Item", nested, depth + 1),
          admitsNull(s.getItems()));
      case "object" -> mapType(s, idHint, nameHint, nested, depth);
      case "string" -> {
        if (isStringEnum(s)) {
          String id = uniqueId(idHint);
          nested.add(enumSchema(id, nameHint, s));
          yield new TypeRef.Named(id);
        }
        yield TypeRef.of(stringKind(s.getFormat()));
      }
      case "integer" -> {
        if (isIntegerEnum(s)) {
          String id = uniqueId(idHint);
          nested.add(enumSchema(id, nameHint, s));
          yield new TypeRef.Named(id);
        }
        yield TypeRef.of("int32".equals(s.getFormat()) ? TypeRef.Kind.INT32 : TypeRef.Kind.INT64_NUMBER);
      }
      case "number" -> TypeRef.of(numberKind(s.getFormat()));
      case "boolean" -> TypeRef.of(TypeRef.Kind.BOOLEAN);
      default -> TypeRef.ANY;
    };
  }

  @SuppressWarnings("rawtypes")
  private TypeRef mapType(io.swagger.v3.oas.models.media.Schema s, String idHint, String nameHint,
      List<Schema> nested, int depth) {
    Object ap = s.getAdditionalProperties();
    if (ap instanceof io.swagger.v3.oas.models.media.Schema v) {
      return new TypeRef.MapOf(type(v, idHint + ".value", nameHint + "Value", nested, depth + 1), admitsNull(v));
    }
    return new TypeRef.MapOf(TypeRef.ANY);
  }

  /**
   * The one part of an {@code allOf} whose other parts only annotate (description, title,
   * example, ...) when the schema declares nothing of its own; else null.
   */
  @SuppressWarnings("rawtypes")
  private static io.swagger.v3.oas.models.media.Schema soleAllOfPart(io.swagger.v3.oas.models.media.Schema s) {
    if (!hasComposition(s.getAllOf()) || !annotationOnly(s, false)) {
      return null;
    }
    io.swagger.v3.oas.models.media.Schema only = null;
    for (Object part : s.getAllOf()) {
      if (part instanceof io.swagger.v3.oas.models.media.Schema p && !annotationOnly(p, true)) {
        if (only != null) {
          return null;
        }
        only = p;
      }
    }
    return only;
  }

  /** Whether a schema declares no shape: no $ref, type (but object), properties, items, enum or composition. */
  @SuppressWarnings("rawtypes")
  private static boolean annotationOnly(io.swagger.v3.oas.models.media.Schema s, boolean checkAllOf) {
    String type = type(s);
    return s.get$ref() == null
        && (type == null || type.equals("object"))
        && (s.getProperties() == null || s.getProperties().isEmpty())
        && s.getAdditionalProperties() == null
        && s.getItems() == null
        && (s.getEnum() == null || s.getEnum().isEmpty())
        && !hasComposition(s.getOneOf())
        && !hasComposition(s.getAnyOf())
        && (!checkAllOf || !hasComposition(s.getAllOf()));
  }

  /** Whether a schema becomes a class: an object with declared properties, or an allOf of objects. */
  @SuppressWarnings("rawtypes")
  private boolean isObject(io.swagger.v3.oas.models.media.Schema s, int depth) {
    return isObject(s, depth, new HashSet<>());
  }

  /** @param visiting components whose allOf is being looked at: a cycle back to one adds nothing */
  @SuppressWarnings("rawtypes")
  private boolean isObject(io.swagger.v3.oas.models.media.Schema s, int depth, Set<String> visiting) {
    if (s == null || s.get$ref() != null || depth > MAX_DEPTH) {
      return false;
    }
    String type = type(s);
    if (type != null && !type.equals("object")) {
      return false;
    }
    if (s.getProperties() != null && !s.getProperties().isEmpty()) {
      return true; // oneOf/anyOf beside declared properties: see object()
    }
    if ((hasComposition(s.getOneOf()) || hasComposition(s.getAnyOf())) && !hasComposition(s.getAllOf())) {
      return false;
    }
    if (hasComposition(s.getAllOf())) {
      int objects = 0;
      for (Object o : s.getAllOf()) {
        io.swagger.v3.oas.models.media.Schema part = (io.swagger.v3.oas.models.media.Schema) o;
        String key = part == null ? null : componentKey(part.get$ref());
        if (key != null && visiting.contains(key)) {
          continue;
        }
        io.swagger.v3.oas.models.media.Schema p = resolve(part);
        if (p == null) {
          continue;
        }
        Set<String> inner = visiting;
        if (key != null) {
          inner = new HashSet<>(visiting);
          inner.add(key);
        }
        boolean object = isObject(p, depth + 1, inner);
        if (!object && !(type(p) == null && p.getProperties() == null && p.getAllOf() == null)) {
          return false;
        }
        objects += object ? 1 : 0;
      }
      return objects > 0;
    }
    return false;
  }

  /**
   * {@code oneOf}/{@code anyOf} without declared properties, or an {@code allOf} of objects, beside
   * it: a union of the parts' types. (With them, it is an object whose JSON is also one of the parts.)
   */
  @SuppressWarnings("rawtypes")
  private boolean isUnion(io.swagger.v3.oas.models.media.Schema s) {
    return s != null && s.get$ref() == null
        && (hasComposition(s.getOneOf()) || hasComposition(s.getAnyOf()))
        && (s.getProperties() == null || s.getProperties().isEmpty())
        && !(hasComposition(s.getAllOf()) && isObject(s, 0));
  }

  /**
   * The union of a schema's {@code oneOf} (or {@code anyOf}) parts, declared in {@code nested}
   * with id {@code id}; a single distinct part is just that part's type.
   */
  @SuppressWarnings("rawtypes")
  private TypeRef union(String id, String name, io.swagger.v3.oas.models.media.Schema s, List<Schema> nested,
      int depth) {
    List<?> parts = hasComposition(s.getOneOf()) ? s.getOneOf() : s.getAnyOf();
    List<TypeRef> variants = new ArrayList<>();
    int i = 0;
    for (Object o : parts) {
      i++;
      io.swagger.v3.oas.models.media.Schema part = (io.swagger.v3.oas.models.media.Schema) o;
      if (part == null || "null".equals(part.getType())
          || (part.getTypes() != null && part.getTypes().size() == 1 && part.getTypes().contains("null"))) {
        continue; // "or null": every reference may be null
      }
      TypeRef t = type(part, id + ".option" + i, name + "Option" + i, nested, depth + 1);
      if (variants.stream().map(SchemaConverter::javaShape).noneMatch(javaShape(t)::equals)) {
        variants.add(t);
      }
    }
    if (variants.isEmpty() || variants.contains(TypeRef.ANY)) {
      return TypeRef.ANY;
    }
    if (variants.size() == 1) {
      return variants.get(0);
    }
    String property = null;
    Map<String, String> mapping = new LinkedHashMap<>();
    if (s.getDiscriminator() != null && s.getDiscriminator().getPropertyName() != null) {
      property = s.getDiscriminator().getPropertyName();
      if (s.getDiscriminator().getMapping() != null) {
        for (Map.Entry<String, String> e : s.getDiscriminator().getMapping().entrySet()) {
          String target = e.getValue() == null ? null
              : e.getValue().startsWith("#") ? componentKey(e.getValue()) : e.getValue();
          if (target != null && variants.contains(new TypeRef.Named(target))) {
            mapping.put(e.getKey(), target);
          }
        }
      }
    }
    nested.add(new io.discogen.ir.UnionSchema(id, name, s.getDescription(), variants, property, mapping));
    return new TypeRef.Named(id);
  }

  @SuppressWarnings("rawtypes")
  private ObjectSchema object(String id, String name, io.swagger.v3.oas.models.media.Schema s, String parent,
      List<Schema> nested, int depth) {
    Map<String, io.swagger.v3.oas.models.media.Schema> props = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    Set<String> inherited = new HashSet<>();
    Map<String, io.swagger.v3.oas.models.media.Schema> parentProps = new LinkedHashMap<>();
    if (parent != null) {
      // The parent (and its chain) declares these; a child never redeclares them.
      collectProperties(components.get(parent), parentProps, new HashSet<>(), new HashSet<>(), depth);
      inherited.addAll(parentProps.keySet());
      // An ancestor's discriminator is its property even where the spec leaves it undeclared.
      Set<String> chain = new HashSet<>();
      for (String a = parent; a != null && chain.add(a); a = componentParents.get(a)) {
        String d = discriminatorOf(components.get(a));
        if (d != null) {
          inherited.add(d);
        }
      }
      Set<String> seen = new HashSet<>(Set.of(parent));
      collectProperties(s, props, required, seen, depth);
    } else {
      collectProperties(s, props, required, new HashSet<>(), depth);
    }
    List<Property> properties = new ArrayList<>();
    for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e : props.entrySet()) {
      String prop = e.getKey();
      if (inherited.contains(prop)) {
        continue;
      }
      io.swagger.v3.oas.models.media.Schema ps = e.getValue();
      TypeRef t = type(ps, id + "." + prop, prop, nested, depth + 1);
      io.swagger.v3.oas.models.media.Schema target = ps == null ? null : resolve(ps);
      // readOnly/writeOnly beside a $ref (3.1), or on the referenced schema itself.
      boolean readOnly = flag(ps, target, io.swagger.v3.oas.models.media.Schema::getReadOnly);
      boolean writeOnly = flag(ps, target, io.swagger.v3.oas.models.media.Schema::getWriteOnly);
      boolean isRequired = required.contains(prop);
      properties.add(new Property(
          prop,
          t,
          ps == null ? null : ps.getDescription(),
          readOnly,
          isRequired,
          ps != null && Boolean.TRUE.equals(ps.getDeprecated()),
          ps == null ? null : defaultText(ps.getDefault()),
          admitsNull(ps),
          readOnly,
          writeOnly && !readOnly,
          readOnly ? null : constValue(ps, target, isRequired)));
    }
    // oneOf/anyOf beside declared properties: the object is also one of those variants. They are a
    // union nested in it, read from (and written into) the object's whole JSON.
    String variants = null;
    if ((hasComposition(s.getOneOf()) || hasComposition(s.getAnyOf())) && !allExtend(s, id)) {
      String union = id + ".(" + (hasComposition(s.getOneOf()) ? "oneOf" : "anyOf") + ")";
      TypeRef t = union(union, hasComposition(s.getOneOf()) ? "OneOf" : "AnyOf", s, nested, depth + 1);
      if (t instanceof TypeRef.Named n && n.schemaId().equals(union)) {
        variants = union;
      }
    }
    String discriminator = null;
    Map<String, String> values = Map.of();
    if (components.get(id) == s && discriminatorOf(s) != null) {
      discriminator = discriminatorOf(s);
      io.swagger.v3.oas.models.media.Schema declared = resolve(props.containsKey(discriminator)
          ? props.get(discriminator) : parentProps.get(discriminator));
      values = declared == null || isPlainString(declared) ? discriminatorValues(id, s) : Map.of();
      if (values.isEmpty()) {
        discriminator = null; // nothing to tell apart, or a value no string holds
      } else {
        if (!props.containsKey(discriminator) && !inherited.contains(discriminator)) {
          // Undeclared: still a property, so that it is read and written once, as a string.
          properties.add(new Property(discriminator, TypeRef.of(TypeRef.Kind.STRING), null, false, true, false, null));
        }
      }
    }
    return new ObjectSchema(id, name, s.getDescription(), properties, nested,
        Boolean.TRUE.equals(s.getDeprecated()), parent, discriminator, values, variants);
  }

  /**
   * Whether every {@code oneOf}/{@code anyOf} part of {@code s} is a component extending {@code id}
   * (the canonical {@code Pet: {oneOf: [Cat, Dog]}}, {@code Cat: {allOf: [Pet, ...]}}): JSON typed as
   * the object is already each of them through its subclasses, the parts name nothing more.
   */
  @SuppressWarnings("rawtypes")
  private boolean allExtend(io.swagger.v3.oas.models.media.Schema s, String id) {
    List<?> parts = hasComposition(s.getOneOf()) ? s.getOneOf() : s.getAnyOf();
    for (Object o : parts) {
      String key = o == null ? null : componentKey(((io.swagger.v3.oas.models.media.Schema) o).get$ref());
      boolean extendsIt = false;
      Set<String> seen = new HashSet<>();
      for (String a = key == null ? null : componentParents.get(key); a != null && seen.add(a); a = componentParents.get(a)) {
        extendsIt |= a.equals(id);
      }
      if (!extendsIt) {
        return false;
      }
    }
    return true;
  }

  /**
   * The discriminator property a schema declares, on itself or on an inline {@code allOf} part
   * (Swagger 2.0's {@code discriminator: kind} arrives here as the same), or null.
   */
  @SuppressWarnings("rawtypes")
  private static String discriminatorOf(io.swagger.v3.oas.models.media.Schema s) {
    if (s == null) {
      return null;
    }
    if (s.getDiscriminator() != null && s.getDiscriminator().getPropertyName() != null
        && !s.getDiscriminator().getPropertyName().isEmpty()) {
      return s.getDiscriminator().getPropertyName();
    }
    if (s.getAllOf() != null) {
      for (Object o : s.getAllOf()) {
        if (o instanceof io.swagger.v3.oas.models.media.Schema part && part.get$ref() == null) {
          String d = discriminatorOf(part);
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  /**
   * The values of a base component's discriminator, each selecting the base or a component that
   * extends it (directly or further down), first one wins: the explicit {@code mapping}, then each
   * unmapped schema's {@code x-ms-discriminator-value} (Azure), else its name. The base itself
   * only by mapping or {@code x-ms-discriminator-value}: its plain name is what an unknown value
   * decodes to anyway. Empty when nothing extends the base.
   */
  @SuppressWarnings("rawtypes")
  private Map<String, String> discriminatorValues(String base, io.swagger.v3.oas.models.media.Schema s) {
    List<String> family = new ArrayList<>(List.of(base));
    for (String key : components.keySet()) {
      Set<String> seen = new HashSet<>();
      for (String a = componentParents.get(key); a != null && seen.add(a); a = componentParents.get(a)) {
        if (a.equals(base)) {
          family.add(key);
          break;
        }
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (family.size() == 1) {
      return values;
    }
    Map<String, String> mapping = mappingOf(s);
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      String v = e.getValue();
      String target = v == null ? null : v.startsWith("#") ? componentKey(v) : v;
      if (e.getKey() != null && target != null && family.contains(target)) {
        values.putIfAbsent(e.getKey(), target);
      }
    }
    for (String key : family) {
      if (values.containsValue(key)) {
        continue;
      }
      String v = msDiscriminatorValue(components.get(key));
      if (v == null && !key.equals(base)) {
        v = key;
      }
      if (v != null) {
        values.putIfAbsent(v, key);
      }
    }
    return values;
  }

  /** The discriminator mapping of a schema or its inline {@code allOf} parts; may be empty. */
  @SuppressWarnings("rawtypes")
  private static Map<String, String> mappingOf(io.swagger.v3.oas.models.media.Schema s) {
    if (s.getDiscriminator() != null && s.getDiscriminator().getPropertyName() != null) {
      return s.getDiscriminator().getMapping() == null ? Map.of() : s.getDiscriminator().getMapping();
    }
    if (s.getAllOf() != null) {
      for (Object o : s.getAllOf()) {
        if (o instanceof io.swagger.v3.oas.models.media.Schema part && part.get$ref() == null
            && discriminatorOf(part) != null) {
          return mappingOf(part);
        }
      }
    }
    return Map.of();
  }

  /** Azure's {@code x-ms-discriminator-value} on a schema or its inline {@code allOf} parts, or null. */
  @SuppressWarnings("rawtypes")
  private static String msDiscriminatorValue(io.swagger.v3.oas.models.media.Schema s) {
    if (s == null) {
      return null;
    }
    Object v = s.getExtensions() == null ? null : s.getExtensions().get("x-ms-discriminator-value");
    if (v instanceof String text && !text.isEmpty()) {
      return text;
    }
    if (s.getAllOf() != null) {
      for (Object o : s.getAllOf()) {
        if (o instanceof io.swagger.v3.oas.models.media.Schema part && part.get$ref() == null) {
          String inner = msDiscriminatorValue(part);
          if (inner != null) {
            return inner;
          }
        }
      }
    }
    return null;
  }

  /** Whether a property schema maps to a Java String (or untyped JSON): what a discriminator is. */
  @SuppressWarnings("rawtypes")
  private static boolean isPlainString(io.swagger.v3.oas.models.media.Schema s) {
    String type = type(s);
    return (type == null && s.getProperties() == null && s.getItems() == null && !hasComposition(s.getAllOf())
            && !hasComposition(s.getOneOf()) && !hasComposition(s.getAnyOf()))
        || ("string".equals(type) && (isStringEnum(s) || stringKind(s.getFormat()) == TypeRef.Kind.STRING));
  }

  /** Own properties, and those of every {@code allOf} part (referenced parts included), merged in order. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private void collectProperties(io.swagger.v3.oas.models.media.Schema s,
      Map<String, io.swagger.v3.oas.models.media.Schema> props, Set<String> required, Set<String> seenRefs,
      int depth) {
    if (s == null || depth > MAX_DEPTH) {
      return;
    }
    if (s.get$ref() != null) {
      String key = componentKey(s.get$ref());
      if (key != null && seenRefs.add(key)) {
        collectProperties(components.get(key), props, required, seenRefs, depth + 1);
      }
      return;
    }
    if (s.getAllOf() != null) {
      for (Object part : s.getAllOf()) {
        collectProperties((io.swagger.v3.oas.models.media.Schema) part, props, required, seenRefs, depth + 1);
      }
    }
    if (s.getProperties() != null) {
      for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e :
          ((Map<String, io.swagger.v3.oas.models.media.Schema>) s.getProperties()).entrySet()) {
        props.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    if (s.getRequired() != null) {
      required.addAll(s.getRequired());
    }
  }

  @SuppressWarnings("rawtypes")
  private EnumSchema enumSchema(String id, String name, io.swagger.v3.oas.models.media.Schema s) {
    boolean integer = isIntegerEnum(s);
    List<EnumSchema.EnumValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Object v : s.getEnum()) {
      String text = v == null ? null : integer ? integerText(v) : v.toString();
      if (text != null && seen.add(text)) {
        values.add(new EnumSchema.EnumValue(text, null, false));
      }
    }
    return new EnumSchema(id, name, s.getDescription(), values, integer);
  }

  @SuppressWarnings("rawtypes")
  private static boolean isStringEnum(io.swagger.v3.oas.models.media.Schema s) {
    // Longer value lists (storecove's 2,477 UN/ECE unit codes) stay strings: a Java enum's static
    // initializer would pass the JVM's 64 KB method limit.
    return "string".equals(type(s)) && s.getEnum() != null && s.getEnum().size() <= MAX_ENUM_VALUES
        && s.getEnum().stream().anyMatch(v -> v != null);
  }

  /** {@code type: integer} with an enum of 64-bit integers (anything else stays a plain integer). */
  @SuppressWarnings("rawtypes")
  private static boolean isIntegerEnum(io.swagger.v3.oas.models.media.Schema s) {
    return "integer".equals(type(s)) && s.getEnum() != null
        && s.getEnum().stream().anyMatch(v -> v != null)
        && s.getEnum().stream().allMatch(v -> v == null || integerText(v) != null);
  }

  /** The decimal text of an integral value that fits a long, else null. */
  private static String integerText(Object v) {
    if (!(v instanceof Number) && !(v instanceof String)) {
      return null;
    }
    try {
      return String.valueOf(new BigDecimal(v.toString()).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
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

  /** Whether a schema, or the one it references, admits JSON null (see {@link #nullable}). */
  @SuppressWarnings("rawtypes")
  private boolean admitsNull(io.swagger.v3.oas.models.media.Schema s) {
    io.swagger.v3.oas.models.media.Schema target = s == null ? null : resolve(s);
    return nullable(s) || (target != s && nullable(target));
  }

  /** Whether a schema admits JSON null: {@code nullable: true}, a "null" type, or a null variant. */
  @SuppressWarnings("rawtypes")
  private static boolean nullable(io.swagger.v3.oas.models.media.Schema s) {
    if (s == null) {
      return false;
    }
    if (Boolean.TRUE.equals(s.getNullable()) || (s.getTypes() != null && s.getTypes().contains("null"))
        || "null".equals(s.getType())) {
      return true;
    }
    for (List<?> parts : java.util.Arrays.asList(s.getOneOf(), s.getAnyOf())) {
      if (parts != null) {
        for (Object o : parts) {
          io.swagger.v3.oas.models.media.Schema part = (io.swagger.v3.oas.models.media.Schema) o;
          if (part != null && part.get$ref() == null && ("null".equals(part.getType())
              || (part.getTypes() != null && part.getTypes().size() == 1 && part.getTypes().contains("null")))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @SuppressWarnings("rawtypes")
  private static boolean flag(io.swagger.v3.oas.models.media.Schema s, io.swagger.v3.oas.models.media.Schema target,
      java.util.function.Function<io.swagger.v3.oas.models.media.Schema, Boolean> get) {
    return (s != null && Boolean.TRUE.equals(get.apply(s))) || (target != null && Boolean.TRUE.equals(get.apply(target)));
  }

  /**
   * The one value a property can have: its 3.1 {@code const}, or the only value of a required
   * enum. Optional single-value enums are not pre-set: leaving them out is valid and means
   * something else.
   */
  @SuppressWarnings("rawtypes")
  private static String constValue(io.swagger.v3.oas.models.media.Schema s, io.swagger.v3.oas.models.media.Schema target,
      boolean required) {
    if (s == null) {
      return null;
    }
    Object c = s.getConst() != null ? s.getConst() : target == null ? null : target.getConst();
    if (c != null) {
      return c instanceof String || c instanceof Boolean ? c.toString()
          : c instanceof Number ? integerText(c) : null;
    }
    io.swagger.v3.oas.models.media.Schema e = target == null ? s : target;
    if (required && e.getEnum() != null && e.getEnum().size() == 1 && e.getEnum().get(0) != null) {
      if (isIntegerEnum(e)) {
        return integerText(e.getEnum().get(0));
      }
      return isStringEnum(e) ? e.getEnum().get(0).toString() : null;
    }
    return null;
  }

  /** The JSON type of a {@code const} value, or null. */
  private static String constType(Object c) {
    if (c instanceof String) {
      return "string";
    } else if (c instanceof Boolean) {
      return "boolean";
    } else if (c instanceof Number) {
      return integerText(c) != null ? "integer" : "number";
    }
    return null;
  }

  /** The schema's single non-null type ({@code type: [string, "null"]} is a string), or null. */
  @SuppressWarnings("rawtypes")
  static String type(io.swagger.v3.oas.models.media.Schema s) {
    if (s.getType() != null) {
      return s.getType();
    }
    Set<String> types = s.getTypes();
    if (types == null) {
      return null;
    }
    List<String> nonNull = types.stream().filter(t -> !"null".equals(t)).toList();
    return nonNull.size() == 1 ? nonNull.get(0) : null;
  }

  @SuppressWarnings("rawtypes")
  private io.swagger.v3.oas.models.media.Schema resolve(io.swagger.v3.oas.models.media.Schema s) {
    Set<String> seen = new HashSet<>();
    io.swagger.v3.oas.models.media.Schema cur = s;
    while (cur != null && cur.get$ref() != null) {
      String key = componentKey(cur.get$ref());
      if (key == null || !seen.add(key)) {
        return null;
      }
      cur = components.get(key);
    }
    return cur;
  }

  private static boolean hasComposition(List<?> parts) {
    return parts != null && !parts.isEmpty();
  }

  private static TypeRef.Kind stringKind(String format) {
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

  private static TypeRef.Kind numberKind(String format) {
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

  static String defaultText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
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
        t = java.net.URLDecoder.decode(t.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // keep as is
      }
    }
    return t.replace("~1", "/").replace("~0", "~");
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
