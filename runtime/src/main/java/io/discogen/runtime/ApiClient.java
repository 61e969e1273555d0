package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One configured connection to one API: the service's defaults plus the user's options. Generated
 * service classes create one and hand it to every request they build. Thread-safe.
 */
public final class ApiClient {
  private final ServiceInfo service;
  private final ClientOptions options;
  private final Transport transport;

  /**
   * @throws IllegalArgumentException if {@link ClientOptions#rootUrl()} is not https (plain http
   *     is allowed to loopback hosts, or with {@link ClientOptions#allowInsecureHttp()}), or the
   *     {@link ClientOptions#httpClient()} follows redirects
   */
  public ApiClient(ServiceInfo service, ClientOptions options) {
    this.service = service;
    this.options = options == null ? ClientOptions.defaults() : options;
    this.transport = new Transport(service, this.options);
  }

  public ServiceInfo service() {
    return service;
  }

  public ClientOptions options() {
    return options;
  }

  /** The base URL requests are resolved against: root URL (or override) plus service path. */
  public String baseUrl() {
    return transport.baseUrl();
  }

  /**
   * Sends a request and decodes its response, retrying as {@link ClientOptions#retryPolicy()}
   * allows. The request's parameters are read once, when this is called.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   * @throws InvalidResponseException the response is not usable JSON, or too large
   * @throws IllegalArgumentException a parameter value is invalid (nothing was sent)
   */
  public <T> T execute(ClientRequest<T, ?> request) {
    return transport.execute(request, Map.of());
  }

  /**
   * Sends a request without blocking; the future fails with the exceptions {@link
   * #execute(ClientRequest)} throws. Cancelling it aborts the call.
   */
  public <T> CompletableFuture<T> executeAsync(ClientRequest<T, ?> request) {
    return transport.executeAsync(request, Map.of());
  }

  /**
   * Sends a request whose response is a stream of messages; the future completes with the open
   * stream once the response headers arrive with a 2xx status, or fails with the exceptions {@link
   * #execute(ClientRequest)} throws. See {@link ClientRequest#executeStream()}.
   */
  public <T> CompletableFuture<ResponseStream<T>> executeStreamAsync(ClientRequest<T, ?> request) {
    String id = request.method().id();
    return transport.streamAsync(request,
        (body, headers) -> new ResponseStream<>(id, request.responseType(), body,
            headers.firstValue("Content-Type").orElse(null), options.maxResponseBytes(),
            request.requestTimeout() != null ? request.requestTimeout() : options.requestTimeout()));
  }

  /** Sends {@code request} with some parameters replaced (null removes), leaving it unchanged. */
  <T> T execute(ClientRequest<T, ?> request, Map<String, Object> overrides) {
    return transport.execute(request, overrides);
  }

  /** As {@link #execute(ClientRequest, Map)}, keeping the headers; {@code next} as {@link Transport#executePage}. */
  <T> Transport.Page<T> executePage(ClientRequest<T, ?> request, Map<String, Object> overrides, java.net.URI next) {
    return transport.executePage(request, overrides, next);
  }

  /** A next page's URL, checked: see {@link Transport#nextPage}. */
  java.net.URI nextPage(ClientRequest<?, ?> request, String link) {
    return transport.nextPage(request.method().id(), link);
  }

  <T> CompletableFuture<T> executeAsync(ClientRequest<T, ?> request, Map<String, Object> overrides) {
    return transport.executeAsync(request, overrides);
  }

  /** Uploads {@code request}'s media; see {@link ClientRequest#attachMedia}. */
  <T> T upload(ClientRequest<T, ?> request, MediaContent media, UploadProtocol protocol,
      UploadProgress.Listener listener, int chunkSize) {
    return new MediaUploader<>(transport, request, media, listener, chunkSize).upload(protocol);
  }

  /** Sends the rest of {@code media} to an existing resumable upload session. */
  <T> T resumeUpload(ClientRequest<T, ?> request, String sessionUri, MediaContent media,
      UploadProgress.Listener listener, int chunkSize) {
    return new MediaUploader<>(transport, request, media, listener, chunkSize).resume(sessionUri);
  }

  /** Opens {@code request}'s media ({@code alt=media}) as a stream that resumes after failures. */
  java.io.InputStream download(ClientRequest<?, ?> request) {
    return MediaDownload.open(transport, request);
  }

  /** Sends {@code request} and returns its 2xx body unread, as a stream; see {@link Transport#stream}. */
  java.io.InputStream stream(ClientRequest<?, ?> request) {
    return transport.stream(request);
  }

  Transport transport() {
    return transport;
  }

  /** The JSON mapper generated models are read and written with. */
  public Json json() {
    return Json.get();
  }

  @Override
  public String toString() {
    return "ApiClient[" + service.name() + " " + service.version() + ", " + options + "]";
  }
}
