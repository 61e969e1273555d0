package io.discogen.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.BinaryResponse;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import io.discogen.testing.Reflect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binary responses of POST, PUT and DELETE operations stream like a GET's: generated from a small
 * spec, compiled warning-free, run against a local server that checks what arrives and streams a
 * large body in steps the client must read before the server goes on.
 */
class BinaryStreamTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/binary.openapi.yaml");
  static final int LARGE = 20 * 1024 * 1024;
  static final int FIRST_CHUNK = 64 * 1024;
  static final byte[] FILE = bytes(300_000, 3);

  static HttpServer server;
  static ExecutorService executor;
  static URLClassLoader loader;
  static Map<String, String> sources;
  static final Map<String, String> seen = new ConcurrentHashMap<>();
  /** Counted down by the client once it has read the first chunk of the large body. */
  static volatile CountDownLatch firstChunkRead;
  /** Set by the server when it wrote the rest of the large body without the client having read. */
  static volatile boolean wroteAheadOfClient;
  /** Counted down when the server stops writing a body the client abandoned; holds why. */
  static volatile CountDownLatch abandonedEnded;
  static final AtomicReference<Throwable> abandonedFailure = new AtomicReference<>();

  static byte expected(long i, int seed) {
    return (byte) (i * 31 + (i >>> 13) + seed);
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = expected(i, seed);
    }
    return b;
  }

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    executor = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", BinaryStreamTest::handle);
    server.setExecutor(executor);
    server.start();
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.bin", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    sources = new ConcurrentHashMap<>();
    for (GeneratedFile f : files) {
      sources.put(f.path().substring(f.path().lastIndexOf('/') + 1), new String(f.content(), StandardCharsets.UTF_8));
    }
    loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, BinaryStreamTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    executor.shutdownNow();
    loader.close();
  }

  static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      byte[] body = ex.getRequestBody().readAllBytes();
      seen.put("method", ex.getRequestMethod());
      seen.put("path", path);
      seen.put("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      seen.put("type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
      seen.put("body", new String(body, StandardCharsets.ISO_8859_1));
      if (!"Bearer tok".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        json(ex, 401, "{\"code\":401,\"message\":\"who are you\"}");
      } else if (path.equals("/v1/reports/missing/render")) {
        json(ex, 404, "{\"code\":404,\"message\":\"no such report\"}");
      } else if (path.equals("/v1/reports/large/render")) {
        streamLarge(ex);
      } else if (path.equals("/v1/reports/abandoned/render")) {
        streamAbandoned(ex);
      } else if (path.startsWith("/v1/reports/")) {
        raw(ex, "application/pdf", "%PDF-1.7 small".getBytes(StandardCharsets.US_ASCII));
      } else if (path.equals("/v1/files/locked")) {
        json(ex, 409, "{\"code\":409,\"message\":\"locked\"}");
      } else if (path.startsWith("/v1/files/")) {
        raw(ex, "application/octet-stream", FILE);
      } else {
        json(ex, 404, "{}");
      }
    }
  }

  static void json(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  static void raw(HttpExchange ex, String type, byte[] b) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
  }

  /** Writes the first chunk, then waits for the client to have read it before writing the rest. */
  static void streamLarge(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/pdf");
    ex.sendResponseHeaders(200, LARGE);
    OutputStream out = ex.getResponseBody();
    byte[] buffer = new byte[FIRST_CHUNK];
    for (long at = 0; at < LARGE; at += FIRST_CHUNK) {
      for (int i = 0; i < FIRST_CHUNK; i++) {
        buffer[i] = expected(at + i, 0);
      }
      out.write(buffer);
      if (at == 0) {
        out.flush();
        try {
          // A client that buffers the whole body would never get here: it waits for the end.
          wroteAheadOfClient = !firstChunkRead.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Writes far more than the client reads; ends when the client closes the stream. */
  static void streamAbandoned(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/pdf");
    ex.sendResponseHeaders(200, 1L << 40);
    OutputStream out = ex.getResponseBody();
    byte[] buffer = new byte[FIRST_CHUNK];
    try {
      for (long at = 0; at < 1L << 40; at += FIRST_CHUNK) {
        out.write(buffer);
      }
    } catch (IOException e) {
      abandonedFailure.set(e);
    } finally {
      abandonedEnded.countDown();
    }
  }

  static Object service(String token) throws Throwable {
    Class<?> cls = loader.loadClass("io.discogen.bin.Reports");
    return cls.getConstructor(ClientOptions.class).newInstance(ClientOptions.builder()
        .rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/")
        .credentials(Credentials.bearerToken(token)).build());
  }

  static Object render(String reportId) throws Throwable {
    Object options = loader.loadClass("io.discogen.bin.model.RenderOptions").getConstructor().newInstance();
    Class<?> format = loader.loadClass("io.discogen.bin.model.RenderOptions$Format");
    Reflect.call(options, "setFormat", format.getField("A4").get(null));
    Reflect.call(options, "setPages", 3);
    return Reflect.call(Reflect.call(service("tok"), "reports"), "renderReport", reportId, options);
  }

  static Object files() throws Throwable {
    return Reflect.call(service("tok"), "files");
  }

  @Test
  void theIrSaysWhichBinaryResponsesResume() throws Exception {
    ApiModel api = SpecReader.read(SPEC, "binary.openapi.yaml");
    Map<String, BinaryResponse> binary = new java.util.TreeMap<>();
    api.allMethods().forEach(m -> binary.put(m.id(), m.binaryResponse()));
    assertEquals(Map.of("renderReport", new BinaryResponse(false), "readFile", new BinaryResponse(true),
        "replaceFile", new BinaryResponse(false), "deleteFile", new BinaryResponse(false)), binary);
    api.allMethods().forEach(m -> assertNull(m.mediaDownload()));
  }

  @Test
  void postWithAJsonBodyStreamsALargeResponse() throws Throwable {
    firstChunkRead = new CountDownLatch(1);
    wroteAheadOfClient = false;
    Object request = render("large");
    long n = 0;
    try (InputStream in = (InputStream) Reflect.call(request, "executeMediaAsInputStream")) {
      // The call returned while the server waits after its first chunk: the body is not buffered.
      byte[] first = in.readNBytes(FIRST_CHUNK);
      assertArrayEquals(bytes(FIRST_CHUNK, 0), first);
      n = FIRST_CHUNK;
      firstChunkRead.countDown();
      byte[] buffer = new byte[100_003];
      for (int r; (r = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < r; i++) {
          if (buffer[i] != expected(n + i, 0)) {
            throw new AssertionError("byte " + (n + i) + " differs");
          }
        }
        n += r;
      }
    }
    assertEquals(LARGE, n);
    assertFalse(wroteAheadOfClient);
    assertEquals("POST", seen.get("method"));
    assertEquals("/v1/reports/large/render", seen.get("path"));
    assertEquals("Bearer tok", seen.get("auth"));
    assertTrue(seen.get("type").startsWith("application/json"), seen.get("type"));
    assertEquals(Json.get().mapper().readTree("{\"format\":\"a4\",\"pages\":3}"),
        Json.get().mapper().readTree(seen.get("body")));
  }

  @Test
  void executeStillReturnsBytesAndDownloadToCopies() throws Throwable {
    byte[] small = "%PDF-1.7 small".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(small, (byte[]) Reflect.call(render("r1"), "execute"));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Reflect.call(render("r1"), "executeMediaAndDownloadTo", out);
    assertArrayEquals(small, out.toByteArray());
    assertEquals("POST", seen.get("method"));
  }

  @Test
  void putSendsRawBytesAndDeleteStreamsToo() throws Throwable {
    byte[] upload = bytes(100_000, 9);
    Object put = Reflect.call(files(), "replaceFile", "a.bin", upload);
    try (InputStream in = (InputStream) Reflect.call(put, "executeMediaAsInputStream")) {
      assertArrayEquals(FILE, in.readAllBytes());
    }
    assertEquals("PUT", seen.get("method"));
    assertEquals("application/octet-stream", seen.get("type"));
    assertArrayEquals(upload, seen.get("body").getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Bearer tok", seen.get("auth"));

    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Reflect.call(Reflect.call(files(), "deleteFile", "a.bin"), "executeMediaAndDownloadTo", out);
    assertArrayEquals(FILE, out.toByteArray());
    assertEquals("DELETE", seen.get("method"));
    assertEquals("/v1/files/a.bin", seen.get("path"));

    ApiException e = assertThrows(ApiException.class,
        () -> Reflect.call(Reflect.call(files(), "deleteFile", "locked"), "executeMediaAsInputStream"));
    assertEquals(409, e.statusCode());
  }

  @Test
  void errorStatusesAreApiExceptionsWithTheTypedError() throws Throwable {
    Object request = render("missing");
    Class<?> errorType = (Class<?>) request.getClass().getField("ERROR_TYPE").get(null);
    ApiException e = assertThrows(ApiException.class, () -> Reflect.call(request, "executeMediaAsInputStream"));
    assertEquals(404, e.statusCode());
    assertEquals("no such report", Reflect.call(e.errorAs(errorType), "getMessage"));
    ApiException copied = assertThrows(ApiException.class,
        () -> Reflect.call(request, "executeMediaAndDownloadTo", OutputStream.nullOutputStream()));
    assertEquals(404, copied.statusCode());

    Object unauthorized = Reflect.call(Reflect.call(service("wrong"), "reports"), "renderReport", "r1",
        loader.loadClass("io.discogen.bin.model.RenderOptions").getConstructor().newInstance());
    ApiException denied = assertThrows(ApiException.class,
        () -> Reflect.call(unauthorized, "executeMediaAsInputStream"));
    assertEquals(401, denied.statusCode());
    assertEquals(401, Reflect.call(denied.errorAs(errorType), "getCode"));
  }

  @Test
  void closingEarlyEndsTheExchange() throws Throwable {
    abandonedEnded = new CountDownLatch(1);
    abandonedFailure.set(null);
    Object request = render("abandoned");
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      InputStream in = (InputStream) Reflect.call(request, "executeMediaAsInputStream");
      assertEquals(FIRST_CHUNK, in.readNBytes(FIRST_CHUNK).length);
      in.close();
      // The server's writes fail once the client has dropped the connection.
      assertTrue(abandonedEnded.await(15, TimeUnit.SECONDS));
    });
    assertTrue(abandonedFailure.get() instanceof IOException, String.valueOf(abandonedFailure.get()));
  }

  @Test
  void getKeepsTheResumableDownloadAndOtherVerbsTheOneShotStream() {
    String all = String.join("\n", new java.util.TreeMap<>(sources).values());
    assertEquals(1, count(all, ".binaryResponse()"), all); // readFile only
    assertEquals(2, count(all, "return openMediaStream()") + count(all, "downloadMediaTo(out)"), all);
    assertEquals(6, count(all, "return openResponseStream()") + count(all, "downloadResponseTo(out)"), all);
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
