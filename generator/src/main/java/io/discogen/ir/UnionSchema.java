package io.discogen.ir;

import java.util.List;
import java.util.Map;

/**
 * A value that is exactly one (OpenAPI {@code oneOf}) or at least one ({@code anyOf}) of several
 * types. Generated code keeps the JSON value and tells which variant it holds: by the
 * discriminator when there is one, else by deduction (JSON kind, required properties).
 *
 * @param id unique id (see {@link Schema})
 * @param name simple name
 * @param description may be null
 * @param variants the possible types, in document order; inline objects among them are declared
 *     where the union is (beside it at the top level, or nested in its enclosing object)
 * @param discriminatorProperty the property whose value names the variant, or null
 * @param discriminatorMapping discriminator values to the variant schema ids they select, in
 *     document order; variants not mapped are selected by their schema's name
 */
public record UnionSchema(
    String id,
    String name,
    String description,
    List<TypeRef> variants,
    String discriminatorProperty,
    Map<String, String> discriminatorMapping)
    implements Schema {

  public UnionSchema {
    variants = List.copyOf(variants);
    discriminatorMapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(discriminatorMapping));
  }
}
