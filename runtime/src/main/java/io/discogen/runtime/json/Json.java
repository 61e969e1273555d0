package io.discogen.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * The one JSON mapper generated models use, configured for Google's wire formats (see {@link
 * WireModule}). Shared and thread-safe.
 */
public final class Json {
  private static final Json INSTANCE = new Json();

  private final ObjectMapper mapper;
  /** Writes request bodies: leaves out what only the server sets (see {@link WireViews}). */
  private final ObjectWriter requestWriter;

  private Json() {
    JsonMapper.Builder b = JsonMapper.builder()
        .addModule(new WireModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.mapper = b.build();
    this.requestWriter = mapper.writerWithView(WireViews.Request.class);
    // Hostile responses: bound nesting so a deep document cannot exhaust the stack.
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(1000).build());
  }

  public static Json get() {
    return INSTANCE;
  }

  /** The underlying Jackson mapper, for users who need it. Do not reconfigure it. */
  public ObjectMapper mapper() {
    return mapper;
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request body: like {@link #write}, without the properties only the server sets. */
  public byte[] writeRequest(Object value) {
    try {
      return requestWriter.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request body as a tree (for form and multipart bodies), as {@link #writeRequest} writes it. */
  public JsonNode treeRequest(Object value) {
    try (TokenBuffer buf = new TokenBuffer(mapper, false)) {
      requestWriter.writeValue(buf, value);
      try (JsonParser p = buf.asParser()) {
        JsonNode tree = mapper.readTree(p);
        return tree == null ? mapper.nullNode() : tree;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String writeString(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public <T> T read(byte[] json, Type type) {
    try {
      JavaType jt = mapper.getTypeFactory().constructType(type);
      return mapper.readValue(json, jt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts any JSON-shaped value (a map from an {@code any} field, a model) to {@code type}. */
  public <T> T convert(Object value, Class<T> type) {
    return value == null ? null : mapper.convertValue(value, type);
  }

  /** Converts any JSON-shaped value to a possibly generic {@code type}. */
  public <T> T convert(Object value, Type type) {
    if (value == null) {
      return null;
    }
    JavaType jt = mapper.getTypeFactory().constructType(type);
    return mapper.convertValue(value, jt);
  }

  public JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }
}
