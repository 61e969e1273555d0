package io.discogen.runtime.json;

/**
 * Implemented by every generated enum. Each constant carries its wire value; the extra constant the
 * generator adds for values the spec does not list ({@code UNRECOGNIZED}) has none.
 */
public interface WireEnum {
  /** The value as sent on the wire, or null for the constant standing for unknown values. */
  String value();
}
