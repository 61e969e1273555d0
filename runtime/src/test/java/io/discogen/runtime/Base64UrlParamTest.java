package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes parameters on the wire: URL-safe base64 where the method marks them {@code base64Url}
 * (Discovery's {@code format: byte}), standard base64 otherwise (OpenAPI's), in the query and the
 * path, one value or repeated.
 */
class Base64UrlParamTest {
  static final ServiceInfo INFO = new ServiceInfo("risk", "1", "https://risk.example.com/", null, "", null, List.of());
  static final RestMethod METHOD = RestMethod.builder("risk.hashes.get", "GET", "v1/hashes/{encoded}")
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

  @Test
  void markedBytesTravelUrlSafeUnmarkedStandard() {
    new Req(new ApiClient(INFO, server.options().build()))
        .with("encoded", THREE).with("prefix", TWO).with("prefixes", List.of(THREE, TWO)).with("standard", TWO)
        .execute();
    FakeServer.Received r = server.last();
    assertEquals("/v1/hashes/-_-_", r.rawPath());
    assertEquals("prefix=-_8%3D&prefixes=-_-_&prefixes=-_8%3D&standard=%2B%2F8%3D", r.rawQuery());
  }
}
