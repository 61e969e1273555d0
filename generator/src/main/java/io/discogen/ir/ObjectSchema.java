package io.discogen.ir;

import java.util.List;

/**
 * An object with named properties.
 *
 * @param id unique id (see {@link Schema})
 * @param name simple name
 * @param description may be null
 * @param properties in document order
 * @param nested inline objects and enums declared by this schema's properties
 * @param deprecated whether the spec marks it deprecated
 * @param parent the id of the object schema this one extends (OpenAPI {@code allOf} of one
 *     reference plus own parts), or null; {@code properties} are then only the own ones, never
 *     one the parent chain declares. Never forms a cycle. Discovery documents have none.
 * @param discriminatorProperty the property whose value names the class of an object typed as
 *     this one (OpenAPI {@code discriminator} on a schema others extend), or null; it is a string
 *     property of this schema or its parent chain
 * @param discriminatorValues discriminator values to the ids of the schemas they select: this
 *     one or schemas extending it (directly or further down), in document order; empty without a
 *     discriminator
 * @param variants the id of the {@link UnionSchema} among {@code nested} that holds the {@code
 *     oneOf} (or {@code anyOf}) parts declared beside this object's properties, or null: the JSON of
 *     this object is also one of those variants (common properties here, the variant's in it)
 */
public record ObjectSchema(
    String id,
    String name,
    String description,
    List<Property> properties,
    List<Schema> nested,
    boolean deprecated,
    String parent,
    String discriminatorProperty,
    java.util.Map<String, String> discriminatorValues,
    String variants)
    implements Schema {

  public ObjectSchema {
    properties = List.copyOf(properties);
    nested = List.copyOf(nested);
    discriminatorValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(discriminatorValues));
  }

  /** An object that is not also one of several variants. */
  public ObjectSchema(String id, String name, String description, List<Property> properties, List<Schema> nested,
      boolean deprecated, String parent, String discriminatorProperty, java.util.Map<String, String> discriminatorValues) {
    this(id, name, description, properties, nested, deprecated, parent, discriminatorProperty, discriminatorValues,
        null);
  }

  /** An object without a discriminator. */
  public ObjectSchema(String id, String name, String description, List<Property> properties, List<Schema> nested,
      boolean deprecated, String parent) {
    this(id, name, description, properties, nested, deprecated, parent, null, java.util.Map.of());
  }

  /** An object that extends nothing. */
  public ObjectSchema(
      String id, String name, String description, List<Property> properties, List<Schema> nested, boolean deprecated) {
    this(id, name, description, properties, nested, deprecated, null);
  }

  /**
   * The parent chain's properties (the root's first), then the own ones: every property the JSON
   * of this object may carry.
   */
  public List<Property> allProperties(java.util.Map<String, Schema> index) {
    java.util.ArrayDeque<ObjectSchema> chain = new java.util.ArrayDeque<>();
    for (ObjectSchema o = this; o != null && chain.size() <= index.size();
        o = o.parent == null ? null : index.get(o.parent) instanceof ObjectSchema p ? p : null) {
      chain.push(o);
    }
    List<Property> all = new java.util.ArrayList<>();
    for (ObjectSchema o : chain) {
      all.addAll(o.properties);
    }
    return all;
  }
}
