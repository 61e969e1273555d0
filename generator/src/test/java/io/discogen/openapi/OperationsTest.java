package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import io.discogen.testing.Reflect;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations side of OpenAPI, generated from the petstore spec and run against a local
 * server that records what arrives: parameter styles on the wire, typed error bodies, and binary
 * responses streamed.
 */
class OperationsTest {
  static HttpServer server;
  static URLClassLoader loader;
  static final Map<String, String> seen = new ConcurrentHashMap<>();
  static final byte[] PHOTO = new byte[300_000];

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    for (int i = 0; i < PHOTO.length; i++) {
      PHOTO[i] = (byte) (i * 31);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", OperationsTest::handle);
    server.start();
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(PetstoreTest.SPEC), Path.of("unused"), "io.discogen.ops", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    if (!c.success()) {
      throw new AssertionError(c.report());
    }
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, OperationsTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    loader.close();
  }

  static void handle(HttpExchange ex) throws java.io.IOException {
    String path = ex.getRequestURI().getRawPath();
    seen.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
    seen.put("X-Trace-Tags", String.valueOf(ex.getRequestHeaders().getFirst("X-Trace-Tags")));
    seen.put("X-Meta", String.valueOf(ex.getRequestHeaders().getFirst("X-Meta")));
    byte[] body;
    int status = 200;
    String type = "application/json";
    if (path.endsWith("/pets")) {
      body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    } else if (path.endsWith("/store/inventory")) {
      body = "{\"available\":1}".getBytes(StandardCharsets.UTF_8);
    } else if (path.endsWith("/pets/7/photo")) {
      body = PHOTO;
      type = "image/png";
    } else {
      status = 404;
      body = "{\"code\":404,\"message\":\"no such pet\"}".getBytes(StandardCharsets.UTF_8);
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  static Object service() throws Throwable {
    Class<?> cls = loader.loadClass("io.discogen.ops.Petstore");
    return cls.getConstructor(ClientOptions.class).newInstance(ClientOptions.builder()
        .rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/").credentials(Credentials.none()).build());
  }

  static Object pets() throws Throwable {
    return Reflect.call(service(), "pets");
  }

  static Object store() throws Throwable {
    return Reflect.call(service(), "store");
  }

  @Test
  void queryAndHeaderStylesReachTheWire() throws Throwable {
    Object request = Reflect.call(pets(), "listPets");
    Class<?> status = request.getClass().getMethod("getStatus").getReturnType();
    Reflect.call(request, "setStatusValue", List.of("available", "sold"));
    Reflect.call(request, "setTags", List.of("a", "b,c"));
    Reflect.call(request, "setIds", List.of(1L, 22L));
    Reflect.call(request, "setSort", List.of("name", "-age"));
    Object filter = loader.loadClass("io.discogen.ops.model.Filter").getConstructor().newInstance();
    Reflect.call(filter, "setName", "Rex & co");
    Reflect.call(filter, "setMinAge", 3);
    Reflect.call(request, "setFilter", filter);
    Reflect.call(request, "execute");
    assertEquals(List.class, status);
    assertEquals("status=available&status=sold" // form, exploded (the default)
        + "&tags=a,b%2Cc" // form, not exploded: the item's own comma is encoded
        + "&ids=1%2022" // spaceDelimited
        + "&sort=name%7C-age" // pipeDelimited
        + "&filter%5Bname%5D=Rex%20%26%20co&filter%5BminAge%5D=3", // deepObject
        seen.get("query"));

    Reflect.call(Reflect.call(store(), "getInventory", List.of("x", "y,z")), "execute");
    assertEquals("x,y,z", seen.get("X-Trace-Tags")); // simple style: comma-joined, as the spec says
  }

  @Test
  void errorBodiesDecodeAsTheDeclaredModel() throws Throwable {
    Object request = Reflect.call(pets(), "getPet", 99L);
    Class<?> errorType = (Class<?>) request.getClass().getField("ERROR_TYPE").get(null);
    assertEquals("io.discogen.ops.model.Error", errorType.getName());
    ApiException e = assertThrows(ApiException.class, () -> Reflect.call(request, "execute"));
    assertEquals(404, e.statusCode());
    Object error = e.errorAs(errorType);
    assertEquals("no such pet", Reflect.call(error, "getMessage"));
    assertEquals(404, Reflect.call(error, "getCode"));
  }

  @Test
  void binaryResponsesStream() throws Throwable {
    Object request = Reflect.call(pets(), "downloadPhoto", 7L);
    try (InputStream in = (InputStream) Reflect.call(request, "executeMediaAsInputStream")) {
      assertArrayEquals(PHOTO, in.readAllBytes());
    }
    assertEquals("null", seen.get("query")); // no alt=media: the response is the content
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reflect.call(request, "executeMediaAndDownloadTo", out);
    assertArrayEquals(PHOTO, out.toByteArray());
    assertArrayEquals(PHOTO, (byte[]) Reflect.call(request, "execute"));

    Object missing = Reflect.call(pets(), "downloadPhoto", 8L);
    ApiException e = assertThrows(ApiException.class, () -> Reflect.call(missing, "executeMediaAsInputStream"));
    assertEquals(404, e.statusCode());
  }

  @Test
  void mapParametersAreTypedAndSerializedInTheirStyle(@TempDir Path dir) throws Throwable {
    Path spec = dir.resolve("maps.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Maps, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - name: labels
                  in: query
                  style: deepObject
                  schema: {type: object, additionalProperties: {type: string}}
                - name: X-Meta
                  in: header
                  explode: true
                  schema: {type: object, additionalProperties: {type: integer}}
              responses:
                '204': {description: ok}
        """);
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.maps", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, dir.resolve("work"));
    assertEquals(List.of(), c.warnings(), c.report());
    try (URLClassLoader maps = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object service = maps.loadClass("io.discogen.maps.Maps").getConstructor(ClientOptions.class).newInstance(
          ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .credentials(Credentials.none()).build());
      Object request = Reflect.call(Reflect.call(service, "pets"), "listPets");
      assertEquals(Map.class, request.getClass().getMethod("getLabels").getReturnType());
      Map<String, Object> labels = new java.util.LinkedHashMap<>();
      labels.put("color", "brown");
      labels.put("size", "L");
      Reflect.call(request, "setLabels", labels);
      Reflect.call(request, "setXMeta", Map.of("age", 3));
      Reflect.call(request, "execute");
    }
    assertEquals("labels%5Bcolor%5D=brown&labels%5Bsize%5D=L", seen.get("query"));
    assertEquals("age=3", seen.get("X-Meta"));
  }

  @Test
  void swagger2CollectionFormatsMapOntoStyles(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("old.yaml");
    Files.writeString(spec, """
        swagger: '2.0'
        info: {title: Old, version: '1'}
        host: old.example.com
        schemes: [https]
        paths:
          /items:
            get:
              parameters:
                - {name: csv, in: query, type: array, items: {type: string}, collectionFormat: csv}
                - {name: ssv, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                - {name: pipes, in: query, type: array, items: {type: string}, collectionFormat: pipes}
                - {name: multi, in: query, type: array, items: {type: string}, collectionFormat: multi}
                - {name: plain, in: query, type: array, items: {type: string}}
                - {name: X-List, in: header, type: array, items: {type: string}}
              responses:
                '200': {description: ok}
        """);
    ApiModel api = SpecReader.read(spec, "old.yaml");
    Method m = api.allMethods().get(0);
    Map<String, String> styles = new java.util.LinkedHashMap<>();
    for (Parameter p : m.parameters()) {
      styles.put(p.name(), p.style() + (p.explode() ? " exploded" : ""));
    }
    assertEquals(Map.of("csv", "FORM", "ssv", "SPACE_DELIMITED", "pipes", "PIPE_DELIMITED",
        "multi", "FORM exploded", "plain", "FORM", "X-List", "SIMPLE"), styles);
    assertFalse(m.parameters().get(0).explode());
  }
}
