package io.discogen.ir;

/**
 * A top-level schema that is not an object (an array, a map, a primitive): references to it stand
 * for its target type, and no class is generated for it.
 *
 * @param id unique id
 * @param name simple name
 * @param description may be null
 * @param target the type it stands for; never (even transitively) the alias itself
 */
public record AliasSchema(String id, String name, String description, TypeRef target)
    implements Schema {}
