package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of credentials, refresh behaviour, and that secrets never show. */
class AuthTest {
  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  private FakeServer server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\":\"w\"}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Widgets widgets(Credentials c) {
    return new Widgets(server.options().credentials(c).build());
  }

  @Test
  void apiKeyGoesInTheQuery() {
    widgets(Credentials.apiKey("AIza/secret+key")).get("projects/p/widgets/w").execute();
    assertEquals("prettyPrint=false&key=AIza%2Fsecret%2Bkey", server.last().rawQuery());
    assertNull(server.last().header("Authorization"));
  }

  @Test
  void namedApiKeysGoWhereTheSchemeSays() {
    widgets(Credentials.apiKey("api_key", Credentials.KeyLocation.QUERY, "k/1")).get("projects/p/widgets/w").execute();
    assertEquals("prettyPrint=false&api_key=k%2F1", server.last().rawQuery());
    widgets(Credentials.apiKey("X-API-Key", Credentials.KeyLocation.HEADER, "k2")).get("projects/p/widgets/w").execute();
    assertEquals("k2", server.last().header("X-API-Key"));
    widgets(Credentials.apiKey("session", Credentials.KeyLocation.COOKIE, "k3")).get("projects/p/widgets/w").execute();
    assertEquals("session=k3", server.last().header("Cookie"));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.apiKey("session", Credentials.KeyLocation.COOKIE, "a;b"));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.apiKey("bad name", Credentials.KeyLocation.HEADER, "k"));
    assertEquals("Credentials[api-key-header]",
        Credentials.apiKey("X-API-Key", Credentials.KeyLocation.HEADER, "secret").toString());
  }

  @Test
  void basicAuthGoesInTheAuthorizationHeader() {
    widgets(Credentials.basic("aladdin", "open sesame")).get("projects/p/widgets/w").execute();
    assertEquals("Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==", server.last().header("Authorization"));
    assertThrows(IllegalArgumentException.class, () -> Credentials.basic("a:b", "c"));
    assertEquals("Credentials[basic]", Credentials.basic("u", "p").toString());
  }

  @Test
  void bearerTokenGoesInTheAuthorizationHeader() {
    widgets(Credentials.bearerToken("ya29.token")).get("projects/p/widgets/w").execute();
    assertEquals("Bearer ya29.token", server.last().header("Authorization"));
    assertEquals("prettyPrint=false", server.last().rawQuery());
  }

  @Test
  void noCredentialsSendsNoAuthorization() {
    widgets(null).get("projects/p/widgets/w").execute();
    assertNull(server.last().header("Authorization"));
  }

  @Test
  void secretsWithCrOrLfAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Credentials.bearerToken("a\r\nX-Evil: 1"));
    assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(""));
    Credentials bad = Credentials.refreshing(scopes -> new TokenSource.AccessToken("t\nX: y", null));
    DiscogenException e = assertThrows(DiscogenException.class,
        () -> widgets(bad).get("projects/p/widgets/w").execute());
    assertFalse(e.getMessage().contains("X: y"));
    assertEquals(0, server.count());
  }

  @Test
  void refreshingTokenIsCachedUntilShortlyBeforeExpiry() {
    AtomicInteger fetches = new AtomicInteger();
    List<List<String>> scopesSeen = new CopyOnWriteArrayList<>();
    TokenSource source = scopes -> {
      scopesSeen.add(scopes);
      return new TokenSource.AccessToken("tok-" + fetches.incrementAndGet(), Instant.now().plusSeconds(3600));
    };
    Widgets w = widgets(Credentials.refreshing(source));
    for (int i = 0; i < 3; i++) {
      w.get("projects/p/widgets/w").execute();
    }
    assertEquals(1, fetches.get());
    assertEquals("Bearer tok-1", server.last().header("Authorization"));
    assertEquals(List.of(List.of(SCOPE)), scopesSeen, "the method's scopes");
  }

  @Test
  void tokenInsideTheRefreshMarginIsRefreshed() {
    AtomicInteger fetches = new AtomicInteger();
    // Each token expires in 30 s; the margin is 60 s, so every use refreshes.
    Widgets w = widgets(Credentials.refreshing(
        scopes -> new TokenSource.AccessToken("tok-" + fetches.incrementAndGet(), Instant.now().plusSeconds(30))));
    w.get("projects/p/widgets/w").execute();
    w.get("projects/p/widgets/w").execute();
    assertEquals(2, fetches.get());
    assertEquals("Bearer tok-2", server.last().header("Authorization"));
  }

  @Test
  void failedRefreshUsesTheStillValidToken() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Clock[] clock = {Clock.fixed(now, ZoneOffset.UTC)};
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = scopes -> {
      if (fetches.incrementAndGet() > 1) {
        throw new IOException("token endpoint down");
      }
      return new TokenSource.AccessToken("tok", now.plusSeconds(120));
    };
    RefreshingCredentials c = new RefreshingCredentials(source, Duration.ofSeconds(60), new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock[0].instant();
      }
    });
    assertEquals("Bearer tok", c.authorize(List.of()).headers().get("Authorization"));
    clock[0] = Clock.fixed(now.plusSeconds(90), ZoneOffset.UTC); // inside the margin, not expired
    assertEquals("Bearer tok", c.authorize(List.of()).headers().get("Authorization"));
    clock[0] = Clock.fixed(now.plusSeconds(121), ZoneOffset.UTC); // expired: the failure shows
    DiscogenException e = assertThrows(DiscogenException.class, () -> c.authorize(List.of()));
    assertTrue(e.getMessage().contains("access token"), e.getMessage());
  }

  @Test
  void aRejectedTokenIsRefreshedAndTheCallSentOnceMore() {
    AtomicInteger fetches = new AtomicInteger();
    server.handler((ex, req, n) -> {
      if ("Bearer tok-1".equals(req.header("Authorization"))) {
        FakeServer.respond(ex, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
      } else {
        FakeServer.respond(ex, 200, "{\"name\":\"w\"}");
      }
    });
    Widgets w = widgets(Credentials.refreshing(
        scopes -> new TokenSource.AccessToken("tok-" + fetches.incrementAndGet(), Instant.now().plusSeconds(3600))));
    // A POST without request id: safe to resend, since the server refused it unprocessed.
    w.insert("projects/p", new io.discogen.runtime.testapi.Widget()).execute();
    assertEquals(2, server.count());
    assertEquals(2, fetches.get());
    assertEquals("Bearer tok-2", server.last().header("Authorization"));

    // Rejected again after the refresh: no loop.
    server.handler((ex, req, n) -> FakeServer.respond(ex, 401, "{}"));
    assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertEquals(4, server.count());
  }

  @Test
  void aRejectedStaticTokenIsNotResent() {
    server.handler((ex, req, n) -> FakeServer.respond(ex, 401, "{}"));
    assertThrows(ApiException.class,
        () -> widgets(Credentials.bearerToken("static")).get("projects/p/widgets/w").execute());
    assertEquals(1, server.count());
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    Credentials c = Credentials.refreshing(scopes -> {
      fetches.incrementAndGet();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new TokenSource.AccessToken("shared", Instant.now().plusSeconds(3600));
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Credentials.Authorization>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return c.authorize(List.of(SCOPE));
        }));
      }
      go.countDown();
      for (Future<Credentials.Authorization> f : results) {
        assertEquals("Bearer shared", f.get(5, TimeUnit.SECONDS).headers().get("Authorization"));
      }
      assertEquals(1, fetches.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asyncCallsRefreshOffTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();
    List<Thread> fetchThreads = new CopyOnWriteArrayList<>();
    Widgets w = widgets(Credentials.refreshing(scopes -> {
      fetchThreads.add(Thread.currentThread());
      return new TokenSource.AccessToken("async-tok", Instant.now().plusSeconds(3600));
    }));
    CompletableFuture<?> f = w.get("projects/p/widgets/w").executeAsync();
    f.get(5, TimeUnit.SECONDS);
    assertEquals("Bearer async-tok", server.last().header("Authorization"));
    assertFalse(fetchThreads.contains(caller));
  }

  /** A GoogleCredentials that needs scopes and counts refreshes, like a service account. */
  static final class FakeGoogleCredentials extends GoogleCredentials {
    private static final long serialVersionUID = 1L;
    final List<String> scopes;
    final AtomicInteger refreshes;

    FakeGoogleCredentials(List<String> scopes, AtomicInteger refreshes) {
      this.scopes = scopes;
      this.refreshes = refreshes;
    }

    @Override
    public boolean createScopedRequired() {
      return scopes.isEmpty();
    }

    @Override
    public GoogleCredentials createScoped(Collection<String> newScopes) {
      return new FakeGoogleCredentials(List.copyOf(newScopes), refreshes);
    }

    @Override
    public AccessToken refreshAccessToken() {
      refreshes.incrementAndGet();
      return new AccessToken("google-" + String.join(",", scopes).hashCode(),
          Date.from(Instant.now().plusSeconds(3600)));
    }
  }

  @Test
  void googleCredentialsAreScopedToTheMethodAndCached() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    GoogleCredentialsAdapter adapter = GoogleCredentialsAdapter.of(new FakeGoogleCredentials(List.of(), refreshes));
    Widgets w = widgets(adapter);
    w.get("projects/p/widgets/w").execute();
    w.get("projects/p/widgets/w").execute();
    w.get("projects/p/widgets/w").executeAsync().get(5, TimeUnit.SECONDS);
    String expected = "Bearer google-" + SCOPE.hashCode();
    assertEquals(expected, server.last().header("Authorization"));
    assertEquals(1, refreshes.get());
    assertTrue(adapter.toString().startsWith("Credentials[google:"));
  }

  @Test
  void googleCredentialsScopesFromTheCallerOrTheDefault() {
    AtomicInteger refreshes = new AtomicInteger();
    String custom = "https://www.googleapis.com/auth/custom";
    GoogleCredentialsAdapter fixedScopes = GoogleCredentialsAdapter.of(
        new FakeGoogleCredentials(List.of(), refreshes), List.of(custom));
    widgets(fixedScopes).get("projects/p/widgets/w").execute();
    assertEquals("Bearer google-" + custom.hashCode(), server.last().header("Authorization"));

    GoogleCredentialsAdapter byMethod = GoogleCredentialsAdapter.of(new FakeGoogleCredentials(List.of(), refreshes));
    ApiClient client = new ApiClient(Widgets.SERVICE_INFO, server.options().credentials(byMethod).build());
    RestMethod noScopes = RestMethod.builder("widgets.ping", "GET", "v1/ping").build();
    client.execute(new RequestEncodingTest.Raw<Void>(client, noScopes, null, Void.class));
    assertEquals("Bearer google-" + String.join(",", GoogleCredentialsAdapter.DEFAULT_SCOPES).hashCode(),
        server.last().header("Authorization"));
  }

  @Test
  void googleCredentialsFromAFixedToken() {
    GoogleCredentials fixed = GoogleCredentials.create(new AccessToken("fixed-google-token",
        Date.from(Instant.now().plusSeconds(3600))));
    widgets(GoogleCredentialsAdapter.of(fixed)).get("projects/p/widgets/w").execute();
    assertEquals("Bearer fixed-google-token", server.last().header("Authorization"));
  }

  @Test
  void secretsNeverAppearInToStringOrExceptions() throws Exception {
    String key = "AIzaSECRETKEY";
    String token = "ya29.SECRETTOKEN";
    List<Credentials> all = List.of(Credentials.apiKey(key), Credentials.bearerToken(token),
        Credentials.refreshing(s -> new TokenSource.AccessToken(token, Instant.now().plusSeconds(3600))));
    server.handler((ex, req, n) -> FakeServer.respond(ex, 401,
        "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}"));
    for (Credentials c : all) {
      Widgets w = widgets(c);
      ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
      assertEquals("UNAUTHENTICATED", e.errorStatus());
      for (String text : List.of(c.toString(), c.kind(), c.authorize(List.of()).toString(),
          w.client().toString(), w.client().options().toString(), e.toString(), String.valueOf(e.rawBody()))) {
        assertFalse(text.contains(key) || text.contains(token), text);
      }
    }
    TokenSource.AccessToken t = new TokenSource.AccessToken(token, null);
    assertFalse(t.toString().contains(token));
  }
}
