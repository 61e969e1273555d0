package io.discogen.ir;

/**
 * Where a spec came from.
 *
 * @param displayPath the path as the user gave it, used in messages and in generated headers (never
 *     an absolute path of the generating machine unless the user gave one)
 * @param format the input format
 */
public record SpecSource(String displayPath, Format format) {

  /** Input formats. */
  public enum Format {
    DISCOVERY,
    OPENAPI
  }
}
