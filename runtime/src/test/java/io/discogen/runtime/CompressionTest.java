package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gzip on the wire: what is asked for, what is decoded, what is refused, what is compressed. */
class CompressionTest {
  static final ServiceInfo SERVICE = new ServiceInfo("gz", "v1", "https://gz.example.com/", null, "v1/", null,
      List.of());

  static final class Get extends ClientRequest<Object, Get> {
    Get(ApiClient client) {
      super(client, RestMethod.builder("gz.get", "GET", "things/x").build(), null, Object.class);
    }
  }

  static final class Put extends ClientRequest<Object, Put> {
    Put(ApiClient client, Object body) {
      super(client, RestMethod.builder("gz.put", "PUT", "things/x").build(), body, Object.class);
    }
  }

  static final class Download extends ClientRequest<Object, Download> {
    Download(ApiClient client) {
      super(client, RestMethod.builder("gz.download", "GET", "things/x").mediaDownload(false).build(), null,
          Object.class);
    }

    InputStream open() {
      return openMediaStream();
    }
  }

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static void respondGzip(HttpExchange ex, byte[] plain) throws IOException {
    FakeServer.respondRaw(ex, 200, "application/json", gzip(plain), "Content-Encoding", "gzip");
  }

  private ApiClient client(ClientOptions.Builder options) {
    return new ApiClient(SERVICE, options.build());
  }

  @Test
  void gzipIsAskedForLikeGooglesClientsDoAndOnlyWhenOn() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    new Get(client(server.options())).execute();
    assertEquals("gzip", server.last().header("Accept-Encoding"), "on by default, as the official clients");
    assertEquals("discogen-java (gzip)", server.last().header("User-Agent"), "Google compresses for a gzip UA only");
    new Get(client(server.options().acceptGzip(false))).execute();
    assertNull(server.last().header("Accept-Encoding"));
    assertEquals("discogen-java", server.last().header("User-Agent"));
  }

  @Test
  void aGzippedResponseIsDecoded() throws Exception {
    server = new FakeServer((ex, req, n) -> respondGzip(ex, "{\"name\":\"zipped\"}".getBytes(StandardCharsets.UTF_8)));
    ApiClient client = client(server.options().acceptGzip(true));
    assertEquals(Map.of("name", "zipped"), new Get(client).execute());
    assertEquals(Map.of("name", "zipped"), new Get(client).executeAsync().get(20, TimeUnit.SECONDS));
  }

  @Test
  void aGzipBombIsRefusedByItsDecodedSize() throws Exception {
    // JSON, so that a decoder reading as it arrives finds nothing wrong before the limit.
    byte[] big = new byte[20_000_000];
    java.util.Arrays.fill(big, (byte) 'a');
    byte[] start = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(start, 0, big, 0, start.length);
    byte[] bomb = gzip(big); // about 20 KB on the wire
    assertTrue(bomb.length < 100_000);
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "application/json", bomb,
        "Content-Encoding", "gzip"));
    ApiClient client = client(server.options().acceptGzip(true).maxResponseBytes(100_000));
    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> new Get(client).execute());
    assertEquals(100_000, e.limit());
    assertThrows(Exception.class, () -> new Get(client).executeAsync().get(20, TimeUnit.SECONDS));
  }

  @Test
  void requestBodiesOverTheThresholdAreGzipped() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    ApiClient client = client(server.options().gzipRequestsAbove(1024));
    String big = "x".repeat(5000);
    new Put(client, Map.of("name", big)).execute();
    FakeServer.Received r = server.last();
    assertEquals("gzip", r.header("Content-Encoding"));
    assertTrue(r.body().length < 1000, "compressed on the wire: " + r.body().length);
    String decoded = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertEquals("{\"name\":\"" + big + "\"}", decoded);
    new Put(client, Map.of("name", "small")).execute();
    assertNull(server.last().header("Content-Encoding"));
    assertEquals("{\"name\":\"small\"}", server.last().bodyText());
  }

  /** Resuming a download counts bytes as the server stores them: no transfer compression there. */
  @Test
  void mediaDownloadsNeitherAskForGzipNorDecodeIt() throws Exception {
    byte[] stored = gzip("stored compressed".getBytes(StandardCharsets.UTF_8));
    server = new FakeServer((ex, req, n) -> FakeServer.respondRaw(ex, 200, "application/octet-stream", stored,
        "Content-Encoding", "gzip"));
    try (InputStream in = new Download(client(server.options().acceptGzip(true))).open()) {
      assertArrayEquals(stored, in.readAllBytes());
    }
    assertNull(server.last().header("Accept-Encoding"));
    assertEquals("discogen-java", server.last().header("User-Agent"));
    assertEquals("alt=media", server.last().rawQuery());
  }

  @Test
  void aStreamedGzippedJsonArrayIsDecodedIncrementally() throws Exception {
    CountDownLatch firstRead = new CountDownLatch(1);
    server = new FakeServer((ex, req, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = new GZIPOutputStream(ex.getResponseBody(), true)) {
        out.write("[{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        out.flush(); // sync flush: the first message is decodable on its own
        if (!firstRead.await(20, TimeUnit.SECONDS)) {
          return;
        }
        out.write(",{\"n\":2}]".getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ApiClient client = client(server.options().acceptGzip(true));
    try (ResponseStream<MessageStreamTest.Msg> stream = new MessageStreamTest.Fetch(client, "GET").executeStream()) {
      assertEquals(1, stream.next().n, "read before the server sent the rest");
      firstRead.countDown();
      assertEquals(List.of(2), MessageStreamTest.ns(stream));
    }
    assertEquals("gzip", server.last().header("Accept-Encoding"));
  }
}
