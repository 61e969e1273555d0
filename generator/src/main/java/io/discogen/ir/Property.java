package io.discogen.ir;

/**
 * A property of an object schema.
 *
 * @param name the wire name, exactly as in JSON
 * @param type its type
 * @param description may be null
 * @param outputOnly set by the server only ({@code readOnly}, or described as "Output only")
 * @param required whether the spec marks it required
 * @param deprecated whether the spec marks it deprecated
 * @param defaultValue the spec's default as text, may be null
 * @param nullable whether JSON {@code null} is a value of its own (OpenAPI {@code nullable: true},
 *     {@code type: [.., "null"]}): then the client can send an explicit null, distinct from absent
 * @param readOnly whether the spec declares it {@code readOnly}, so the client never sends it
 *     (prose like "Output only" sets {@link #outputOnly} but not this: it is a guess)
 * @param writeOnly whether the spec declares it {@code writeOnly}: sent, never expected back
 * @param constValue the one value the property can have (OpenAPI 3.1 {@code const}, or a
 *     required single-value enum) as JSON text, may be null: new objects start with it set
 */
public record Property(
    String name,
    TypeRef type,
    String description,
    boolean outputOnly,
    boolean required,
    boolean deprecated,
    String defaultValue,
    boolean nullable,
    boolean readOnly,
    boolean writeOnly,
    String constValue) {

  /** A property without the OpenAPI-only facts (Discovery documents have none of them). */
  public Property(String name, TypeRef type, String description, boolean outputOnly, boolean required,
      boolean deprecated, String defaultValue) {
    this(name, type, description, outputOnly, required, deprecated, defaultValue, false, false, false, null);
  }
}
