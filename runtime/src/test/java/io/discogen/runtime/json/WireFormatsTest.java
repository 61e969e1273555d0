package io.discogen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast paths for timestamps and durations must agree with the reference parsers
 * (the RFC 3339 {@code DateTimeFormatter} and BigDecimal) on every input: same value, or both
 * refuse.
 */
class WireFormatsTest {

  static final List<String> TIMESTAMPS = List.of(
      "2024-06-20T08:00:00Z",
      "2024-06-20T08:00:00.123456Z",
      "2024-06-20T08:00:00.1Z",
      "2024-06-20T08:00:00.123456789Z",
      "2024-06-20T08:00:00.000000001Z",
      "2024-06-20T08:00:00.1234567891Z", // 10 digits: formatter refuses
      "2024-06-20T08:00:00.Z", // a point without digits
      "2024-06-20t08:00:00z", // case-insensitive
      "2024-05-01T10:11:12.345-07:00",
      "2024-05-01T10:11:12+05:30",
      "2024-05-01T10:11:12-00:00",
      "2024-05-01T10:11:12+17:59",
      "2024-05-01T10:11:12+18:00", // the largest offset: left to the formatter
      "2024-05-01T10:11:12+18:01",
      "2024-05-01T10:11:12+23:59",
      "2024-05-01T10:11:12+24:00",
      "2024-05-01T10:11:12+05:60",
      "2024-05-01T10:11:12+0530",
      "2024-05-01T10:11:12+05",
      "2024-05-01T10:11:12",
      "2024-05-01T10:11:12ZZ",
      "2024-05-01T10:11:12Z ",
      " 2024-05-01T10:11:12Z",
      "2024-05-01 10:11:12Z",
      "2024-05-01T24:00:00Z", // SMART resolver: the next day
      "2024-05-01T24:00:01Z",
      "2024-05-01T23:60:00Z",
      "2024-05-01T23:59:60Z", // no leap seconds
      "2024-02-29T00:00:00Z",
      "2023-02-29T00:00:00Z", // SMART resolver clamps the day
      "2024-02-30T00:00:00Z",
      "2024-04-31T00:00:00Z",
      "2024-04-32T00:00:00Z",
      "2024-00-10T00:00:00Z",
      "2024-13-10T00:00:00Z",
      "2024-01-00T00:00:00Z",
      "1900-02-29T00:00:00Z",
      "2000-02-29T00:00:00Z",
      "0000-01-01T00:00:00Z",
      "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999999Z",
      "1969-12-31T23:59:59.999Z",
      "1970-01-01T00:00:00Z",
      "+2024-01-01T00:00:00Z",
      "12024-01-01T00:00:00Z",
      "-0001-01-01T00:00:00Z",
      "2024-1-01T00:00:00Z",
      "2024-01-01T0:00:00Z",
      "2024-01-01T00:00:00.12a4Z",
      "2024-01-01T00:00:00,5Z",
      "２０２４-01-01T00:00:00Z",
      "");

  @Test
  void timestampEdgeCasesMatchTheFormatter() {
    for (String s : TIMESTAMPS) {
      assertSame(s, WireFormats::parseTimestampSlow, WireFormats::parseTimestamp);
      assertSame(s, WireFormats::parseTimestampSlow, WireFormatsTest::timestampFromChars);
    }
  }

