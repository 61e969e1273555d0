package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sanitiser: spec text always renders as the literal text it is. */
class MarkdownTest {
  @Test
  void cellsHoldOneLineAndNoSyntax() {
    assertEquals("a \\| b<br>c &lt;script&gt; \\` x \\* y \\[l\\] (u) &amp;", Markdown.cell("a | b\r\n\nc <script> ` x * y [l] (u) &"));
    assertEquals("snake_case stays, \\_lead and trail\\_", Markdown.cell("snake_case stays, _lead and trail_"));
    assertEquals("", Markdown.cell(null));
    assertEquals("", Markdown.cell(" \n "));
  }

  @Test
  void paragraphsCannotStartBlocks() {
    assertEquals("\\# h\n&gt; q\n\\-l\n1\\.n\n\\`\\`\\`java\n\ntext", Markdown.text("# h\n> q\n-l\n1.n\n```java\n\n\ntext"));
    assertEquals("\\= rule", Markdown.text("  = rule"));
  }

  @Test
  void descriptionsKeepTheirCodeLinksEmphasisAndLists() {
    String site = "https://developers.google.com";
    assertEquals("The range `A1:B2`, see [the guide](https://developers.google.com/sheets/api/guides/values).",
        Markdown.text("The range `A1:B2`, see [the guide](/sheets/api/guides/values).", site));
    assertEquals("[RFC 3339](https://www.ietf.org/rfc/rfc3339.txt) **must** be *UTC*",
        Markdown.text("[RFC 3339](https://www.ietf.org/rfc/rfc3339.txt) **must** be *UTC*", site));
    assertEquals("- one `a|b`\n- two\n1. three", Markdown.text("* one `a|b`\n- two\n1. three", site));
    assertEquals("• one `a\\|b`<br>• two", Markdown.cell("* one `a|b`\n- two", site));
    // A path link without a documentation site, and anything but the web, show their text only.
    assertEquals("see the guide", Markdown.text("see [the guide](/x)", null));
    assertEquals("click", Markdown.text("[click](javascript:alert(1))", site));
    assertEquals("x", Markdown.text("[x](//evil.example/a)", site));
    assertEquals("[a](https://e.example/p%28q%29%20r)", Markdown.text("[a](https://e.example/p(q)%20r)", site));
    // Text around the kept forms stays escaped; HTML never passes.
    assertEquals("`<b>` &lt;b&gt; \\_x\\_", Markdown.text("`<b>` <b> _x_", site));
    assertEquals("[&lt;img src=x&gt;](https://e.example)", Markdown.text("[<img src=x>](https://e.example)", site));
    assertEquals("\\[a [b](https://e.example)", Markdown.text("[a [b](https://e.example)", site));
  }

  @Test
  void codeSpansHoldAnyText() {
    assertEquals("`a|b`", Markdown.code("a|b"));
    assertEquals("`a\\|b`", Markdown.cellCode("a|b"));
    assertEquals("``a`b``", Markdown.code("a`b"));
    assertEquals("``` `` ```", Markdown.code("``"));
    assertEquals("`` `x ``", Markdown.code("`x"));
    assertEquals("`a b`", Markdown.code("a\nb"));
  }

  @Test
  void slugsAreSafeIds() {
    assertEquals("projects-locations-sessions", Markdown.slug("projects.locations.sessions"));
    assertEquals("xgafv", Markdown.slug("$.xgafv"));
    assertEquals("x", Markdown.slug("日本"));
  }

  @Test
  void relativeLinks() {
    assertEquals("Session.md", DocsContext.relative("models/Operation.md", "models/Session.md"));
    assertEquals("../README.md", DocsContext.relative("models/Operation.md", "README.md"));
    assertEquals("resources/a.md", DocsContext.relative("README.md", "resources/a.md"));
    assertEquals("../resources/a.md", DocsContext.relative("models/S.md", "resources/a.md"));
    assertEquals("#x", DocsContext.href("models/S.md", new DocsContext.Location("models/S.md", "x")));
  }

  @Test
  void byteSizes() {
    assertEquals("5 TiB", ResourcePage.bytes(5497558138880L));
    assertEquals("1536 KiB", ResourcePage.bytes(1536 * 1024));
    assertEquals("1000 bytes", ResourcePage.bytes(1000));
  }

  @Test
  void pathPlaceholders() {
    assertEquals("projects/my-project/locations/my-location", JavaSnippet.fromPattern("^projects/[^/]+/locations/[^/]+$", "parent"));
    assertEquals("my-policy", JavaSnippet.fromPattern("^[^/]+$", "policies"));
    assertEquals("my-name", JavaSnippet.fromPattern("^things/(a|b)/[^/]+`$", "name"));
    assertEquals("session-id", JavaSnippet.kebab("sessionId"));
    assertEquals("value", JavaSnippet.kebab("$."));
  }
}
