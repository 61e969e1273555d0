package io.discogen.runtime;

import java.util.List;
import java.util.Locale;

/** Reads RFC 8288 {@code Link} headers: the target of the {@code rel="next"} link. */
final class LinkHeader {
  private LinkHeader() {}

  /** The URI reference of the first link whose relation types include {@code next}, or null. */
  static String next(List<String> values) {
    for (String value : values) {
      int i = 0;
      int n = value.length();
      while (i < n) {
        int open = value.indexOf('<', i);
        if (open < 0) {
          break;
        }
        int close = value.indexOf('>', open);
        if (close < 0) {
          break;
        }
        String target = value.substring(open + 1, close);
        // Parameters run to the next comma outside a quoted string.
        int j = close + 1;
        boolean quoted = false;
        StringBuilder params = new StringBuilder();
        for (; j < n; j++) {
          char c = value.charAt(j);
          if (c == '"') {
            quoted = !quoted;
          } else if (c == '\\' && quoted && j + 1 < n) {
            params.append(c);
            c = value.charAt(++j);
          } else if (c == ',' && !quoted) {
            break;
          }
          params.append(c);
        }
        if (isNext(params.toString())) {
          return target;
        }
        i = j + 1;
      }
    }
    return null;
  }

  private static boolean isNext(String params) {
    for (String param : params.split(";")) {
      int eq = param.indexOf('=');
      if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
        continue;
      }
      String v = param.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      for (String rel : v.trim().split("\\s+")) {
        if (rel.toLowerCase(Locale.ROOT).equals("next")) {
          return true;
        }
      }
      return false; // only the first rel parameter counts (RFC 8288 3.3)
    }
    return false;
  }
}
