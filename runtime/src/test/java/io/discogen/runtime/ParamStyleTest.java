package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAPI parameter styles as they reach the wire: lists and objects in the query and headers. */
class ParamStyleTest {
  static final ServiceInfo INFO = new ServiceInfo("pets", "1", "https://pets.example.com/", null, "", null, List.of());
  static final RestMethod METHOD = RestMethod.builder("pets.list", "GET", "pets")
      .queryParam("repeated")
      .queryParam("comma", RestMethod.Style.FORM, false)
      .queryParam("space", RestMethod.Style.SPACE_DELIMITED, false)
      .queryParam("pipe", RestMethod.Style.PIPE_DELIMITED, false)
      .queryParam("deep", RestMethod.Style.DEEP_OBJECT, true)
      .queryParam("obj", RestMethod.Style.FORM, false)
      .headerParam("X-Obj")
      .headerParam("X-Exploded", true)
      .build();

  static final class Req extends ClientRequest<Void, Req> {
    Req(ApiClient client) {
      super(client, METHOD, null, Void.class);
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

  private Req request() {
    return new Req(new ApiClient(INFO, server.options().build()));
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void listsTakeTheirStylesDelimiter() {
    request().with("repeated", List.of("a", "b")).with("comma", List.of("x,y", "z")).with("space", List.of(1, 2))
        .with("pipe", List.of("p|q", "r")).execute();
    assertEquals("repeated=a&repeated=b&comma=x%2Cy,z&space=1%202&pipe=p%7Cq%7Cr", server.last().rawQuery());
  }

  @Test
  void objectsAsDeepObjectFormAndHeaders() {
    request()
        .with("deep", map("name", "Rex", "age", 3, "tags", List.of("a", "b"), "owner", map("id", 7), "gone", null))
        .with("obj", map("r", 100, "g", 200))
        .with("X-Obj", map("role", "admin", "first", "Alex"))
        .with("X-Exploded", map("role", "admin", "first", "Alex"))
        .execute();
    FakeServer.Received r = server.last();
    assertEquals("deep%5Bname%5D=Rex&deep%5Bage%5D=3&deep%5Btags%5D=a&deep%5Btags%5D=b"
        + "&deep%5Bowner%5D%5Bid%5D=7&obj=r,100,g,200", r.rawQuery());
    assertEquals("role,admin,first,Alex", r.header("X-Obj"));
    assertEquals("role=admin,first=Alex", r.header("X-Exploded"));
  }

  @Test
  void anExplodedFormObjectSpreadsItsProperties() {
    request().with("repeated", map("r", 1, "g", 2)).execute();
    assertEquals("r=1&g=2", server.last().rawQuery());
  }

  @Test
  void simpleIsNoQueryStyle() {
    assertThrows(IllegalArgumentException.class,
        () -> RestMethod.builder("x", "GET", "x").queryParam("q", RestMethod.Style.SIMPLE, false));
  }
}
