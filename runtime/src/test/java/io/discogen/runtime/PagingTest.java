package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.ListWidgetsResponse;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging across several pages: items, streams, pages; laziness; the request stays as it was. */
class PagingTest {
  // page token -> response; the last page has an empty token, one page has no items at all.
  private static final Map<String, String> PAGES = Map.of(
      "", "{\"widgets\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"nextPageToken\":\"t1\"}",
      "t1", "{\"nextPageToken\":\"t2\"}",
      "t2", "{\"widgets\":[{\"name\":\"c\"}],\"nextPageToken\":\"t/3+\"}",
      "t/3+", "{\"widgets\":[{\"name\":\"d\"},{\"name\":\"e\"}],\"nextPageToken\":\"\"}");

  private FakeServer server;
  private Widgets widgets;

  @BeforeEach
  void start() throws IOException {
    server = new FakeServer((ex, req, n) -> {
      List<String> token = req.query("pageToken");
      FakeServer.respond(ex, 200, PAGES.get(token.isEmpty() ? "" : token.get(0)));
    });
    widgets = new Widgets(server.options().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void iteratesAllItemsAcrossPages() {
    Widgets.List_ list = widgets.list("projects/p").setPageSize(2);
    List<String> names = new ArrayList<>();
    for (Widget w : list.iterateAll()) {
      names.add(w.getName());
    }
    assertEquals(List.of("a", "b", "c", "d", "e"), names);
    assertEquals(4, server.count());
    List<List<String>> tokens = server.received().stream().map(r -> r.query("pageToken")).collect(Collectors.toList());
    assertEquals(List.of(List.of(), List.of("t1"), List.of("t2"), List.of("t/3+")), tokens);
    assertTrue(server.received().stream().allMatch(r -> r.query("pageSize").equals(List.of("2"))));
    assertNull(list.getPageToken(), "the request is not changed");
  }

  @Test
  void streamsLazily() {
    Widgets.List_ list = widgets.list("projects/p");
    assertEquals("a", list.iterateAll().stream().findFirst().orElseThrow().getName());
    assertEquals(1, server.count(), "only the first page was fetched");
    assertEquals(List.of("a", "b", "c", "d", "e"),
        list.iterateAll().stream().map(Widget::getName).collect(Collectors.toList()));
    assertEquals(5, server.count(), "a new stream starts over");
  }

  @Test
  void walksPages() {
    List<ListWidgetsResponse> pages = new ArrayList<>();
    widgets.list("projects/p").iterateAll().pages().forEach(pages::add);
    assertEquals(4, pages.size());
    assertEquals("t1", pages.get(0).getNextPageToken());
    assertNull(pages.get(1).getWidgets());
    assertEquals(4, widgets.list("projects/p").iterateAll().pageStream().count());
  }

  @Test
  void startsFromTheRequestsOwnPageToken() {
    List<String> names = widgets.list("projects/p").setPageToken("t2").iterateAll().stream()
        .map(Widget::getName).collect(Collectors.toList());
    assertEquals(List.of("c", "d", "e"), names);
  }

  @Test
  void stopsOnAnAbsentToken() {
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"widgets\":[{\"name\":\"only\"}]}"));
    assertEquals(1, widgets.list("projects/p").iterateAll().stream().count());
    assertEquals(1, server.count());
  }

  @Test
  void aServerRepeatingItsTokenDoesNotLoopForever() {
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"widgets\":[{\"name\":\"x\"}],\"nextPageToken\":\"same\"}"));
    assertThrows(DiscogenException.class, () -> widgets.list("projects/p").iterateAll().stream().count());
    assertEquals(2, server.count());
  }

  @Test
  void errorsSurfaceDuringIteration() {
    server.handler((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 200, PAGES.get(""));
      } else {
        FakeServer.respond(ex, 403, "{\"error\":{\"code\":403,\"message\":\"no\",\"status\":\"PERMISSION_DENIED\"}}");
      }
    });
    var it = widgets.list("projects/p").iterateAll().iterator();
    assertEquals("a", it.next().getName());
    assertEquals("b", it.next().getName());
    ApiException e = assertThrows(ApiException.class, it::hasNext);
    assertEquals("PERMISSION_DENIED", e.errorStatus());
  }
}
