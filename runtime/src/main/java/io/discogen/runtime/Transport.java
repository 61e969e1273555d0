package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Builds and sends HTTP requests for an {@link ApiClient}. Minimal first version: URL building,
 * JSON bodies and responses. Retries, auth refresh, error mapping and limits are layered here.
 */
final class Transport {
  private static final HttpClient DEFAULT_CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final ClientOptions options;
  private final HttpClient http;
  private final String baseUrl;

  Transport(ServiceInfo service, ClientOptions options) {
    this.options = options;
    this.http = options.httpClient() != null ? options.httpClient() : DEFAULT_CLIENT;
    String root = options.rootUrl() != null ? options.rootUrl() : service.rootUrl();
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    this.baseUrl = root + service.servicePath();
  }

  String baseUrl() {
    return baseUrl;
  }

  <T> T execute(ClientRequest<T, ?> request) {
    HttpRequest http = build(request);
    try {
      HttpResponse<byte[]> response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
      return decode(request, response);
    } catch (IOException e) {
      throw new DiscogenException("I/O error calling " + request.method().id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogenException("interrupted calling " + request.method().id(), e);
    }
  }

  <T> CompletableFuture<T> executeAsync(ClientRequest<T, ?> request) {
    return CompletableFuture.supplyAsync(() -> execute(request));
  }

  private HttpRequest build(ClientRequest<?, ?> request) {
    RestMethod m = request.method();
    String url = baseUrl + UriTemplate.expand(m, request.params());
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(options.requestTimeout());
    if (request.content() != null) {
      body = HttpRequest.BodyPublishers.ofByteArray(Json.get().write(request.content()));
      b.header("Content-Type", "application/json; charset=UTF-8");
    }
    request.headers().forEach(b::header);
    Credentials.Authorization auth = options.credentials().authorize(m.scopes());
    auth.headers().forEach(b::header);
    return b.method(m.httpMethod(), body).build();
  }

  @SuppressWarnings("unchecked")
  private <T> T decode(ClientRequest<T, ?> request, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      String raw = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      throw new ApiException(status, null, null, null, raw, request.method().id());
    }
    if (request.responseType() == Void.class || response.body().length == 0) {
      return null;
    }
    try {
      return (T) Json.get().read(response.body(), request.responseType());
    } catch (UncheckedIOException e) {
      throw new DiscogenException("malformed response from " + request.method().id(), e);
    }
  }
}
