package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Javadocs#sanitize}: text with nothing to escape comes back only stripped (the common case,
 * which skips the copy); a single character that needs escaping anywhere in it sends it all
 * through the escaping loop. The hostile-spec tests check what javac makes of the result.
 */
class JavadocsTest {
  @Test
  void plainTextIsOnlyStripped() {
    assertEquals("Lists sessions.\n\nPaging: a*b/c, 1/2 * 3.", Javadocs.sanitize("  Lists sessions.\n\nPaging: a*b/c, 1/2 * 3.\n"));
    assertEquals("tab\there", Javadocs.sanitize("tab\there"));
    assertEquals("", Javadocs.sanitize(" \n\t "));
    assertEquals("", Javadocs.sanitize(null));
  }

  @Test
  void anyCharacterThatNeedsEscapingIsEscaped() {
    assertEquals("ends &#42;/ here", Javadocs.sanitize("ends */ here"));
    assertEquals("opens &#47;* here", Javadocs.sanitize("opens /* here"));
    assertEquals("&#92;u002a/", Javadocs.sanitize("\\u002a/"));
    assertEquals("&#64;deprecated {&#64;link X}", Javadocs.sanitize("@deprecated {@link X}"));
    assertEquals("&lt;b&gt; &amp;", Javadocs.sanitize("<b> &"));
    assertEquals("a\nb\nc", Javadocs.sanitize("a\r\nb\rc"));
    assertEquals("line separator", Javadocs.sanitize("line\u2028separator"));
    assertEquals("bell ring", Javadocs.sanitize("bell\u0007ring"));
    assertEquals("x y", Javadocs.sanitize("x\u0000y"));
  }
}
