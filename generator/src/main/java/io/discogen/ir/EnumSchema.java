package io.discogen.ir;

import java.util.List;

/**
 * A closed set of string (or integer) values as the spec knows them. Servers may send values the spec does not
 * list; generated code must keep those.
 *
 * @param id unique id (see {@link Schema})
 * @param name simple name
 * @param description may be null
 * @param values in document order
 * @param integer whether the values are integers, JSON numbers on the wire (OpenAPI {@code type:
 *     integer}); {@link EnumValue#value()} is then their decimal text
 */
public record EnumSchema(String id, String name, String description, List<EnumValue> values, boolean integer)
    implements Schema {

  public EnumSchema {
    values = List.copyOf(values);
  }

  /** A string enum. */
  public EnumSchema(String id, String name, String description, List<EnumValue> values) {
    this(id, name, description, values, false);
  }

  /**
   * One value.
   *
   * @param value the wire value
   * @param description may be null
   * @param deprecated whether the spec marks the value deprecated
   */
  public record EnumValue(String value, String description, boolean deprecated) {}
}
