package io.discogen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Google's JSON wire formats for the Java types generated models use. Each Java type here has one
 * wire format in generated code, so mapping by type is unambiguous. (64-bit integers are written as
 * strings through {@code @JsonFormat(shape = STRING)} on the field, since {@code Long} also carries
 * uint32 values, which are numbers; and {@code byte[]} in URL-safe base64 where the field is marked
 * {@link Base64Url}, Discovery's alphabet, since OpenAPI's is the standard one.)
 */
public final class WireModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public WireModule() {
    super("discogen-wire");
    addSerializer(Instant.class, new ToString<>(Instant.class, WireFormats::formatTimestamp));
    addDeserializer(Instant.class, new FromChars<>(Instant.class, WireFormats::parseTimestamp));
    addSerializer(OffsetDateTime.class, new ToString<>(OffsetDateTime.class, WireFormats::formatOffsetTimestamp));
    addDeserializer(OffsetDateTime.class, fromString(OffsetDateTime.class, WireFormats::parseOffsetTimestamp));
    addDeserializer(URI.class, fromString(URI.class, WireFormats::parseUri)); // lenient; written by toString
    addSerializer(Duration.class, new ToString<>(Duration.class, WireFormats::formatDuration));
    addDeserializer(Duration.class, new FromChars<>(Duration.class, WireFormats::parseDuration));
    addSerializer(LocalDate.class, new ToString<>(LocalDate.class, LocalDate::toString));
    addDeserializer(LocalDate.class, fromString(LocalDate.class, LocalDate::parse));
    addSerializer(byte[].class, new BytesSerializer(false));
    addDeserializer(byte[].class, fromString(byte[].class, WireFormats::parseBytes));
    addSerializer(BigInteger.class, new ToString<>(BigInteger.class, BigInteger::toString));
  }

  private static final class ToString<T> extends JsonSerializer<T> {
    private final Class<T> type;
    private final java.util.function.Function<T, String> format;

    ToString(Class<T> type, java.util.function.Function<T, String> format) {
      this.type = type;
      this.format = format;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(format.apply(value));
    }
  }

  /**
   * {@code byte[]} as standard base64, or URL-safe where the field is marked {@link Base64Url}:
   * Jackson contextualizes list items and map values with their field, so the mark covers them.
   */
  private static final class BytesSerializer extends JsonSerializer<byte[]> implements ContextualSerializer {
    private final boolean urlSafe;

    BytesSerializer(boolean urlSafe) {
      this.urlSafe = urlSafe;
    }

    @Override
    public Class<byte[]> handledType() {
      return byte[].class;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
      boolean marked = property != null && property.getAnnotation(Base64Url.class) != null;
      return marked == urlSafe ? this : new BytesSerializer(marked);
    }

    @Override
    public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(urlSafe ? WireFormats.formatBytesUrlSafe(value) : WireFormats.formatBytes(value));
    }
  }

  /** Parses text in place. */
  @FunctionalInterface
  private interface CharsParser<T> {
    T parse(char[] c, int offset, int length);
  }

  /**
   * Text values, parsed from the parser's own buffer without making a String first
   * (timestamps and durations: many per response).
   */
  private static final class FromChars<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final CharsParser<T> parse;

    FromChars(Class<T> type, CharsParser<T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public Class<?> handledType() {
      return type;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      try {
        char[] c = p.getTextCharacters();
        return parse.parse(c, p.getTextOffset(), p.getTextLength());
      } catch (RuntimeException e) {
        String text = p.getText();
        return type.cast(ctxt.handleWeirdStringValue(type, text, "%s", e.getMessage()));
      }
    }
  }

  /** Text values parsed from a String (the less frequent types: no buffer fast path needed). */
  private static <T> FromChars<T> fromString(Class<T> type, java.util.function.Function<String, T> parse) {
    return new FromChars<>(type, (c, off, len) -> parse.apply(new String(c, off, len)));
  }
}
