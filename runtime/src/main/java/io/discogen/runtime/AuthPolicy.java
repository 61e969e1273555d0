package io.discogen.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Adds the credentials to each attempt (headers, query parameters the call does not set itself, a
 * cookie merged with the call's own cookies), and after a 401 with credentials that could renew
 * the rejected token, sends once more: the server did nothing, so any method may be sent again,
 * once per call.
 */
final class AuthPolicy implements HttpPolicy {
  private final Credentials credentials;

  AuthPolicy(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    List<String> scopes = exchange.restMethod().scopes();
    Credentials.Authorization auth = credentials.authorize(scopes);
    HttpResponse<?> resp = next.send(authorized(exchange, auth));
    if (!sendAgain(exchange, resp, auth)) {
      return resp;
    }
    return next.send(authorized(exchange, credentials.authorize(scopes)));
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    List<String> scopes = exchange.restMethod().scopes();
    return credentials.authorizeAsync(scopes).thenCompose(auth -> next.sendAsync(authorized(exchange, auth))
        .thenCompose(resp -> sendAgain(exchange, resp, auth)
            ? credentials.authorizeAsync(scopes).thenCompose(renewed -> next.sendAsync(authorized(exchange, renewed)))
            : CompletableFuture.completedFuture(resp)));
  }

  /** After a 401: whether the credentials dropped the rejected token and there is time to resend. */
  private boolean sendAgain(Exchange exchange, HttpResponse<?> resp, Credentials.Authorization used) {
    Exchange.Scope scope = exchange.scope();
    if (resp.statusCode() != 401 || scope.reauthorized || !credentials.invalidate(used)) {
      return false;
    }
    scope.reauthorized = true;
    if (!exchange.beginAttempt()) {
      return false;
    }
    RetryStep.discard(resp);
    Transport.LOG.log(Level.DEBUG, () -> scope.id + ": HTTP 401, sending once more with refreshed credentials");
    return true;
  }

  /** A copy of {@code exchange} for one attempt, with {@code auth} added. */
  static Exchange authorized(Exchange exchange, Credentials.Authorization auth) {
    Exchange e = exchange.copy();
    auth.headers().forEach((name, value) -> {
      String cookies = name.equalsIgnoreCase("Cookie") ? e.header("Cookie").orElse(null) : null;
      e.setHeader(name, cookies != null ? cookies + "; " + value : value);
    });
    if (exchange.queryCredentials && !auth.queryParams().isEmpty()) {
      StringBuilder q = new StringBuilder();
      Set<String> secret = new HashSet<>(e.secretParams);
      auth.queryParams().forEach((name, value) -> {
        if (!exchange.callParams.contains(name)) {
          String n = UriTemplate.encode(name, false);
          q.append(q.length() > 0 ? "&" : "").append(n).append('=').append(UriTemplate.encode(value, false));
          secret.add(n); // credentials' own parameters are always redacted in the log
        }
      });
      e.secretParams = secret;
      if (q.length() > 0) {
        URI u = e.uri();
        e.setUri(Blocking.parse(u.toString() + (u.getRawQuery() == null ? "?" : "&") + q, exchange.methodId()));
      }
    }
    return e;
  }
}
