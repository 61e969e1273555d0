package io.discogen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.testing.TestSpecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model pages name the {@code isX()} accessors of booleans with a default (Calendar's {@code Event}). */
class DefaultAccessorDocsTest {

  @Test
  void modelPageListsIsXAndExplainsIt() throws Exception {
    DocPages docs = DocPages.render(List.of(TestSpecs.corpus2024().resolve("calendar.v3.json")), "io.discogen.docs.calendar");
    List<Map.Entry<String, String>> event = docs.pages().entrySet().stream()
        .filter(e -> e.getValue().startsWith("# Event\n") || e.getValue().contains("\n# Event\n"))
        .toList();
    assertEquals(1, event.size(), docs.pages().keySet().toString());
    String page = event.get(0).getValue();
    assertTrue(page.contains("`getAnyoneCanAddSelf()`<br>`setAnyoneCanAddSelf(…)`<br>or default: `isAnyoneCanAddSelf()`"), page);
    assertTrue(page.contains("has `isX()` next to `getX()`"), page);
    assertEquals(List.of(), docs.brokenLinks());
  }
}
