package io.discogen.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6570 expansion of method path templates: {@code {name}} (simple: everything but
 * unreserved characters is percent-encoded; OpenAPI's {@code label} and {@code matrix} styles and
 * lists and objects as {@link ParamValues#path} says), {@code {+name}} (reserved: reserved characters such
 * as {@code /} are kept, everything else, including {@code %}, is percent-encoded as UTF-8), and
 * every other level 4 expression ({@code {/name*}}, {@code {?x,y}}, ...) as {@link Rfc6570} says.
 * Unlike RFC 6570, {@code ?} and {@code #} are encoded even in reserved expansion: kept, they would
 * end the path and let a value write the query string or a fragment; so are {@code [} and {@code ]},
 * which a URI may hold only in an IP-literal host.
 *
 * <p>Before expanding, each value is checked against its parameter's pattern (unless the request
 * or its client suppresses pattern checks), and values that
 * would add {@code .} or {@code ..} path segments are refused, so a value cannot walk the path.
 */
final class UriTemplate {
  private UriTemplate() {}

  /** The names of the variables a method's template uses. */
  static Set<String> variables(RestMethod method, String template) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while ((i = template.indexOf('{', i)) >= 0) {
      int end = template.indexOf('}', i);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated expression in path template " + template);
      }
      for (Rfc6570.VarSpec v : expression(method, template.substring(i + 1, end)).variables()) {
        names.add(v.name());
      }
      i = end + 1;
    }
    return names;
  }

  /**
   * Expands {@code template} (the method's path or one of its media paths) with its values;
   * {@code checkPatterns} false sends values that do not match their parameter's pattern.
   */
  static String expand(RestMethod method, String template, Map<String, Object> values, boolean checkPatterns) {
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
      Rfc6570.Expression expr = expression(method, template.substring(i + 1, end));
      if (!expr.plain()) {
        styled = true;
        out.append(expandExpression(method, expr, values, checkPatterns));
        i = end + 1;
        continue;
      }
      boolean reserved = expr.operator() == Rfc6570.Operator.RESERVED;
      String name = expr.variables().get(0).name();
      Object value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("missing path parameter '" + name + "' for " + method.id());
      }
      RestMethod.Param p = method.params().get(name);
      value = ParamValues.wire(p, value);
      RestMethod.Style style = p == null ? RestMethod.Style.SIMPLE : p.style();
      boolean single = !(value instanceof java.util.Collection) && !ParamValues.isObject(value);
      if (single && (reserved || style == RestMethod.Style.SIMPLE)) {
        String text = ParamValues.format(name, value);
        check(method, name, text, reserved, checkPatterns);
        out.append(encode(text, reserved));
      } else if (reserved) {
        styled = true;
        out.append(expandExpression(method, expr, values, checkPatterns));
      } else {
        styled = true;
        if (single) {
          checkPattern(method, name, ParamValues.format(name, value), checkPatterns);
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
   * The expression between braces. A declared parameter's name (with or without {@code +}) is that
   * parameter, even where RFC 6570 allows no such name: OpenAPI names like {@code pet-id}.
   */
  private static Rfc6570.Expression expression(RestMethod method, String body) {
    if (method.params().containsKey(body)) {
      return new Rfc6570.Expression(Rfc6570.Operator.SIMPLE, List.of(new Rfc6570.VarSpec(body, false, 0)));
    }
    if (body.startsWith("+") && method.params().containsKey(body.substring(1))) {
      return new Rfc6570.Expression(Rfc6570.Operator.RESERVED, List.of(new Rfc6570.VarSpec(body.substring(1), false, 0)));
    }
    return Rfc6570.parse(body);
  }

  /**
   * The path of an expansion: before the query a {@code {?x}} expression writes, and before the
   * fragment of a {@code {#x}} one (never sent). Values never add a {@code ?} or {@code #}: encoded.
   */
  static String pathPart(String expanded) {
    for (int i = 0; i < expanded.length(); i++) {
      if (expanded.charAt(i) == '?' || expanded.charAt(i) == '#') {
        return expanded.substring(0, i);
      }
    }
    return expanded;
  }

  /** The query text of an expansion without its {@code ?}, or empty (see {@link #pathPart}). */
  static String queryPart(String expanded) {
    int start = pathPart(expanded).length();
    if (start == expanded.length() || expanded.charAt(start) != '?') {
      return "";
    }
    int end = expanded.indexOf('#', start);
    return expanded.substring(start + 1, end < 0 ? expanded.length() : end);
  }

  /**
   * An expression with an operator, modifiers or several variables, expanded by RFC 6570 (see
   * {@link Rfc6570}). A path parameter must be given; other variables ({@code {?x}}: query
   * parameters) may be undefined and expand to nothing. Single values and list items are checked
   * against their parameter's pattern.
   */
  private static String expandExpression(RestMethod method, Rfc6570.Expression expr, Map<String, Object> values,
      boolean checkPatterns) {
    for (Rfc6570.VarSpec v : expr.variables()) {
      Object value = values.get(v.name());
      RestMethod.Param p = method.params().get(v.name());
      if (value == null && p != null && p.location() == RestMethod.Location.PATH) {
        throw new IllegalArgumentException("missing path parameter '" + v.name() + "' for " + method.id());
      }
      if (value != null && !ParamValues.isObject(value)) {
        for (String item : ParamValues.formatAll(v.name(), value)) {
          checkPattern(method, v.name(), item, checkPatterns);
        }
      }
    }
    return Rfc6570.expand(expr, values::get);
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
  private static void check(RestMethod method, String name, String text, boolean reserved, boolean checkPatterns) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id() + " is empty");
    }
    checkPattern(method, name, text, checkPatterns);
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

  private static void checkPattern(RestMethod method, String name, String text, boolean checkPatterns) {
    RestMethod.Param p = method.params().get(name);
    if (checkPatterns && p != null && p.pattern() != null && !p.pattern().matcher(text).matches()) {
      // Specs' patterns are sometimes narrower than what the server accepts: say how to send anyway.
      throw new IllegalArgumentException("path parameter '" + name + "' of " + method.id()
          + " does not match the required pattern " + p.pattern().pattern()
          + " (to send it anyway: setSuppressPatternChecks(true) on the request, or"
          + " ClientOptions.builder().suppressPatternChecks(true))");
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
    // RFC 3986 pchar and '/': '?' and '#' would end the path (see above), and '[' ']' are legal
    // only in an IP-literal host (java.net.URI refuses them in a path).
    return ":/@!$&'()*+,;=".indexOf(c) >= 0;
  }
}
