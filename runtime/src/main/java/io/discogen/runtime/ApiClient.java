package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.util.concurrent.CompletableFuture;

/**
 * One configured connection to one API: the service's defaults plus the user's options. Generated
 * service classes create one and hand it to every request they build. Thread-safe.
 */
public final class ApiClient {
  private final ServiceInfo service;
  private final ClientOptions options;
  private final Transport transport;

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

  /** Sends a request and decodes its response. */
  public <T> T execute(ClientRequest<T, ?> request) {
    return transport.execute(request);
  }

  /** Sends a request without blocking. */
  public <T> CompletableFuture<T> executeAsync(ClientRequest<T, ?> request) {
    return transport.executeAsync(request);
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
