package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An HTTP/2 client's first https call to a host goes alone; the others follow it (FirstConnection). */
@Timeout(20)
class FirstConnectionTest {
  /** Counts calls; the first one waits for {@code release}, and fails if {@code failFirst}. */
  static final class Fake implements HttpSender {
    final AtomicInteger entered = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    final CompletableFuture<HttpResponse<Object>> firstAsync = new CompletableFuture<>();
    final boolean failFirst;

    Fake(boolean failFirst) {
      this.failFirst = failFirst;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      if (entered.incrementAndGet() == 1) {
        release.await();
        if (failFirst) {
          throw new IOException("connect failed");
        }
      }
      return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      if (entered.incrementAndGet() == 1) {
        return (CompletableFuture<HttpResponse<T>>) (CompletableFuture<?>) firstAsync;
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  static List<Thread> start(FirstConnection gate, String url, int n, AtomicInteger failed) {
    List<Thread> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          gate.send(get(url), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
          failed.incrementAndGet();
        }
      });
      t.start();
      all.add(t);
    }
    return all;
  }

  @Test
  void othersWaitForTheFirstCallThenGoTogether() throws Exception {
    Fake fake = new Fake(false);
    FirstConnection gate = new FirstConnection(fake);
    AtomicInteger failed = new AtomicInteger();
    List<Thread> all = start(gate, "https://example.test/a", 8, failed);
    Thread.sleep(300);
    assertEquals(1, fake.entered.get());
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(8, fake.entered.get());
    assertEquals(0, failed.get());
    // Another host is gated on its own; the first is open now.
    gate.send(get("https://example.test/b"), HttpResponse.BodyHandlers.discarding());
    assertEquals(9, fake.entered.get());
  }

  @Test
  void aFailedFirstCallLetsTheOthersGo() throws Exception {
    Fake fake = new Fake(true);
    FirstConnection gate = new FirstConnection(fake);
    AtomicInteger failed = new AtomicInteger();
    List<Thread> all = start(gate, "https://example.test/a", 4, failed);
    Thread.sleep(200);
    assertEquals(1, fake.entered.get());
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(4, fake.entered.get());
    assertEquals(1, failed.get());
  }

