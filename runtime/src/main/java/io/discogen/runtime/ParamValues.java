package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import io.discogen.runtime.json.WireEnum;
import io.discogen.runtime.json.WireEnums;
import io.discogen.runtime.json.WireFormats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text form of parameter values for paths, query strings and headers. */
final class ParamValues {
  private ParamValues() {}

  /** One value as text; refuses collections (see {@link #formatAll}). */
  static String format(String name, Object value) {
    if (value instanceof String s) {
      return s;
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
      return value.toString();
    } else if (value instanceof Double d) {
      return formatDouble(d);
    } else if (value instanceof Float f) {
      return Float.isFinite(f) ? new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString()
          : formatDouble(f.doubleValue());
    } else if (value instanceof BigDecimal b) {
      return b.toPlainString();
    } else if (value instanceof Instant t) {
      return WireFormats.formatTimestamp(t);
    } else if (value instanceof OffsetDateTime t) {
      return WireFormats.formatOffsetTimestamp(t);
    } else if (value instanceof URI u) {
      return u.toString();
    } else if (value instanceof Duration d) {
      return WireFormats.formatDuration(d);
    } else if (value instanceof LocalDate d) {
      return d.toString();
    } else if (value instanceof java.util.UUID u) {
      return u.toString();
    } else if (value instanceof byte[] b) {
      return WireFormats.formatBytes(b);
    } else if (value instanceof WireEnum e) {
      return WireEnums.encode(e);
    } else if (value instanceof Collection) {
      throw new IllegalArgumentException("parameter " + name + " takes a single value, not a list");
    }
    throw new IllegalArgumentException(
        "parameter " + name + " has an unsupported type " + value.getClass().getName());
  }

