package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The end of the pipeline: puts a finished request on the wire. The default sends with the JDK's
 * {@link HttpClient}; set another with {@link ClientOptions.Builder#sender(HttpSender)} (to record,
 * fake or route exchanges). It receives every exchange of the client: calls, media session starts,
 * chunks and status queries, downloads and batches, each attempt separately.
 */
public interface HttpSender {

  /** Sends and waits, as {@link HttpClient#send}. */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException;

  /** Sends without blocking, as {@link HttpClient#sendAsync}. */
  <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler);

  /** A sender that uses {@code client} as it is. */
  static HttpSender of(HttpClient client) {
    Objects.requireNonNull(client, "client");
    return new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        return client.send(request, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
          HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(request, handler);
      }

      @Override
      public String toString() {
        return "HttpSender[" + client + "]";
      }
    };
  }
}
