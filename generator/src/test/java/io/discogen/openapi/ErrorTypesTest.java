package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.Method;
import io.discogen.ir.TypeRef;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.RetryPolicy;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import io.discogen.testing.Reflect;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operation whose error responses declare different bodies by status
 * ({@code src/test/resources/openapi/errors.openapi.yaml}): generated, compiled warning-free and
 * called against a local server; each error decodes to the class declared for its status, range
 * or default.
 */
class ErrorTypesTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/errors.openapi.yaml");

  @Test
  void errorTypesByStatusInTheIr() throws Exception {
    Method m = SpecReader.read(SPEC, "errors.openapi.yaml").resources().get(0).methods().get(0);
    assertNull(m.errorType());
    assertEquals(List.of("400", "404", "409", "5XX", "default"), List.copyOf(m.errorTypes().keySet()));
    assertEquals(new TypeRef.Named("ValidationError"), m.errorTypes().get("409"));
    assertEquals(new TypeRef.Named("NotFound"), m.errorTypes().get("404"));
  }

  @Test
  void eachStatusDecodesToItsType(@TempDir Path work) throws Throwable {
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.kennel", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    String source = new String(files.stream().filter(f -> f.path().endsWith("/Kennel.java")).findFirst()
        .orElseThrow().content(), StandardCharsets.UTF_8);
    for (String line : List.of("<li>400: {@link ValidationError}", "<li>404: {@link NotFound}",
        "<li>5XX: {@link PutDogError5XX}", "<li>any other status: {@link Problem}")) {
      assertTrue(source.contains(line), source);
    }

    // The server answers with the status the path asks for.
    Map<Integer, String> bodies = Map.of(
        400, "{\"field\":\"name\",\"reason\":\"blank\"}",
        404, "{\"id\":\"rex\"}",
        409, "{\"field\":\"id\",\"reason\":\"taken\"}",
        503, "{\"retryAfterSeconds\":30}",
        418, "{\"title\":\"teapot\",\"status\":418}");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      int status = Integer.parseInt(ex.getRequestURI().getPath().replaceAll(".*/", ""));
      byte[] body = bodies.getOrDefault(status, "").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object kennel = loader.loadClass("io.discogen.kennel.Kennel").getConstructor(ClientOptions.class)
          .newInstance(ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/")
              .credentials(Credentials.none()).retryPolicy(RetryPolicy.none()).build());
      Object dogs = Reflect.call(kennel, "dogs");
      Class<?> request = Reflect.call(dogs, "putDog", "1").getClass();
      java.lang.reflect.Method decode = request.getMethod("decodeError", ApiException.class);

      Map<Integer, String> expected = Map.of(400, "ValidationError", 404, "NotFound", 409, "ValidationError",
          503, "PutDogError5XX", 418, "Problem");
      for (Map.Entry<Integer, String> e : expected.entrySet()) {
        Object call = Reflect.call(dogs, "putDog", String.valueOf(e.getKey()));
        ApiException error = assertThrows(ApiException.class, () -> Reflect.call(call, "execute"));
        assertEquals(e.getKey(), error.statusCode());
        Object body = decode.invoke(null, error);
        assertSame(loader.loadClass("io.discogen.kennel.model." + e.getValue()), body.getClass(), e.getValue());
        assertSame(body.getClass(), request.getMethod("errorTypeFor", int.class).invoke(null, e.getKey()));
      }
      Object call = Reflect.call(dogs, "putDog", "400");
      ApiException invalid = assertThrows(ApiException.class, () -> Reflect.call(call, "execute"));
      assertEquals("blank", Reflect.call(decode.invoke(null, invalid), "getReason"));
      Object busy = Reflect.call(dogs, "putDog", "503");
      ApiException unavailable = assertThrows(ApiException.class, () -> Reflect.call(busy, "execute"));
      assertEquals(30, Reflect.call(decode.invoke(null, unavailable), "getRetryAfterSeconds"));
      // Without a default: a status none declares, even by range, has no type.
      Class<?> list = Reflect.call(dogs, "listDogs").getClass();
      java.lang.reflect.Method typeFor = list.getMethod("errorTypeFor", int.class);
      assertSame(loader.loadClass("io.discogen.kennel.model.ValidationError"), typeFor.invoke(null, 400));
      assertSame(loader.loadClass("io.discogen.kennel.model.Problem"), typeFor.invoke(null, 404));
      assertNull(typeFor.invoke(null, 500));
      // No body: nothing to decode.
      Object empty = Reflect.call(dogs, "putDog", "402");
      ApiException noBody = assertThrows(ApiException.class, () -> Reflect.call(empty, "execute"));
      assertNull(decode.invoke(null, noBody));
    } finally {
      server.stop(0);
    }
  }
}
