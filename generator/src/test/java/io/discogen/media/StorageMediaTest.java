package io.discogen.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.ApiException;
import io.discogen.runtime.BatchRequest;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.MediaContent;
import io.discogen.runtime.RetryPolicy;
import io.discogen.runtime.TransportException;
import io.discogen.runtime.UploadProgress;
import io.discogen.runtime.UploadProtocol;
import io.discogen.testing.GeneratedClients;
import io.discogen.testing.TestSpecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Storage client generated from the corpus's {@code storage.v1.json}, compiled here, uploading
 * and downloading media and sending batches against {@link FakeStorageServer}.
 */
class StorageMediaTest {
  static final String PKG = "io.discogen.test.storage.";
  static final int KIB256 = 256 * 1024;
  static final String BUCKET = "bkt";

  static URLClassLoader loader;
  static Class<?> storageClass;
  static Class<?> objectModel;

  FakeStorageServer server;
  Object storage;

  @BeforeAll
  static void generateAndCompile(@TempDir Path work) throws Exception {
    loader = GeneratedClients.load(TestSpecs.corpus2024().resolve("storage.v1.json"), "io.discogen.test.storage", work);
    storageClass = loader.loadClass(PKG + "Storage");
    objectModel = loader.loadClass(PKG + "model.StorageObject");
  }

  @BeforeEach
  void start() throws Exception {
    server = new FakeStorageServer();
    storage = client(fastRetries(5));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static RetryPolicy fastRetries(int attempts) {
    return new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, Duration.ofSeconds(30));
  }

  Object client(RetryPolicy retries) throws Exception {
    ClientOptions options = ClientOptions.builder().rootUrl(server.url()).retryPolicy(retries).build();
    return storageClass.getConstructor(ClientOptions.class).newInstance(options);
  }

  // ---- reflection over the generated client -----------------------------------------------------

