package io.discogen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Base of every generated request class. Holds the parameter values and body; sending is the
 * {@link ApiClient}'s job.
 *
 * @param <T> the response type ({@link Void} when the method returns nothing)
 * @param <R> the concrete request type, so fluent setters return it
 */
public abstract class ClientRequest<T, R extends ClientRequest<T, R>> {
  private final ApiClient client;
  private final RestMethod method;
  private final Object content;
  private final Type responseType;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private MediaContent media;
  private UploadProtocol uploadProtocol;
  private UploadProgress.Listener uploadListener;
  private int uploadChunkSize = MediaUploader.DEFAULT_CHUNK_SIZE;
  private boolean suppressPatternChecks;
  private java.time.Duration requestTimeout;
  private java.time.Duration totalTimeout;

  protected ClientRequest(ApiClient client, RestMethod method, Object content, Type responseType) {
    this.client = client;
    this.method = method;
    this.content = content;
    this.responseType = responseType;
  }

  /**
   * Sets a parameter by its wire name; null removes it. The generated setters call this; call it
   * yourself for a parameter the API description does not declare, as with Google's official
   * clients' {@code set(name, value)}: {@code request.set("alt", "sse")} asks Vertex AI's
   * {@code streamGenerateContent} for server-sent events (read with {@link #executeStream()}).
   * The value is sent as a query parameter, formatted like a declared one.
   */
  public final R set(String name, Object value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return self();
  }

  /**
   * This request's own timeout for each attempt, in place of {@link ClientOptions#requestTimeout()}
   * (as the official clients' {@code setReadTimeout} on a request initializer): a Pub/Sub
   * long-poll {@code pull} may wait longer than other calls of the same client. For a streamed
   * response ({@link #executeStream()}) it also bounds the wait for each message.
   */
  public final R setRequestTimeout(java.time.Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return self();
  }

