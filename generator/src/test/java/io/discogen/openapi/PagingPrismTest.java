package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.DiscogenException;
import io.discogen.testing.Compilation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging against Stoplight Prism's mock of {@code paging-prism.openapi.yaml}: Prism validates
 * every page request against its operation (query parameter names, types, patterns; 422
 * otherwise) and serves the operation's static example.
 *
 * <p>Link paging (a next link in the body, a {@code Link} header) runs to the end: the first page
 * names the path of a second operation whose example is the last page. Token paging cannot: Prism
 * answers the same example whatever the token, so a page that names a next token names it again,
 * and the last page is asked for with {@code Prefer: example=last}. That tokens are sent in order
 * and iteration stops on an empty one is {@link PagingTest}'s, against a local server that hands
 * out different pages.
 *
 * <p>See {@link Prism} for where Prism comes from; skipped when absent, except on CI.
 */
class PagingPrismTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/paging-prism.openapi.yaml");

  static Prism prism;
  static URLClassLoader loader;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    prism = Prism.start(SPEC);
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.prismpages", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, PagingPrismTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  static Object resource(String name) throws Throwable {
    Object service = loader.loadClass("io.discogen.prismpages.Pages").getConstructor(ClientOptions.class)
        .newInstance(ClientOptions.builder().rootUrl(prism.rootUrl()).build());
    return call(service, name);
  }

  static List<Object> ids(Iterable<?> items) throws Throwable {
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      out.add(call(item, "getId"));
    }
    return out;
  }

  @Test
  void aNextLinkInTheBodyIsFollowedToTheLastPage() throws Throwable {
    Object request = call(resource("resources"), "listResources", "2024-01-01");
    assertEquals(List.of("x1", "x2", "x3"), ids((Iterable<?>) call(request, "iterateAll")));
    List<Object> pages = new ArrayList<>();
    for (Object page : (Iterable<?>) call(call(request, "iterateAll"), "pages")) {
      pages.add(call(page, "getNextLink"));
    }
    assertEquals(java.util.Arrays.asList("resources/page2?api-version=2024-01-01", null), pages);
  }

  @Test
  void aLinkHeaderIsFollowedToTheLastPage() throws Throwable {
    Object request = call(resource("repos"), "listRepos");
    call(request, "setPerPage", 2L);
    // The second page's operation requires per_page (Prism answers 422 without it): the link was
    // requested as the header named it.
    assertEquals(List.of("r1", "r2", "r3"), ids((Iterable<?>) call(request, "iterateAll")));
  }

  @Test
  void aTokenPageIsRequestedAsTheSpecDeclaresIt() throws Throwable {
    Object request = call(resource("items"), "listItems");
    call(request, "setPageSize", 2L);
    call(request, "setHeader", "Prefer", "example=last");
    assertEquals(List.of("c"), ids((Iterable<?>) call(request, "iterateAll")), "the last page: no next token");

    call(request, "setPageToken", "p7");
    assertEquals(List.of("c"), ids((Iterable<?>) call(request, "iterateAll")), "a token Prism's pattern accepts");
    call(request, "setPageToken", "seven");
    assertEquals(422, assertThrows(ApiException.class, () -> call(request, "execute")).statusCode(),
        "Prism does check the token parameter");
  }

  @Test
  void theNextTokenIsSentAndARepeatedOneEndsTheIteration() throws Throwable {
    Object request = call(resource("items"), "listItems");
    call(request, "setPageSize", 2L);
    Iterator<?> pages = ((Iterable<?>) call(call(request, "iterateAll"), "pages")).iterator();
    assertEquals("p2", call(pages.next(), "getNextPageToken"));
    // The second request carries page_token=p2, which Prism validates; its answer names p2 again,
    // which the runtime refuses rather than loop.
    assertThrows(DiscogenException.class, pages::next);
  }
}