  @Test
  void randomTimestampsMatchTheFormatter() {
    Random r = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append(pad(r.nextInt(r.nextInt(10) == 0 ? 10_000 : 400) + (r.nextBoolean() ? 1800 : 0), 4)).append('-')
          .append(pad(r.nextInt(14), 2)).append('-').append(pad(r.nextInt(33), 2))
          .append(r.nextInt(20) == 0 ? 't' : 'T')
          .append(pad(r.nextInt(26), 2)).append(':').append(pad(r.nextInt(61), 2)).append(':')
          .append(pad(r.nextInt(61), 2));
      int frac = r.nextInt(12);
      if (frac > 0) {
        b.append('.');
        for (int k = 1; k < frac; k++) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
      switch (r.nextInt(4)) {
        case 0 -> b.append(r.nextInt(10) == 0 ? 'z' : 'Z');
        case 1 -> b.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(20), 2)).append(':')
            .append(pad(r.nextInt(61), 2));
        case 2 -> b.append('Z');
        default -> b.append("-07:00");
      }
      String s = b.toString();
      if (r.nextInt(50) == 0) { // a random corruption
        char[] c = s.toCharArray();
        c[r.nextInt(c.length)] = "0a:-.TZ+ 9".charAt(r.nextInt(10));
        s = new String(c);
      }
      assertSame(s, WireFormats::parseTimestampSlow, WireFormats::parseTimestamp);
    }
  }

  @Test
  void fastPathTakesTheCommonForms() {
    for (String s : List.of("2024-06-20T08:00:00Z", "2024-06-20T08:00:00.123456Z", "2024-05-01T10:11:12.345-07:00",
        "2024-05-01T10:11:12+05:30", "2024-06-20t08:00:00z")) {
      assertNotNull(WireFormats.fastTimestamp(s.toCharArray(), 0, s.length()), s);
    }
    for (String s : List.of("2024-05-01T24:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T10:11:12+18:00")) {
      assertNull(WireFormats.fastTimestamp(s.toCharArray(), 0, s.length()), s);
    }
    assertEquals(Instant.parse("2024-05-01T17:11:12.345Z"), WireFormats.parseTimestamp("2024-05-01T10:11:12.345-07:00"));
    assertEquals(Instant.parse("2024-05-02T00:00:00Z"), WireFormats.parseTimestamp("2024-05-01T24:00:00Z"));
    assertEquals(Instant.parse("2023-02-28T00:00:00Z"), WireFormats.parseTimestamp("2023-02-29T00:00:00Z"));
  }

  static final List<String> DURATIONS = List.of(
      "3600s", "0s", "-0s", "0.5s", "-0.5s", "-1.5s", "1.000000001s", "0.000000001s", "-0.000000001s",
      "1.0000000001s", "1.0000000000s", "123456789012345678s", "-123456789012345678s",
      "1234567890123456789s", "9223372036854775807s", "9223372036854775808s", "-9223372036854775808s",
      "00012s", "1.s", ".5s", "+1s", "1e3s", "1E-3s", "1.5", "1.5S", "s", "-s", "--1s", "1..5s", "1.5.s",
      " 1s", "1 s", "1s ", "１s", "");

  @Test
  void durationEdgeCasesMatchBigDecimal() {
    for (String s : DURATIONS) {
      assertSame(s, WireFormats::parseDurationSlow, WireFormats::parseDuration);
      assertSame(s, WireFormats::parseDurationSlow, WireFormatsTest::durationFromChars);
    }
    assertNull(WireFormats.fastDuration("1e3s".toCharArray(), 0, 4));
    assertEquals(Duration.ofMillis(-1500), WireFormats.parseDuration("-1.5s"));
    assertEquals(Duration.ofSeconds(1000), WireFormats.parseDuration("1e3s"));
  }

  @Test
  void randomDurationsMatchBigDecimal() {
    Random r = new Random(7);
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder();
      if (r.nextInt(3) == 0) {
        b.append('-');
      }
      int digits = r.nextInt(21);
      for (int k = 0; k < digits; k++) {
        b.append((char) ('0' + r.nextInt(10)));
      }
      if (r.nextBoolean()) {
        b.append('.');
        int frac = r.nextInt(12);
        for (int k = 0; k < frac; k++) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
      b.append('s');
      assertSame(b.toString(), WireFormats::parseDurationSlow, WireFormats::parseDuration);
    }
  }

  @Test
  void badValuesStillFailDecodingWithTheValue() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Json.get().read("\"2024-05-01T10:11:12+24:00\"", Instant.class));
    assertTrue(e.getCause().getMessage().contains("2024-05-01T10:11:12+24:00"), e.getCause().getMessage());
    e = assertThrows(UncheckedIOException.class, () -> Json.get().read("\"1.5\"", Duration.class));
    assertTrue(e.getCause().getMessage().contains("must end with 's'"), e.getCause().getMessage());
    assertEquals(Instant.parse("2024-06-20T08:00:00.123456Z"),
        Json.get().read("\"2024-06-20T08:00:00.123456Z\"", Instant.class));
    assertEquals(Duration.ofSeconds(3600), Json.get().read("\"3600s\"", Duration.class));
    assertEquals(Duration.ofSeconds(1000), Json.get().read("\"1e3s\"", Duration.class));
  }

  /** The char[] entry point, on a buffer with text around the value (as Jackson's are). */
  static Instant timestampFromChars(String s) {
    char[] c = ("xx\"" + s + "\"yy").toCharArray();
    return WireFormats.parseTimestamp(c, 3, s.length());
  }

  static Duration durationFromChars(String s) {
    char[] c = ("xx\"" + s + "\"yy").toCharArray();
    return WireFormats.parseDuration(c, 3, s.length());
  }

  static <T> void assertSame(String s, Function<String, T> reference, Function<String, T> candidate) {
    Object want;
    try {
      want = reference.apply(s);
    } catch (RuntimeException e) {
      want = e.getClass();
    }
    Object got;
    try {
      got = candidate.apply(s);
    } catch (RuntimeException e) {
      got = e.getClass();
    }
    assertEquals(want, got, () -> "input '" + s + "'");
  }

  static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
