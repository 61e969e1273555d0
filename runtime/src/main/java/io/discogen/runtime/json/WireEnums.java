package io.discogen.runtime.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Conversions between the raw wire strings models store for enum properties and the generated
 * enums. Models keep the raw text so that values a newer server sends survive a round trip.
 */
public final class WireEnums {
  private WireEnums() {}

  /** The wire value of a constant; refuses the constant that stands for unknown values. */
  public static String encode(WireEnum value) {
    if (value == null) {
      return null;
    }
    String v = value.value();
    if (v == null) {
      throw new IllegalArgumentException(
          value + " stands for values this client does not know and cannot be sent; set the raw value instead");
    }
    return v;
  }

  /** The wire value of a constant of an integer enum, a JSON number; refuses the unknown constant. */
  public static Long encodeNumber(WireEnum value) {
    return value == null ? null : Long.valueOf(encode(value));
  }

  public static <R, E extends WireEnum> List<E> decodeList(List<R> raw, Function<R, E> decode) {
    if (raw == null) {
      return null;
    }
    List<E> out = new ArrayList<>(raw.size());
    for (R r : raw) {
      out.add(decode.apply(r));
    }
    return Collections.unmodifiableList(out);
  }

  public static List<String> encodeList(List<? extends WireEnum> values) {
    if (values == null) {
      return null;
    }
    List<String> out = new ArrayList<>(values.size());
    for (WireEnum e : values) {
      out.add(encode(e));
    }
    return out;
  }

  public static <R, E extends WireEnum> Map<String, E> decodeMap(
      Map<String, R> raw, Function<R, E> decode) {
    if (raw == null) {
      return null;
    }
    Map<String, E> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k, decode.apply(v)));
    return Collections.unmodifiableMap(out);
  }

  public static Map<String, String> encodeMap(Map<String, ? extends WireEnum> values) {
    if (values == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, encode(v)));
    return out;
  }

  public static List<Long> encodeNumberList(List<? extends WireEnum> values) {
    if (values == null) {
      return null;
    }
    List<Long> out = new ArrayList<>(values.size());
    for (WireEnum e : values) {
      out.add(encodeNumber(e));
    }
    return out;
  }

  public static Map<String, Long> encodeNumberMap(Map<String, ? extends WireEnum> values) {
    if (values == null) {
      return null;
    }
    Map<String, Long> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, encodeNumber(v)));
    return out;
  }
}
