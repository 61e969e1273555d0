package io.discogen.runtime;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fetches OAuth 2.0 access tokens (from a metadata server, a token exchange, a CLI...). Used
 * through {@link Credentials#refreshing(TokenSource)}, which caches tokens and calls this only
 * when the cached one is about to expire.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * Fetches a new token valid for the given scopes.
   *
   * @param scopes the scopes of the method being called (may be empty)
   */
  AccessToken fetch(List<String> scopes) throws IOException;

  /**
   * A bearer token and when it stops being valid.
   *
   * @param value the token; never printed
   * @param expiresAt when it expires, or null if it does not
   */
  record AccessToken(String value, Instant expiresAt) {
    public AccessToken {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "AccessToken[expiresAt=" + expiresAt + "]";
    }
  }
}
