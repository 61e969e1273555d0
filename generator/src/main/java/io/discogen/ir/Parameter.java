package io.discogen.ir;

/**
 * A method (or API-wide) parameter.
 *
 * @param name the wire name ({@code pageToken}, {@code $.xgafv}, {@code updateMask})
 * @param location where it travels
 * @param type its type; {@code Named} for enums, {@code ListOf} for repeated parameters
 * @param required whether the caller must give it
 * @param description may be null
 * @param pattern a regular expression a path value must match, may be null
 * @param defaultValue the spec's default as text, may be null
 * @param deprecated whether the spec marks it deprecated
 * @param style how list and object values are serialized (OpenAPI {@code style}, Swagger 2.0
 *     {@code collectionFormat}); Discovery parameters are {@link Style#FORM} exploded (repeated)
 * @param explode whether lists and objects become one item per element or property
 */
public record Parameter(
    String name,
    Location location,
    TypeRef type,
    boolean required,
    String description,
    String pattern,
    String defaultValue,
    boolean deprecated,
    Style style,
    boolean explode) {

  /** A parameter in its location's default style: query form exploded, otherwise simple. */
  public Parameter(String name, Location location, TypeRef type, boolean required, String description,
      String pattern, String defaultValue, boolean deprecated) {
    this(name, location, type, required, description, pattern, defaultValue, deprecated,
        defaultStyle(location), location == Location.QUERY || location == Location.COOKIE);
  }

  /** OpenAPI's default style of a location. */
  public static Style defaultStyle(Location location) {
    return location == Location.QUERY || location == Location.COOKIE ? Style.FORM : Style.SIMPLE;
  }

  /** How list and object values are serialized. */
  public enum Style {
    /** {@code a=1&a=2} exploded, {@code a=1,2} not. */
    FORM,
    /** {@code a=1 2}. */
    SPACE_DELIMITED,
    /** {@code a=1|2}. */
    PIPE_DELIMITED,
    /** {@code a[k]=v}. */
    DEEP_OBJECT,
    /** Paths and headers: {@code 1,2}. */
    SIMPLE,
    /** Paths: {@code .1,2}, exploded {@code .1.2}. */
    LABEL,
    /** Paths: {@code ;x=1,2}, exploded {@code ;x=1;x=2}. */
    MATRIX
  }

  /** Where a parameter travels. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    COOKIE
  }

  /** Whether the parameter may be given several times ({@code repeated} in Discovery). */
  public boolean repeated() {
    return type instanceof TypeRef.ListOf;
  }
}
