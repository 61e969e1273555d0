package io.discogen.docs;

/**
 * The one sanitiser for spec text that lands in Markdown. Spec text is untrusted: it must not end a
 * table cell ({@code |}, a newline), open a code span or fence (backticks, tildes), start a block
 * (heading, quote, list), inject HTML ({@code <script>}), or forge links and emphasis. Everything
 * that could be Markdown syntax is escaped, so spec text always renders as the literal text it is.
 */
final class Markdown {
  private Markdown() {}

  /** Spec text as a paragraph (or several, at blank lines); null and blank give the empty string. */
  static String text(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : normalize(s).split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        blank = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank ? "\n\n" : "\n");
      }
      blank = false;
      out.append(blockSafe(inline(l)));
    }
    return out.toString();
  }

  /** Spec text for one table cell: one line, line breaks as {@code <br>}. */
  static String cell(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : normalize(s).split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append("<br>");
      }
      out.append(inline(l));
    }
    return out.toString();
  }

  /** The first sentence of spec text, for summaries in lists and tables (escaped as a cell). */
  static String summary(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    String t = normalize(s).strip();
    int para = t.indexOf("\n\n");
    if (para > 0) {
      t = t.substring(0, para);
    }
    int dot = t.indexOf(". ");
    if (dot > 0) {
      t = t.substring(0, dot + 1);
    }
    return cell(t);
  }

  /** One line of spec text with every Markdown and HTML special character escaped. */
  static String inline(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '[', ']', '|', '~' -> sb.append('\\').append(c);
        case '_' -> {
          // Inside a word an underscore never starts emphasis; leave identifiers readable.
          boolean intraword = i > 0 && i + 1 < s.length()
              && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
          sb.append(intraword ? "_" : "\\_");
        }
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /** Text shown as code in running text: a code span long enough to hold any backticks inside. */
  static String code(String s) {
    String t = s == null ? "" : normalize(s).replace('\n', ' ');
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      clean.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    t = clean.toString();
    if (t.isBlank()) {
      return "` `";
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = t.startsWith("`") || t.endsWith("`");
    return fence + (pad ? " " : "") + t + (pad ? " " : "") + fence;
  }

  /** As {@link #code}, for a table cell: a pipe would end the cell even inside a code span. */
  static String cellCode(String s) {
    return code(s).replace("|", "\\|");
  }

  /** An explicit anchor; ids are always made by {@link Anchors}, so they need no escaping. */
  static String anchor(String id) {
    return "<a id=\"" + id + "\"></a>";
  }

  /** A link; {@code text} must already be Markdown, {@code target} a path made by Discogen. */
  static String link(String text, String target) {
    return "[" + text + "](" + target + ")";
  }

  /** Lower-case ASCII letters, digits and single dashes: safe in ids, anchors and file names. */
  static String slug(String s) {
    StringBuilder sb = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && sb.length() > 0) {
          sb.append('-');
        }
        sb.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return sb.length() == 0 ? "x" : sb.toString();
  }

  private static String normalize(String s) {
    return s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
  }

  /** Escapes what would make an already inline-escaped line start a block: lists, quotes, rules. */
  private static String blockSafe(String line) {
    if (line.isEmpty()) {
      return line;
    }
    char c = line.charAt(0);
    if (c == '-' || c == '+' || c == '=' || c == '#') {
      return "\\" + line;
    }
    int digits = 0;
    while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
      return line.substring(0, digits) + "\\" + line.substring(digits);
    }
    return line;
  }
}
