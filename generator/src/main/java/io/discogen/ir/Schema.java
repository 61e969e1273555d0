package io.discogen.ir;

/**
 * A named type definition: an object, an enum, a union of types, or an alias of another type.
 *
 * <p>{@code id} is unique within an API. Top-level schemas use the spec's key; nested ones are
 * derived from their position ({@code Session.runtimeInfo}), so renaming an unrelated schema never
 * renames them. {@code name} is the simple name Java names are derived from (the schema key, or the
 * property or parameter name for inline types).
 */
public sealed interface Schema permits ObjectSchema, EnumSchema, AliasSchema, UnionSchema {
  String id();

  String name();

  /** May be null. */
  String description();
}
