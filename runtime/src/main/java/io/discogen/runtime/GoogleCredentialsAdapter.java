package io.discogen.runtime;

import com.google.auth.RequestMetadataCallback;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * {@link Credentials} backed by google-auth-library's {@link GoogleCredentials} (service accounts,
 * user credentials, workload identity, the metadata server...). Needs
 * {@code com.google.auth:google-auth-library-oauth2-http} on the class path: the runtime declares it
 * optional, and only this class refers to it.
 *
 * <p>Credentials that need scopes ({@link GoogleCredentials#createScopedRequired()}) are scoped to
 * each method's scopes, or to the scopes given to {@link #of(GoogleCredentials, List)}, or to {@link
 * #DEFAULT_SCOPES} when neither names any; scoped copies are cached per scope list. Token caching and refresh are google-auth-library's.
 */
public final class GoogleCredentialsAdapter implements Credentials {
  private static final Executor REFRESHER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "discogen-google-auth");
    t.setDaemon(true);
    return t;
  });

  /** Used when neither the method nor the caller names scopes. */
  public static final List<String> DEFAULT_SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

  private final GoogleCredentials credentials;
  private final List<String> scopes;
  private final Map<List<String>, GoogleCredentials> scoped = new ConcurrentHashMap<>();

  private GoogleCredentialsAdapter(GoogleCredentials credentials, List<String> scopes) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.scopes = scopes == null ? null : List.copyOf(scopes);
  }

  /** Wraps {@code credentials}; scopes default to each method's. */
  public static GoogleCredentialsAdapter of(GoogleCredentials credentials) {
    return new GoogleCredentialsAdapter(credentials, null);
  }

  /** Wraps {@code credentials}, scoped (when they need it) to {@code scopes} for every method. */
  public static GoogleCredentialsAdapter of(GoogleCredentials credentials, List<String> scopes) {
    return new GoogleCredentialsAdapter(credentials, scopes);
  }

  /**
   * Application Default Credentials: {@code GOOGLE_APPLICATION_CREDENTIALS}, gcloud's user
   * credentials, or the metadata server.
   *
   * @throws UncheckedIOException if none can be found
   */
  public static GoogleCredentialsAdapter applicationDefault() {
    try {
      return of(GoogleCredentials.getApplicationDefault());
    } catch (IOException e) {
      throw new UncheckedIOException("no Application Default Credentials found", e);
    }
  }

  /** The wrapped credentials. */
  public GoogleCredentials credentials() {
    return credentials;
  }

  private GoogleCredentials forScopes(List<String> methodScopes) {
    if (!credentials.createScopedRequired()) {
      return credentials;
    }
    List<String> wanted = scopes != null ? scopes : List.copyOf(methodScopes);
    if (wanted.isEmpty()) {
      wanted = DEFAULT_SCOPES; // a method that declares no scopes still needs some for a token
    }
    return scoped.computeIfAbsent(wanted, credentials::createScoped);
  }

  @Override
  public Authorization authorize(List<String> methodScopes) {
    try {
      return toAuthorization(forScopes(methodScopes).getRequestMetadata());
    } catch (IOException e) {
      throw new DiscogenException("could not obtain Google credentials: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public CompletableFuture<Authorization> authorizeAsync(List<String> methodScopes) {
    CompletableFuture<Authorization> result = new CompletableFuture<>();
    try {
      // Answers at once from the cached token; refreshes on REFRESHER when needed.
      forScopes(methodScopes).getRequestMetadata(null, REFRESHER, new RequestMetadataCallback() {
        @Override
        public void onSuccess(Map<String, List<String>> metadata) {
          try {
            result.complete(toAuthorization(metadata));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        }

        @Override
        public void onFailure(Throwable e) {
          result.completeExceptionally(new DiscogenException(
              "could not obtain Google credentials: " + e.getClass().getSimpleName(), e));
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private static Authorization toAuthorization(Map<String, List<String>> metadata) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (metadata != null) {
      metadata.forEach((name, values) -> {
        if (values != null && !values.isEmpty()) {
          String v = values.get(0);
          if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            throw new DiscogenException("credential header " + name + " contains CR or LF");
          }
          headers.put(name, v);
        }
      });
    }
    return new Authorization(headers, Map.of());
  }

  @Override
  public String kind() {
    return "google:" + credentials.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "Credentials[" + kind() + "]";
  }
}
