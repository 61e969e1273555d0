package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A media download ({@code alt=media}, or an OpenAPI binary response) read as a stream. When the connection breaks, or the body
 * ends before its announced length, the rest is asked for with {@code Range: bytes=N-} and reading
 * continues where it stopped; the caller sees one uninterrupted stream. Bounded by the retry
 * policy's attempts (consecutive failures without progress).
 */
final class MediaDownload extends InputStream {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final Blocking http;
  private final Transport.Target target;
  private final Map<String, String> headers;
  private InputStream body;
  private long position;
  /** The whole length, or -1 when unknown. */
  private long total = -1;
  private String etag;
  private int failures;
  private boolean closed;

  private MediaDownload(Blocking http, Transport.Target target, Map<String, String> headers) {
    this.http = http;
    this.target = target;
    this.headers = headers;
  }

  /** Starts a download of {@code request}'s media; fails as {@code execute()} does. */
  static InputStream open(Transport transport, ClientRequest<?, ?> request) {
    RestMethod method = request.method();
    // Resuming sends the request again with a Range header: only a GET may be repeated that way.
    if (!method.supportsMediaDownload() || !method.httpMethod().equalsIgnoreCase("GET")) {
      throw new IllegalStateException(method.id() + " does not support media download");
    }
    String path = method.path();
    if (method.useMediaDownloadService()) {
      path = "/download/" + transport.servicePath() + (path.startsWith("/") ? path.substring(1) : path);
    }
    Transport.Target target = transport.target(request, method.altMedia() ? Map.of("alt", "media") : Map.of(), path);
    Blocking http = new Blocking(transport, method, request);
    Map<String, String> headers = new LinkedHashMap<>(target.headerParams());
    headers.putAll(request.headers());
    MediaDownload d = new MediaDownload(http, target, headers);
    d.connect(0, false);
    return d;
  }

  /**
   * Sends the GET (ranged from {@code from} when resuming) through the pipeline, which retries it
   * within what is left of the attempts.
   */
  private void connect(long from, boolean resuming) {
    Exchange ex = http.exchange("GET", target, headers);
    if (from > 0) {
      ex.setHeader("Range", "bytes=" + from + "-");
      ex.note = " (from byte " + from + ")";
    }
    ex.handler = http.transport.bodyHandler().streaming();
    ex.identityResponse = true; // offsets count the bytes as stored: no transfer compression
    ex.maxTries = Math.max(1, http.policy.maxAttempts() - failures);
    HttpResponse<?> resp = http.send(ex);
    int status = resp.statusCode();
    if (status == 200 || status == 206) {
      accept(resp, from);
      return;
    }
    if (status == 416 && resuming && total >= 0 && from >= total) {
      body = InputStream.nullInputStream();
      return;
    }
    throw http.error(resp);
  }

  private void accept(HttpResponse<?> resp, long from) {
    Optional<String> tag = resp.headers().firstValue("ETag");
    if (etag != null && tag.isPresent() && !etag.equals(tag.get())) {
      RetryStep.discard(resp);
      throw new DiscogenException(http.id + ": the media changed while it was downloaded (ETag differs)");
    }
    if (etag == null) {
      etag = tag.orElse(null);
    }
    InputStream in = (InputStream) resp.body();
    OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
    if (resp.statusCode() == 206) {
      Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
      if (!m.matches() || Long.parseLong(m.group(1)) != from) {
        RetryStep.discard(resp);
        throw new InvalidResponseException(http.id + ": the server answered a ranged download with another range");
      }
      if (!m.group(3).equals("*")) {
        total = Long.parseLong(m.group(3));
      }
    } else {
      if (length.isPresent()) {
        total = length.getAsLong();
      }
      if (from > 0) {
        // The server ignored the range: skip what was already read.
        try {
          in.skipNBytes(from);
        } catch (IOException e) {
          RetryStep.discard(resp);
          throw http.transportFailure(e);
        }
      }
    }
    body = in;
  }

  @Override
  public int read() throws IOException {
    byte[] b = new byte[1];
    int n = read(b, 0, 1);
    return n < 0 ? -1 : b[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (true) {
      IOException failure;
      try {
        int n = body.read(b, off, len);
        if (n > 0) {
          position += n;
          failures = 0;
          return n;
        }
        if (total < 0 || position >= total) {
          return -1;
        }
        failure = new IOException("the download ended at byte " + position + " of " + total);
      } catch (IOException e) {
        failure = e;
      }
      if (failures++ == 0) {
        http.scope.restartDeadline(); // it bounds the time without progress, not the whole download
      }
      closeBody();
      if (!http.backoff(failures, null, "download interrupted at byte " + position + " (" + failure + ")")) {
        throw new IOException(http.id + ": download failed at byte " + position + " after " + failures
            + " attempts", failure);
      }
      try {
        connect(position, true);
      } catch (DiscogenException e) {
        throw new IOException(http.id + ": resuming the download at byte " + position + " failed", e);
      }
    }
  }

  private void closeBody() {
    try {
      body.close();
    } catch (IOException ignored) {
      // broken already
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeBody();
    }
  }
}
