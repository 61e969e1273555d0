package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.Pagination;
import io.discogen.ir.TypeRef;
import io.discogen.runtime.ClientOptions;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import io.discogen.testing.Reflect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Next tokens and links one object down ({@code meta.next_cursor}, {@code pagination.next_token},
 * JSON:API's {@code links.next}): read into the IR only where one object holds one, generated,
 * compiled warning-free and iterated against a local server.
 */
class NestedPagingTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/paging-nested.openapi.yaml");
  static HttpServer server;
  static URLClassLoader loader;
  static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", NestedPagingTest::handle);
    server.start();
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.nested", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, NestedPagingTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    loader.close();
  }

  static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      seen.add(path + (query == null ? "" : "?" + query));
      String body = switch (path + (query == null ? "" : "?" + query)) {
        case "/events" -> "{\"data\":[{\"id\":\"e1\"}],\"meta\":{\"next_cursor\":\"c2\",\"total\":2}}";
        case "/events?cursor=c2" -> "{\"data\":[{\"id\":\"e2\"}],\"meta\":{\"total\":2}}";
        case "/tokens" -> "{\"items\":[{\"id\":\"t1\"}],\"pagination\":{\"next_token\":\"n2\"}}";
        case "/tokens?next_token=n2" -> "{\"items\":[{\"id\":\"t2\"}]}";
        case "/articles" -> "{\"data\":[{\"id\":\"a1\"}],\"links\":{\"self\":\"articles\",\"next\":\"articles?page=2\"}}";
        case "/articles?page=2" -> "{\"data\":[{\"id\":\"a2\"}],\"links\":{\"self\":\"articles?page=2\",\"next\":null}}";
        default -> null;
      };
      byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  @Test
  void theIrNamesTheObjectAndItsToken() throws Exception {
    ApiModel api = SpecReader.read(SPEC, "paging-nested.openapi.yaml");
    Map<String, Method> byId = api.allMethods().stream().collect(Collectors.toMap(Method::id, m -> m));
    Pagination events = byId.get("listEvents").pagination();
    assertEquals(Pagination.Kind.TOKEN, events.kind());
    assertEquals(List.of("cursor", "meta", "next_cursor", "data"), java.util.Arrays.asList(events.pageTokenParameter(),
        events.nextPageTokenProperty(), events.nextPageTokenInner(), events.itemsProperty()));
    assertEquals(new TypeRef.Named("Thing"), events.itemType());
    assertEquals("pagination", byId.get("listTokens").pagination().nextPageTokenProperty());
    assertEquals("next_token", byId.get("listTokens").pagination().nextPageTokenInner());
    Pagination articles = byId.get("listArticles").pagination();
    assertEquals(Pagination.Kind.NEXT_LINK, articles.kind());
    assertEquals(List.of("links", "next"), List.of(articles.nextPageTokenProperty(), articles.nextPageTokenInner()));
    assertNull(byId.get("listAmbiguous").pagination(), "two objects hold a next cursor");
    Pagination top = byId.get("listTop").pagination();
    assertEquals("next_cursor", top.nextPageTokenProperty());
    assertNull(top.nextPageTokenInner(), "the page's own next cursor wins");
  }

  static List<Object> ids(String resource, String method) throws Throwable {
    Object service = loader.loadClass("io.discogen.nested.Nested").getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/").build());
    List<Object> out = new ArrayList<>();
    for (Object item : (Iterable<?>) Reflect.call(Reflect.call(Reflect.call(service, resource), method), "iterateAll")) {
      out.add(Reflect.call(item, "getId"));
    }
    return out;
  }

  @Test
  void iteratesUntilTheObjectHasNoNextToken() throws Throwable {
    assertEquals(List.of("e1", "e2"), ids("events", "listEvents"));
    assertEquals(List.of("t1", "t2"), ids("events", "listTokens"), "no pagination object on the last page");
  }

  @Test
  void followsJsonApiNextLinksUntilNull() throws Throwable {
    seen.clear();
    assertEquals(List.of("a1", "a2"), ids("articles", "listArticles"));
    assertEquals(List.of("/articles", "/articles?page=2"), seen);
  }
}
