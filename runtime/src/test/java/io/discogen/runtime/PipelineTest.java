package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one pipeline every exchange goes through: user policies per call and per attempt, a custom
 * sender that sees calls, media and batch exchanges alike, and the call deadline over an upload.
 */
class PipelineTest {
  static final ServiceInfo SERVICE = new ServiceInfo("photos", "v1", "https://photos.googleapis.com/", null,
      "photos/v1/", "batch/photos/v1", List.of("uploadType"));
  static final RestMethod GET = RestMethod.builder("photos.get", "GET", "photos/{id}").pathParam("id", null).build();
  static final RestMethod UPLOAD = RestMethod.builder("photos.upload", "POST", "albums/{album}/photos")
      .pathParam("album", null).cookieParam("theme")
      .mediaUpload("/upload/photos/v1/albums/{album}/photos", "/resumable/upload/photos/v1/albums/{album}/photos",
          false, -1)
      .build();

  static final class Get extends ClientRequest<Object, Get> {
    Get(ApiClient client) {
      super(client, GET, null, Object.class);
      set("id", "x");
    }
  }

  static final class Upload extends ClientRequest<Object, Upload> {
    Upload(ApiClient client, MediaContent media) {
      super(client, UPLOAD, null, Object.class);
      set("album", "a1");
      attachMedia(media);
    }

    Upload protocol(UploadProtocol p, int chunkSize) {
      uploadProtocol(p);
      return uploadChunkSize(chunkSize);
    }

