package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Path parameter styles as they reach the wire: OpenAPI 3.0.3's style table for {@code simple},
 * {@code label} and {@code matrix}, exploded or not, for a string, a list and an object, with
 * RFC 6570's percent-encoding (only unreserved characters stay as they are).
 */
class PathStyleTest {
  static final ServiceInfo INFO = new ServiceInfo("paint", "1", "https://paint.example.com/", null, "", null, List.of());
  static final RestMethod METHOD = RestMethod.builder("paint.get", "GET", "c/{simple}/{simpleX}/{label}/{labelX}/{matrix}/{matrixX}")
      .pathParam("simple", null)
      .pathParam("simpleX", null, RestMethod.Style.SIMPLE, true)
      .pathParam("label", null, RestMethod.Style.LABEL, false)
      .pathParam("labelX", null, RestMethod.Style.LABEL, true)
      .pathParam("matrix", null, RestMethod.Style.MATRIX, false)
      .pathParam("matrixX", null, RestMethod.Style.MATRIX, true)
      .build();

  static final class Req extends ClientRequest<Void, Req> {
    Req(ApiClient client) {
      this(client, METHOD);
    }

    Req(ApiClient client, RestMethod method) {
      super(client, method, null, Void.class);
    }

    Req with(String name, Object value) {
      return set(name, value);
    }
  }

  private FakeServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 204, ""));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The raw path with every parameter set to {@code value}. */
  private String path(Object value) {
    Req r = new Req(new ApiClient(INFO, server.options().build()));
    for (String name : List.of("simple", "simpleX", "label", "labelX", "matrix", "matrixX")) {
      r.with(name, value);
    }
    r.execute();
    return server.last().rawPath();
  }

  private static Map<String, Object> rgb() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("R", 100);
    m.put("G", 200);
    m.put("B", 150);
    return m;
  }

  @Test
  void primitives() {
    // simple: blue; label: .blue; matrix: ;color=blue, the same exploded or not.
    assertEquals("/c/blue/blue/.blue/.blue/;matrix=blue/;matrixX=blue", path("blue"));
    assertEquals("/c/5/5/.5/.5/;matrix=5/;matrixX=5", path(5));
  }

  @Test
  void arrays() {
    assertEquals("/c/blue,black,brown/blue,black,brown/.blue,black,brown/.blue.black.brown"
        + "/;matrix=blue,black,brown/;matrixX=blue;matrixX=black;matrixX=brown",
        path(List.of("blue", "black", "brown")));
  }

  @Test
  void objects() {
    assertEquals("/c/R,100,G,200,B,150/R=100,G=200,B=150/.R,100,G,200,B,150/.R=100.G=200.B=150"
        + "/;matrix=R,100,G,200,B,150/;R=100;G=200;B=150", path(rgb()));
  }

  @Test
  void everythingButUnreservedIsPercentEncoded() {
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("a;b", "c=d");
    odd.put("é", List.of("x,y", "z"));
    String p = path(odd);
    assertEquals("/c/a%3Bb,c%3Dd,%C3%A9,x%2Cy%2Cz/a%3Bb=c%3Dd,%C3%A9=x%2Cy%2Cz/.a%3Bb,c%3Dd,%C3%A9,x%2Cy%2Cz"
        + "/.a%3Bb=c%3Dd.%C3%A9=x%2Cy%2Cz/;matrix=a%3Bb,c%3Dd,%C3%A9,x%2Cy%2Cz/;a%3Bb=c%3Dd;%C3%A9=x%2Cy%2Cz", p);
    assertEquals("/c/a.b%2Cc%3Bd%2Fe%20~_-/a.b%2Cc%3Bd%2Fe%20~_-/.a.b%2Cc%3Bd%2Fe%20~_-/.a.b%2Cc%3Bd%2Fe%20~_-"
        + "/;matrix=a.b%2Cc%3Bd%2Fe%20~_-/;matrixX=a.b%2Cc%3Bd%2Fe%20~_-",
        path("a.b,c;d/e ~_-"));
  }

  @Test
  void dotSegmentsEmptiesAndPatternsAreRefused() {
    Req r = new Req(new ApiClient(INFO, server.options().build()));
    r.with("simple", "a").with("simpleX", "b").with("label", "c").with("labelX", ".").with("matrix", "d")
        .with("matrixX", "e");
    // A label value of "." would expand to the segment "..".
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::execute);
    assertTrue(e.getMessage().contains("'..'"), e.getMessage());
    Req empty = new Req(new ApiClient(INFO, server.options().build()));
    empty.with("simple", List.of()).with("simpleX", "b").with("label", "c").with("labelX", "x").with("matrix", "d")
        .with("matrixX", "e");
    assertThrows(IllegalArgumentException.class, empty::execute);
    // A pattern constrains single values in every style.
    RestMethod constrained = RestMethod.builder("paint.one", "GET", "one/{m}")
        .pathParam("m", "[a-z]+", RestMethod.Style.MATRIX, false).build();
    ApiClient client = new ApiClient(INFO, server.options().build());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Req(client, constrained).with("m", "E1").execute());
    new Req(client, constrained).with("m", "ok").execute();
    assertEquals("/one/;m=ok", server.last().rawPath());
    assertTrue(e.getMessage().contains("pattern"), e.getMessage());
    assertEquals(1, server.count());
    assertThrows(IllegalArgumentException.class,
        () -> RestMethod.builder("x", "GET", "{a}").pathParam("a", null, RestMethod.Style.FORM, false));
    assertThrows(IllegalArgumentException.class,
        () -> RestMethod.builder("x", "GET", "x").queryParam("a", RestMethod.Style.MATRIX, false));
  }

  @Test
  void emptyValuesInLabelAndMatrix() {
    // RFC 6570: an empty string is ";name" (and "." in label style: a dot segment here, refused);
    // an empty list expands to nothing.
    Req r = new Req(new ApiClient(INFO, server.options().build()));
    r.with("simple", "a").with("simpleX", "b").with("label", "c").with("labelX", List.of()).with("matrix", "")
        .with("matrixX", List.of());
    r.execute();
    assertEquals("/c/a/b/.c//;matrix/", server.last().rawPath());
    r.with("label", "");
    assertThrows(IllegalArgumentException.class, r::execute);
  }
}
