package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads a request's media by the protocol chosen: simple ({@code uploadType=media}), multipart
 * ({@code multipart/related}: JSON metadata part, then the content) or resumable (a session, then
 * chunks sent with {@code Content-Range}; after a failure the server is asked how much it has, and
 * sending resumes from there). Blocking; one instance per upload.
 */
final class MediaUploader<T> {
  /** Resumable uploads send chunks of a multiple of this. */
  static final int CHUNK_GRANULARITY = 256 * 1024;
  /** The default chunk size: 8 MiB. */
  static final int DEFAULT_CHUNK_SIZE = 32 * CHUNK_GRANULARITY;
  /** Content longer than this goes resumable when the method supports it. */
  static final long RESUMABLE_THRESHOLD = DEFAULT_CHUNK_SIZE;

  /** Runs {@code executeAsync()} of uploads and downloads, which block on their streams. */
  static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "discogen-media");
    t.setDaemon(true);
    return t;
  });

  private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

  private final Transport transport;
  private final ClientRequest<T, ?> request;
  private final RestMethod method;
  private final RestMethod.MediaUpload spec;
  private final MediaContent media;
  private final UploadProgress.Listener listener;
  private final int chunkSize;
  private final Blocking http;
  private String sessionUri;

  MediaUploader(Transport transport, ClientRequest<T, ?> request, MediaContent media,
      UploadProgress.Listener listener, int chunkSize) {
    this.transport = transport;
    this.request = request;
    this.method = request.method();
    this.spec = method.mediaUpload();
    if (spec == null) {
      throw new IllegalStateException(method.id() + " does not accept media uploads");
    }
    this.media = media;
    this.listener = listener;
    this.chunkSize = chunkSize;
    this.http = new Blocking(transport, method);
    check();
  }

  /** Refuses content the method does not accept, before anything is sent. */
  private void check() {
    if (!spec.accept().isEmpty() && spec.accept().stream().noneMatch(r -> matches(r, media.mediaType()))) {
      throw new IllegalArgumentException(method.id() + " does not accept content type " + media.mediaType()
          + " (accepted: " + String.join(", ", spec.accept()) + ")");
    }
    if (spec.maxSize() >= 0 && media.length() > spec.maxSize()) {
      throw new IllegalArgumentException(method.id() + " accepts at most " + spec.maxSize()
          + " bytes; the content has " + media.length());
    }
  }

  static boolean matches(String range, String type) {
    String r = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (r.equals("*/*") || r.equals("*")) {
      return true;
    }
    if (r.endsWith("/*")) {
      return type.startsWith(r.substring(0, r.length() - 1));
    }
    return r.equals(type);
  }

  /** The protocol used when the caller chose none. */
  UploadProtocol choose(UploadProtocol asked) {
    boolean metadata = request.content() != null;
    boolean resumable = spec.resumablePath() != null || spec.simplePath() != null && asked == UploadProtocol.RESUMABLE;
    if (asked != null) {
      if (asked == UploadProtocol.SIMPLE && metadata) {
        throw new IllegalArgumentException(method.id() + ": a simple upload carries no metadata; use MULTIPART"
            + " or RESUMABLE, or pass null metadata");
      }
      if (asked == UploadProtocol.MULTIPART && !spec.multipart()) {
        throw new IllegalArgumentException(method.id() + " does not accept multipart uploads");
      }
      if (asked != UploadProtocol.RESUMABLE && spec.simplePath() == null) {
        throw new IllegalArgumentException(method.id() + " declares only resumable uploads");
      }
      if (asked == UploadProtocol.RESUMABLE && !resumable) {
        throw new IllegalArgumentException(method.id() + " does not accept resumable uploads");
      }
      return asked;
    }
    if (spec.resumablePath() != null
        && (spec.simplePath() == null || !media.hasLength() || media.length() > RESUMABLE_THRESHOLD
            || metadata && !spec.multipart())) {
      return UploadProtocol.RESUMABLE;
    }
    if (!metadata) {
      return UploadProtocol.SIMPLE;
    }
    if (!spec.multipart()) {
      throw new IllegalArgumentException(method.id() + " cannot send metadata with media (no multipart or"
          + " resumable protocol declared)");
    }
    return UploadProtocol.MULTIPART;
  }

  T upload(UploadProtocol asked) {
    UploadProtocol protocol = choose(asked);
    return switch (protocol) {
      case SIMPLE -> single(false);
      case MULTIPART -> single(true);
      case RESUMABLE -> resumable();
    };
  }

  // ---- simple and multipart -------------------------------------------------------------------

  private T single(boolean multipart) {
    Transport.Target target = transport.target(request, Map.of("uploadType", multipart ? "multipart" : "media"),
        spec.simplePath());
    String boundary = "discogen_" + UUID.randomUUID().toString().replace("-", "");
    byte[] head = new byte[0];
    byte[] tail = new byte[0];
    if (multipart) {
      byte[] meta = request.content() == null ? "{}".getBytes(StandardCharsets.UTF_8) : Json.get().writeRequest(request.content());
      head = concat(("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8), meta,
          ("\r\n--" + boundary + "\r\nContent-Type: " + media.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
    String contentType = multipart ? "multipart/related; boundary=" + boundary : media.type();
    Map<String, String> headers = new LinkedHashMap<>(target.headerParams());
    headers.putAll(request.headers());
    headers.put("Content-Type", contentType);
    long total = media.length();
    for (int attempt = 1; ; attempt++) {
      progress(UploadProgress.State.MEDIA_IN_PROGRESS, 0, total);
      LimitedStream[] opened = new LimitedStream[1];
      HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.ofInputStream(() -> {
        try {
          opened[0] = new LimitedStream(media.open(), spec.maxSize());
          return opened[0];
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
      parts.add(HttpRequest.BodyPublishers.ofByteArray(head));
      parts.add(content);
      parts.add(HttpRequest.BodyPublishers.ofByteArray(tail));
      HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
      long bodyLength = head.length + total + tail.length;
      if (total >= 0) {
        body = bodyLength == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.fromPublisher(body, bodyLength);
      }
      HttpRequest req = http.builder(http.uri(target, ""), headers).method(method.httpMethod(), body).build();
      Transport.LOG.log(Level.DEBUG, () -> method.id() + ": " + method.httpMethod() + " "
          + target.logUrl("") + " (" + (multipart ? "multipart" : "simple") + " upload)");
      HttpResponse<InputStream> resp;
      try {
        resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        rethrowSourceFailure(opened[0], e);
        if ((target.retrySafe() || Blocking.notSent(e)) && attempt < http.policy.maxAttempts()) {
          http.backoff(attempt, null);
          continue;
        }
        throw http.transportFailure(e, attempt);
      }
      int status = resp.statusCode();
      if (status >= 200 && status < 300) {
        T value = decode(resp);
        progress(UploadProgress.State.MEDIA_COMPLETE, opened[0] == null ? Math.max(total, 0) : opened[0].count, total);
        return value;
      }
      if (status == 401 && http.reauthorize()) {
        Blocking.discard(resp);
        continue;
      }
      if (target.retrySafe() && http.policy.isRetryableStatus(status) && attempt < http.policy.maxAttempts()) {
        Blocking.discard(resp);
        http.backoff(attempt, Transport.retryAfter(resp));
        continue;
      }
      throw http.error(resp);
    }
  }

  private static void rethrowSourceFailure(LimitedStream s, IOException e) {
    if (s != null && s.overLimit) {
      throw new IllegalArgumentException("the content is larger than the method's maxSize (" + s.limit + " bytes)");
    }
    if (s != null && s.sourceFailure != null) {
      throw new UncheckedIOException("reading the media source failed", s.sourceFailure);
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UncheckedIOException u) {
        throw new UncheckedIOException("opening the media source failed", u.getCause());
      }
    }
  }

  // ---- resumable ------------------------------------------------------------------------------

  private T resumable() {
    // Google's clients start every upload, resumable too, at the simple path with uploadType set,
    // as Cloud Storage documents; protocols.resumable.path (/resumable/upload/...) only when alone.
    String path = spec.simplePath() != null ? spec.simplePath() : spec.resumablePath();
    Transport.Target target = transport.target(request, Map.of("uploadType", "resumable"), path);
    byte[] meta = request.content() == null ? null : Json.get().writeRequest(request.content());
    Map<String, String> headers = new LinkedHashMap<>(target.headerParams());
    headers.putAll(request.headers());
    headers.put("X-Upload-Content-Type", media.type());
    if (media.hasLength()) {
      headers.put("X-Upload-Content-Length", Long.toString(media.length()));
    }
    if (meta != null) {
      headers.put("Content-Type", "application/json; charset=UTF-8");
    }
    progress(UploadProgress.State.INITIATION_STARTED, 0, media.length());
    for (int attempt = 1; ; attempt++) {
      HttpRequest req = http.builder(http.uri(target, ""), headers)
          .method(method.httpMethod(), meta == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(meta))
          .build();
      Transport.LOG.log(Level.DEBUG, () -> method.id() + ": " + method.httpMethod() + " "
          + target.logUrl("") + " (resumable upload: start session)");
      HttpResponse<InputStream> resp;
      try {
        resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        // Starting a session twice only leaves an unused session behind: always safe to repeat.
        if (attempt < http.policy.maxAttempts()) {
          http.backoff(attempt, null);
          continue;
        }
        throw http.transportFailure(e, attempt);
      }
      int status = resp.statusCode();
      if (status >= 200 && status < 300) {
        Blocking.discard(resp);
        Optional<String> location = resp.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new InvalidResponseException(method.id() + ": the resumable upload session has no Location");
        }
        String resolved;
        try {
          resolved = req.uri().resolve(new URI(location.get().trim())).toString();
        } catch (java.net.URISyntaxException e) {
          throw new InvalidResponseException(method.id() + ": the upload session Location is not a valid URI");
        }
        http.sameOrigin(resolved, "the upload session URI");
        sessionUri = resolved;
        progress(UploadProgress.State.INITIATION_COMPLETE, 0, media.length());
        return sendChunks(Blocking.parse(resolved, method.id()), false);
      }
      if (status == 401 && http.reauthorize()) {
        Blocking.discard(resp);
        continue;
      }
      if (http.policy.isRetryableStatus(status) && attempt < http.policy.maxAttempts()) {
        Blocking.discard(resp);
        http.backoff(attempt, Transport.retryAfter(resp));
        continue;
      }
      throw http.error(resp);
    }
  }

  /** Continues an upload whose session already exists: asks how much the server has, sends the rest. */
  T resume(String session) {
    URI uri = http.sameOrigin(session, "the upload session URI");
    sessionUri = uri.toString();
    return sendChunks(uri, true);
  }

  private T sendChunks(URI session, boolean askFirst) {
    long total = media.length();
    long offset = 0;
    boolean ask = askFirst;
    int failures = 0;
    Chunks chunks = new Chunks(media, spec.maxSize());
    try {
      while (true) {
        HttpRequest req;
        Chunks.Chunk chunk = null;
        if (ask) {
          req = http.builder(session, Map.of("Content-Range", "bytes */" + (total >= 0 ? total : "*")))
              .PUT(HttpRequest.BodyPublishers.noBody()).build();
        } else {
          chunk = chunks.read(offset, chunkSize);
          long end = offset + chunk.length();
          String size = chunk.last() ? Long.toString(end) : total >= 0 ? Long.toString(total) : "*";
          String range = chunk.length() == 0 ? "bytes */" + size : "bytes " + offset + "-" + (end - 1) + "/" + size;
          req = http.builder(session, Map.of("Content-Range", range))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk.bytes(), 0, chunk.length())).build();
        }
        String what = ask ? "status query" : req.headers().firstValue("Content-Range").orElse("");
        Transport.LOG.log(Level.DEBUG, () -> method.id() + ": PUT (upload session) " + what);
        HttpResponse<InputStream> resp;
        try {
          resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
          failures++;
          if (failures >= http.policy.maxAttempts()) {
            throw http.transportFailure(e, failures);
          }
          Transport.LOG.log(Level.DEBUG, () -> method.id() + ": upload interrupted (" + e + "), asking the server"
              + " how much it has");
          http.backoff(failures, null);
          ask = true;
          continue;
        }
        int status = resp.statusCode();
        if (status == 200 || status == 201) {
          T value = decode(resp);
          long done = total >= 0 ? total : chunk != null ? offset + chunk.length() : offset;
          progress(UploadProgress.State.MEDIA_COMPLETE, done, done);
          return value;
        }
        if (status == 308) {
          long acknowledged = acknowledged(resp);
          Blocking.discard(resp);
          if (chunk != null && (acknowledged > offset + chunk.length() || acknowledged < offset)
              || total >= 0 && acknowledged > total) {
            throw new InvalidResponseException(method.id() + ": the upload server acknowledged " + acknowledged
                + " bytes, which does not fit what was sent");
          }
          if (acknowledged > offset) {
            failures = 0;
          } else if (!ask) {
            failures++;
            if (failures >= http.policy.maxAttempts()) {
              throw new DiscogenException(method.id() + ": the upload server accepted no bytes after " + failures
                  + " attempts");
            }
          }
          offset = acknowledged;
          ask = false;
          progress(UploadProgress.State.MEDIA_IN_PROGRESS, offset, total);
          continue;
        }
        if (status == 401 && http.reauthorize()) {
          Blocking.discard(resp);
          ask = true;
          continue;
        }
        if (http.policy.isRetryableStatus(status)) {
          failures++;
          if (failures < http.policy.maxAttempts()) {
            Blocking.discard(resp);
            http.backoff(failures, Transport.retryAfter(resp));
            ask = true;
            continue;
          }
        }
        // 404/410: the session expired or was cancelled; anything else: the server refused.
        throw http.error(resp);
      }
    } finally {
      chunks.close();
    }
  }

  /** The bytes the server has, from a 308's {@code Range: bytes=0-N} (none when absent). */
  private long acknowledged(HttpResponse<?> resp) {
    Optional<String> range = resp.headers().firstValue("Range");
    if (range.isEmpty()) {
      return 0;
    }
    Matcher m = RANGE.matcher(range.get().trim());
    if (!m.matches()) {
      throw new InvalidResponseException(method.id() + ": unexpected Range header from the upload server: "
          + Transport.printable(range.get(), 100));
    }
    return Long.parseLong(m.group(1)) + 1;
  }

  private T decode(HttpResponse<InputStream> resp) {
    byte[] bytes;
    try (InputStream in = resp.body()) {
      long max = transport.options().maxResponseBytes();
      bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
      if (bytes.length > max) {
        throw new ResponseTooLargeException(max);
      }
    } catch (IOException e) {
      throw http.transportFailure(e, 1);
    }
    return Transport.decodeJson(method.id(), request.responseType(), bytes, resp.headers().firstValue("Content-Type"));
  }

  private void progress(UploadProgress.State state, long sent, long total) {
    if (listener != null) {
      listener.progressChanged(new UploadProgress(state, sent, total, sessionUri));
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }

  /** Counts what is read; fails once more than {@code limit} bytes (when not -1) were read. */
  private static final class LimitedStream extends FilterInputStream {
    final long limit;
    long count;
    boolean overLimit;
    IOException sourceFailure;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] b = new byte[1];
      int n = read(b, 0, 1);
      return n < 0 ? -1 : b[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        sourceFailure = e;
        throw e;
      }
      if (n > 0) {
        count += n;
        if (limit >= 0 && count > limit) {
          overLimit = true;
          throw new IOException("content over maxSize");
        }
      }
      return n;
    }
  }

  /** Reads chunks of the content at any offset, reopening the source when it must go back. */
  static final class Chunks implements AutoCloseable {
    /** {@code length} bytes of {@code bytes} from the offset asked; {@code last}: the content ends there. */
    record Chunk(byte[] bytes, int length, boolean last) {}

    private final MediaContent media;
    private final long maxSize;
    private InputStream in;
    private long inPos;
    private byte[] buf = new byte[0];
    private long bufStart;
    private int bufLen;

    Chunks(MediaContent media, long maxSize) {
      this.media = media;
      this.maxSize = maxSize;
    }

    Chunk read(long offset, int size) {
      long total = media.length();
      int want = total >= 0 ? (int) Math.min(size, total - offset) : size + 1; // +1: is there more?
      if (want < 0) {
        throw new IllegalStateException("offset " + offset + " past the end of the content");
      }
      byte[] out = new byte[want];
      int n = 0;
      if (offset >= bufStart && offset < bufStart + bufLen) {
        n = (int) Math.min(want, bufStart + bufLen - offset);
        System.arraycopy(buf, (int) (offset - bufStart), out, 0, n);
      }
      try {
        long next = offset + n;
        if (n < want) {
          if (in == null || next < inPos) {
            reopen();
          }
          skipTo(next);
          while (n < want) {
            int r = in.read(out, n, want - n);
            if (r < 0) {
              break;
            }
            n += r;
            inPos += r;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading the media source failed", e);
      }
      buf = out;
      bufStart = offset;
      bufLen = n;
      if (total >= 0) {
        if (n < want) {
          throw new UncheckedIOException(new IOException("the media source ended at " + (offset + n)
              + " bytes; its declared length is " + total));
        }
        return new Chunk(out, n, offset + n == total);
      }
      if (maxSize >= 0 && offset + Math.min(n, size) > maxSize) {
        throw new IllegalArgumentException("the content is larger than the method's maxSize (" + maxSize + " bytes)");
      }
      return n > size ? new Chunk(out, size, false) : new Chunk(out, n, true);
    }

    private void reopen() throws IOException {
      close();
      in = media.open();
      inPos = 0;
    }

    private void skipTo(long pos) throws IOException {
      while (inPos < pos) {
        long s = in.skip(pos - inPos);
        if (s <= 0) {
          if (in.read() < 0) {
            throw new IOException("the media source ended at " + inPos + " bytes while skipping to " + pos);
          }
          s = 1;
        }
        inPos += s;
      }
    }

    @Override
    public void close() {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing to do
        }
        in = null;
      }
    }
  }
}
