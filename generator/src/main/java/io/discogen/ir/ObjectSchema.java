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
 */
public record ObjectSchema(
    String id,
    String name,
    String description,
    List<Property> properties,
    List<Schema> nested,
    boolean deprecated)
    implements Schema {

  public ObjectSchema {
    properties = List.copyOf(properties);
    nested = List.copyOf(nested);
  }
}
