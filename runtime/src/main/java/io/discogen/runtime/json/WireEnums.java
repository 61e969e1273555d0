package io.discogen.runtime.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

  /** Each enum's constants by wire value, and its constant for unknown values; built on first use. */
  private static final ClassValue<Lookup> LOOKUPS = new ClassValue<>() {
    @Override
    protected Lookup computeValue(Class<?> type) {
      Map<String, Object> byValue = new HashMap<>();
      Object unknown = null;
      for (Object constant : type.getEnumConstants()) {
        String v = ((WireEnum) constant).value();
        if (v == null) {
          unknown = constant;
        } else {
          byValue.putIfAbsent(v, constant);
        }
      }
      return new Lookup(byValue, unknown);
    }
  };

  private record Lookup(Map<String, Object> byValue, Object unknown) {}

  /**
   * For a generated enum's {@code fromValue}: the constant with this wire value, null for null, the
   * constant standing for unknown values for a value the enum does not list.
   */
  @SuppressWarnings("unchecked") // the lookup of type holds constants of type only
  public static <E extends Enum<E> & WireEnum> E fromValue(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    Lookup lookup = LOOKUPS.get(type);
    Object constant = lookup.byValue().get(value);
    return (E) (constant != null ? constant : lookup.unknown());
  }

  /** As {@link #fromValue(Class, String)}, for an enum of JSON numbers (wire values as decimal text). */
  public static <E extends Enum<E> & WireEnum> E fromNumber(Class<E> type, Long value) {
    return value == null ? null : fromValue(type, value.toString());
  }

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
