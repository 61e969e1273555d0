package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void findsTheNextLinkAmongOthers() {
    assertEquals("https://api.github.com/repos?page=2", LinkHeader.next(List.of(
        "<https://api.github.com/repos?page=2>; rel=\"next\", <https://api.github.com/repos?page=9>; rel=\"last\"")));
    assertEquals("/b", LinkHeader.next(List.of("</a>; rel=\"prev\"", "</b>; rel=next")));
  }

  @Test
  void readsRelationListsCaseInsensitivelyAndCommasInsideQuotes() {
    assertEquals("/n", LinkHeader.next(List.of("</p>; title=\"a, <x>; rel=next\"; rel=\"prev\", </n>; REL=\"prev NEXT\"")));
  }

  @Test
  void onlyTheFirstRelCountsAndNoNextIsNull() {
    assertNull(LinkHeader.next(List.of("</a>; rel=\"prev\"; rel=\"next\"")));
    assertNull(LinkHeader.next(List.of("</a>; rel=\"last\"", "garbage", "")));
    assertNull(LinkHeader.next(List.of()));
    assertNull(LinkHeader.next(List.of("</a>; rel=\"nextpage\"")));
  }
}
