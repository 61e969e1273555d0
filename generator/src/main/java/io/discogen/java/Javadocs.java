package io.discogen.java;

/**
 * The one sanitiser for spec text that lands in Java comments. Spec text is untrusted: it must not
 * end a comment ({@code *}{@code /}), start a block tag or inline tag ({@code @}, {@code {@}),
 * smuggle a unicode escape javac decodes even inside comments ({@code \}{@code u002a/}), or break
 * the HTML of generated docs.
 */
public final class Javadocs {
  private Javadocs() {}

  /** Text safe inside a Javadoc or block comment; null and blank give the empty string. */
  public static String sanitize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    if (isSafe(text)) { // most descriptions: no copy
      return text.strip();
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    String s = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("&#92;"); // no backslash, so no unicode escape survives
        case '*' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '/' ? "&#42;" : "*");
        case '/' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '*' ? "&#47;" : "/");
        case '@' -> sb.append("&#64;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\n', '\t' -> sb.append(c);
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Whether {@link #sanitize} would change nothing in {@code s} but strip its ends. */
  private static boolean isSafe(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '@', '<', '>', '&', '\r', '\u2028', '\u2029' -> {
          return false;
        }
        case '*' -> {
          if (i + 1 < n && s.charAt(i + 1) == '/') {
            return false;
          }
        }
        case '/' -> {
          if (i + 1 < n && s.charAt(i + 1) == '*') {
            return false;
          }
        }
        case '\n', '\t' -> { }
        default -> {
          if (Character.isISOControl(c)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Text safe in a {@code //} line comment: one line, no backslashes. */
  public static String lineComment(String text) {
    return sanitize(text).replace('\n', ' ');
  }
}
