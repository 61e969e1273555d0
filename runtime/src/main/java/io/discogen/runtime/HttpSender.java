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

  /**
   * For short-lived processes (command lines, jobs that make a few calls and exit): blocking calls
   * whose bodies are in memory go over {@link java.net.HttpURLConnection} (HTTP/1.1, http and https,
   * on the caller's thread); asynchronous calls, streamed bodies, media and {@code PATCH} go to the
   * default JDK client, created on first use. A JDK {@link HttpClient} costs about 0.1 s to create,
   * and its selector thread holds the JVM's exit for 0.3 s; long-running services should keep the
   * default, which shares HTTP/2 connections.
   */
  static HttpSender urlConnectionFirst() {
    return JdkSenders.urlConnectionFirst();
  }

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
