package io.discogen.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subset of RFC 6570 that Discovery uses in method paths: literal text with {@code {name}} and
 * {@code {+name}} expressions.
 */
final class PathTemplate {
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_.]+");

  private PathTemplate() {}

  /**
   * The variables of a template, in order, or an explanation of what is wrong.
   *
   * @param variables names without the {@code +}; empty when {@code error} is set
   * @param error why the template is malformed, or null
   */
  record Parsed(List<String> variables, String error) {}

  static Parsed parse(String template) {
    List<String> variables = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        return error("unmatched '}' at offset " + i);
      }
      if (c != '{') {
        i++;
        continue;
      }
      int close = template.indexOf('}', i + 1);
      int nextOpen = template.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        return error("unclosed '{' at offset " + i);
      }
      String expression = template.substring(i + 1, close);
      String name = expression.startsWith("+") ? expression.substring(1) : expression;
      if (!VARIABLE.matcher(name).matches()) {
        return error(
            "unsupported expression {" + expression + "}: only {name} and {+name} are supported");
      }
      variables.add(name);
      i = close + 1;
    }
    return new Parsed(List.copyOf(variables), null);
  }

  private static Parsed error(String message) {
    return new Parsed(List.of(), message);
  }
}
