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
    Instant t = s.length() <= MAX_FAST_TIMESTAMP ? fastTimestamp(s.toCharArray(), 0, s.length()) : null;
    return t != null ? t : parseTimestampSlow(s);
  }

  /** {@link #parseTimestamp(String)} on {@code len} characters of {@code c} from {@code off}. */
  static Instant parseTimestamp(char[] c, int off, int len) {
    Instant t = fastTimestamp(c, off, len);
    return t != null ? t : parseTimestampSlow(new String(c, off, len));
  }

  /** The reference: everything the fast path does not take. */
  static Instant parseTimestampSlow(String s) {
    return OffsetDateTime.parse(s, RFC3339).toInstant();
  }

  /** The longest form the fast path takes: {@code 2024-01-02T03:04:05.123456789+01:00}. */
  private static final int MAX_FAST_TIMESTAMP = 35;

  /**
   * The common forms, {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM)} with valid field
   * values, without a formatter; null for anything else (then {@link #parseTimestampSlow} decides,
   * so results and errors stay those of the formatter: lower-case {@code t}/{@code z} are taken
   * here as there, since it parses case-insensitively; an hour of 24, a day past the month's end
   * (the formatter's SMART resolver moves or clamps them), 10+ fraction digits, other offsets and
   * anything malformed are left to it).
   */
  static Instant fastTimestamp(char[] c, int off, int len) {
    if (len < 20 || len > MAX_FAST_TIMESTAMP) {
      return null;
    }
    int year = digits4(c, off);
    int month = digits2(c, off + 5);
    int day = digits2(c, off + 8);
    int hour = digits2(c, off + 11);
    int minute = digits2(c, off + 14);
    int second = digits2(c, off + 17);
    if ((year | month | day | hour | minute | second) < 0
        || c[off + 4] != '-' || c[off + 7] != '-' || (c[off + 10] != 'T' && c[off + 10] != 't')
        || c[off + 13] != ':' || c[off + 16] != ':'
        || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int end = off + len;
    int p = off + 19;
    int nanos = 0;
    if (c[p] == '.') {
      int start = ++p;
      while (p < end && p - start < 9 && c[p] >= '0' && c[p] <= '9') {
        nanos = nanos * 10 + (c[p++] - '0');
      }
      int n = p - start;
      if (n == 0 || p >= end || (c[p] >= '0' && c[p] <= '9')) {
        return null;
      }
      for (; n < 9; n++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    char z = c[p];
    if ((z == 'Z' || z == 'z') && p + 1 == end) {
      offsetSeconds = 0;
    } else if ((z == '+' || z == '-') && p + 6 == end && c[p + 3] == ':') {
      int oh = digits2(c, p + 1);
      int om = digits2(c, p + 4);
      if (oh < 0 || om < 0 || oh > 17 || om > 59) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochSecond = epochDay(year, month, day) * 86_400L
        + hour * 3600 + minute * 60 + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  private static int digits2(char[] c, int i) {
    int a = c[i] - '0';
    int b = c[i + 1] - '0';
    return (a < 0 || a > 9 || b < 0 || b > 9) ? -1 : a * 10 + b;
  }

  private static int digits4(char[] c, int i) {
    int hi = digits2(c, i);
    int lo = digits2(c, i + 2);
    return (hi | lo) < 0 ? -1 : hi * 100 + lo;
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2: return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Days from 1970-01-01 of a valid proleptic ISO date with year 0..9999 (as LocalDate counts). */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total -= isLeap(year) ? 1 : 2;
    }
    return total - 719_528L; // days from 0000-01-01 to 1970-01-01
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
    Duration d = s.length() <= MAX_FAST_DURATION ? fastDuration(s.toCharArray(), 0, s.length()) : null;
    return d != null ? d : parseDurationSlow(s);
  }

  /** {@link #parseDuration(String)} on {@code len} characters of {@code c} from {@code off}. */
  static Duration parseDuration(char[] c, int off, int len) {
    Duration d = fastDuration(c, off, len);
    return d != null ? d : parseDurationSlow(new String(c, off, len));
  }

  /** {@code -} (optional), 1 to 18 digits, {@code .} and 1 to 9 digits (optional), {@code s}. */
  private static final int MAX_FAST_DURATION = 1 + 18 + 1 + 9 + 1;

  /**
   * The common forms ({@code 3600s}, {@code -1.5s}, {@code 0.000000001s}) without BigDecimal; null
   * for anything else ({@code +1s}, {@code 1e3s}, {@code 1.s}, {@code .5s}, 10+ fraction digits,
   * 19+ digit seconds, malformed text), which {@link #parseDurationSlow} decides.
   */
  static Duration fastDuration(char[] c, int off, int len) {
    int end = off + len - 1; // the 's'
    if (len < 2 || len > MAX_FAST_DURATION || c[end] != 's') {
      return null;
    }
    int p = off;
    boolean negative = c[p] == '-';
    if (negative) {
      p++;
    }
    int start = p;
    long seconds = 0;
    while (p < end && c[p] >= '0' && c[p] <= '9') {
      seconds = seconds * 10 + (c[p++] - '0');
    }
    int n = p - start;
    if (n == 0 || n > 18) {
      return null;
    }
    int nanos = 0;
    if (p < end && c[p] == '.') {
      start = ++p;
      while (p < end && c[p] >= '0' && c[p] <= '9') {
        nanos = nanos * 10 + (c[p++] - '0');
      }
      n = p - start;
      if (n == 0 || n > 9) {
        return null;
      }
      for (; n < 9; n++) {
        nanos *= 10;
      }
    }
    if (p != end) {
      return null;
    }
    return negative ? Duration.ofSeconds(-seconds, -nanos) : Duration.ofSeconds(seconds, nanos);
  }

  /** The reference: everything the fast path does not take. */
  static Duration parseDurationSlow(String s) {
    if (!s.endsWith("s")) {
      throw new IllegalArgumentException("duration must end with 's': " + s);
    }
    BigDecimal secs = new BigDecimal(s.substring(0, s.length() - 1));
    BigDecimal whole = new BigDecimal(secs.toBigInteger());
    long nanos = secs.subtract(whole).movePointRight(9).longValueExact();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }

  /** Standard base64 with padding (OpenAPI {@code format: byte}, RFC 4648 section 4). */
  public static String formatBytes(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** URL-safe base64 with padding (Discovery {@code format: byte}, RFC 4648 section 5). */
  public static String formatBytesUrlSafe(byte[] b) {
    return Base64.getUrlEncoder().encodeToString(b);
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
