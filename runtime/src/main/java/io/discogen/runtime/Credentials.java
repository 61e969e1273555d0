package io.discogen.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Something that authorises requests. Implementations add headers or query parameters; they never
 * reveal secrets in {@code toString()}.
 *
 * <p>Kinds: {@link #none()}, {@link #apiKey(String)}, {@link #apiKey(String, KeyLocation, String)},
 * {@link #basic(String, String)}, {@link #bearerToken(String)}, {@link
 * #refreshing(TokenSource)} for any token source with expiry, and Google credentials through
 * {@link GoogleCredentialsAdapter} (needs the optional google-auth-library dependency).
 */
public interface Credentials {

  /**
   * Returns what to add to a request that needs the given scopes. May block (to refresh a token).
   *
   * @param scopes the method's scopes, in document order
   */
  Authorization authorize(List<String> scopes);

  /**
   * Like {@link #authorize(List)}, without blocking the caller. The default runs {@code authorize}
   * in the caller's thread, which suits credentials that never block; refreshing credentials
   * override it.
   */
  default CompletableFuture<Authorization> authorizeAsync(List<String> scopes) {
    try {
      return CompletableFuture.completedFuture(authorize(scopes));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Called when the API rejected a request authorised with {@code rejected} (HTTP 401). Credentials
   * that can fetch a new token drop the rejected one and return true: the call is then sent once
   * more. The default returns false (nothing would change).
   */
  default boolean invalidate(Authorization rejected) {
    return false;
  }

  /** A short, secret-free description for logs ({@code "api-key"}, {@code "bearer"}, ...). */
  String kind();

  /**
   * Headers and query parameters to add.
   *
   * @param headers header values by name
   * @param queryParams query values by name (API keys)
   */
  record Authorization(Map<String, String> headers, Map<String, String> queryParams) {
    public static final Authorization NONE = new Authorization(Map.of(), Map.of());

    public Authorization {
      headers = Map.copyOf(headers);
      queryParams = Map.copyOf(queryParams);
    }

    @Override
    public String toString() {
      return "Authorization[headers=" + headers.keySet() + ", query=" + queryParams.keySet() + "]";
    }
  }

  /** Credentials that add the same {@code auth} to every request. */
  private static Credentials fixed(String kind, Authorization auth) {
    return new Credentials() {
      @Override
      public Authorization authorize(List<String> scopes) {
        return auth;
      }

      @Override
      public String kind() {
        return kind;
      }

      @Override
      public String toString() {
        return "Credentials[" + kind + "]";
      }
    };
  }

  /** No credentials: requests are sent as they are. */
  static Credentials none() {
    return fixed("none", Authorization.NONE);
  }

  /** An API key, sent as the {@code key} query parameter. */
  static Credentials apiKey(String key) {
    requireSecret(key, "API key");
    Authorization auth = new Authorization(Map.of(), Map.of("key", key));
    return fixed("api-key", auth);
  }

  /** Where an API key travels (OpenAPI {@code apiKey} security schemes). */
  enum KeyLocation {
    QUERY,
    HEADER,
    COOKIE
  }

  /**
   * An API key sent as the query parameter, header or cookie {@code name} (as an OpenAPI {@code
   * apiKey} security scheme declares).
   */
  static Credentials apiKey(String name, KeyLocation in, String key) {
    Objects.requireNonNull(in, "in");
    requireSecret(key, "API key");
    if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ';' && c != '=' && c != ',')) {
      throw new IllegalArgumentException("API key name is empty or not a token");
    }
    if (in == KeyLocation.COOKIE && !key.chars().allMatch(c -> c > 32 && c < 127 && c != ';' && c != ',' && c != '"' && c != '\\')) {
      throw new IllegalArgumentException("API key cannot travel in a cookie: it has characters a cookie value may not");
    }
    Authorization auth = switch (in) {
      case QUERY -> new Authorization(Map.of(), Map.of(name, key));
      case HEADER -> new Authorization(Map.of(name, key), Map.of());
      case COOKIE -> new Authorization(Map.of("Cookie", name + "=" + key), Map.of());
    };
    String kind = "api-key-" + in.name().toLowerCase(java.util.Locale.ROOT);
    return fixed(kind, auth);
  }

  /** HTTP basic authentication ({@code Authorization: Basic base64(user:password)}). */
  static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a basic-auth user name may not contain ':'");
    }
    String pair = user + ":" + password;
    requireSecret(pair, "user and password");
    String encoded = java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Authorization auth = new Authorization(Map.of("Authorization", "Basic " + encoded), Map.of());
    return fixed("basic", auth);
  }

  /** A fixed OAuth 2.0 bearer token. */
  static Credentials bearerToken(String token) {
    requireSecret(token, "token");
    Authorization auth = new Authorization(Map.of("Authorization", "Bearer " + token), Map.of());
    return fixed("bearer", auth);
  }

  /**
   * Bearer tokens from {@code source}, fetched on first use and again shortly (one minute) before
   * each expires. Thread-safe: one refresh at a time, other callers wait for it.
   */
  static Credentials refreshing(TokenSource source) {
    return new RefreshingCredentials(source, Duration.ofMinutes(1));
  }

  /** As {@link #refreshing(TokenSource)}, refreshing {@code refreshMargin} before expiry. */
  static Credentials refreshing(TokenSource source, Duration refreshMargin) {
    return new RefreshingCredentials(source, refreshMargin);
  }

  private static void requireSecret(String secret, String what) {
    Objects.requireNonNull(secret, what);
    if (secret.isEmpty() || secret.indexOf('\r') >= 0 || secret.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " is empty or contains CR or LF");
    }
  }
}
