package io.discogen.ir;

/**
 * A way the API authenticates callers (OpenAPI {@code securitySchemes}); Discovery documents
 * declare none (their OAuth scopes are {@link ApiModel#scopes()}).
 *
 * @param name the scheme's key in the spec ({@code api_key})
 * @param kind what it is
 * @param parameterName for {@link Kind#API_KEY}: the query parameter, header or cookie name; else
 *     null
 * @param location for {@link Kind#API_KEY}: where the key travels ({@code QUERY}, {@code HEADER}
 *     or {@code COOKIE}); else null
 * @param description may be null
 */
public record SecurityScheme(
    String name, Kind kind, String parameterName, Parameter.Location location, String description) {

  /** Kinds of scheme. */
  public enum Kind {
    API_KEY,
    HTTP_BASIC,
    HTTP_BEARER,
    OAUTH2,
    OPENID_CONNECT
  }
}
