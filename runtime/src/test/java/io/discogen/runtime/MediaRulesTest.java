package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What is refused before anything is sent (accept, maxSize, protocols a method lacks), the
 * {@link MediaContent} and {@link UploadProgress} contracts, and the batch response parser.
 */
class MediaRulesTest {
  static final ServiceInfo SERVICE = new ServiceInfo("photos", "v1", "https://photos.googleapis.com/", null,
      "photos/v1/", "batch/photos/v1", List.of("uploadType"));

  /** A method that takes PNG or JPEG images of at most 1000 bytes, simple or multipart only. */
  static final RestMethod UPLOAD = RestMethod.builder("photos.upload", "POST", "albums/{album}/photos")
      .pathParam("album", null)
      .mediaUpload("/upload/photos/v1/albums/{album}/photos", null, true, 1000, "image/png", "image/jpeg")
      .build();

  static final class Upload extends ClientRequest<Object, Upload> {
    Upload(ApiClient client, Object metadata, MediaContent media) {
      super(client, UPLOAD, metadata, Object.class);
      set("album", "a1");
      attachMedia(media);
    }

    Upload protocol(UploadProtocol p) {
      return uploadProtocol(p);
    }
  }

  private FakeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ApiClient client() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{\"id\":\"p\"}"));
    return new ApiClient(SERVICE, server.options().build());
  }

  @Test
  void unacceptedContentTypeIsRefusedBeforeSending() throws Exception {
    ApiClient c = client();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Upload(c, null, MediaContent.of("text/plain", new byte[10])).execute());
    assertTrue(e.getMessage().contains("text/plain") && e.getMessage().contains("image/png"), e.getMessage());
    assertEquals(0, server.count());
    new Upload(c, null, MediaContent.of("IMAGE/PNG; x=y", new byte[10])).execute();
    assertEquals(1, server.count(), "type matching ignores case and parameters");
  }

  @Test
  void acceptRanges() {
    assertTrue(MediaUploader.matches("*/*", "a/b"));
    assertTrue(MediaUploader.matches("image/*", "image/webp"));
    assertFalse(MediaUploader.matches("image/*", "imagex/webp"));
    assertTrue(MediaUploader.matches("application/octet-stream", "application/octet-stream"));
    assertFalse(MediaUploader.matches("image/png", "image/pngx"));
  }

  @Test
  void contentOverMaxSizeIsRefusedBeforeSending() throws Exception {
    ApiClient c = client();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Upload(c, null, MediaContent.of("image/png", new byte[1001])).execute());
    assertTrue(e.getMessage().contains("at most 1000 bytes"), e.getMessage());
    assertEquals(0, server.count());
    new Upload(c, null, MediaContent.of("image/png", new byte[1000])).execute();
    assertEquals(1000, server.last().body().length);
  }

  @Test
  void contentOfUnknownLengthOverMaxSizeFailsWhileSending() throws Exception {
    ApiClient c = client();
    MediaContent big = MediaContent.of("image/png", -1, () -> new ByteArrayInputStream(new byte[50_000]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Upload(c, null, big).execute());
    assertTrue(e.getMessage().contains("maxSize"), e.getMessage());
  }

  @Test
  void protocolsTheMethodLacksAreRefused() throws Exception {
    ApiClient c = client();
    Upload u = new Upload(c, java.util.Map.of("title", "t"), MediaContent.of("image/png", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> u.protocol(UploadProtocol.SIMPLE).execute(),
        "metadata needs multipart or resumable");
    u.protocol(null).execute();
    String type = server.last().header("Content-Type");
    assertTrue(type.startsWith("multipart/related; boundary="), type);
    String body = server.last().bodyText();
    assertTrue(body.contains("{\"title\":\"t\"}"), body);
    assertTrue(server.last().query("uploadType").contains("multipart"));
    assertEquals("/upload/photos/v1/albums/a1/photos", server.last().rawPath());
  }

  /** A request of a method without media uploads that tries to attach media anyway. */
  static final class Plain extends ClientRequest<Object, Plain> {
    Plain(ApiClient client) {
      super(client, RestMethod.builder("photos.get", "GET", "p").build(), null, Object.class);
    }

    Plain attach(MediaContent media) {
      return attachMedia(media);
    }

    java.io.InputStream download() {
      return openMediaStream();
    }
  }

  @Test
  void mediaOnMethodsWithoutMediaIsRefused() throws Exception {
    Plain p = new Plain(client());
    assertThrows(IllegalStateException.class, () -> p.attach(MediaContent.of("a/b", new byte[1])));
    assertThrows(IllegalStateException.class, p::download);
    assertEquals(0, server.count());
  }

  @Test
  void mediaContentChecksItsArguments() {
    assertThrows(IllegalArgumentException.class, () -> MediaContent.of("image/png\r\nX-Evil: 1", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> MediaContent.of("png", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> MediaContent.of("a/b", -2, () -> null));
    assertEquals("application/octet-stream", MediaContent.of(null, new byte[0]).type());
    assertEquals(-1, MediaContent.of("a/b", -1, () -> null).length());
    assertThrows(java.io.UncheckedIOException.class,
        () -> MediaContent.of("a/b", java.nio.file.Path.of("/nonexistent/discogen/file")));
  }

  @Test
  void progressNeverPrintsTheSessionUri() {
    UploadProgress p = new UploadProgress(UploadProgress.State.MEDIA_IN_PROGRESS, 5, 10,
        "https://x/upload?upload_id=SECRET");
    assertFalse(p.toString().contains("SECRET"), p.toString());
    assertEquals(0.5, p.fraction());
    assertEquals(-1, new UploadProgress(UploadProgress.State.MEDIA_IN_PROGRESS, 5, -1, null).fraction());
  }

  @Test
  void batchResponsesParseLeniently() {
    String body = "preamble\n--b1\nContent-Type: application/http\nContent-ID: <response-2>\n\n"
        + "HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\"error\":{\"code\":404}}\n"
        + "--b1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--b1--\r\n";
    List<BatchRequest.Part> parts = BatchRequest.MultipartMixed.parse("multipart/mixed; boundary=\"b1\"",
        body.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, parts.size());
    assertEquals("2", parts.get(0).contentId());
    assertEquals(404, parts.get(0).status());
    assertEquals("{\"error\":{\"code\":404}}", new String(parts.get(0).body(), StandardCharsets.UTF_8));
    assertNull(parts.get(1).contentId());
    assertEquals(204, parts.get(1).status());
    assertEquals(0, parts.get(1).body().length);
    assertThrows(InvalidResponseException.class,
        () -> BatchRequest.MultipartMixed.parse("application/json", new byte[0]));
    assertThrows(InvalidResponseException.class, () -> BatchRequest.MultipartMixed.parse(
        "multipart/mixed; boundary=z", "--z\r\n\r\nnot http\r\n--z--".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void batchNeedsABatchPath() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    ApiClient noBatch = new ApiClient(new ServiceInfo("x", "v1", "https://x.googleapis.com/", null, "", null,
        List.of()), server.options().build());
    assertThrows(IllegalStateException.class, () -> new BatchRequest(noBatch));
  }
}
