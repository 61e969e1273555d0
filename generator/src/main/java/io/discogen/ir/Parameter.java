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
 */
public record Parameter(
    String name,
    Location location,
    TypeRef type,
    boolean required,
    String description,
    String pattern,
    String defaultValue,
    boolean deprecated) {

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