    Upload theme(String theme) {
      return set("theme", theme);
    }
  }

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** 503 twice, then 200. */
  private void flaky() throws IOException {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, n <= 2 ? 503 : 200, "{\"id\":\"x\"}"));
  }

  /**
   * A resumable upload server: the session start answers with a session URI; PUTs acknowledge what
   * they carry with 308 until the declared total is reached.
   */
  private void uploads() throws IOException {
    AtomicLong stored = new AtomicLong();
    server = new FakeServer((ex, req, n) -> {
      if (req.method().equals("POST") && "resumable".equals(req.query("uploadType").stream().findFirst().orElse(null))) {
        FakeServer.respond(ex, 200, "{}", "Location", server.url() + "session/1");
      } else if (req.method().equals("PUT")) {
        String range = req.header("Content-Range");
        stored.addAndGet(req.body().length);
        String total = range.substring(range.indexOf('/') + 1);
        if (!total.equals("*") && stored.get() == Long.parseLong(total)) {
          FakeServer.respond(ex, 200, "{\"id\":\"uploaded\"}");
        } else {
          FakeServer.respondRaw(ex, 308, null, new byte[0], "Range", "bytes=0-" + (stored.get() - 1));
        }
      } else if (req.rawPath().startsWith("/batch/")) {
        BatchTest.answerAll(ex, req);
      } else {
        FakeServer.respond(ex, 200, "{\"id\":\"p\"}");
      }
    });
  }

  private List<String> received(String header) {
    List<String> out = new ArrayList<>();
    server.received().forEach(r -> out.add(r.header(header)));
    return out;
  }

  @Test
  void aPerRetryPolicySeesEveryAttemptAndAPerCallPolicyTheCallOnce() throws Exception {
    for (boolean async : new boolean[] {false, true}) {
      flaky();
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger attempts = new AtomicInteger();
      ApiClient client = new ApiClient(SERVICE, server.options()
          .addPolicy(HttpPolicy.onRequest(HttpPolicy.Position.PER_CALL,
              ex -> ex.setHeader("X-Call", "call-" + calls.incrementAndGet())))
          .addPolicy(HttpPolicy.onRequest(HttpPolicy.Position.PER_RETRY, ex -> {
            attempts.incrementAndGet();
            ex.setHeader("X-Attempt", Integer.toString(ex.attempt()));
          }))
          .build());
      Get get = new Get(client);
      Object result = async ? get.executeAsync().get(20, TimeUnit.SECONDS) : get.execute();
      assertEquals(Map.of("id", "x"), result);
      assertEquals(1, calls.get(), "per call: once");
      assertEquals(3, attempts.get(), "per retry: every attempt");
      assertEquals(List.of("1", "2", "3"), received("X-Attempt"));
      assertEquals(List.of("call-1", "call-1", "call-1"), received("X-Call"), "set once, sent on every attempt");
      server.close();
    }
  }

  /** Written for blocking calls only: the default sendAsync runs it off the caller's thread. */
  @Test
  void aBlockingOnlyPolicyServesAsyncCallsToo() throws Exception {
    flaky();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    HttpPolicy observe = (ex, next) -> {
      HttpResponse<?> resp = next.send(ex);
      statuses.add(resp.statusCode());
      return resp;
    };
    ApiClient client = new ApiClient(SERVICE, server.options().addPolicy(observe).build());
    assertEquals(Map.of("id", "x"), new Get(client).executeAsync().get(20, TimeUnit.SECONDS));
    assertEquals(List.of(503, 503, 200), statuses);
  }

  @Test
  void aCustomSenderReceivesEveryExchangeIncludingUploadChunksAndBatches() throws Exception {
    uploads();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    HttpSender recording = new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        sent.add(request.method() + " " + request.uri().getRawPath());
        return http.send(request, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        sent.add(request.method() + " " + request.uri().getRawPath());
        return http.sendAsync(request, handler);
      }
    };
    ApiClient client = new ApiClient(SERVICE, server.options().sender(recording).build());
    new Get(client).execute();
    new Get(client).executeAsync().get(20, TimeUnit.SECONDS);
    byte[] content = new byte[300_000];
    Object uploaded = new Upload(client, MediaContent.of("image/png", content))
        .protocol(UploadProtocol.RESUMABLE, MediaUploader.CHUNK_GRANULARITY).execute();
    assertEquals(Map.of("id", "uploaded"), uploaded);
    BatchRequest batch = new BatchRequest(client);
    batch.queue(new Get(client), x -> { }, e -> { });
    batch.execute();
    assertEquals(List.of(
        "GET /photos/v1/photos/x",
        "GET /photos/v1/photos/x",
        "POST /upload/photos/v1/albums/a1/photos", // resumable sessions start at the simple path
        "PUT /session/1",
        "PUT /session/1",
        "POST /batch/photos/v1"), sent);
    assertEquals(sent.size(), server.count(), "everything went through the sender");
  }

  /** The performance property: no hand-off to another thread in execute(), retries included. */
  @Test
  void executeRunsTheWholeCallOnTheCallersThreadWithTheBlockingSend() throws Exception {
    flaky();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    HttpSender recording = new HttpSender() {
      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException, InterruptedException {
        threads.add("send:" + Thread.currentThread().getName());
        return http.send(request, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        threads.add("sendAsync:" + Thread.currentThread().getName());
        return http.sendAsync(request, handler);
      }
    };
    ApiClient client = new ApiClient(SERVICE, server.options().sender(recording).build());
    assertEquals(Map.of("id", "x"), new Get(client).execute());
    String me = "send:" + Thread.currentThread().getName();
    assertEquals(List.of(me, me, me), threads);
  }

  @Test
  void theCallDeadlineBoundsAResumableUploadThatKeepsGetting503() throws Exception {
    AtomicInteger puts = new AtomicInteger();
    server = new FakeServer((ex, req, n) -> {
      if (req.method().equals("POST")) {
        FakeServer.respond(ex, 200, "{}", "Location", server.url() + "session/1");
      } else {
        puts.incrementAndGet();
        FakeServer.respond(ex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}");
      }
    });
    ApiClient client = new ApiClient(SERVICE, server.options()
        .retryPolicy(new RetryPolicy(100_000, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofMillis(500)))
        .build());
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class, () -> new Upload(client, MediaContent.of("image/png", new byte[1000]))
        .protocol(UploadProtocol.RESUMABLE, MediaUploader.CHUNK_GRANULARITY).execute());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(503, e.statusCode());
    assertTrue(ms < 5_000, "ended by the 500 ms deadline, not by 100000 attempts: " + ms + " ms");
    assertTrue(puts.get() > 1 && puts.get() < 1_000, "retried within the deadline: " + puts.get() + " PUTs");
  }

  @Test
  void authCookiesAreMergedWithCookieParametersForMediaToo() throws Exception {
    uploads();
    ApiClient client = new ApiClient(SERVICE, server.options()
        .credentials(Credentials.apiKey("key", Credentials.KeyLocation.COOKIE, "k1")).build());
    new Upload(client, MediaContent.of("image/png", new byte[10])).theme("dark")
        .protocol(UploadProtocol.SIMPLE, MediaUploader.CHUNK_GRANULARITY).execute();
    assertEquals("/upload/photos/v1/albums/a1/photos", server.last().rawPath());
    assertEquals("theme=dark; key=k1", server.last().header("Cookie"));
  }
}
