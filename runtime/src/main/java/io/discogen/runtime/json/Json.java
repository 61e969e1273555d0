package io.discogen.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

  private Json() {
    JsonMapper.Builder b = JsonMapper.builder()
        .addModule(new WireModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.mapper = b.build();
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
