package io.discogen.ir;

import java.util.List;

/**
 * A closed set of string values as the spec knows them. Servers may send values the spec does not
 * list; generated code must keep those.
 *
 * @param id unique id (see {@link Schema})
 * @param name simple name
 * @param description may be null
 * @param values in document order
 */
public record EnumSchema(String id, String name, String description, List<EnumValue> values)
    implements Schema {

  public EnumSchema {
    values = List.copyOf(values);
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
