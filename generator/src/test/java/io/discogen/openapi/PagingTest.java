package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.Pagination;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.DiscogenException;
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
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI paging conventions, end to end: generated from a small spec, compiled warning-free, and
 * iterated against a local server that hands out pages; ambiguous operations get no paging.
 */
class PagingTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/paging.openapi.yaml");

  static HttpServer server;
  static URLClassLoader loader;
  /** Each request the server saw: path and query, then the Authorization header. */
  static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", PagingTest::handle);
    server.start();
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.paging", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, PagingTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    loader.close();
  }

  @BeforeEach
  void clear() {
    seen.clear();
  }

  static String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      seen.add(path + (query == null ? "" : "?" + query) + " " + ex.getRequestHeaders().getFirst("Authorization"));
      String q = query == null ? "" : query;
      String body = switch (path) {
        case "/v1/items" -> q.contains("page_token=p2")
            ? "{\"items\":[{\"id\":\"4\"},{\"id\":\"5\"}],\"next_page_token\":\"p3\"}"
            : q.contains("page_token=p3") ? "{\"items\":[{\"id\":\"6\"}],\"next_page_token\":\"\"}"
            : q.contains("page_token=loop") ? "{\"items\":[],\"next_page_token\":\"loop\"}"
            : "{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"}],\"next_page_token\":\"p2\"}";
        case "/v1/events" -> q.contains("cursor=c2")
            ? "{\"data\":[{\"name\":\"b\"}],\"warnings\":[\"w2\"]}"
            : "{\"data\":[{\"name\":\"a\"}],\"warnings\":[\"w1\"],\"next_cursor\":\"c2\"}";
        default -> null;
      };
      byte[] b = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(body == null ? 404 : 200, b.length);
      ex.getResponseBody().write(b);
    }
  }

  static Object resource(String name) throws Throwable {
    Object service = loader.loadClass("io.discogen.paging.Pages").getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(root()).credentials(Credentials.bearerToken("tok")).build());
    return Reflect.call(service, name);
  }

  static List<Object> all(Object request, String getter) throws Throwable {
    List<Object> out = new ArrayList<>();
    for (Object item : (Iterable<?>) Reflect.call(request, "iterateAll")) {
      out.add(Reflect.call(item, getter));
    }
    return out;
  }

  @Test
  void theIrSaysWhichOperationsPage() throws Exception {
    ApiModel api = SpecReader.read(SPEC, "paging.openapi.yaml");
    Map<String, Pagination> paging = new TreeMap<>();
    for (Method m : api.allMethods()) {
      if (m.pagination() != null) {
        paging.put(m.id(), m.pagination());
      }
    }
    assertEquals(List.of("listEvents", "listItems", "listMixed"), List.copyOf(paging.keySet()));
    assertEquals("page_token", paging.get("listItems").pageTokenParameter());
    assertEquals("next_page_token", paging.get("listItems").nextPageTokenProperty());
    assertEquals("items", paging.get("listItems").itemsProperty());
    assertEquals("data", paging.get("listEvents").itemsProperty());
    assertEquals("next_cursor", paging.get("listEvents").nextPageTokenProperty());
    // Two lists, neither conventionally named: the method pages, its items cannot be iterated.
    assertFalse(paging.get("listMixed").iterable());
    assertNull(paging.get("listMixed").itemsProperty());
  }

  @Test
  void iterateAllFollowsTheTokensInOrderAndStopsOnAnEmptyOne() throws Throwable {
    Object request = Reflect.call(resource("items"), "listItems");
    Reflect.call(request, "setPageSize", 3L);
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), all(request, "getId"));
    assertEquals(List.of(
        "/v1/items?page_size=3 Bearer tok",
        "/v1/items?page_token=p2&page_size=3 Bearer tok",
        "/v1/items?page_token=p3&page_size=3 Bearer tok"), sortQueries(seen));
  }

  @Test
  void aCursorIteratesTheConventionallyNamedListAndStopsWithoutANextCursor() throws Throwable {
    Object request = Reflect.call(resource("events"), "listEvents");
    assertEquals(List.of("a", "b"), all(request, "getName"));
    assertEquals(2, seen.size());
    List<Object> pages = new ArrayList<>();
    for (Object page : (Iterable<?>) Reflect.call(Reflect.call(request, "iterateAll"), "pages")) {
      pages.add(Reflect.call(page, "getWarnings"));
    }
    assertEquals(List.of(List.of("w1"), List.of("w2")), pages);
  }

  @Test
  void aServerRepeatingTheTokenFailsTheIteration() throws Throwable {
    Object request = Reflect.call(resource("items"), "listItems");
    Reflect.call(request, "setPageToken", "loop");
    assertThrows(DiscogenException.class, () -> all(request, "getId"));
  }

  @Test
  void onlyIterableMethodsGetIterateAll() throws Throwable {
    Object mixed = Reflect.call(resource("mixed"), "listMixed");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(mixed, "iterateAll"));
    Object two = Reflect.call(resource("mixed"), "listTwoTokens");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(two, "iterateAll"));
    Object numeric = Reflect.call(resource("mixed"), "listNumericCursor");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(numeric, "iterateAll"));
  }

  /** Query parameters in a fixed order, so the test does not depend on the order they are sent in. */
  static List<String> sortQueries(List<String> requests) {
    List<String> out = new ArrayList<>();
    for (String r : requests) {
      int q = r.indexOf('?');
      int sp = r.indexOf(' ');
      if (q < 0) {
        out.add(r);
        continue;
      }
      List<String> parts = new ArrayList<>(List.of(r.substring(q + 1, sp).split("&")));
      parts.sort((a, b) -> a.startsWith("page_token") ? -1 : b.startsWith("page_token") ? 1 : a.compareTo(b));
      out.add(r.substring(0, q + 1) + String.join("&", parts) + r.substring(sp));
    }
    return out;
  }
}
