package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.Parameter;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import io.discogen.testing.Reflect;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path parameters in the {@code label} and {@code matrix} styles
 * ({@code src/test/resources/openapi/path-styles.openapi.yaml}): generated, compiled warning-free
 * and called against a local server, which sees the raw path RFC 6570 expansion gives.
 */
class PathStylesTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/path-styles.openapi.yaml");

  @Test
  void stylesAreInTheIr() throws Exception {
    List<Parameter> params = SpecReader.read(SPEC, "path-styles.openapi.yaml").resources().get(0).methods().get(0)
        .parameters();
    assertEquals(List.of(Parameter.Style.LABEL, Parameter.Style.LABEL, Parameter.Style.MATRIX, Parameter.Style.MATRIX,
        Parameter.Style.SIMPLE, Parameter.Style.MATRIX), params.stream().map(Parameter::style).toList());
    assertEquals(List.of(false, true, false, true, true, true), params.stream().map(Parameter::explode).toList());
  }

  @Test
  void labelAndMatrixReachTheWire(@TempDir Path work) throws Throwable {
    Compilation.Result c = Compilation.compile(Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.paint", true), p -> {}).files(), work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    AtomicReference<String> rawPath = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      rawPath.set(ex.getRequestURI().getRawPath());
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object paint = loader.loadClass("io.discogen.paint.Paint").getConstructor(ClientOptions.class)
          .newInstance(ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/")
              .credentials(Credentials.none()).build());
      Object rgb = loader.loadClass("io.discogen.paint.model.Rgb").getConstructor().newInstance();
      Reflect.call(Reflect.call(rgb, "setR", 100), "setG", 200);
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("a b", 1L);
      counts.put("c", 2L);
      Map<String, String> color = new LinkedHashMap<>();
      color.put("hue", "red;blue");
      color.put("tone", "é");
      Object request = Reflect.call(Reflect.call(paint, "mix"), "mix", List.of("blue", "black,brown"), rgb,
          "x=y", List.of(1, 2), counts, color);
      Reflect.call(request, "execute");
      assertEquals("/v1/mix/.blue,black%2Cbrown/.R=100.G=200/;matrix=x%3Dy/;matrixX=1;matrixX=2"
          + "/a%20b=1,c=2/;hue=red%3Bblue;tone=%C3%A9", rawPath.get());
    } finally {
      server.stop(0);
    }
  }
}