  /**
   * This call's deadline, counted from its start across every attempt and wait, in place of the
   * client's {@link RetryPolicy#totalTimeout()}; {@code Duration.ZERO} for none.
   */
  public final R setTotalTimeout(java.time.Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("totalTimeout must be zero (none) or positive");
    }
    this.totalTimeout = timeout;
    return self();
  }

  /** The timeout set with {@link #setRequestTimeout}, or null for the client's. */
  final java.time.Duration requestTimeout() {
    return requestTimeout;
  }

  /** The deadline set with {@link #setTotalTimeout}, or null for the retry policy's. */
  final java.time.Duration totalTimeout() {
    return totalTimeout;
  }

  private static java.time.Duration positive(java.time.Duration d, String what) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
    return d;
  }

  /** A parameter's value by wire name, or null; typed by the generated getter that asks. */
  @SuppressWarnings("unchecked")
  protected final <V> V get(String name) {
    return (V) params.get(name);
  }

  @SuppressWarnings("unchecked")
  private R self() {
    return (R) this;
  }

  /**
   * Adds an HTTP header to this request. Values containing CR or LF are refused.
   *
   * @throws IllegalArgumentException if the name or value could inject another header
   */
  public final R setHeader(String name, String value) {
    Headers.check(name, value);
    headers.put(name, value);
    return self();
  }

  /**
   * Sends path values even when they do not match their parameter's pattern, for this request
   * (as {@link ClientOptions.Builder#suppressPatternChecks} does for every request of a client).
   */
  public final R setSuppressPatternChecks(boolean suppress) {
    this.suppressPatternChecks = suppress;
    return self();
  }

  /** Whether this request or its client turned pattern checks off. */
  public final boolean getSuppressPatternChecks() {
    return suppressPatternChecks || client.options().suppressPatternChecks();
  }

  /**
   * Sends the request and decodes the response, retrying as the client's {@link RetryPolicy}
   * allows. Parameters are read when this is called; the request is not modified (an automatic
   * request id lives only in the call), so it can be changed and sent again.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   * @throws InvalidResponseException the response is not usable JSON, or too large
   * @throws IllegalArgumentException a parameter is invalid; nothing was sent
   */
  public T execute() {
    if (media != null) {
      return client.upload(this, media, uploadProtocol, uploadListener, uploadChunkSize);
    }
    return client.execute(this);
  }

  /**
   * Sends the request without blocking the caller; the future fails with the exceptions {@link
   * #execute()} throws. No thread waits during backoff. Cancelling the future aborts the call.
   */
  public CompletableFuture<T> executeAsync() {
    if (media != null) {
      // Uploads stream from the caller's source, which blocks: they run on a media thread.
      return CompletableFuture.supplyAsync(this::execute, MediaUploader.EXECUTOR);
    }
    return client.executeAsync(this);
  }

  /**
   * Sends the request and reads the response as a stream of messages of the response type, each
   * decoded as it arrives: for server-streaming methods (Spanner's {@code executeStreamingSql} and
   * {@code streamingRead}, Firestore's {@code runQuery}, Vertex AI's {@code streamGenerateContent},
   * ...), whose REST response is a JSON array of messages, newline-delimited JSON, or server-sent
   * events ({@code alt=sse}). Retried as {@link #execute()} is until the response headers arrive;
   * never after that. Close the stream when done.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   * @throws InvalidResponseException the response is not JSON or server-sent events
   * @throws IllegalArgumentException a parameter is invalid; nothing was sent
   * @throws IllegalStateException the method returns nothing or raw content, or media is attached
   */
  public ResponseStream<T> executeStream() {
    return Transport.await(executeStreamAsync(), method.id());
  }

  /**
   * {@link #executeStream()} without blocking: the future completes with the open stream once the
   * response headers arrive with a 2xx status (reading it waits for the messages), or fails with
   * the exceptions {@code executeStream()} throws. Cancelling it aborts the call.
   */
  public CompletableFuture<ResponseStream<T>> executeStreamAsync() {
    if (media != null || responseType == null || responseType == Void.class || responseType == byte[].class) {
      return CompletableFuture.failedFuture(new IllegalStateException(method.id()
          + (media != null ? ": media uploads do not stream their response" : " does not return JSON messages")));
    }
    return client.executeStreamAsync(this);
  }

  // ---- media: generated request classes of methods that upload or download media expose these
  // under public names (setUploadProtocol, executeMediaAsInputStream, ...).

  /**
   * Attaches content to upload: {@link #execute()} then uploads it, with this request's body (if
   * any) as metadata. The method must declare media upload support.
   *
   * @throws IllegalStateException the method takes no media
   */
  protected final R attachMedia(MediaContent media) {
    if (method.mediaUpload() == null) {
      throw new IllegalStateException(method.id() + " does not accept media uploads");
    }
    this.media = java.util.Objects.requireNonNull(media, "media");
    return self();
  }

  /** The content attached to upload, or null. */
  final MediaContent media() {
    return media;
  }

  /** Chooses the upload protocol; null (the default) lets the client choose. */
  protected final R uploadProtocol(UploadProtocol protocol) {
    this.uploadProtocol = protocol;
    return self();
  }

  /** Receives upload progress; null for none. */
  protected final R uploadListener(UploadProgress.Listener listener) {
    this.uploadListener = listener;
    return self();
  }

  /**
   * The size of resumable upload chunks (8 MiB by default): a positive multiple of 256 KiB.
   *
   * @throws IllegalArgumentException another size
   */
  protected final R uploadChunkSize(int bytes) {
    if (bytes <= 0 || bytes % MediaUploader.CHUNK_GRANULARITY != 0) {
      throw new IllegalArgumentException("chunk size must be a positive multiple of 256 KiB, not " + bytes);
    }
    this.uploadChunkSize = bytes;
    return self();
  }

  /**
   * Sends the rest of {@code media} to an existing resumable upload session (from {@link
   * UploadProgress#sessionUri()}, kept across a restart): asks the server how much it has, then
   * sends the remainder. This request's parameters and body are not sent again.
   *
   * @throws IllegalArgumentException the session URI is not on the API's origin
   */
  protected final T resumeMediaUpload(String sessionUri, MediaContent media) {
    java.util.Objects.requireNonNull(sessionUri, "sessionUri");
    java.util.Objects.requireNonNull(media, "media");
    return client.resumeUpload(this, sessionUri, media, uploadListener, uploadChunkSize);
  }

  /**
   * Downloads the method's media ({@code alt=media}) as a stream; an interrupted transfer is
   * resumed with a ranged request where it stopped. Close the stream when done.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   */
  protected final InputStream openMediaStream() {
    return client.download(this);
  }

  /**
   * Downloads the method's media into {@code out} (not closed), resuming interruptions.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the download failed, retries exhausted
   * @throws UncheckedIOException writing to {@code out} failed
   */
  protected final void downloadMediaTo(OutputStream out) {
    java.util.Objects.requireNonNull(out, "out");
    copy(openMediaStream(), out);
  }

  /**
   * Sends the request, with its body, and returns the response body (raw content, which {@link
   * #execute()} would return as bytes) as a stream instead of reading it into memory. Works for
   * every HTTP method; it is retried as {@code execute()} is until the response headers arrive, but
   * not resumed after that: a broken transfer fails the read. Close the stream when done (that ends
   * the connection, also before the end).
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed
   * @throws IllegalStateException the method's response is not raw content
   */
  protected final InputStream openResponseStream() {
    if (responseType != byte[].class) {
      throw new IllegalStateException(method.id() + " does not return raw content");
    }
    return client.stream(this);
  }

  /**
   * Sends the request and copies the response body into {@code out} (not closed) as it arrives;
   * see {@link #openResponseStream()}.
   *
   * @throws ApiException the API answered with an error status
   * @throws TransportException the connection failed or broke during the transfer
   * @throws UncheckedIOException writing to {@code out} failed
   */
  protected final void downloadResponseTo(OutputStream out) {
    java.util.Objects.requireNonNull(out, "out");
    copy(openResponseStream(), out);
  }

  /** Copies a download into {@code out} and closes it. */
  private void copy(InputStream download, OutputStream out) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = download) {
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          throw new TransportException(method.id() + ": download failed: " + e.getMessage(), e);
        }
        if (n < 0) {
          return;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException(method.id() + ": writing the download failed", e);
        }
      }
    } catch (IOException e) {
      // closing a download cannot fail (MediaDownload.close() throws nothing; a response stream
      // only cancels its subscription)
      throw new UncheckedIOException(e);
    }
  }

  public final RestMethod method() {
    return method;
  }

  public final ApiClient client() {
    return client;
  }

  /** The request body, or null. */
  public final Object content() {
    return content;
  }

  public final Type responseType() {
    return responseType;
  }

  /** Parameter values by wire name, in the order they were set. */
  public final Map<String, Object> params() {
    return Collections.unmodifiableMap(params);
  }

  public final Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + method + "]";
  }
}
