package io.discogen.docs;

/**
 * The one sanitiser for spec text that lands in Markdown. Spec text is untrusted: it must not end a
 * table cell ({@code |}, a newline), open a fence, start a block (heading, quote), inject HTML
 * ({@code <script>}), or link anywhere but the web. Descriptions are written in Markdown (Google's
 * are full of {@code `code`} and {@code [guides](/sheets/api/guides/values)}), so {@link #text},
 * {@link #cell} and {@link #summary} keep the few inline forms the references render, rebuilt from
 * their parts with everything else escaped: code spans, links to {@code http(s)} URLs (a path
 * beginning with {@code /} resolved against the API's documentation site; any other target shows
 * the text only), {@code **bold**}, {@code *emphasis*}, and list items. Everything else renders as
 * the literal text it is.
 */
final class Markdown {
  private Markdown() {}

  /** Spec text as a paragraph (or several, at blank lines); null and blank give the empty string. */
  static String text(String s) {
    return text(s, null);
  }

  /**
   * As {@link #text}, with links whose target is a path ({@code /guides/x}) resolved against {@code
   * site} ({@code https://developers.google.com}); null: such links show their text only.
   */
  static String text(String s, String site) {
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
      String item = listItem(l);
      out.append(item != null ? (Character.isDigit(item.charAt(0)) ? item : "- ")
          + prose(l.substring(item.length()).strip(), site, false) : blockSafe(prose(l, site, false)));
    }
    return out.toString();
  }

  /** The marker of a list item line ({@code "- "}, {@code "12. "}), or null. */
  private static String listItem(String line) {
    if (line.length() > 2 && (line.charAt(0) == '*' || line.charAt(0) == '-' || line.charAt(0) == '+')
        && line.charAt(1) == ' ') {
      return line.charAt(0) == '+' ? null : line.substring(0, 2);
    }
    int digits = 0;
    while (digits < line.length() && digits < 9 && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    return digits > 0 && digits + 1 < line.length() && line.charAt(digits) == '.' && line.charAt(digits + 1) == ' '
        ? line.substring(0, digits + 2) : null;
  }

  /** Spec text for one table cell: one line, line breaks as {@code <br>}. */
  static String cell(String s) {
    return cell(s, null);
  }

  /** As {@link #cell}, with path links resolved against {@code site} (see {@link #text(String, String)}). */
  static String cell(String s, String site) {
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
      String item = listItem(l);
      out.append(item != null ? (Character.isDigit(item.charAt(0)) ? item : "• ")
          + prose(l.substring(item.length()).strip(), site, true) : prose(l, site, true));
    }
    return out.toString();
  }

  /** The first sentence of spec text, for summaries in lists and tables (escaped as a cell). */
  static String summary(String s) {
    return summary(s, null);
  }

  /** As {@link #summary}, with path links resolved against {@code site}. */
  static String summary(String s, String site) {
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
    return cell(t, site);
  }

  /**
   * One line of spec text with its code spans, links and emphasis kept and everything else escaped
   * as {@link #inline} does; {@code inCell}: also safe inside a table cell.
   */
  static String prose(String s, String site, boolean inCell) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    int i = 0;
    int plain = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      String rendered = null;
      int end = -1;
      if (c == '`') {
        int run = run(s, i, '`');
        int close = s.indexOf("`".repeat(run), i + run);
        while (close > 0 && run(s, close, '`') != run) {
          close = s.indexOf("`".repeat(run), close + run(s, close, '`'));
        }
        if (close > i + run) {
          String content = s.substring(i + run, close);
          if (run > 1 || !content.isBlank()) {
            content = content.length() > 2 && content.startsWith(" ") && content.endsWith(" ")
                ? content.substring(1, content.length() - 1) : content;
            rendered = inCell ? cellCode(content) : code(content);
            end = close + run;
          }
        }
      } else if (c == '[') {
        int closeText = s.indexOf("](", i + 1);
        int closeUrl = closeText < 0 ? -1 : urlEnd(s, closeText + 2);
        int nextOpen = s.indexOf('[', i + 1);
        boolean nested = nextOpen >= 0 && nextOpen < closeText;
        if (closeText > i + 1 && closeUrl > closeText + 2 && !nested) {
          String text = s.substring(i + 1, closeText);
          String url = target(s.substring(closeText + 2, closeUrl).strip(), site, inCell);
          String label = emphasis(text, site, inCell);
          rendered = url == null ? label : "[" + label + "](" + url + ")";
          end = closeUrl + 1;
        }
      } else if (c == '*' && i + 1 < s.length()) {
        int marks = s.startsWith("**", i) ? 2 : 1;
        String mark = "*".repeat(marks);
        int close = s.indexOf(mark, i + marks);
        if (close > i + marks && !Character.isWhitespace(s.charAt(i + marks))
            && !Character.isWhitespace(s.charAt(close - 1)) && s.charAt(i + marks) != '*') {
          rendered = mark + prose(s.substring(i + marks, close), site, inCell) + mark;
          end = close + marks;
        }
      }
      if (rendered != null) {
        out.append(inline(s.substring(plain, i))).append(rendered);
        i = end;
        plain = end;
      } else {
        i++;
      }
    }
    return out.append(inline(s.substring(plain))).toString();
  }

  /** Link text: emphasis and code kept, no nested links. */
  private static String emphasis(String text, String site, boolean inCell) {
    return text.indexOf('[') >= 0 || text.indexOf(']') >= 0 ? inline(text) : prose(text, site, inCell);
  }

  private static int run(String s, int at, char c) {
    int n = 0;
    while (at + n < s.length() && s.charAt(at + n) == c) {
      n++;
    }
    return n;
  }

  /** Where a link target opened at {@code from} closes (its {@code )}, parentheses balanced), or -1. */
  private static int urlEnd(String s, int from) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '`') {
        return -1;
      }
    }
    return -1;
  }

  /** A link target made safe: an http(s) URL, or a path on {@code site}; null for anything else. */
  private static String target(String url, String site, boolean inCell) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    String abs;
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      abs = url;
    } else if (url.startsWith("/") && !url.startsWith("//") && site != null) {
      abs = site + url;
    } else {
      return null;
    }
    StringBuilder sb = new StringBuilder(abs.length());
    for (int i = 0; i < abs.length(); i++) {
      char c = abs.charAt(i);
      // What would end or escape a Markdown link destination, or a table cell.
      if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == '|' && inCell) {
        byte[] bytes = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) {
          sb.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
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
