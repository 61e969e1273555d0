package io.discogen.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 6570 (level 4) method path templates, as Google's clients expand them: literal text and
 * expressions with an optional operator ({@code + # . / ; ? &}) and a comma-separated list of
 * variables, each with an optional explode ({@code *}) or prefix ({@code :n}) modifier.
 */
final class PathTemplate {
  private static final Pattern VARSPEC = Pattern.compile("[A-Za-z0-9_.]+(\\*|:[1-9][0-9]{0,3})?");
  private static final String OPERATORS = "+#./;?&";

  private PathTemplate() {}

  /**
   * The variables of a template, in order, or an explanation of what is wrong.
   *
   * @param variables names without operators and modifiers; empty when {@code error} is set
   * @param queryVariables those in {@code {?x}} and {@code {&x}} expressions: query parameters
   * @param error why the template is malformed, or null
   */
  record Parsed(List<String> variables, Set<String> queryVariables, String error) {}

  static Parsed parse(String template) {
    List<String> variables = new ArrayList<>();
    Set<String> queryVariables = new LinkedHashSet<>();
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
      boolean operator = !expression.isEmpty() && OPERATORS.indexOf(expression.charAt(0)) >= 0;
      boolean query = operator && (expression.charAt(0) == '?' || expression.charAt(0) == '&');
      for (String spec : (operator ? expression.substring(1) : expression).split(",", -1)) {
        if (!VARSPEC.matcher(spec).matches()) {
          return error("unsupported expression {" + expression + "}: not an RFC 6570 expression");
        }
        String name = spec.replaceFirst("(\\*|:[0-9]+)$", "");
        variables.add(name);
        if (query) {
          queryVariables.add(name);
        }
      }
      i = close + 1;
    }
    return new Parsed(List.copyOf(variables), Set.copyOf(queryVariables), null);
  }

  private static Parsed error(String message) {
    return new Parsed(List.of(), Set.of(), message);
  }
}
