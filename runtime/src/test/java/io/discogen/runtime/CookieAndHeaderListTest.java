package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAPI parameter places the Discovery test API lacks: cookies, and lists in headers. */
class CookieAndHeaderListTest {
  static final ServiceInfo INFO = new ServiceInfo("pets", "1", "https://pets.example.com/", null, "", null, List.of());
  static final RestMethod METHOD = RestMethod.builder("pets.list", "GET", "pets")
      .cookieParam("session").cookieParam("theme").headerParam("X-Ids").queryParam("limit").build();

  static final class ListPets extends ClientRequest<Void, ListPets> {
    ListPets(ApiClient client) {
      super(client, METHOD, null, Void.class);
    }

    ListPets with(String name, Object value) {
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

  private ApiClient client(Credentials c) {
    return new ApiClient(INFO, server.options().credentials(c).build());
  }

  @Test
  void cookiesAndHeaderListsTravelOutsideTheQuery() {
    new ListPets(client(null)).with("session", "a b;c").with("theme", "dark").with("X-Ids", List.of(1, 2))
        .with("limit", 5).execute();
    FakeServer.Received r = server.last();
    assertEquals("session=a%20b%3Bc; theme=dark", r.header("Cookie"));
    assertEquals("1,2", r.header("X-Ids"));
    assertEquals("limit=5", r.rawQuery());
  }

  @Test
  void cookieCredentialsJoinCookieParameters() {
    new ListPets(client(Credentials.apiKey("key", Credentials.KeyLocation.COOKIE, "k1"))).with("theme", "dark").execute();
    assertEquals("theme=dark; key=k1", server.last().header("Cookie"));
  }
}
