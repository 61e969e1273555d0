package io.discogen.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A response made here rather than by the JDK's client: one HttpURLConnection read, or one whose
 * body was decoded (with the headers that described the encoded body removed).
 */
record ReadResponse<T>(int statusCode, HttpRequest request, HttpHeaders headers, T body, URI uri,
    HttpClient.Version version, Optional<SSLSession> sslSession) implements HttpResponse<T> {

  /** {@code raw} with {@code body} in place of its own and {@code headers} in place of its headers. */
  static <T> ReadResponse<T> replacing(HttpResponse<?> raw, HttpHeaders headers, T body) {
    return new ReadResponse<>(raw.statusCode(), raw.request(), headers, body, raw.uri(), raw.version(), raw.sslSession());
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }
}
