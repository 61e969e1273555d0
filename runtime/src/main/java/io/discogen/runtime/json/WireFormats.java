package io.discogen.runtime.json;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;

/** Text forms of Google's wire types, shared by JSON bodies and query parameters. */
public final class WireFormats {
  private WireFormats() {}

  private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  /** RFC 3339, Z-normalised, with 0, 3, 6 or 9 fractional digits. */
  public static String formatTimestamp(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /** Any RFC 3339 timestamp, any offset. */
  public static Instant parseTimestamp(String s) {
    return OffsetDateTime.parse(s, RFC3339).toInstant();
  }

  /**
   * RFC 3339 with the value's own offset ({@code Z} for UTC), always with seconds, and 0, 3, 6 or 9
   * fractional digits. An offset with seconds, which RFC 3339 cannot write, is written in UTC.
   */
  public static String formatOffsetTimestamp(OffsetDateTime t) {
    OffsetDateTime v = t.getOffset().getTotalSeconds() % 60 == 0 ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(35);
    int year = v.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("RFC 3339 years are 0000 to 9999: " + t);
    }
    sb.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, v.getMonthValue(), v.getDayOfMonth(),
        v.getHour(), v.getMinute(), v.getSecond()));
    int nanos = v.getNano();
    if (nanos != 0) {
      if (nanos % 1_000_000 == 0) {
        sb.append(String.format(".%03d", nanos / 1_000_000));
      } else if (nanos % 1_000 == 0) {
        sb.append(String.format(".%06d", nanos / 1_000));
      } else {
        sb.append(String.format(".%09d", nanos));
      }
    }
    return sb.append(v.getOffset().getTotalSeconds() == 0 ? "Z" : v.getOffset().getId()).toString();
  }

  /** Any RFC 3339 timestamp; the offset is kept ({@code -00:00} reads as {@code Z}). */
  public static OffsetDateTime parseOffsetTimestamp(String s) {
    return OffsetDateTime.parse(s, RFC3339);
  }

  /**
   * A URI as servers send it: strict RFC 3986 when it parses, else with the characters URIs may
   * not hold ({@code |}, spaces, braces, a {@code %} not starting an escape...) percent-encoded,
   * since real servers send such URLs and one should not fail a whole response.
   */
  public static URI parseUri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      StringBuilder sb = new StringBuilder(s.length() + 16);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean escape = c == '%' ? !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)))
            : c <= ' ' || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || Character.isSpaceChar(c)
                || Character.isISOControl(c);
        if (escape) {
          for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
          }
        } else {
          sb.append(c);
        }
      }
      try {
        return new URI(sb.toString());
      } catch (URISyntaxException still) {
        throw new IllegalArgumentException("not a URI: " + still.getReason(), still);
      }
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** Protobuf JSON duration: seconds with 0, 3, 6 or 9 fractional digits and an {@code s}. */
  public static String formatDuration(Duration d) {
    long seconds = d.getSeconds();
    int nanos = d.getNano();
    boolean negative = seconds < 0;
    if (negative && nanos > 0) {
      seconds += 1;
      nanos = 1_000_000_000 - nanos;
    }
    StringBuilder sb = new StringBuilder();
    if (negative) {
      sb.append('-');
      seconds = -seconds;
    }
    sb.append(seconds);
    if (nanos != 0) {
      String frac;
      if (nanos % 1_000_000 == 0) {
        frac = String.format("%03d", nanos / 1_000_000);
      } else if (nanos % 1_000 == 0) {
        frac = String.format("%06d", nanos / 1_000);
      } else {
        frac = String.format("%09d", nanos);
      }
      sb.append('.').append(frac);
    }
    return sb.append('s').toString();
  }

  public static Duration parseDuration(String s) {
    if (!s.endsWith("s")) {
      throw new IllegalArgumentException("duration must end with 's': " + s);
    }
    BigDecimal secs = new BigDecimal(s.substring(0, s.length() - 1));
    BigDecimal whole = new BigDecimal(secs.toBigInteger());
    long nanos = secs.subtract(whole).movePointRight(9).longValueExact();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }

  /** Standard base64 with padding. */
  public static String formatBytes(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Standard or URL-safe base64, padded or not. */
  public static byte[] parseBytes(String s) {
    String t = s.strip();
    if (t.indexOf('-') >= 0 || t.indexOf('_') >= 0) {
      return Base64.getUrlDecoder().decode(t);
    }
    return Base64.getDecoder().decode(t);
  }
}
