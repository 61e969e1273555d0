package io.discogen.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6570 expansion of method path templates: {@code {name}} (simple: everything but
 * unreserved characters is percent-encoded; OpenAPI's {@code label} and {@code matrix} styles and
 * lists and objects as {@link ParamValues#path} says) and {@code {+name}} (reserved: reserved characters such
 * as {@code /} are kept, everything else, including {@code %}, is percent-encoded as UTF-8).
 * Unlike RFC 6570, {@code ?} and {@code #} are encoded even in reserved expansion: kept, they would
 * end the path and let a value write the query string or a fragment.
 *
 * <p>Before expanding, each value is checked against its parameter's pattern, and values that
 * would add {@code .} or {@code ..} path segments are refused, so a value cannot walk the path.
 */
final class UriTemplate {
  private UriTemplate() {}

  /** The names of the variables a template uses. */
  static Set<String> variables(String template) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while ((i = template.indexOf('{', i)) >= 0) {
      int end = template.indexOf('}', i);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated expression in path template " + template);
      }
      String expr = template.substring(i + 1, end);
      names.add(expr.startsWith("+") ? expr.substring(1) : expr);
      i = end + 1;
    }
    return names;
  }

  static String expand(RestMethod method, Map<String, Object> values) {
    return expand(method, method.path(), values);
  }

  /** Expands {@code template} (the method's path or one of its media paths) with its values. */
  static String expand(RestMethod method, String template, Map<String, Object> values) {
    StringBuilder out = new StringBuilder();
    boolean styled = false; // a label, matrix, list or object expansion: checked for dot segments at the end
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int end = template.indexOf('}', i);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated expression in path template of " + method.id());
      }
      String expr = template.substring(i + 1, end);
      boolean reserved = expr.startsWith("+");
      String name = reserved ? expr.substring(1) : expr;
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("missing path parameter '" + name + "' for " + method.id());
      }
      RestMethod.Param p = method.params().get(name);
      RestMethod.Style style = p == null ? RestMethod.Style.SIMPLE : p.style();
      boolean single = !(value instanceof java.util.Collection) && !ParamValues.isObject(value);
      if (reserved || (style == RestMethod.Style.SIMPLE && single)) {
        String text = ParamValues.format(name, value);
        check(method, name, text, reserved);
        out.append(encode(text, reserved));
      } else {
        styled = true;
        if (single) {
          checkPattern(method, name, ParamValues.format(name, value));
        }
        String expanded = ParamValues.path(p, name, value);
        if (style == RestMethod.Style.SIMPLE && expanded.isEmpty()) {
          throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id() + " is empty");
        }
        out.append(expanded);
      }
      i = end + 1;
    }
    String path = out.toString();
    if (styled) {
      refuseDotSegments(method, template, path);
    }
    return path;
  }

  /**
   * Refuses an expansion with more {@code .} or {@code ..} segments than its template (a label
   * value of {@code .} expands to {@code ..}): values must not walk the path.
   */
  private static void refuseDotSegments(RestMethod method, String template, String path) {
    if (dotSegments(path) > dotSegments(template)) {
      throw new IllegalArgumentException("a path parameter of " + method.id() + " makes a '.' or '..' path segment");
    }
  }

  private static int dotSegments(String path) {
    int n = 0;
    for (String s : path.split("/", -1)) {
      if (s.equals(".") || s.equals("..")) {
        n++;
      }
    }
    return n;
  }

  // The value itself is never put in messages: it may be user data.
  private static void check(RestMethod method, String name, String text, boolean reserved) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id() + " is empty");
    }
    checkPattern(method, name, text);
    // With {+name} a '/' is kept, so any segment may be a dot segment; with {name} the whole value
    // is one segment.
    String[] segments = reserved ? text.split("/", -1) : new String[] {text};
    for (String s : segments) {
      if (s.equals(".") || s.equals("..")) {
        throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id()
            + " contains a '.' or '..' path segment");
      }
    }
  }

  private static void checkPattern(RestMethod method, String name, String text) {
    RestMethod.Param p = method.params().get(name);
    if (p != null && p.pattern() != null && !p.pattern().matcher(text).matches()) {
      throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id()
          + " does not match the required pattern " + p.pattern().pattern());
    }
  }

  /** Percent-encodes UTF-8; keeps unreserved characters, and reserved ones too when asked. */
  static String encode(String s, boolean keepReserved) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepReserved && isReserved(c))) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isReserved(int c) {
    return ":/[]@!$&'()*+,;=".indexOf(c) >= 0; // '?' and '#' left out on purpose, see above
  }
}
