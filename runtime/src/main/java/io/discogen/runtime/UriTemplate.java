package io.discogen.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** RFC 6570 expansion of method path templates ({@code {name}} and {@code {+name}}). */
final class UriTemplate {
  private UriTemplate() {}

  static String expand(RestMethod method, Map<String, Object> values) {
    String template = method.path();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int end = template.indexOf('}', i);
      String expr = template.substring(i + 1, end);
      boolean reserved = expr.startsWith("+");
      String name = reserved ? expr.substring(1) : expr;
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("missing path parameter " + name + " for " + method.id());
      }
      String text = value.toString();
      RestMethod.Param p = method.params().get(name);
      if (p != null && p.pattern() != null && !p.pattern().matcher(text).matches()) {
        throw new IllegalArgumentException("path parameter " + name + " does not match " + p.pattern());
      }
      out.append(encode(text, reserved));
      i = end + 1;
    }
    return out.toString();
  }

  /** Percent-encodes UTF-8; keeps unreserved characters, and reserved ones too when asked. */
  static String encode(String s, boolean keepReserved) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepReserved && isReserved(c))) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isReserved(int c) {
    return ":/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
  }
}
