package io.discogen.java;

import com.palantir.javapoet.CodeBlock;

/**
 * Java string literals for spec text. JavaPoet's {@code $S} escapes quotes, backslashes and control
 * characters, but its code writer splits lines on every Unicode line break, so a U+2028 or U+2029
 * inside a value ends up as a raw newline inside the literal and the file does not compile; and a
 * lone surrogate would be written as {@code ?} in UTF-8, changing the value. Every literal holding
 * spec text goes through here instead.
 */
final class Literals {
  private Literals() {}

  /** The literal for {@code s}, or {@code null} for null. */
  static CodeBlock string(String s) {
    return s == null ? CodeBlock.of("null") : CodeBlock.of("$L", quote(s));
  }

  /** As {@link #string}, as text: {@code null} for null. */
  static String code(String s) {
    return s == null ? "null" : quote(s);
  }

  /** {@code s} as a Java string literal, quotes included, made of printable characters only. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            // Octal, always three digits so a following digit is not swallowed. A unicode escape
            // would be decoded before lexing and could end the line.
            sb.append('\\').append(String.format("%03o", (int) c));
          } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
            // Decoded by javac into the same character; not a line terminator for javac.
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