  /**
   * {@code value} with its bytes (a {@code byte[]}, or each of a list's) as URL-safe base64 text
   * when {@code p} says they travel so (Discovery's {@code format: byte}); otherwise as it is,
   * and {@link #format} writes bytes in standard base64.
   */
  static Object wire(RestMethod.Param p, Object value) {
    if (p == null || !p.base64Url()) {
      return value;
    }
    if (value instanceof byte[] b) {
      return WireFormats.formatBytesUrlSafe(b);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        out.add(o instanceof byte[] b ? WireFormats.formatBytesUrlSafe(b) : o);
      }
      return out;
    }
    return value;
  }

  /** A value or list of values (repeated parameters) as texts. */
  static List<String> formatAll(String name, Object value) {
    if (value instanceof Collection<?> c) {
      List<String> out = new ArrayList<>(c.size());
      for (Object o : c) {
        if (o == null) {
          throw new IllegalArgumentException("repeated parameter " + name + " contains null");
        }
        out.add(format(name, o));
      }
      return out;
    }
    return List.of(format(name, value));
  }

  /** Whether {@code value} is an object (a map or a model) rather than a scalar or a list. */
  static boolean isObject(Object value) {
    return value instanceof Map || value instanceof io.discogen.runtime.json.JsonModel;
  }

  /** An object's properties in order, nulls left out; models as their JSON form. */
  static Map<String, Object> properties(String name, Object value) {
    Map<?, ?> map = value instanceof Map<?, ?> m ? m : Json.get().convert(value, Map.class);
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (k == null) {
        throw new IllegalArgumentException("object parameter " + name + " has a null key");
      }
      if (v != null) {
        out.put(k.toString(), v);
      }
    });
    return out;
  }

  /** Texts of a value: a scalar, a list, or an object as alternating keys and values. */
  private static List<String> flat(String name, Object value, boolean explodeObject) {
    if (!isObject(value)) {
      return formatAll(name, value);
    }
    List<String> out = new ArrayList<>();
    properties(name, value).forEach((k, v) -> {
      String text = String.join(",", formatAll(name + "." + k, v));
      if (explodeObject) {
        out.add(k + "=" + text);
      } else {
        out.add(k);
        out.add(text);
      }
    });
    return out;
  }

  /**
   * A header value in the {@code simple} style: items comma-separated; an object as {@code
   * k,v,k,v}, or {@code k=v,k=v} when exploded.
   */
  static String simple(RestMethod.Param p, String name, Object value) {
    value = wire(p, value);
    return String.join(",", flat(name, value, p != null && p.explode()));
  }

  /**
   * A query parameter as {@code name=value} pairs in its style, both percent-encoded; delimiters
   * the style adds are left unencoded, so a comma inside an item stays distinguishable.
   */
  static List<Map.Entry<String, String>> query(RestMethod.Param p, String name, Object value) {
    value = wire(p, value);
    RestMethod.Style style = p == null ? RestMethod.Style.FORM : p.style();
    boolean explode = p == null || p.explode();
    List<Map.Entry<String, String>> out = new ArrayList<>();
    String n = UriTemplate.encode(name, false);
    if (style == RestMethod.Style.DEEP_OBJECT && isObject(value)) {
      deep(out, n, name, value);
      return out;
    }
    if (isObject(value) && style == RestMethod.Style.FORM && explode) {
      // Exploded form objects lose their name: each property is a parameter of its own.
      properties(name, value).forEach((k, v) -> {
        for (String text : formatAll(name + "." + k, v)) {
          out.add(new SimpleImmutableEntry<>(UriTemplate.encode(k, false), UriTemplate.encode(text, false)));
        }
      });
      return out;
    }
    List<String> items = flat(name, value, false);
    if (explode && !isObject(value) && value instanceof Collection) {
      for (String item : items) {
        out.add(new SimpleImmutableEntry<>(n, UriTemplate.encode(item, false)));
      }
      return out;
    }
    String delimiter = switch (style) {
      case SPACE_DELIMITED -> "%20";
      case PIPE_DELIMITED -> "%7C";
      default -> ",";
    };
    List<String> encoded = new ArrayList<>(items.size());
    for (String item : items) {
      encoded.add(UriTemplate.encode(item, false));
    }
    out.add(new SimpleImmutableEntry<>(n, String.join(delimiter, encoded)));
    return out;
  }

  /**
   * A path parameter expanded in its style as RFC 6570 does for {@code {x}}, {@code {.x}} and
   * {@code {;x}} (exploded: {@code {x*}} ...), every name, key and value percent-encoded except
   * unreserved characters. An empty list or object expands to nothing.
   */
  static String path(RestMethod.Param p, String name, Object value) {
    value = wire(p, value);
    RestMethod.Style style = p == null ? RestMethod.Style.SIMPLE : p.style();
    boolean explode = p != null && p.explode();
    String prefix = switch (style) {
      case LABEL -> ".";
      case MATRIX -> ";";
      default -> "";
    };
    String n = UriTemplate.encode(name, false);
    List<String> items = new ArrayList<>();
    if (isObject(value)) {
      properties(name, value).forEach((k, v) -> {
        String key = UriTemplate.encode(k, false);
        String text = UriTemplate.encode(String.join(",", formatAll(name + "." + k, v)), false);
        if (explode) {
          items.add(key + "=" + text);
        } else {
          items.add(key);
          items.add(text);
        }
      });
      if (items.isEmpty()) {
        return "";
      }
      if (explode) {
        return prefix + String.join(style == RestMethod.Style.SIMPLE ? "," : prefix, items);
      }
      return prefix + (style == RestMethod.Style.MATRIX ? n + "=" : "") + String.join(",", items);
    }
    for (String text : formatAll(name, value)) {
      items.add(UriTemplate.encode(text, false));
    }
    if (items.isEmpty()) {
      return "";
    }
    if (style == RestMethod.Style.MATRIX) {
      if (explode) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
          sb.append(';').append(n).append(item.isEmpty() ? "" : "=" + item);
        }
        return sb.toString();
      }
      String joined = String.join(",", items);
      return ";" + n + (joined.isEmpty() ? "" : "=" + joined);
    }
    return prefix + String.join(explode && style == RestMethod.Style.LABEL ? "." : ",", items);
  }

  /** {@code name[key]=value}, nested objects as {@code name[key][inner]}, lists repeated. */
  private static void deep(List<Map.Entry<String, String>> out, String prefix, String name, Object value) {
    properties(name, value).forEach((k, v) -> {
      String key = prefix + "%5B" + UriTemplate.encode(k, false) + "%5D";
      if (isObject(v)) {
        deep(out, key, name + "." + k, v);
      } else {
        for (String text : formatAll(name + "." + k, v)) {
          out.add(new SimpleImmutableEntry<>(key, UriTemplate.encode(text, false)));
        }
      }
    });
  }

  private static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
