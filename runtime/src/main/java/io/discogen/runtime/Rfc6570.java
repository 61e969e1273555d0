package io.discogen.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RFC 6570 level 4 expressions: the operators {@code + # . / ; ? &}, several variables per
 * expression, the explode ({@code *}) and prefix ({@code :n}) modifiers, and list and map values,
 * as Google's clients expand them (Discovery's {@code {/orgUnitPath*}}).
 *
 * <p>Values are percent-encoded as UTF-8 by {@link UriTemplate#encode}: reserved expansion
 * ({@code +} and {@code #}) keeps only the reserved characters a URI path may hold, so {@code ?},
 * {@code #}, {@code [}, {@code ]} and {@code %} are always encoded and a value cannot end the path
 * or make an invalid URI.
 */
final class Rfc6570 {
  private Rfc6570() {}

  /** The expansion rules of an operator (RFC 6570 appendix A). */
  enum Operator {
    SIMPLE("", ",", false, "", false),
    RESERVED("", ",", false, "", true),
    FRAGMENT("#", ",", false, "", true),
    LABEL(".", ".", false, "", false),
    PATH("/", "/", false, "", false),
    MATRIX(";", ";", true, "", false),
    QUERY("?", "&", true, "=", false),
    CONTINUATION("&", "&", true, "=", false);

    final String first;
    final String separator;
    final boolean named;
    final String ifEmpty;
    final boolean reserved;

    Operator(String first, String separator, boolean named, String ifEmpty, boolean reserved) {
      this.first = first;
      this.separator = separator;
      this.named = named;
      this.ifEmpty = ifEmpty;
      this.reserved = reserved;
    }

    static Operator of(char c) {
      return switch (c) {
        case '+' -> RESERVED;
        case '#' -> FRAGMENT;
        case '.' -> LABEL;
        case '/' -> PATH;
        case ';' -> MATRIX;
        case '?' -> QUERY;
        case '&' -> CONTINUATION;
        default -> null;
      };
    }
  }

  /**
   * One variable of an expression.
   *
   * @param prefix the {@code :n} length in code points, or 0 for the whole value
   */
  record VarSpec(String name, boolean explode, int prefix) {}

  /** A parsed {@code {...}} expression. */
  record Expression(Operator operator, List<VarSpec> variables) {
    /** Whether this is {@code {name}} or {@code {+name}} alone, without modifiers. */
    boolean plain() {
      VarSpec v = variables.get(0);
      return variables.size() == 1 && !v.explode() && v.prefix() == 0
          && (operator == Operator.SIMPLE || operator == Operator.RESERVED);
    }
  }

  /** Parses the text between the braces; {@link IllegalArgumentException} when malformed. */
  static Expression parse(String body) {
    Operator op = body.isEmpty() ? null : Operator.of(body.charAt(0));
    String list = op == null ? body : body.substring(1);
    List<VarSpec> vars = new ArrayList<>();
    for (String spec : list.split(",", -1)) {
      String name = spec;
      boolean explode = false;
      int prefix = 0;
      if (spec.endsWith("*")) {
        explode = true;
        name = spec.substring(0, spec.length() - 1);
      } else if (spec.indexOf(':') >= 0) {
        name = spec.substring(0, spec.indexOf(':'));
        String n = spec.substring(spec.indexOf(':') + 1);
        if (!n.matches("[1-9][0-9]{0,3}")) { // RFC 6570: max-length is 1 to 9999
          throw new IllegalArgumentException("bad prefix modifier in {" + body + "}");
        }
        prefix = Integer.parseInt(n);
      }
      if (!name.matches("[A-Za-z0-9_.]+")) {
        throw new IllegalArgumentException("bad variable name in {" + body + "}");
      }
      vars.add(new VarSpec(name, explode, prefix));
    }
    return new Expression(op == null ? Operator.SIMPLE : op, List.copyOf(vars));
  }

  /** Expands a whole template; variables {@code values} maps to null are undefined. */
  static String expand(String template, Function<String, Object> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unterminated expression in template " + template);
      }
      out.append(template, i, open).append(expand(parse(template.substring(open + 1, close)), values));
      i = close + 1;
    }
    return out.toString();
  }

  /** Expands one expression (RFC 6570 section 3.2.1). */
  static String expand(Expression e, Function<String, Object> values) {
    Operator op = e.operator();
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (VarSpec v : e.variables()) {
      String text = expandVariable(op, v, values.apply(v.name()));
      if (text != null) {
        out.append(first ? op.first : op.separator).append(text);
        first = false;
      }
    }
    return out.toString();
  }

  /** One variable's part of an expansion, or null when it is undefined (null, empty list or map). */
  private static String expandVariable(Operator op, VarSpec v, Object value) {
    if (value == null) {
      return null;
    }
    String name = v.name();
    if (ParamValues.isObject(value)) {
      Map<String, Object> props = ParamValues.properties(name, value);
      if (props.isEmpty()) {
        return null;
      }
      refusePrefix(v);
      List<String> parts = new ArrayList<>();
      props.forEach((k, item) -> {
        String text = encode(String.join(",", ParamValues.formatAll(name + "." + k, item)), op);
        if (v.explode()) {
          parts.add(encode(k, op) + "=" + text);
        } else {
          parts.add(encode(k, op));
          parts.add(text);
        }
      });
      return v.explode() ? String.join(op.separator, parts) : named(op, name, String.join(",", parts));
    }
    if (value instanceof java.util.Collection<?>) {
      List<String> items = ParamValues.formatAll(name, value);
      if (items.isEmpty()) {
        return null;
      }
      refusePrefix(v);
      if (!v.explode()) {
        List<String> encoded = new ArrayList<>(items.size());
        items.forEach(item -> encoded.add(encode(item, op)));
        return named(op, name, String.join(",", encoded));
      }
      List<String> parts = new ArrayList<>(items.size());
      items.forEach(item -> parts.add(named(op, name, encode(item, op))));
      return String.join(op.separator, parts);
    }
    String text = ParamValues.format(name, value);
    if (v.prefix() > 0 && text.codePointCount(0, text.length()) > v.prefix()) {
      text = text.substring(0, text.offsetByCodePoints(0, v.prefix()));
    }
    return named(op, name, encode(text, op));
  }

  /** {@code name=value} for the named operators ({@code ; ? &}), else the value. */
  private static String named(Operator op, String name, String encoded) {
    if (!op.named) {
      return encoded;
    }
    return encoded.isEmpty() ? name + op.ifEmpty : name + "=" + encoded;
  }

  private static String encode(String text, Operator op) {
    return UriTemplate.encode(text, op.reserved);
  }

  private static void refusePrefix(VarSpec v) {
    if (v.prefix() > 0) {
      throw new IllegalArgumentException("the prefix modifier of {" + v.name() + ":" + v.prefix()
          + "} applies to single values, not lists or maps");
    }
  }
}
