package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parameter encodings as they reach the wire: OpenAPI's styles for lists and objects in the query
 * and headers; bytes in URL-safe base64 where the method marks them {@code base64Url} (Discovery's
 * {@code format: byte}), standard base64 otherwise (OpenAPI's), in the query and the path.
 */
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
  static final RestMethod BYTES = RestMethod.builder("pets.hashes.get", "GET", "v1/hashes/{encoded}")
      .pathParam("encoded", null).base64Url("encoded")
      .queryParam("prefix").base64Url("prefix")
      .queryParam("prefixes").base64Url("prefixes")
      .queryParam("standard")
      .build();
  /** 0xfb 0xff 0xbf: "+/+/" in standard base64, "-_-_" URL-safe; 0xfb 0xff: "+/8=", "-_8=". */
  static final byte[] THREE = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
  static final byte[] TWO = {(byte) 0xfb, (byte) 0xff};

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

  @Test
  void markedBytesTravelUrlSafeUnmarkedStandard() {
    new Req(new ApiClient(INFO, server.options().build()), BYTES)
        .with("encoded", THREE).with("prefix", TWO).with("prefixes", List.of(THREE, TWO)).with("standard", TWO)
        .execute();
    FakeServer.Received r = server.last();
    assertEquals("/v1/hashes/-_-_", r.rawPath());
    assertEquals("prefix=-_8%3D&prefixes=-_-_&prefixes=-_8%3D&standard=%2B%2F8%3D", r.rawQuery());
  }
}
