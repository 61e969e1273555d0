package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Form, multipart and raw request bodies, and binary downloads. */
class RequestBodiesTest {
  static final ServiceInfo INFO = new ServiceInfo("pets", "1", "https://pets.example.com/", null, "", null, List.of());

  static final class Call<T> extends ClientRequest<T, Call<T>> {
    Call(ApiClient client, RestMethod method, Object content, Class<T> type) {
      super(client, method, content, type);
    }
  }

  private FakeServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer((ex, req, n) ->
        FakeServer.respondRaw(ex, 200, "image/png", "\u0001PNG".getBytes(StandardCharsets.UTF_8)));
    client = new ApiClient(INFO, server.options().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "Rex & co");
    m.put("tags", List.of("a", "b"));
    m.put("age", 3);
    m.put("owner", Map.of("id", 1));
    m.put("missing", null);
    return m;
  }

  @Test
  void formBodiesAreUrlEncodedFields() {
    RestMethod m = RestMethod.builder("pets.create", "POST", "pets").contentType("application/x-www-form-urlencoded").build();
    new Call<>(client, m, fields(), Void.class).execute();
    FakeServer.Received r = server.last();
    assertEquals("application/x-www-form-urlencoded", r.header("Content-Type"));
    assertEquals("name=Rex+%26+co&tags=a&tags=b&age=3&owner=%7B%22id%22%3A1%7D",
        new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void formBodiesRefuseNullItems() {
    RestMethod m = RestMethod.builder("pets.create", "POST", "pets").contentType("application/x-www-form-urlencoded").build();
    Map<String, Object> body = fields();
    body.put("tags", java.util.Arrays.asList("a", null, "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Call<>(client, m, body, Void.class).execute());
    assertEquals("form field tags has a null item, which a form body cannot carry", e.getMessage());
    assertEquals(0, server.count());
    // Multipart sends a list as one JSON part: the null stays in place.
    RestMethod mp = RestMethod.builder("pets.photo", "PUT", "pets/photo").contentType("multipart/form-data").build();
    new Call<>(client, mp, body, Void.class).execute();
    String text = new String(server.last().body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("name=\"tags\"\r\nContent-Type: application/json\r\n\r\n[\"a\",null,\"b\"]\r\n"), text);
  }

  @Test
  void multipartBodiesSendBinaryPartsAsRawBytes() {
    RestMethod m = RestMethod.builder("pets.photo", "PUT", "pets/photo").contentType("multipart/form-data")
        .binaryPart("file").build();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caption", "hi");
    body.put("file", new byte[] {1, 2, (byte) 0xff});
    new Call<>(client, m, body, Void.class).execute();
    FakeServer.Received r = server.last();
    String ct = r.header("Content-Type");
    assertTrue(ct.startsWith("multipart/form-data; boundary="), ct);
    String boundary = ct.substring(ct.indexOf('=') + 1);
    String text = new String(r.body(), StandardCharsets.ISO_8859_1);
    assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhi\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\u00ff\r\n--" + boundary + "--\r\n", text);
  }

  @Test
  void rawBodiesAndBinaryDownloads() {
    RestMethod m = RestMethod.builder("pets.raw", "POST", "pets/raw").contentType("application/octet-stream").build();
    byte[] got = new Call<>(client, m, new byte[] {9, 8}, byte[].class).execute();
    assertArrayEquals(new byte[] {9, 8}, server.last().body());
    assertEquals("application/octet-stream", server.last().header("Content-Type"));
    assertEquals("*/*", server.last().header("Accept"));
    assertArrayEquals("\u0001PNG".getBytes(StandardCharsets.UTF_8), got);
  }
}
