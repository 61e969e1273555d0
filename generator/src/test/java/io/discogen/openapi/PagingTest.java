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
import io.discogen.runtime.InvalidResponseException;
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
  /** Another origin: a next link there must not be followed. */
  static HttpServer other;
  static final List<String> otherSeen = new CopyOnWriteArrayList<>();
  static URLClassLoader loader;
  /** Each request the server saw: path and query, then the Authorization header. */
  static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", PagingTest::handle);
    server.start();
    other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", ex -> {
      try (ex) {
        otherSeen.add(ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization"));
        ex.sendResponseHeaders(200, -1);
      }
    });
    other.start();
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
    other.stop(0);
    loader.close();
  }

  @BeforeEach
  void clear() {
    seen.clear();
    otherSeen.clear();
  }

  static String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      String tenant = ex.getRequestHeaders().getFirst("X-Tenant");
      seen.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " "
          + ex.getRequestHeaders().getFirst("Authorization") + (tenant == null ? "" : " " + tenant));
      String q = query == null ? "" : query;
      String self = "http://127.0.0.1:" + server.getAddress().getPort();
      String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort();
      String link = switch (path + "?" + q) {
        case "/v1/repos?per_page=1" -> "<" + self + "/v1/repos?page=2&per_page=1>; rel=\"next\", <"
            + self + "/v1/repos?page=3&per_page=1>; rel=\"last\"";
        case "/v1/repos?page=2&per_page=1" -> "</v1/repos?page=3&per_page=1>; title=\"a, b\"; rel=\"prev next\"";
        case "/v1/repos?page=3&per_page=1" -> "<" + self + "/v1/repos?page=1&per_page=1>; rel=\"first\"";
        case "/v1/evilRepos?" -> "<" + elsewhere + "/steal>; rel=\"next\"";
        default -> null;
      };
      if (link != null) {
        ex.getResponseHeaders().set("Link", link);
      }
      String body = switch (path) {
        case "/v1/resources" -> q.contains("page=2")
            ? "{\"value\":[{\"id\":\"r3\"}]}"
            : "{\"value\":[{\"id\":\"r1\"},{\"id\":\"r2\"}],\"nextLink\":\"" + self
                + "/v1/resources?page=2&api-version=2" + (q.contains("key=k1") ? "&key=k1" : "") + "\"}";
        case "/v1/odata" -> q.contains("skip=1")
            ? "{\"value\":[{\"id\":\"o2\"}],\"@odata.nextLink\":\"\"}"
            : "{\"value\":[{\"id\":\"o1\"}],\"@odata.nextLink\":\"odata?skip=1\"}";
        case "/v1/evil" -> "{\"value\":[{\"id\":\"e1\"}],\"nextLink\":\"" + elsewhere + "/v1/evil?page=2\"}";
        case "/v1/repos" -> "[{\"id\":\"g" + (q.contains("page=") ? q.charAt(q.indexOf("page=") + 5) : '1') + "\"}]";
        case "/v1/evilRepos" -> "[{\"id\":\"x\"}]";
        case "/v1/logs" -> logs(q, false);
        case "/v1/logPages" -> logs(q, true);
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

  /** Five entries, {@code limit} (default 2, at most 3: the server caps it) from {@code offset} (default 0). */
  static String logs(String query, boolean object) {
    int offset = 0;
    int limit = 2;
    for (String pair : query.split("&")) {
      if (pair.startsWith("offset=")) {
        offset = Integer.parseInt(pair.substring(7));
      } else if (pair.startsWith("limit=")) {
        limit = Math.min(3, Integer.parseInt(pair.substring(6)));
      }
    }
    List<String> items = new ArrayList<>();
    for (int i = offset; i < Math.min(5, offset + limit); i++) {
      items.add("{\"id\":\"l" + i + "\"}");
    }
    String list = "[" + String.join(",", items) + "]";
    return object ? "{\"results\":" + list + ",\"total\":5}" : list;
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
    assertEquals(List.of("listEvents", "listEvil", "listEvilRepos", "listInherited", "listItems", "listLogPages", "listLogs", "listMixed", "listOdata",
        "listRepos", "listResources"), List.copyOf(paging.keySet()));
    assertEquals(new Pagination(Pagination.Kind.NEXT_LINK, null, "nextLink", "value",
        new io.discogen.ir.TypeRef.Named("Resource"), null), paging.get("listResources"));
    assertEquals(new Pagination(Pagination.Kind.LINK_HEADER, null, null, null,
        new io.discogen.ir.TypeRef.Named("Resource"), null), paging.get("listRepos"));
    assertEquals(new Pagination(Pagination.Kind.OFFSET, "offset", null, null,
        new io.discogen.ir.TypeRef.Named("Resource"), "limit"), paging.get("listLogs"));
    assertEquals("results", paging.get("listLogPages").itemsProperty());
    assertEquals(Pagination.Kind.TOKEN, paging.get("listItems").kind());
    assertEquals("items", paging.get("listInherited").itemsProperty());
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
        "GET /v1/items?page_size=3 Bearer tok",
        "GET /v1/items?page_token=p2&page_size=3 Bearer tok",
        "GET /v1/items?page_token=p3&page_size=3 Bearer tok"), sortQueries(seen));
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
    Reflect.call(Reflect.call(resource("mixed"), "listInherited"), "iterateAll");
    Object post = Reflect.call(resource("resources"), "queryResources");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(post, "iterateAll"));
    Object single = Reflect.call(resource("resources"), "listSingle");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(single, "iterateAll"));
    Object guessed = Reflect.call(resource("repos"), "listPagedRepos");
    assertThrows(NoSuchMethodException.class, () -> Reflect.call(guessed, "iterateAll"));
  }

  @Test
  void aNextLinkIsFetchedWithTheRequestsHeadersAndCredentials() throws Throwable {
    Object request = Reflect.call(resource("resources"), "listResources");
    Reflect.call(request, "setXTenant", "t1");
    Reflect.call(request, "setApiVersion", "2");
    assertEquals(List.of("r1", "r2", "r3"), all(request, "getId"));
    // The next page is the link as given: the request's query is not added again.
    assertEquals(List.of("GET /v1/resources?api-version=2 Bearer tok t1",
        "GET /v1/resources?page=2&api-version=2 Bearer tok t1"), seen);
  }

  @Test
  void anApiKeyTheServerEchoedIntoTheNextLinkIsNotSentTwice() throws Throwable {
    Object service = loader.loadClass("io.discogen.paging.Pages").getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(root()).credentials(Credentials.apiKey("k1")).build());
    Object request = Reflect.call(Reflect.call(service, "resources"), "listResources");
    Reflect.call(request, "setApiVersion", "2");
    assertEquals(List.of("r1", "r2", "r3"), all(request, "getId"));
    assertEquals(List.of("GET /v1/resources?api-version=2&key=k1 null",
        "GET /v1/resources?page=2&api-version=2&key=k1 null"), seen);
  }

  @Test
  void aRelativeODataNextLinkResolvesAgainstTheRootUrl() throws Throwable {
    Object request = Reflect.call(resource("resources"), "listOdata");
    assertEquals(List.of("o1", "o2"), all(request, "getId"));
    assertEquals(List.of("GET /v1/odata Bearer tok", "GET /v1/odata?skip=1 Bearer tok"), seen);
  }

  @Test
  void aLinkHeaderIsFollowedUntilThereIsNoNextLink() throws Throwable {
    Object request = Reflect.call(resource("repos"), "listRepos");
    Reflect.call(request, "setXTenant", "t2");
    Reflect.call(request, "setPerPage", 1L);
    assertEquals(List.of("g1", "g2", "g3"), all(request, "getId"));
    assertEquals(List.of("GET /v1/repos?per_page=1 Bearer tok t2",
        "GET /v1/repos?page=2&per_page=1 Bearer tok t2",
        "GET /v1/repos?page=3&per_page=1 Bearer tok t2"), seen);
    // Iterating again starts over.
    assertEquals(3, ((java.util.stream.Stream<?>) Reflect.call(Reflect.call(request, "iterateAll"), "stream")).count());
  }

  @Test
  void offsetPagingStopsOnlyOnAnEmptyPage() throws Throwable {
    Object request = Reflect.call(resource("logs"), "listLogs");
    Reflect.call(request, "setLimit", 2);
    assertEquals(List.of("l0", "l1", "l2", "l3", "l4"), all(request, "getId"));
    // The short page at offset 4 does not end the list: one more request, answered empty.
    assertEquals(List.of("GET /v1/logs?limit=2 Bearer tok", "GET /v1/logs?limit=2&offset=2 Bearer tok",
        "GET /v1/logs?limit=2&offset=4 Bearer tok", "GET /v1/logs?limit=2&offset=5 Bearer tok"), seen);
    seen.clear();
    // From the request's own offset.
    Reflect.call(request, "setOffset", 3L);
    assertEquals(List.of("l3", "l4"), all(request, "getId"));
    assertEquals(List.of("GET /v1/logs?limit=2&offset=3 Bearer tok", "GET /v1/logs?limit=2&offset=5 Bearer tok"),
        seen);
    // A server that caps the limit below what was asked: every item still comes.
    seen.clear();
    Reflect.call(request, "setOffset", 0L);
    Reflect.call(request, "setLimit", 10);
    assertEquals(List.of("l0", "l1", "l2", "l3", "l4"), all(request, "getId"));
    assertEquals(3, seen.size(), seen.toString());
  }

  @Test
  void offsetPagingWithoutALimitStopsOnAnEmptyPage() throws Throwable {
    Object request = Reflect.call(resource("logs"), "listLogPages");
    assertEquals(List.of("l0", "l1", "l2", "l3", "l4"), all(request, "getId"));
    assertEquals(List.of("GET /v1/logPages Bearer tok", "GET /v1/logPages?offset=2 Bearer tok",
        "GET /v1/logPages?offset=4 Bearer tok", "GET /v1/logPages?offset=5 Bearer tok"), seen);
  }

  @Test
  void aNextLinkToAnotherOriginIsRefusedNotFollowed() throws Throwable {
    Object evil = Reflect.call(resource("resources"), "listEvil");
    Reflect.call(evil, "setXTenant", "secret");
    java.util.Iterator<?> items = ((Iterable<?>) Reflect.call(evil, "iterateAll")).iterator();
    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> {
      while (items.hasNext()) {
        items.next();
      }
    });
    assertTrue(e.getMessage().contains("not on the API's origin"), e.getMessage());
    Object evilRepos = Reflect.call(resource("repos"), "listEvilRepos");
    assertThrows(InvalidResponseException.class, () -> all(evilRepos, "getId"));
    assertEquals(List.of(), otherSeen);
    assertEquals(2, seen.size());
  }

  /** Query parameters in a fixed order, so the test does not depend on the order they are sent in. */
  static List<String> sortQueries(List<String> requests) {
    List<String> out = new ArrayList<>();
    for (String r : requests) {
      int q = r.indexOf('?');
      int sp = r.indexOf(' ', q < 0 ? 0 : q);
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
