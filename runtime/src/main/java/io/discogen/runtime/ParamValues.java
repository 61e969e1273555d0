package io.discogen.runtime;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

  private static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
