package io.discogen.openapi;

import io.discogen.ir.Parameter;
import io.discogen.ir.Scope;
import io.discogen.ir.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Security schemes, OAuth 2.0 scopes, and the scopes each operation asks for. */
final class Security {
  private Security() {}

  static List<SecurityScheme> schemes(OpenAPI api) {
    List<SecurityScheme> out = new ArrayList<>();
    for (Map.Entry<String, io.swagger.v3.oas.models.security.SecurityScheme> e : declared(api).entrySet()) {
      io.swagger.v3.oas.models.security.SecurityScheme s = e.getValue();
      if (s == null || s.getType() == null) {
        continue;
      }
      SecurityScheme ir = switch (s.getType()) {
        case APIKEY -> {
          if (s.getName() == null || s.getIn() == null) {
            yield null;
          }
          Parameter.Location in = switch (s.getIn()) {
            case QUERY -> Parameter.Location.QUERY;
            case HEADER -> Parameter.Location.HEADER;
            case COOKIE -> Parameter.Location.COOKIE;
          };
          yield new SecurityScheme(e.getKey(), SecurityScheme.Kind.API_KEY, s.getName(), in, s.getDescription());
        }
        case HTTP -> {
          String scheme = s.getScheme() == null ? "" : s.getScheme().toLowerCase(Locale.ROOT);
          yield scheme.equals("basic")
              ? new SecurityScheme(e.getKey(), SecurityScheme.Kind.HTTP_BASIC, null, null, s.getDescription())
              : scheme.equals("bearer")
                  ? new SecurityScheme(e.getKey(), SecurityScheme.Kind.HTTP_BEARER, null, null, s.getDescription())
                  : null;
        }
        case OAUTH2 -> new SecurityScheme(e.getKey(), SecurityScheme.Kind.OAUTH2, null, null, s.getDescription());
        case OPENIDCONNECT ->
            new SecurityScheme(e.getKey(), SecurityScheme.Kind.OPENID_CONNECT, null, null, s.getDescription());
        default -> null;
      };
      if (ir != null) {
        out.add(ir);
      }
    }
    return out;
  }

  /** Every OAuth 2.0 scope the API's flows declare, in document order. */
  static List<Scope> scopes(OpenAPI api) {
    Map<String, String> scopes = new LinkedHashMap<>();
    for (io.swagger.v3.oas.models.security.SecurityScheme s : declared(api).values()) {
      if (s == null || s.getFlows() == null) {
        continue;
      }
      OAuthFlows f = s.getFlows();
      for (OAuthFlow flow : java.util.Arrays.asList(f.getAuthorizationCode(), f.getClientCredentials(),
          f.getImplicit(), f.getPassword())) {
        if (flow != null && flow.getScopes() != null) {
          flow.getScopes().forEach(scopes::putIfAbsent);
        }
      }
    }
    List<Scope> out = new ArrayList<>();
    scopes.forEach((url, description) -> out.add(new Scope(url, description)));
    return out;
  }

  /** The OAuth 2.0 / OpenID Connect scopes an operation's security requirements (or the API's) name. */
  static List<String> methodScopes(OpenAPI api, Operation op) {
    List<SecurityRequirement> requirements = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
    if (requirements == null) {
      return List.of();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (SecurityRequirement r : requirements) {
      if (r == null) {
        continue;
      }
      for (Map.Entry<String, List<String>> e : r.entrySet()) {
        if (e.getValue() != null) {
          for (String scope : e.getValue()) {
            if (scope != null && !scope.isEmpty()) {
              scopes.add(scope);
            }
          }
        }
      }
    }
    return List.copyOf(scopes);
  }

  private static Map<String, io.swagger.v3.oas.models.security.SecurityScheme> declared(OpenAPI api) {
    return api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
        ? Map.of()
        : api.getComponents().getSecuritySchemes();
  }
}
