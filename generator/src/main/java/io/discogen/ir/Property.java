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
 */
public record Property(
    String name,
    TypeRef type,
    String description,
    boolean outputOnly,
    boolean required,
    boolean deprecated,
    String defaultValue) {}
