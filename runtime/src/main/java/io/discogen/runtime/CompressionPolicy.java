package io.discogen.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip, as Google's own clients use it. Asks for compressed responses ({@code Accept-Encoding:
 * gzip}, and {@code (gzip)} in the {@code User-Agent}: Google's front ends compress only for user
 * agents that say gzip) and decodes {@code Content-Encoding: gzip} responses: in memory within the
 * same size limit as uncompressed ones (measured decoded, so a small "zip bomb" fails with {@link
 * ResponseTooLargeException}), streamed bodies as they are read. Compresses JSON request bodies
 * over a threshold. Media downloads are left alone: they resume by byte offset, which must count
 * the bytes as the server stores them; media content is never compressed.
 */
final class CompressionPolicy implements HttpPolicy {
  private final boolean acceptGzip;
  private final long gzipRequestsAbove;
  private final long maxResponseBytes;

  /**
   * @param gzipRequestsAbove compress request bodies longer than this; 0 for never
   */
  CompressionPolicy(boolean acceptGzip, long gzipRequestsAbove, long maxResponseBytes) {
    this.acceptGzip = acceptGzip;
    this.gzipRequestsAbove = gzipRequestsAbove;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    prepare(exchange);
    return decode(exchange, next.send(exchange));
  }

  @Override
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    prepare(exchange);
    return next.sendAsync(exchange).thenCompose(resp -> {
      try {
        return CompletableFuture.completedFuture(decode(exchange, resp));
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  private void prepare(Exchange ex) {
    if (acceptGzip && !ex.identityResponse && ex.header("Accept-Encoding").isEmpty()) {
      ex.setHeader("Accept-Encoding", "gzip");
      Optional<String> ua = ex.header("User-Agent");
      if (ua.isPresent() && !ua.get().contains("gzip")) {
        ex.setHeader("User-Agent", ua.get() + " (gzip)");
      }
    }
    byte[] body = ex.bodyBytes;
    if (gzipRequestsAbove > 0 && ex.compressibleBody && body != null && body.length > gzipRequestsAbove
        && ex.header("Content-Encoding").isEmpty()) {
      ex.setBody(gzip(body));
      ex.setHeader("Content-Encoding", "gzip");
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("gzip in memory failed", e);
    }
    return out.toByteArray();
  }

  private HttpResponse<?> decode(Exchange ex, HttpResponse<?> resp) throws IOException {
    if (ex.identityResponse || !isGzip(resp.headers())) {
      return resp;
    }
    Object body = resp.body();
    if (body instanceof byte[] bytes) {
      boolean success = resp.statusCode() >= 200 && resp.statusCode() < 300;
      long limit = success ? maxResponseBytes : Math.min(maxResponseBytes, Transport.MAX_ERROR_BODY_BYTES);
      return ReadResponse.replacing(resp, withoutEncoding(resp.headers()), gunzip(bytes, limit, success));
    }
    if (body instanceof InputStream in) {
      return ReadResponse.replacing(resp, withoutEncoding(resp.headers()), new LazyGunzip(in));
    }
    return resp;
  }

  static boolean isGzip(HttpHeaders headers) {
    Optional<String> enc = headers.firstValue("Content-Encoding");
    return enc.isPresent() && (enc.get().trim().equalsIgnoreCase("gzip") || enc.get().trim().equalsIgnoreCase("x-gzip"));
  }

  /**
   * Decodes in memory, reading at most {@code limit + 1} decoded bytes: more fails with {@link
   * ResponseTooLargeException} when {@code failWhenOver}, else is cut (error bodies keep their start).
   */
  static byte[] gunzip(byte[] bytes, long limit, boolean failWhenOver) throws IOException {
    if (bytes.length == 0) {
      return bytes;
    }
    int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
      // The trailer's ISIZE (the decoded length mod 2^32, for the last member) sizes the result
      // once: readNBytes would fill 8 KiB pieces and copy them all again at the end.
      int declared = bytes.length >= 18 ? littleEndianInt(bytes, bytes.length - 4) : -1;
      byte[] out;
      if (declared >= 0 && declared <= max) {
        out = new byte[declared];
        int n = in.readNBytes(out, 0, declared);
        if (n < declared) {
          out = java.util.Arrays.copyOf(out, n);
        } else if (declared < max) {
          int next = in.read();
          if (next >= 0) { // more members, or a wrong ISIZE
            byte[] rest = in.readNBytes(max - declared - 1);
            byte[] all = java.util.Arrays.copyOf(out, declared + 1 + rest.length);
            all[declared] = (byte) next;
            System.arraycopy(rest, 0, all, declared + 1, rest.length);
            out = all;
          }
        }
      } else {
        out = in.readNBytes(max);
      }
      if (out.length == max && in.read() >= 0) {
        if (failWhenOver) {
          throw new ResponseTooLargeException(limit);
        }
      }
      return out;
    }
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  /** Opens the gzip stream on first read, so nothing blocks where the response is handed over. */
  private static final class LazyGunzip extends InputStream {
    private final InputStream raw;
    private InputStream decoded;

    LazyGunzip(InputStream raw) {
      this.raw = raw;
    }

    private InputStream decoded() throws IOException {
      if (decoded == null) {
        // An empty body (a 204 that still names its encoding) decodes to nothing, not an EOFException.
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        int first = in.read();
        if (first < 0) {
          decoded = InputStream.nullInputStream();
        } else {
          in.unread(first);
          decoded = new GZIPInputStream(in, 8192);
        }
      }
      return decoded;
    }

    @Override
    public int read() throws IOException {
      return decoded().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return len == 0 ? 0 : decoded().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }

  /** {@code headers} without those that described the encoded body. */
  static HttpHeaders withoutEncoding(HttpHeaders headers) {
    return HttpHeaders.of(headers.map(),
        (name, value) -> !name.equalsIgnoreCase("Content-Encoding") && !name.equalsIgnoreCase("Content-Length"));
  }
}