  @Test
  void aFirstCallThatHangsHoldsTheOthersOnlyBriefly() throws Exception {
    // A long-poll first call (headers only when messages come) must not hold up the client.
    Fake fake = new Fake(false);
    FirstConnection gate = new FirstConnection(fake, java.time.Duration.ofMillis(300));
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    List<Thread> all = start(gate, "https://example.test/a", 4, failed);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (fake.entered.get() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(4, fake.entered.get(), "the others went ahead while the first still waited");
    org.junit.jupiter.api.Assertions.assertTrue(ms >= 250 && ms < 3000, "after " + ms + " ms");
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(0, failed.get());
  }

  @Test
  void plainHttpIsNotGated() throws Exception {
    Fake fake = new Fake(false);
    FirstConnection gate = new FirstConnection(fake);
    AtomicInteger failed = new AtomicInteger();
    List<Thread> all = start(gate, "http://127.0.0.1:1/a", 4, failed);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (fake.entered.get() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(4, fake.entered.get());
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
  }

  @Test
  void asyncCallsFollowTheFirst() throws Exception {
    Fake fake = new Fake(false);
    FirstConnection gate = new FirstConnection(fake);
    CompletableFuture<HttpResponse<Void>> first = gate.sendAsync(get("https://example.test/a"), HttpResponse.BodyHandlers.discarding());
    CompletableFuture<HttpResponse<Void>> second = gate.sendAsync(get("https://example.test/a"), HttpResponse.BodyHandlers.discarding());
    assertEquals(1, fake.entered.get());
    fake.firstAsync.complete(null);
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    assertEquals(2, fake.entered.get());
  }

  /**
   * A lost connection (end of stream) re-arms the gate: the next call opens the new connection
   * alone and the others wait for it; a reset stream on a live connection does not.
   */
  /** The head of an answer, as the JDK gives it to a body handler. */
  static HttpResponse.ResponseInfo answeredOver(java.net.http.HttpClient.Version version) {
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public java.net.http.HttpHeaders headers() {
        return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
      }

      @Override
      public java.net.http.HttpClient.Version version() {
        return version;
      }
    };
  }

  @Test
  void afterALostConnectionTheNextCallOpensTheNewOneAlone() throws Exception {
    Answering fake = new Answering(java.net.http.HttpClient.Version.HTTP_2);
    FirstConnection gate = new FirstConnection(fake);
    String url = "https://example.test/a";
    gate.send(get(url), HttpResponse.BodyHandlers.discarding()); // the connection is up, on HTTP/2
    fake.failNext.set(new IOException("Received RST_STREAM: Internal error"));
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> gate.send(get(url), HttpResponse.BodyHandlers.discarding()));
    // A reset stream: calls still go straight through.
    AtomicInteger failed = new AtomicInteger();
    for (Thread t : start(gate, url, 3, failed)) {
      t.join();
    }
    assertEquals(5, fake.entered.get());
    fake.failNext.set(new IOException("EOF reached while reading", new java.io.EOFException()));
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> gate.send(get(url), HttpResponse.BodyHandlers.discarding()));
    assertEquals(6, fake.entered.get());
    // The connection was lost: the next call goes alone, the others wait for its headers.
    fake.holdNext.set(true);
    List<Thread> all = start(gate, url, 4, failed);
    Thread.sleep(300);
    assertEquals(7, fake.entered.get(), "one call opens the new connection, three wait");
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(10, fake.entered.get());
    assertEquals(0, failed.get());
  }

  /** Over HTTP/1.1 every call has its own connection: a lost one does not hold the others back. */
  @Test
  void overHttp1ALostConnectionHoldsNoOneBack() throws Exception {
    Answering fake = new Answering(java.net.http.HttpClient.Version.HTTP_1_1);
    FirstConnection gate = new FirstConnection(fake);
    String url = "https://example.test/a";
    gate.send(get(url), HttpResponse.BodyHandlers.discarding());
    fake.failNext.set(new IOException("Connection reset by peer"));
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> gate.send(get(url), HttpResponse.BodyHandlers.discarding()));
    fake.holdNext.set(true);
    AtomicInteger failed = new AtomicInteger();
    List<Thread> all = start(gate, url, 4, failed);
    Thread.sleep(300);
    assertEquals(6, fake.entered.get(), "all four go at once");
    fake.release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertEquals(0, failed.get());
  }

  /**
   * A sender that answers over {@code version} (its body handler sees the head), fails with
   * {@code failNext} once when set, and holds one call until {@code release} when {@code holdNext}.
   */
  static final class Answering implements HttpSender {
    final java.net.http.HttpClient.Version version;
    final AtomicInteger entered = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicReference<IOException> failNext = new java.util.concurrent.atomic.AtomicReference<>();
    final java.util.concurrent.atomic.AtomicBoolean holdNext = new java.util.concurrent.atomic.AtomicBoolean();

    Answering(java.net.http.HttpClient.Version version) {
      this.version = version;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      entered.incrementAndGet();
      IOException failure = failNext.getAndSet(null);
      if (failure != null) {
        throw failure;
      }
      if (holdNext.getAndSet(false)) {
        release.await();
      }
      handler.apply(answeredOver(version));
      return null;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }
  }

  /** The failures java.net.http (17) reports when a connection goes, as the TLS soak saw them. */
  @Test
  void theJdksWaysOfReportingALostConnectionCount() {
    for (IOException lost : List.of(
        new IOException("EOF reached while reading", new java.io.EOFException("EOF reached while reading")),
        new IOException("Broken pipe", new IOException("Broken pipe")),
        new IOException("Connection reset by peer"),
        new IOException("/127.0.0.1:50412: GOAWAY received"),
        new IOException("x", new java.net.SocketException("Connection reset")))) {
      org.junit.jupiter.api.Assertions.assertTrue(FirstConnection.lostConnection(lost), lost.toString());
    }
    for (Throwable alive : List.of(
        new IOException("Received RST_STREAM: Internal error"),
        new java.net.http.HttpTimeoutException("request timed out"),
        new IOException("too many concurrent streams"))) {
      org.junit.jupiter.api.Assertions.assertFalse(FirstConnection.lostConnection(alive), alive.toString());
    }
  }
}
