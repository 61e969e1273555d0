package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures before anything was sent are retried whatever the method, a POST without a request id included. */
class NotSentRetryTest {

  /** Fails the first attempt with {@code failure}, then sends. */
  static HttpSender failingFirst(IOException failure, AtomicInteger attempts) {
    HttpSender http = HttpSender.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    return new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        if (attempts.incrementAndGet() == 1) {
          throw failure;
        }
        return http.send(request, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        if (attempts.incrementAndGet() == 1) {
          return CompletableFuture.failedFuture(failure);
        }
        return http.sendAsync(request, handler);
      }
    };
  }

  @Test
  void aPostRefusedAStreamIsSentAgainAndOnlyOnceReachesTheServer() throws Exception {
    try (FakeServer server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\":\"projects/p/widgets/w\"}"))) {
      AtomicInteger attempts = new AtomicInteger();
      Widgets widgets = new Widgets(server.options()
          .sender(failingFirst(new IOException("too many concurrent streams"), attempts)).build());
      Widget w = widgets.insert("projects/p", new Widget().setName("w")).execute();
      assertEquals("projects/p/widgets/w", w.getName());
      assertEquals(2, attempts.get());
      assertEquals(1, server.received().size());
    }
  }

  @Test
  void aPostThatMayHaveBeenSentIsNotSentAgain() throws Exception {
    try (FakeServer server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"))) {
      AtomicInteger attempts = new AtomicInteger();
      Widgets widgets = new Widgets(server.options()
          .sender(failingFirst(new IOException("Received RST_STREAM: Internal error"), attempts)).build());
      org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
          () -> widgets.insert("projects/p", new Widget().setName("w")).execute());
      assertEquals(1, attempts.get());
      assertEquals(0, server.received().size());
    }
  }
}
