package io.discogen.runtime;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Base of every generated request class. Holds the parameter values and body; sending is the
 * {@link ApiClient}'s job.
 *
 * @param <T> the response type ({@link Void} when the method returns nothing)
 * @param <R> the concrete request type, so fluent setters return it
 */
public abstract class ClientRequest<T, R extends ClientRequest<T, R>> {
  private final ApiClient client;
  private final RestMethod method;
  private final Object content;
  private final Type responseType;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  protected ClientRequest(ApiClient client, RestMethod method, Object content, Type responseType) {
    this.client = client;
    this.method = method;
    this.content = content;
    this.responseType = responseType;
  }

  /** Sets a parameter by wire name; null removes it. */
  protected final R set(String name, Object value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return self();
  }

  /** A parameter's value by wire name, or null; typed by the generated getter that asks. */
  @SuppressWarnings("unchecked")
  protected final <V> V get(String name) {
    return (V) params.get(name);
  }

  @SuppressWarnings("unchecked")
  private R self() {
    return (R) this;
  }

  /**
   * Adds an HTTP header to this request. Values containing CR or LF are refused.
   *
   * @throws IllegalArgumentException if the name or value could inject another header
   */
  public final R setHeader(String name, String value) {
    Headers.check(name, value);
    headers.put(name, value);
    return self();
  }

  /**
   * Sends the request and decodes the response, retrying as the client's {@link RetryPolicy}
   * allows. Parameters are read when this is called; the request is not modified (an automatic
   * request id lives only in the call), so it can be changed and sent again.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   * @throws InvalidResponseException the response is not usable JSON, or too large
   * @throws IllegalArgumentException a parameter is invalid; nothing was sent
   */
  public T execute() {
    return client.execute(this);
  }

  /**
   * Sends the request without blocking the caller; the future fails with the exceptions {@link
   * #execute()} throws. No thread waits during backoff. Cancelling the future aborts the call.
   */
  public CompletableFuture<T> executeAsync() {
    return client.executeAsync(this);
  }

  public final RestMethod method() {
    return method;
  }

  public final ApiClient client() {
    return client;
  }

  /** The request body, or null. */
  public final Object content() {
    return content;
  }

  public final Type responseType() {
    return responseType;
  }

  /** Parameter values by wire name, in the order they were set. */
  public final Map<String, Object> params() {
    return Collections.unmodifiableMap(params);
  }

  public final Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + method + "]";
  }
}