  static Object call(Object target, String name, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length && fits(m, args)) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception x) {
            throw x;
          }
          throw e;
        }
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name + "/" + args.length);
  }

  private static boolean fits(Method m, Object[] args) {
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && !wrap(types[i]).isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> wrap(Class<?> c) {
    return c == int.class ? Integer.class : c == long.class ? Long.class : c == boolean.class ? Boolean.class : c;
  }

  Object objects() throws Exception {
    return call(storage, "objects");
  }

  Object metadata(String name, String contentType) throws Exception {
    Object o = objectModel.getConstructor().newInstance();
    call(o, "setName", name);
    if (contentType != null) {
      call(o, "setContentType", contentType);
    }
    return o;
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Uploads {@code data} under {@code name} with the given protocol; returns the server's object. */
  Object upload(String name, MediaContent media, UploadProtocol protocol, boolean withMetadata, int chunkSize,
      List<UploadProgress> progress) throws Exception {
    Object insert = call(objects(), "insert", BUCKET, withMetadata ? metadata(name, media.type()) : null, media);
    if (!withMetadata) {
      call(insert, "setName", name);
    }
    if (protocol != null) {
      call(insert, "setUploadProtocol", protocol);
    }
    if (chunkSize > 0) {
      call(insert, "setChunkSize", chunkSize);
    }
    if (progress != null) {
      call(insert, "setProgressListener", (UploadProgress.Listener) progress::add);
    }
    return call(insert, "execute");
  }

  static final int[] SIZES = {0, 1, KIB256 - 1, KIB256, KIB256 + 1, 3 * KIB256 + 17};

  // ---- the generated shape ----------------------------------------------------------------------

  @Test
  void generatedShape() throws Exception {
    Class<?> insert = loader.loadClass(PKG + "Storage$Objects$Insert");
    Class<?> get = loader.loadClass(PKG + "Storage$Objects$Get");
    Class<?> bucketGet = loader.loadClass(PKG + "Storage$Buckets$Get");
    assertNotNull(insert.getMethod("setUploadProtocol", UploadProtocol.class));
    assertNotNull(insert.getMethod("setProgressListener", UploadProgress.Listener.class));
    assertNotNull(insert.getMethod("setChunkSize", int.class));
    assertEquals(objectModel, insert.getMethod("resumeUpload", String.class, MediaContent.class).getReturnType());
    assertNotNull(get.getMethod("executeMediaAndDownloadTo", java.io.OutputStream.class));
    assertEquals(InputStream.class, get.getMethod("executeMediaAsInputStream").getReturnType());
    assertNotNull(loader.loadClass(PKG + "Storage$Objects").getMethod("insert", String.class, objectModel, MediaContent.class));
    assertEquals(BatchRequest.class, storageClass.getMethod("batch").getReturnType());
    for (String absent : List.of("setUploadProtocol", "executeMediaAsInputStream", "resumeUpload")) {
      assertTrue(List.of(bucketGet.getMethods()).stream().noneMatch(m -> m.getName().equals(absent)), absent);
      if (!absent.startsWith("execute")) {
        assertTrue(List.of(get.getMethods()).stream().noneMatch(m -> m.getName().equals(absent)), absent);
      }
    }
  }

  // ---- simple and multipart ---------------------------------------------------------------------

  @Test
  void simpleUploadsOfSeveralSizes() throws Exception {
    for (int size : SIZES) {
      byte[] data = bytes(size, size);
      Object result = upload("simple-" + size, MediaContent.of("application/x-test", data), UploadProtocol.SIMPLE,
          false, 0, null);
      assertEquals(BigInteger.valueOf(size), call(result, "getSize"));
      FakeStorageServer.StoredObject o = server.object(BUCKET, "simple-" + size);
      assertArrayEquals(data, o.data(), "size " + size);
      assertEquals("application/x-test", o.contentType());
    }
    FakeStorageServer.Seen first = server.seen("POST").get(0);
    assertEquals("/upload/storage/v1/b/bkt/o", first.path(), "the discovery document's simple path, from the root URL");
    assertTrue(first.query().contains("uploadType=media"), first.query());
  }

  @Test
  void multipartUploadsCarryMetadataAndContent() throws Exception {
    for (int size : SIZES) {
      byte[] data = bytes(size, 100 + size);
      Object result = upload("multi-" + size, MediaContent.of("image/png", data), UploadProtocol.MULTIPART,
          true, 0, null);
      assertEquals("multi-" + size, call(result, "getName"));
      FakeStorageServer.StoredObject o = server.object(BUCKET, "multi-" + size);
      assertArrayEquals(data, o.data(), "size " + size);
      assertEquals("image/png", o.contentType());
    }
    FakeStorageServer.Seen last = server.seen("POST").get(SIZES.length - 1);
    assertTrue(last.query().contains("uploadType=multipart"), last.query());
    assertTrue(last.header("content-type").startsWith("multipart/related; boundary="), last.header("content-type"));
  }

  // ---- resumable --------------------------------------------------------------------------------

  @Test
  void resumableUploadsOfSeveralSizesAndSources(@TempDir Path dir) throws Exception {
    int[] sizes = {0, 1, KIB256 - 1, KIB256, KIB256 + 1, 5 * KIB256 + 5};
    for (int size : sizes) {
      byte[] data = bytes(size, 200 + size);
      Path file = dir.resolve("f" + size);
      Files.write(file, data);
      List<MediaContent> sources = List.of(
          MediaContent.of("application/x-test", data),
          MediaContent.of("application/x-test", file),
          MediaContent.of("application/x-test", -1, () -> new ByteArrayInputStream(data)));
      for (int k = 0; k < sources.size(); k++) {
        String name = "resumable-" + size + "-" + k;
        List<UploadProgress> progress = Collections.synchronizedList(new ArrayList<>());
        Object result = upload(name, sources.get(k), UploadProtocol.RESUMABLE, true, KIB256, progress);
        assertEquals(name, call(result, "getName"));
        assertArrayEquals(data, server.object(BUCKET, name).data(), name);
        UploadProgress done = progress.get(progress.size() - 1);
        assertEquals(UploadProgress.State.MEDIA_COMPLETE, done.state(), name);
        assertEquals(size, done.bytesSent(), name);
        assertEquals(UploadProgress.State.INITIATION_STARTED, progress.get(0).state());
        assertNotNull(progress.get(1).sessionUri(), "the session URI is reported once the session exists");
        long previous = 0;
        for (UploadProgress p : progress) {
          assertTrue(p.bytesSent() >= previous, "progress never goes back: " + progress);
          previous = p.bytesSent();
        }
      }
    }
    FakeStorageServer.Seen start = server.seen("POST").get(0);
    assertEquals("/upload/storage/v1/b/bkt/o", start.path(),
        "the simple path, as Google's clients and Cloud Storage's docs start sessions (not protocols.resumable.path)");
    assertTrue(start.query().contains("uploadType=resumable"), start.query());
    assertEquals("application/x-test", start.header("x-upload-content-type"));
    assertEquals("0", start.header("x-upload-content-length"));
  }

  @Test
  void resumableUploadSurvivesDroppedConnectionsAnd503s() throws Exception {
    for (long seed : new long[] {1, 2, 3, 4}) {
      Random random = new Random(seed);
      int size = 12 * KIB256 + random.nextInt(KIB256);
      int chunk = 2 * KIB256;
      byte[] data = bytes(size, seed);
      // 7 chunk PUTs without faults: interrupt 5 of the first 7 attempts, at random byte offsets.
      List<Integer> when = new ArrayList<>();
      while (when.size() < 5) {
        int n = 1 + random.nextInt(7);
        if (!when.contains(n)) {
          when.add(n);
        }
      }
      List<FakeStorageServer.Fault> faults = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        faults.add(new FakeStorageServer.Fault(
            random.nextBoolean() ? FakeStorageServer.Fault.Kind.DROP : FakeStorageServer.Fault.Kind.UNAVAILABLE,
            random.nextInt(chunk)));
      }
      server.chunkPuts.set(0);
      server.faultsInjected.set(0);
      server.chunkFaults = n -> when.contains(n) ? faults.get(when.indexOf(n)) : null;
      String name = "interrupted-" + seed;
      List<UploadProgress> progress = Collections.synchronizedList(new ArrayList<>());
      Object result = upload(name, MediaContent.of("video/mp4", data), UploadProtocol.RESUMABLE, true, chunk, progress);
      assertEquals(name, call(result, "getName"));
      assertArrayEquals(data, server.object(BUCKET, name).data(), "seed " + seed);
      assertEquals(5, server.faultsInjected.get(), "seed " + seed);
      assertEquals(size, progress.get(progress.size() - 1).bytesSent());
    }
    assertTrue(server.seen("PUT").stream().anyMatch(s -> s.header("content-range").startsWith("bytes */")),
        "the client asked the server how much it has");
  }

  @Test
  void resumableUploadOfUnknownLengthSurvivesInterruptions() throws Exception {
    byte[] data = bytes(7 * KIB256 + 99, 42);
    server.chunkFaults = n -> n == 2 ? new FakeStorageServer.Fault(FakeStorageServer.Fault.Kind.DROP, KIB256 + 10)
        : n == 4 ? new FakeStorageServer.Fault(FakeStorageServer.Fault.Kind.UNAVAILABLE, 5) : null;
    // Unknown length: resumable is chosen by default.
    Object result = upload("unknown", MediaContent.of("text/plain", -1, () -> new ByteArrayInputStream(data)), null,
        true, 2 * KIB256, null);
    assertEquals("unknown", call(result, "getName"));
    assertArrayEquals(data, server.object(BUCKET, "unknown").data());
    assertEquals(2, server.faultsInjected.get());
  }

  @Test
  void uploadResumesFromSavedSessionUriAfterRestart() throws Exception {
    byte[] data = bytes(6 * KIB256 + 3, 7);
    MediaContent media = MediaContent.of("application/octet-stream", data);
    // The first process: no retries, and the connection drops during the third chunk.
    storage = client(RetryPolicy.none());
    server.chunkFaults = n -> n == 3 ? new FakeStorageServer.Fault(FakeStorageServer.Fault.Kind.DROP, KIB256 / 2) : null;
    List<UploadProgress> progress = Collections.synchronizedList(new ArrayList<>());
    Exception failure = assertThrows(Exception.class,
        () -> upload("restarted", media, UploadProtocol.RESUMABLE, true, KIB256, progress));
    assertInstanceOf(TransportException.class, failure);
    String sessionUri = progress.stream().map(UploadProgress::sessionUri).filter(s -> s != null).findFirst().orElseThrow();
    assertNull(server.object(BUCKET, "restarted"));
    long acknowledged = progress.get(progress.size() - 1).bytesSent();
    assertEquals(2L * KIB256, acknowledged);

    // A new process: a new client, the saved session URI, the same content.
    storage = client(fastRetries(5));
    int putsBefore = server.seen("PUT").size();
    Object insert = call(objects(), "insert", BUCKET, null);
    call(insert, "setChunkSize", KIB256);
    Object result = call(insert, "resumeUpload", sessionUri, media);
    assertEquals("restarted", call(result, "getName"));
    assertArrayEquals(data, server.object(BUCKET, "restarted").data());
    FakeStorageServer.Seen firstPut = server.seen("PUT").get(putsBefore);
    assertEquals("bytes */" + data.length, firstPut.header("content-range"), "asks the server first");
    assertEquals("bytes " + 2 * KIB256 + "-" + (3 * KIB256 - 1) + "/" + data.length,
        server.seen("PUT").get(putsBefore + 1).header("content-range"), "then sends from the acknowledged offset");
  }

  @Test
  void sessionUriOnAnotherHostIsRefused() throws Exception {
    Object insert = call(objects(), "insert", BUCKET, null);
    Exception e = assertThrows(IllegalArgumentException.class, () -> call(insert, "resumeUpload",
        "https://elsewhere.example.com/upload?upload_id=x", MediaContent.of("a/b", new byte[1])));
    assertTrue(e.getMessage().contains("origin"), e.getMessage());
    assertEquals(0, server.seen.size(), "nothing was sent");
  }

  @Test
  void defaultProtocolFollowsSizeMetadataAndLength() throws Exception {
    upload("small-nometa", MediaContent.of("a/b", new byte[10]), null, false, 0, null);
    upload("small-meta", MediaContent.of("a/b", new byte[10]), null, true, 0, null);
    upload("unknown-length", MediaContent.of("a/b", -1, () -> new ByteArrayInputStream(new byte[10])), null, true, 0, null);
    byte[] large = bytes(8 * 1024 * 1024 + 1, 9);
    upload("large", MediaContent.of("a/b", large), null, true, 0, null);
    List<FakeStorageServer.Seen> posts = server.seen("POST");
    assertTrue(posts.get(0).query().contains("uploadType=media"), posts.get(0).query());
    assertTrue(posts.get(1).query().contains("uploadType=multipart"), posts.get(1).query());
    assertTrue(posts.get(2).query().contains("uploadType=resumable"), posts.get(2).query());
    assertTrue(posts.get(3).query().contains("uploadType=resumable"), posts.get(3).query());
    assertArrayEquals(large, server.object(BUCKET, "large").data());
    assertEquals(2, server.seen("PUT").stream().filter(s -> s.header("content-range").contains("/" + large.length)).count(),
        "8 MiB chunks by default");
  }

  @Test
  void uploadsRunAsynchronously() throws Exception {
    byte[] data = bytes(KIB256 + 1, 11);
    Object insert = call(objects(), "insert", BUCKET, metadata("async", null), MediaContent.of("a/b", data));
    Object result = ((java.util.concurrent.CompletableFuture<?>) call(insert, "executeAsync"))
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("async", call(result, "getName"));
    assertArrayEquals(data, server.object(BUCKET, "async").data());
  }

  @Test
  void simpleUploadWithMetadataIsRefusedBeforeSending() throws Exception {
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> upload("x", MediaContent.of("a/b", new byte[1]), UploadProtocol.SIMPLE, true, 0, null));
    assertTrue(e.getMessage().contains("MULTIPART"), e.getMessage());
    Object insert = call(objects(), "insert", BUCKET, null, MediaContent.of("a/b", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> call(insert, "setChunkSize", 1000));
    assertEquals(0, server.seen.size());
  }

  // ---- downloads --------------------------------------------------------------------------------

  @Test
  void downloadsCompleteInterruptedAndAsStream() throws Exception {
    byte[] data = bytes(3 * KIB256 + 11, 5);
    server.put(BUCKET, "blob.bin", "application/octet-stream", data);
    Object get = call(objects(), "get", BUCKET, "blob.bin");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    call(get, "executeMediaAndDownloadTo", out);
    assertArrayEquals(data, out.toByteArray());
    FakeStorageServer.Seen first = server.seen("GET").get(0);
    assertEquals("/download/storage/v1/b/bkt/o/blob.bin", first.path(), "useMediaDownloadService");
    assertTrue(first.query().contains("alt=media"), first.query());
    assertNull(first.header("range"));

    // Cut three times; each resumption asks for the rest with Range.
    synchronized (server.downloadCuts) {
      server.downloadCuts.addAll(List.of(100_000, 200_000, 5));
    }
    out.reset();
    call(get, "executeMediaAndDownloadTo", out);
    assertArrayEquals(data, out.toByteArray());
    List<String> ranges = server.seen("GET").stream().skip(1).map(s -> s.header("range")).toList();
    assertEquals(4, ranges.size(), "three resumptions: " + ranges);
    assertNull(ranges.get(0));
    // Each resumption starts where the client stopped reading: at most where the server cut.
    long previous = 0;
    int[] cutAt = {100_000, 300_000, 300_005};
    for (int i = 1; i < ranges.size(); i++) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-").matcher(ranges.get(i));
      assertTrue(m.matches(), ranges.get(i));
      long from = Long.parseLong(m.group(1));
      assertTrue(from >= previous && from <= cutAt[i - 1], ranges.toString());
      previous = from;
    }

    synchronized (server.downloadCuts) {
      server.downloadCuts.addAll(List.of(KIB256, 1));
    }
    try (InputStream in = (InputStream) call(get, "executeMediaAsInputStream")) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void downloadGivesUpAfterBoundedRetries() throws Exception {
    byte[] data = bytes(100_000, 6);
    server.put(BUCKET, "cut.bin", "application/octet-stream", data);
    storage = client(fastRetries(3));
    synchronized (server.downloadCuts) {
      server.downloadCuts.addAll(List.of(10, 0, 0, 0, 0, 0));
    }
    Object get = call(objects(), "get", BUCKET, "cut.bin");
    TransportException e = assertThrows(TransportException.class,
        () -> call(get, "executeMediaAndDownloadTo", new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("download"), e.getMessage());
    assertTrue(server.seen("GET").size() <= 4, "bounded: " + server.seen("GET").size());
  }

  @Test
  void downloadOfMissingObjectIsApiException() throws Exception {
    Object get = call(objects(), "get", BUCKET, "missing");
    ApiException e = assertThrows(ApiException.class, () -> call(get, "executeMediaAsInputStream"));
    assertEquals(404, e.statusCode());
  }

  // ---- batch ------------------------------------------------------------------------------------

  @Test
  void batchWithMixedSuccessesFailuresAndARetriedPart() throws Exception {
    server.put(BUCKET, "a", "text/plain", new byte[3]);
    server.put(BUCKET, "b", "text/plain", new byte[4]);
    server.put(BUCKET, "flaky", "text/plain", new byte[5]);
    server.flaky.put("flaky", 1);             // 503 once, then found: a GET is retried
    server.flakyInserts.put("new-object", 1); // 503 once: a POST without request id is not
    BatchRequest batch = (BatchRequest) call(storage, "batch");
    List<String> ok = Collections.synchronizedList(new ArrayList<>());
    List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
    for (String name : List.of("a", "missing", "flaky", "b")) {
      batch.queue(castRequest(call(objects(), "get", BUCKET, name)),
          o -> ok.add(name + ":" + get(o, "getSize")), e -> failed.add(e.statusCode()));
    }
    batch.queue(castRequest(call(objects(), "insert", BUCKET, metadata("new-object", null))),
        o -> ok.add("inserted"), e -> failed.add(e.statusCode()));
    assertEquals(5, batch.size());
    batch.execute();
    assertEquals(0, batch.size());
    assertEquals(List.of("a:3", "b:4", "flaky:5"), ok.stream().sorted().toList());
    assertEquals(List.of(404, 503), failed.stream().sorted().toList());
    assertEquals(2, server.batches.size(), "one more batch for the retried part");
    assertEquals(5, server.batches.get(0).size());
    assertEquals(List.of("GET /storage/v1/b/bkt/o/flaky?prettyPrint=false HTTP/1.1"), server.batches.get(1));
  }

  @Test
  void batchRefusesMoreThanAThousandRequests() throws Exception {
    BatchRequest batch = (BatchRequest) call(storage, "batch");
    Object get = call(objects(), "get", BUCKET, "a");
    for (int i = 0; i < BatchRequest.MAX_REQUESTS; i++) {
      batch.queue(castRequest(get), o -> {}, e -> {});
    }
    assertThrows(IllegalStateException.class, () -> batch.queue(castRequest(get), o -> {}, e -> {}));
    Object upload = call(objects(), "insert", BUCKET, null, MediaContent.of("a/b", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> ((BatchRequest) call(storage, "batch"))
        .queue(castRequest(upload), o -> {}, e -> {}));
  }

  @SuppressWarnings("unchecked")
  static io.discogen.runtime.ClientRequest<Object, ?> castRequest(Object r) {
    return (io.discogen.runtime.ClientRequest<Object, ?>) r;
  }

  static Object get(Object target, String getter) {
    try {
      return call(target, getter);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
