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
    String s = text.strip();
    StringBuilder sb = null; // made at the first character that changes: most descriptions need none
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      String r = switch (c) {
        case '\\' -> "&#92;"; // no backslash, so no unicode escape survives
        case '*' -> next == '/' ? "&#42;" : null;
        case '/' -> next == '*' ? "&#47;" : null;
        case '@' -> "&#64;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '\r' -> next == '\n' ? "" : "\n";
        case '\n', '\t' -> null;
        default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? " " : null;
      };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (r != null) {
        sb.append(r);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Text safe in a {@code //} line comment: one line, no backslashes. */
  public static String lineComment(String text) {
    return sanitize(text).replace('\n', ' ');
  }
}
