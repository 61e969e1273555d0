package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    this.http = new Blocking(transport, method, request);
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
    progress(UploadProgress.State.MEDIA_IN_PROGRESS, 0, total);
    // The pipeline may send this more than once: each attempt re-opens the source.
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
    Exchange ex = http.exchange(method.httpMethod(), target, headers);
    ex.setBody(body);
    ex.note = multipart ? " (multipart upload)" : " (simple upload)";
    // A failing source is not the network's fault: no retry.
    ex.bodyFailure = e -> sourceFailure(opened[0], e);
    HttpResponse<?> resp;
    try {
      resp = http.sendOrThrow(ex);
    } catch (IOException e) {
      throw http.transportFailure(e);
    }
    if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
      throw http.error(resp);
    }
    T value = decode(resp);
    progress(UploadProgress.State.MEDIA_COMPLETE, opened[0] == null ? Math.max(total, 0) : opened[0].count, total);
    return value;
  }

  /** What ends the upload when {@code e} came from the media source rather than the network; else null. */
  private static RuntimeException sourceFailure(LimitedStream s, IOException e) {
    if (s != null && s.overLimit) {
      return new IllegalArgumentException("the content is larger than the method's maxSize (" + s.limit + " bytes)");
    }
    if (s != null && s.sourceFailure != null) {
      return new UncheckedIOException("reading the media source failed", s.sourceFailure);
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UncheckedIOException u) {
        return new UncheckedIOException("opening the media source failed", u.getCause());
      }
    }
    return null;
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
    Exchange ex = http.exchange(method.httpMethod(), target, headers);
    if (meta != null) {
      ex.setBody(meta);
    }
    // Starting a session twice only leaves an unused session behind: always safe to repeat.
    ex.retrySafe = true;
    ex.note = " (resumable upload: start session)";
    HttpResponse<?> resp = http.send(ex);
    if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
      throw http.error(resp);
    }
    Optional<String> location = resp.headers().firstValue("Location");
    if (location.isEmpty()) {
      throw new InvalidResponseException(method.id() + ": the resumable upload session has no Location");
    }
    String resolved;
    try {
      resolved = ex.uri().resolve(new URI(location.get().trim())).toString();
    } catch (java.net.URISyntaxException e) {
      throw new InvalidResponseException(method.id() + ": the upload session Location is not a valid URI");
    }
    http.sameOrigin(resolved, "the upload session URI");
    sessionUri = resolved;
    progress(UploadProgress.State.INITIATION_COMPLETE, 0, media.length());
    return sendChunks(Blocking.parse(resolved, method.id()), false);
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
    ApiException lastError = null;
    Chunks chunks = new Chunks(media, spec.maxSize());
    try {
      while (true) {
        Exchange ex;
        Chunks.Chunk chunk = null;
        if (ask) {
          ex = session(session, "bytes */" + (total >= 0 ? total : "*"));
          ex.note = " (upload session: status query)";
        } else {
          chunk = chunks.read(offset, chunkSize);
          long end = offset + chunk.length();
          String size = chunk.last() ? Long.toString(end) : total >= 0 ? Long.toString(total) : "*";
          String range = chunk.length() == 0 ? "bytes */" + size : "bytes " + offset + "-" + (end - 1) + "/" + size;
          ex = session(session, range);
          ex.setBody(HttpRequest.BodyPublishers.ofByteArray(chunk.bytes(), 0, chunk.length()));
          ex.note = " (upload session: " + range + ")";
        }
        HttpResponse<?> resp;
        try {
          resp = http.sendOrThrow(ex);
        } catch (RetryStep.DeadlinePassed e) {
          throw lastError != null ? lastError : e; // the backoff overshot the deadline
        } catch (IOException e) {
          failures++;
          if (!http.backoff(failures, null, "upload interrupted (" + RetryStep.describe(e)
              + "), asking the server how much it has")) {
            throw http.failure(ex, e, lastError);
          }
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
          if (chunk != null && (acknowledged > offset + chunk.length() || acknowledged < offset)
              || total >= 0 && acknowledged > total) {
            throw new InvalidResponseException(method.id() + ": the upload server acknowledged " + acknowledged
                + " bytes, which does not fit what was sent");
          }
          if (acknowledged > offset) {
            failures = 0;
            http.scope.restartDeadline(); // it bounds the time without progress, not the whole upload
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
        if (http.policy.isRetryableStatus(status)) {
          lastError = http.error(resp);
          if (http.backoff(++failures, Transport.retryAfter(resp), "HTTP " + status + ", asking the server how much it has")) {
            ask = true;
            continue;
          }
          throw lastError;
        }
        // 404/410: the session expired or was cancelled; anything else: the server refused.
        throw http.error(resp);
      }
    } finally {
      chunks.close();
    }
  }

  /**
   * A PUT to the upload session: sent once by the pipeline (after a failure the protocol asks the
   * server what it has before sending again); the session URI needs no query credentials.
   */
  private Exchange session(URI session, String contentRange) {
    Exchange ex = http.exchange("PUT", session, Map.of("Content-Range", contentRange));
    ex.maxTries = 1;
    ex.queryCredentials = false;
    return ex;
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

  private T decode(HttpResponse<?> resp) {
    byte[] bytes = resp.body() instanceof byte[] b ? b : new byte[0];
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
