package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
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
  private final URI uri;
  private final String logUrl;
  private final Map<String, String> headers;
  private InputStream body;
  private long position;
  /** The whole length, or -1 when unknown. */
  private long total = -1;
  private String etag;
  private int failures;
  private boolean closed;

  private MediaDownload(Blocking http, URI uri, String logUrl, Map<String, String> headers) {
    this.http = http;
    this.uri = uri;
    this.logUrl = logUrl;
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
    Blocking http = new Blocking(transport, method);
    Map<String, String> headers = new LinkedHashMap<>(target.headerParams());
    headers.putAll(request.headers());
    MediaDownload d = new MediaDownload(http, http.uri(target, ""), target.logUrl(""), headers);
    d.connect(0, false);
    return d;
  }

  /** Sends the GET (ranged from {@code from} when resuming), retrying what may be retried. */
  private void connect(long from, boolean resuming) {
    for (int attempt = 1; ; attempt++) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      if (from > 0) {
        h.put("Range", "bytes=" + from + "-");
      }
      HttpRequest req = http.builder(uri, h).GET().build();
      long f = from;
      Transport.LOG.log(Level.DEBUG, () -> http.id + ": GET " + logUrl + (f > 0 ? " (from byte " + f + ")" : ""));
      HttpResponse<InputStream> resp;
      try {
        resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (attempt + failures < http.policy.maxAttempts()) {
          http.backoff(attempt, null);
          continue;
        }
        throw http.transportFailure(e, attempt);
      }
      int status = resp.statusCode();
      if (status == 200 || status == 206) {
        accept(resp, from);
        return;
      }
      if (status == 416 && resuming && total >= 0 && from >= total) {
        Blocking.discard(resp);
        body = InputStream.nullInputStream();
        return;
      }
      if (status == 401 && http.reauthorize()) {
        Blocking.discard(resp);
        attempt--;
        continue;
      }
      if (http.policy.isRetryableStatus(status) && attempt + failures < http.policy.maxAttempts()) {
        Blocking.discard(resp);
        http.backoff(attempt, Transport.retryAfter(resp));
        continue;
      }
      throw http.error(resp);
    }
  }

  private void accept(HttpResponse<InputStream> resp, long from) {
    Optional<String> tag = resp.headers().firstValue("ETag");
    if (etag != null && tag.isPresent() && !etag.equals(tag.get())) {
      Blocking.discard(resp);
      throw new DiscogenException(http.id + ": the media changed while it was downloaded (ETag differs)");
    }
    if (etag == null) {
      etag = tag.orElse(null);
    }
    InputStream in = resp.body();
    OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
    if (resp.statusCode() == 206) {
      Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
      if (!m.matches() || Long.parseLong(m.group(1)) != from) {
        Blocking.discard(resp);
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
          Blocking.discard(resp);
          throw http.transportFailure(e, failures);
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
      failures++;
      if (failures >= http.policy.maxAttempts()) {
        throw new IOException(http.id + ": download failed at byte " + position + " after " + failures
            + " attempts", failure);
      }
      IOException f = failure;
      Transport.LOG.log(Level.DEBUG, () -> http.id + ": download interrupted at byte " + position + " (" + f
          + "), resuming");
      closeBody();
      http.backoff(failures, null);
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
