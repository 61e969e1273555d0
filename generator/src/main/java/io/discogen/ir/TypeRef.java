package io.discogen.ir;

/** A reference to a type: a primitive, a list, a string-keyed map, a named schema, or anything. */
public sealed interface TypeRef {

  /** A scalar type. */
  record Primitive(Kind kind) implements TypeRef {}

  /**
   * An ordered list (JSON array).
   *
   * @param nullableItems whether the spec allows JSON null items (OpenAPI {@code nullable} or a
   *     {@code "null"} type on {@code items}); only documentation differs, since null items are
   *     sent and received as JSON null either way
   */
  record ListOf(TypeRef element, boolean nullableItems) implements TypeRef {
    public ListOf(TypeRef element) {
      this(element, false);
    }
  }

  /**
   * A JSON object used as a map with string keys.
   *
   * @param nullableValues whether the spec allows JSON null values, as {@link ListOf#nullableItems}
   */
  record MapOf(TypeRef value, boolean nullableValues) implements TypeRef {
    public MapOf(TypeRef value) {
      this(value, false);
    }
  }

  /** A schema by id; always present in {@link ApiModel#schemaIndex()}. */
  record Named(String schemaId) implements TypeRef {}

  /** Any JSON value. */
  record Any() implements TypeRef {}

  /** Scalar kinds, with their wire formats. */
  enum Kind {
    STRING,
    BOOLEAN,
    /** 32-bit signed, a JSON number. */
    INT32,
    /** 32-bit unsigned, a JSON number. */
    UINT32,
    /** 64-bit signed, a JSON string. */
    INT64,
    /** 64-bit unsigned, a JSON string. */
    UINT64,
    FLOAT,
    DOUBLE,
    /** Bytes as standard base64 text (OpenAPI {@code format: byte}, RFC 4648 section 4). */
    BYTES,
    /**
     * Bytes as URL-safe base64 text with padding (Discovery {@code format: byte}: "a padded,
     * base64-encoded string of bytes, encoded with a URL and filename safe alphabet").
     */
    BYTES_URL_SAFE,
    /** RFC 3339 timestamp. */
    DATE_TIME,
    /** RFC 3339 full-date. */
    DATE,
    /** Protobuf JSON duration, {@code "3.5s"}. */
    DURATION,
    /** Comma-separated field paths. */
    FIELD_MASK,
    /** 64-bit signed, a JSON number (OpenAPI {@code int64}, and integers without a format). */
    INT64_NUMBER,
    /** An arbitrary-precision decimal, a JSON number (OpenAPI {@code number} without a format). */
    DECIMAL,
    /**
     * Raw bytes (OpenAPI {@code format: binary}): a file part of a multipart body, a whole
     * non-JSON body or download; base64 text inside JSON.
     */
    BINARY,
    /** A UUID as text (OpenAPI {@code format: uuid}). */
    UUID,
    /**
     * RFC 3339 timestamp that keeps the offset it was written with (OpenAPI {@code format:
     * date-time}); Discovery timestamps are {@link #DATE_TIME}.
     */
    OFFSET_DATE_TIME,
    /** A URI reference as text (OpenAPI {@code format: uri} and {@code uri-reference}). */
    URI
  }

  Primitive STRING = new Primitive(Kind.STRING);
  Any ANY = new Any();

  static Primitive of(Kind kind) {
    return new Primitive(kind);
  }
}
