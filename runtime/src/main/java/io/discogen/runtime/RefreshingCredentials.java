package io.discogen.runtime;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Bearer tokens from a {@link TokenSource}, cached and refreshed {@code margin} before expiry. Reads
 * are lock-free; a refresh holds a lock so only one runs at a time. If a refresh fails while the
 * cached token is still valid (inside the margin), the cached token is used.
 */
final class RefreshingCredentials implements Credentials {
  private static final Executor REFRESHER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "discogen-token-refresh");
    t.setDaemon(true);
    return t;
  });

  private final TokenSource source;
  private final Duration margin;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile TokenSource.AccessToken token;

  RefreshingCredentials(TokenSource source, Duration margin) {
    this(source, margin, Clock.systemUTC());
  }

  RefreshingCredentials(TokenSource source, Duration margin, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.margin = Objects.requireNonNull(margin, "margin");
    this.clock = clock;
  }

  @Override
  public Authorization authorize(List<String> scopes) {
    return toAuthorization(current(scopes));
  }

  @Override
  public CompletableFuture<Authorization> authorizeAsync(List<String> scopes) {
    TokenSource.AccessToken t = token;
    if (t != null && !needsRefresh(t)) {
      return CompletableFuture.completedFuture(toAuthorization(t));
    }
    return CompletableFuture.supplyAsync(() -> authorize(scopes), REFRESHER);
  }

  private TokenSource.AccessToken current(List<String> scopes) {
    TokenSource.AccessToken t = token;
    if (t != null && !needsRefresh(t)) {
      return t;
    }
    synchronized (lock) {
      t = token;
      if (t != null && !needsRefresh(t)) {
        return t; // another thread refreshed while we waited
      }
      TokenSource.AccessToken fresh;
      try {
        fresh = source.fetch(scopes);
      } catch (IOException | RuntimeException e) {
        if (t != null && !isExpired(t)) {
          return t;
        }
        throw new DiscogenException("could not obtain an access token: " + e.getClass().getSimpleName(), e);
      }
      if (fresh == null) {
        throw new DiscogenException("token source returned no token");
      }
      if (fresh.value().indexOf('\r') >= 0 || fresh.value().indexOf('\n') >= 0) {
        throw new DiscogenException("token source returned a token containing CR or LF");
      }
      token = fresh;
      return fresh;
    }
  }

  @Override
  public boolean invalidate(Authorization rejected) {
    synchronized (lock) {
      TokenSource.AccessToken t = token;
      // Only drop the token the request used: another thread may have refreshed already.
      if (t != null && toAuthorization(t).equals(rejected)) {
        token = null;
      }
    }
    return true;
  }

  private boolean needsRefresh(TokenSource.AccessToken t) {
    return t.expiresAt() != null && !clock.instant().isBefore(t.expiresAt().minus(margin));
  }

  private boolean isExpired(TokenSource.AccessToken t) {
    return t.expiresAt() != null && !clock.instant().isBefore(t.expiresAt());
  }

  private static Authorization toAuthorization(TokenSource.AccessToken t) {
    return new Authorization(Map.of("Authorization", "Bearer " + t.value()), Map.of());
  }

  @Override
  public String kind() {
    return "refreshing-bearer";
  }

  @Override
  public String toString() {
    TokenSource.AccessToken t = token;
    Instant exp = t == null ? null : t.expiresAt();
    return "Credentials[refreshing-bearer, expiresAt=" + exp + "]";
  }
}
