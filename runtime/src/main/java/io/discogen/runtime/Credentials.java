package io.discogen.runtime;

import java.util.List;
import java.util.Map;

/**
 * Something that authorises requests. Implementations add headers or query parameters; they never
 * reveal secrets in {@code toString()}.
 */
public interface Credentials {

  /**
   * Returns what to add to a request that needs the given scopes.
   *
   * @param scopes the method's scopes, in document order
   */
  Authorization authorize(List<String> scopes);

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

    @Override
    public String toString() {
      return "Authorization[headers=" + headers.keySet() + ", query=" + queryParams.keySet() + "]";
    }
  }

  /** No credentials: requests are sent as they are. */
  static Credentials none() {
    return new Credentials() {
      @Override
      public Authorization authorize(List<String> scopes) {
        return Authorization.NONE;
      }

      @Override
      public String kind() {
        return "none";
      }

      @Override
      public String toString() {
        return "Credentials[none]";
      }
    };
  }

  /** An API key, sent as the {@code key} query parameter. */
  static Credentials apiKey(String key) {
    return new Credentials() {
      @Override
      public Authorization authorize(List<String> scopes) {
        return new Authorization(Map.of(), Map.of("key", key));
      }

      @Override
      public String kind() {
        return "api-key";
      }

      @Override
      public String toString() {
        return "Credentials[api-key]";
      }
    };
  }

  /** A fixed OAuth 2.0 bearer token. */
  static Credentials bearerToken(String token) {
    return new Credentials() {
      @Override
      public Authorization authorize(List<String> scopes) {
        return new Authorization(Map.of("Authorization", "Bearer " + token), Map.of());
      }

      @Override
      public String kind() {
        return "bearer";
      }

      @Override
      public String toString() {
        return "Credentials[bearer]";
      }
    };
  }
}
