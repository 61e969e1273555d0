package io.discogen.discovery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Discovery's {@code maxSize} ({@code "10485760"}, {@code "10MB"}, {@code "5TB"}), 1024-based. */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([KMGTP]?)B?\\s*");

  private ByteSize() {}

  /** The size in bytes, or null when the text is not a size (or does not fit in a long). */
  static Long parse(String text) {
    Matcher m = SIZE.matcher(text.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    String unit = m.group(2);
    int shift = unit.isEmpty() ? 0 : 10 * ("KMGTP".indexOf(unit) + 1);
    try {
      long n = Long.parseLong(m.group(1));
      if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
        return null;
      }
      return n << shift;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
