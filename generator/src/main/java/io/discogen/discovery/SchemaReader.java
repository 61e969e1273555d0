package io.discogen.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.ir.AliasSchema;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import io.discogen.ir.TypeRef.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Discovery JSON schemas into IR schemas and types, and hands out unique schema ids.
 *
 * <p>Inline objects and string enums become named schemas. They are declared in the enclosing
 * object's {@code nested()} list with an id derived from their position ({@code Session.runtimeInfo});
 * those with no enclosing object (inside an alias or a method body) are hoisted to the top level.
 */
final class SchemaReader {
  /** Deeper inline nesting than this is surely an attack or an accident; the corpus needs ~10. */
  static final int MAX_DEPTH = 200;

  /**
   * More properties in one object (or parameters in one method) than generated code can hold:
   * {@code equals} and the method descriptor chain one call or operator per member, and javac
   * overflows its stack on chains much longer than this. Real documents have at most about 100.
   */
  static final int MAX_MEMBERS = 300;

  /** More values than one generated enum can hold (its static initializer would pass 64 KB). */
  static final int MAX_ENUM_VALUES = 1000;

  static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "number", "boolean");

  private final Problems problems;
  private final JsonNode schemas;
  private final Set<String> declared = new LinkedHashSet<>();
  private final Set<String> usedIds = new HashSet<>();

  /**
   * Where an inline object or enum met while resolving a type is declared.
   *
   * @param id the preferred id, or null when only {@code longId} makes sense
   * @param longId the id spelling out {@code .items}/{@code .values}, used when {@code id} is taken
   * @param name the schema's simple name
   * @param sink the list the schema joins
   * @param hoisted whether the schema goes to the top level (no enclosing object)
   */
  record Site(String id, String longId, String name, List<Schema> sink, boolean hoisted) {
    Site deeper(String segment) {
      String deeperName =
          hoisted ? name + (segment.equals("items") ? "Item" : "Value") : name;
      return new Site(id, longId + "." + segment, deeperName, sink, hoisted);
    }
  }

  SchemaReader(JsonNode schemas, Problems problems) {
    this.problems = problems;
    this.schemas = schemas;
    if (schemas != null) {
      schemas.fieldNames().forEachRemaining(declared::add);
      usedIds.addAll(declared);
    }
  }

  /** Reads the top-level {@code schemas}, in document order (hoisted schemas follow their owner). */
  List<Schema> readAll(JsonNode schemas) {
    List<Schema> out = new ArrayList<>();
    if (schemas == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : Json.entries(schemas)) {
      String key = e.getKey();
      String ptr = Json.child("/schemas", key);
      problems.at(ptr);
      if (!e.getValue().isObject()) {
        problems.add(ptr, "expected a schema object, found " + Json.kind(e.getValue()));
        continue;
      }
      topLevel(key, e.getValue(), ptr, out);
    }
    return breakAliasCycles(out);
  }

  private void topLevel(String key, JsonNode node, String ptr, List<Schema> out) {
    // Quietly: a malformed type is reported once, by type() below.
    String type = inferType(node);
    if (!node.has("$ref") && "object".equals(type)
        && (node.has("properties") || !hasMapValues(node))) {
      out.add(objectSchema(key, key, node, ptr, 0));
    } else if (!node.has("$ref") && "string".equals(type) && hasEnum(node)) {
      out.add(enumSchema(key, key, node, ptr));
    } else {
      List<Schema> hoisted = new ArrayList<>();
      TypeRef target = type(node, ptr, new Site(null, key, key, hoisted, true), 0);
      out.add(new AliasSchema(key, key, Json.text(node, "description", ptr, problems), target));
      out.addAll(hoisted);
    }
  }

  /** A site for inline types of a method body or alias: hoisted to the top level. */
  Site hoistedSite(String id, String name, List<Schema> sink) {
    return new Site(id, id, name, sink, true);
  }

  /** Resolves one schema node to a type, declaring inline objects and enums at {@code site}. */
  TypeRef type(JsonNode node, String ptr, Site site, int depth) {
    if (depth > MAX_DEPTH) {
      problems.add(ptr, "schema nested more than " + MAX_DEPTH + " levels deep");
      return TypeRef.ANY;
    }
    if (!node.isObject()) {
      problems.add(ptr, "expected a schema object, found " + Json.kind(node));
      return TypeRef.ANY;
    }
    if (node.has("$ref")) {
      return ref(node.get("$ref"), Json.child(ptr, "$ref"));
    }
    String type = typeName(node, ptr);
    if (type == null) {
      return TypeRef.ANY;
    }
    String format = Json.text(node, "format", ptr, problems);
    switch (type) {
      case "object":
        if (node.has("properties")) {
          String id = allocate(site);
          site.sink().add(objectSchema(id, site.name(), node, ptr, depth));
          return new TypeRef.Named(id);
        }
        JsonNode values = node.get("additionalProperties");
        if (values == null || !values.isObject()) {
          // Bare "type: object" (or additionalProperties: true): any JSON object.
          return new TypeRef.MapOf(TypeRef.ANY, true);
        }
        return new TypeRef.MapOf(
            type(values, Json.child(ptr, "additionalProperties"), site.deeper("values"), depth + 1),
            admitsNull(values));
      case "array":
        JsonNode items = node.get("items");
        if (items == null) {
          problems.add(ptr, "array type without \"items\"");
          return new TypeRef.ListOf(TypeRef.ANY, true);
        }
        return new TypeRef.ListOf(
            type(items, Json.child(ptr, "items"), site.deeper("items"), depth + 1), admitsNull(items));
      case "any":
        return TypeRef.ANY;
      case "string":
        if (hasEnum(node)) {
          String id = allocate(site);
          site.sink().add(enumSchema(id, site.name(), node, ptr));
          return new TypeRef.Named(id);
        }
        return primitive(type, format);
      default:
        if (SCALAR_TYPES.contains(type)) {
          return primitive(type, format);
        }
        problems.add(Json.child(ptr, "type"), "unknown type \"" + type + "\"");
        return TypeRef.ANY;
    }
  }

  /** A {@code $ref}: must name a top-level schema. */
  TypeRef ref(JsonNode ref, String ptr) {
    if (!ref.isTextual()) {
      problems.add(ptr, "expected a schema name, found " + Json.kind(ref));
      return TypeRef.ANY;
    }
    if (!declared.contains(ref.textValue())) {
      problems.add(ptr, "unknown schema \"" + ref.textValue() + "\": no such key in /schemas");
      return TypeRef.ANY;
    }
    return new TypeRef.Named(ref.textValue());
  }

  /**
   * The JSON type of a schema: its {@code type}, or inferred from its other keys when absent (a
   * schema with none of them accepts any value). Null after reporting a malformed {@code type}.
   */
  String typeName(JsonNode node, String ptr) {
    JsonNode t = node.get("type");
    if (t != null && !t.isNull() && !t.isTextual()) {
      problems.add(Json.child(ptr, "type"), "expected a type name, found " + Json.kind(t));
    }
    return inferType(node);
  }

  /** {@link #typeName} without reporting: null when {@code type} is malformed. */
  static String inferType(JsonNode node) {
    JsonNode t = node.get("type");
    if (t != null && !t.isNull()) {
      return t.isTextual() ? t.textValue() : null;
    }
    if (node.has("properties") || node.has("additionalProperties")) {
      return "object";
    }
    if (node.has("items")) {
      return "array";
    }
    if (node.has("enum")) {
      return "string";
    }
    return "any";
  }

  /** Maps a scalar JSON type and format to a primitive kind. */
  static TypeRef primitive(String type, String format) {
    String f = format == null ? "" : format;
    return switch (type) {
      case "string" -> switch (f) {
        case "int64" -> TypeRef.of(Kind.INT64);
        case "uint64" -> TypeRef.of(Kind.UINT64);
        case "byte" -> TypeRef.of(Kind.BYTES_URL_SAFE);
        case "date-time", "google-datetime" -> TypeRef.of(Kind.DATE_TIME);
        case "date" -> TypeRef.of(Kind.DATE);
        case "google-duration" -> TypeRef.of(Kind.DURATION);
        case "google-fieldmask" -> TypeRef.of(Kind.FIELD_MASK);
        default -> TypeRef.STRING;
      };
      case "integer" -> switch (f) {
        case "uint32" -> TypeRef.of(Kind.UINT32);
        // Not in the corpus, but a 64-bit integer must not be squeezed into an int.
        case "int64" -> TypeRef.of(Kind.INT64);
        case "uint64" -> TypeRef.of(Kind.UINT64);
        default -> TypeRef.of(Kind.INT32);
      };
      case "number" -> "float".equals(f) ? TypeRef.of(Kind.FLOAT) : TypeRef.of(Kind.DOUBLE);
      case "boolean" -> TypeRef.of(Kind.BOOLEAN);
      default -> throw new IllegalArgumentException("not a scalar type: " + type);
    };
  }

  private ObjectSchema objectSchema(String id, String name, JsonNode node, String ptr, int depth) {
    List<Property> properties = new ArrayList<>();
    List<Schema> nested = new ArrayList<>();
    JsonNode props = Json.object(node, "properties", ptr, problems);
    if (props != null && props.size() > MAX_MEMBERS) {
      problems.add(Json.child(ptr, "properties"),
          props.size() + " properties; at most " + MAX_MEMBERS + " fit in a generated class");
      props = null;
    }
    if (props != null) {
      for (Map.Entry<String, JsonNode> e : Json.entries(props)) {
        String pname = e.getKey();
        JsonNode p = e.getValue();
        String pptr = Json.child(Json.child(ptr, "properties"), pname);
        if (!p.isObject()) {
          problems.add(pptr, "expected a schema object, found " + Json.kind(p));
          continue;
        }
        String childId = id + "." + pname;
        TypeRef type = type(p, pptr, new Site(childId, childId, pname, nested, false), depth + 1);
        String description = Json.text(p, "description", pptr, problems);
        properties.add(
            new Property(
                pname,
                type,
                description,
                Json.flag(p, "readOnly", pptr, problems) || describedAsOutputOnly(description),
                Json.flag(p, "required", pptr, problems),
                Json.flag(p, "deprecated", pptr, problems),
                defaultValue(p),
                admitsNull(p),
                false,
                false,
                null));
      }
    }
    return new ObjectSchema(
        id,
        name,
        Json.text(node, "description", ptr, problems),
        properties,
        nested,
        Json.flag(node, "deprecated", ptr, problems));
  }

  /**
   * Whether JSON {@code null} is a value of the schema, not merely "absent": {@code type: any}
   * (protobuf {@code Value}, where null is {@code NullValue}), or protobuf's {@code NullValue}
   * itself, the one-value enum {@code NULL_VALUE} that travels as JSON null. A {@code $ref} is
   * followed one step, to a top-level schema of either kind.
   */
  boolean admitsNull(JsonNode node) {
    if (node.has("$ref")) {
      JsonNode ref = node.get("$ref");
      JsonNode target = ref.isTextual() && schemas != null ? schemas.get(ref.textValue()) : null;
      return target != null && target.isObject() && !target.has("$ref") && admitsNull(target);
    }
    if ("any".equals(inferType(node))) {
      return true;
    }
    JsonNode e = node.get("enum");
    return e != null && e.isArray() && e.size() == 1 && "NULL_VALUE".equals(e.get(0).asText(null));
  }

  /** Many Google APIs mark server-set fields only in prose. */
  static boolean describedAsOutputOnly(String description) {
    if (description == null) {
      return false;
    }
    String d = description.strip().toLowerCase(Locale.ROOT);
    return d.startsWith("output only") || d.startsWith("[output only]");
  }

  static String defaultValue(JsonNode node) {
    JsonNode d = node.get("default");
    if (d == null || d.isNull()) {
      return null;
    }
    return d.isValueNode() ? d.asText() : d.toString();
  }

  /** An enum declared by {@code node} ({@code enum}, {@code enumDescriptions}, {@code enumDeprecated}). */
  EnumSchema enumSchema(String id, String name, JsonNode node, String ptr) {
    List<String> values = Json.strings(node, "enum", ptr, problems);
    if (values.size() > MAX_ENUM_VALUES) {
      problems.add(Json.child(ptr, "enum"),
          values.size() + " enum values; at most " + MAX_ENUM_VALUES + " fit in a generated enum");
      values = values.subList(0, MAX_ENUM_VALUES);
    }
    List<String> descriptions = Json.strings(node, "enumDescriptions", ptr, problems);
    JsonNode deprecated = node.get("enumDeprecated");
    List<EnumSchema.EnumValue> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      // Lists of different lengths occur in the wild; missing entries mean "not given".
      String description = i < descriptions.size() ? descriptions.get(i) : null;
      boolean dep =
          deprecated != null && deprecated.isArray() && i < deprecated.size()
              && deprecated.get(i).asBoolean(false);
      out.add(new EnumSchema.EnumValue(values.get(i), description, dep));
    }
    return new EnumSchema(id, name, Json.text(node, "description", ptr, problems), out);
  }

  /** Whether a node declares a non-empty enum (an empty one says nothing; the type stays string). */
  static boolean hasEnum(JsonNode node) {
    JsonNode e = node.get("enum");
    return e != null && (!e.isArray() || e.size() > 0);
  }

  private static boolean hasMapValues(JsonNode node) {
    JsonNode values = node.get("additionalProperties");
    return values != null && values.isObject();
  }

  /** Reserves an id for a schema declared at {@code site}, spelling out more of the path on a clash. */
  String allocate(Site site) {
    if (site.id() != null && usedIds.add(site.id())) {
      return site.id();
    }
    if (usedIds.add(site.longId())) {
      return site.longId();
    }
    for (int n = 2; ; n++) {
      String id = site.longId() + "~" + n;
      if (usedIds.add(id)) {
        return id;
      }
    }
  }

  /** Reserves {@code id} exactly if free, else a suffixed variant. */
  String allocate(String id) {
    return allocate(new Site(id, id, id, List.of(), false));
  }

  /**
   * Replaces the target of every alias that reaches itself through aliases alone ({@code A = list of
   * A}, {@code A = B, B = A}) by {@link TypeRef#ANY}: no Java type can stand for it.
   */
  static List<Schema> breakAliasCycles(List<Schema> schemas) {
    Map<String, AliasSchema> aliases = new LinkedHashMap<>();
    for (Schema s : schemas) {
      if (s instanceof AliasSchema a) {
        aliases.put(a.id(), a);
      }
    }
    Set<String> cyclic = new HashSet<>();
    for (AliasSchema a : aliases.values()) {
      Set<String> seen = new HashSet<>();
      Deque<TypeRef> todo = new ArrayDeque<>();
      todo.push(a.target());
      while (!todo.isEmpty()) {
        TypeRef t = todo.pop();
        if (t instanceof TypeRef.ListOf l) {
          todo.push(l.element());
        } else if (t instanceof TypeRef.MapOf m) {
          todo.push(m.value());
        } else if (t instanceof TypeRef.Named n && aliases.containsKey(n.schemaId())) {
          if (n.schemaId().equals(a.id())) {
            cyclic.add(a.id());
            break;
          }
          if (seen.add(n.schemaId())) {
            todo.push(aliases.get(n.schemaId()).target());
          }
        }
      }
    }
    if (cyclic.isEmpty()) {
      return schemas;
    }
    List<Schema> out = new ArrayList<>(schemas.size());
    for (Schema s : schemas) {
      out.add(
          s instanceof AliasSchema a && cyclic.contains(a.id())
              ? new AliasSchema(a.id(), a.name(), a.description(), TypeRef.ANY)
              : s);
    }
    return out;
  }
}
