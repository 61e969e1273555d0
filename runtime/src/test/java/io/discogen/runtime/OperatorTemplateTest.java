package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6570 operator expressions in method paths, as they reach the wire: a repeated path
 * parameter in {@code {/name*}} (admin directory's historical {@code orgunits{/orgUnitPath*}}), and
 * a query expression that must not double with the query the runtime adds.
 */
class OperatorTemplateTest {
  static final ServiceInfo INFO = new ServiceInfo("directory", "v1", "https://admin.example.com/", null, "", null, List.of());
  static final RestMethod ORGUNITS = RestMethod.builder("directory.orgunits.get", "GET",
          "admin/directory/v1/customer/{customerId}/orgunits{/orgUnitPath*}")
      .pathParam("customerId", null)
      .pathParam("orgUnitPath", "^[^!]*$")
      .build();
  static final RestMethod SEARCH = RestMethod.builder("directory.search", "GET", "search{?q,max}")
      .queryParam("q")
      .queryParam("max")
      .queryParam("alt")
      .build();

  static final class Req extends ClientRequest<Void, Req> {
    Req(ApiClient client, RestMethod method) {
      super(client, method, null, Void.class);
    }

    Req with(String name, Object value) {
      return set(name, value);
    }
  }

  private FakeServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 204, ""));
    client = new ApiClient(INFO, server.options().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void repeatedPathParameterExpandsOneSegmentPerItem() {
    new Req(client, ORGUNITS).with("customerId", "my_customer").with("orgUnitPath", List.of("a b", "c")).execute();
    assertEquals("/admin/directory/v1/customer/my_customer/orgunits/a%20b/c", server.last().rawPath());
    new Req(client, ORGUNITS).with("customerId", "c1").with("orgUnitPath", List.of("x/y?z")).execute();
    assertEquals("/admin/directory/v1/customer/c1/orgunits/x%2Fy%3Fz", server.last().rawPath(), "one item, one segment");
  }

  @Test
  void repeatedPathParameterIsCheckedLikeAnyPathValue() {
    assertThrows(IllegalArgumentException.class,
        () -> new Req(client, ORGUNITS).with("customerId", "c").with("orgUnitPath", List.of("..", "x")).execute());
    IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
        () -> new Req(client, ORGUNITS).with("customerId", "c").with("orgUnitPath", List.of("ok", "no!")).execute());
    assertTrue(pattern.getMessage().contains("pattern"), pattern.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new Req(client, ORGUNITS).with("customerId", "c").execute());
    assertTrue(missing.getMessage().contains("orgUnitPath"), missing.getMessage());
    assertEquals(0, server.count());
  }

  @Test
  void declaredNamesRfc6570DoesNotAllowAreStillVariables() {
    // OpenAPI names may hold '-', ' ' or '*'; a declared name is that parameter.
    RestMethod openApi = RestMethod.builder("pets.get", "GET", "pets/{pet-id}/{+owner path}/{x*}")
        .pathParam("pet-id", null)
        .pathParam("owner path", null)
        .pathParam("x*", null)
        .build();
    new Req(client, openApi).with("pet-id", "a b").with("owner path", "o/p").with("x*", "y").execute();
    assertEquals("/pets/a%20b/o/p/y", server.last().rawPath());
    assertEquals(null, server.last().rawQuery(), "path variables are not repeated in the query");
  }

  @Test
  void queryExpressionIsSentOnceBeforeTheOtherQueryParameters() {
    new Req(client, SEARCH).with("q", "a&b").with("alt", "json").execute();
    assertEquals("/search", server.last().rawPath());
    assertEquals("q=a%26b&alt=json", server.last().rawQuery());
    new Req(client, SEARCH).with("max", 5).execute();
    assertEquals("max=5", server.last().rawQuery(), "undefined variables expand to nothing");
    new Req(client, SEARCH).execute();
    assertEquals(null, server.last().rawQuery());
  }
}
