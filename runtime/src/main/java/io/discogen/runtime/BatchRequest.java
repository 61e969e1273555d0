package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Several requests of one API sent as one HTTP request ({@code multipart/mixed} to the API's
 * batch path), each with its own callbacks. Get one from the generated service class's {@code
 * batch()}:
 *
 * <pre>{@code
 * BatchRequest batch = storage.batch();
 * batch.queue(storage.objects().get("b", "a.txt"), o -> found.add(o), e -> log(e.statusCode()));
 * batch.queue(storage.objects().delete("b", "old.txt"), v -> {}, e -> ...);
 * batch.execute();
 * }</pre>
 *
 * <p>Parts that fail with a retryable status (408, 429, 5xx) are sent again in a new batch, as
 * the client's {@link RetryPolicy} allows and only where a single call would be retried (GET, HEAD,
 * PUT, DELETE, or a method with a request id); the others reach their failure callback. At most
 * {@link #MAX_REQUESTS} requests per batch. Not thread-safe; callbacks run on the thread that
 * calls {@link #execute()}, in queue order within each round.
 */
public final class BatchRequest {
  /** Google's documented limit of requests in one batch. */
  public static final int MAX_REQUESTS = 1000;

  private final ApiClient client;
  private final String batchUrl;
  private final List<Entry<?>> entries = new ArrayList<>();

  /**
   * @throws IllegalStateException the API declares no batch path
   */
  public BatchRequest(ApiClient client) {
    this.client = Objects.requireNonNull(client, "client");
    String path = client.service().batchPath();
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(client.service().name() + " declares no batch endpoint");
    }
    this.batchUrl = client.transport().rootUrl() + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** One queued request: a snapshot of what it sends, and its callbacks. */
  private static final class Entry<T> {
    final ClientRequest<T, ?> request;
    final Transport.Target target;
    final byte[] body;
    final Map<String, String> headers;
    final Consumer<? super T> onSuccess;
    final Consumer<? super ApiException> onFailure;
    int attempts;
    /** Why the last round failed it, when it is to be sent again. */
    ApiException lastError;

    Entry(ClientRequest<T, ?> request, Transport.Target target, Consumer<? super T> onSuccess,
        Consumer<? super ApiException> onFailure) {
      this.request = request;
      this.target = target;
      this.body = request.content() == null ? null : Json.get().writeRequest(request.content());
      this.headers = new LinkedHashMap<>(target.headerParams());
      this.headers.putAll(request.headers());
      this.onSuccess = onSuccess;
      this.onFailure = onFailure;
    }

    void succeed(byte[] bytes, Optional<String> contentType) {
      T value = Transport.decodeJson(request.method().id(), request.responseType(), bytes, contentType);
      onSuccess.accept(value);
    }
  }

  /**
   * Adds a request. Its parameters and body are read now (a request id is fixed now, so a retried
   * part is recognised by the server); later changes to {@code request} do not affect the batch.
   *
   * @throws IllegalStateException the batch already holds {@link #MAX_REQUESTS} requests
   * @throws IllegalArgumentException the request belongs to another API, carries media, or has an
   *     invalid parameter
   */
  public <T> BatchRequest queue(ClientRequest<T, ?> request, Consumer<? super T> onSuccess,
      Consumer<? super ApiException> onFailure) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onFailure, "onFailure");
    if (entries.size() >= MAX_REQUESTS) {
      throw new IllegalStateException("a batch holds at most " + MAX_REQUESTS + " requests");
    }
    if (!request.client().service().equals(client.service())) {
      throw new IllegalArgumentException(request.method().id() + " belongs to another API than this batch ("
          + client.service().name() + " " + client.service().version() + ")");
    }
    if (request.media() != null) {
      throw new IllegalArgumentException(request.method().id() + ": media uploads cannot be batched");
    }
    entries.add(new Entry<>(request, client.transport().target(request, Map.of(), null), onSuccess, onFailure));
    return this;
  }

  /** How many requests are queued. */
  public int size() {
    return entries.size();
  }

  /**
   * Sends the queued requests and calls each one's callback; the batch is empty afterwards.
   *
   * @throws TransportException the batch request itself failed (I/O), and was not retried
   * @throws ApiException the batch endpoint itself answered with an error
   * @throws InvalidResponseException the batch response, or a successful part, is not usable; the
   *     other parts' callbacks have run
   */
  public void execute() {
    List<Entry<?>> pending = new ArrayList<>(entries);
    entries.clear();
    if (pending.isEmpty()) {
      return;
    }
    Blocking http = new Blocking(client.transport(), RestMethod.builder("batch", "POST", "batch")
        .scopes(scopes(pending)).build());
    InvalidResponseException invalid = null;
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > 1 && !http.backoff(round - 1, null, pending.size() + " parts to send again")) {
        // The deadline is near: the parts left fail as they last did.
        pending.forEach(e -> e.onFailure.accept(e.lastError));
        break;
      }
      List<Entry<?>> retry = new ArrayList<>();
      invalid = merge(invalid, send(http, pending, retry, round));
      pending = retry;
    }
    if (invalid != null) {
      throw invalid;
    }
  }

  private static String[] scopes(List<Entry<?>> entries) {
    // One token for the whole batch: the scopes of the first request (Google's batch endpoint
    // authorises each part with the outer credentials).
    return entries.get(0).request.method().scopes().toArray(String[]::new);
  }

  private static InvalidResponseException merge(InvalidResponseException a, InvalidResponseException b) {
    if (a == null) {
      return b;
    }
    if (b != null) {
      a.addSuppressed(b);
    }
    return a;
  }

  /** One round: sends {@code parts}, delivers final results, collects parts to retry. */
  private InvalidResponseException send(Blocking http, List<Entry<?>> parts, List<Entry<?>> retry, int round) {
    String boundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
    byte[] body = encode(parts, boundary);
    Map<String, String> headers = Map.of("Content-Type", "multipart/mixed; boundary=" + boundary);
    Exchange post = http.exchange("POST", Blocking.parse(batchUrl, "batch"), headers);
    post.setBody(body);
    post.retrySafe = parts.stream().allMatch(e -> e.target.retrySafe());
    post.note = " with " + parts.size() + " requests (round " + round + ")";
    HttpResponse<?> resp = http.send(post);
    if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
      throw http.error(resp);
    }
    byte[] bytes = (byte[]) resp.body();
    List<Part> answers = MultipartMixed.parse(resp.headers().firstValue("Content-Type").orElse(""), bytes);
    Map<String, Part> byId = new HashMap<>();
    for (Part p : answers) {
      if (p.contentId != null) {
        byId.put(p.contentId, p);
      }
    }
    InvalidResponseException invalid = null;
    for (int i = 0; i < parts.size(); i++) {
      Entry<?> e = parts.get(i);
      e.attempts++;
      Part p = byId.get(Integer.toString(i + 1));
      if (p == null && byId.isEmpty() && i < answers.size()) {
        p = answers.get(i); // no Content-IDs: answers come in request order
      }
      String id = e.request.method().id();
      if (p == null) {
        invalid = merge(invalid, new InvalidResponseException(id + ": no answer for this request in the batch response"));
        continue;
      }
      if (p.status >= 200 && p.status < 300) {
        try {
          e.succeed(p.body, Optional.ofNullable(p.headers.get("content-type")));
        } catch (InvalidResponseException x) {
          invalid = merge(invalid, x);
        }
        continue;
      }
      ApiException ex = ApiErrors.toException(p.status, p.body, id);
      if (e.target.retrySafe() && http.policy.isRetryableStatus(p.status) && e.attempts < http.policy.maxAttempts()) {
        int st = p.status;
        Transport.LOG.log(Level.DEBUG, () -> "batch: " + id + " answered " + st + ", retrying it");
        e.lastError = ex;
        retry.add(e);
      } else {
        e.onFailure.accept(ex);
      }
    }
    return invalid;
  }

  private byte[] encode(List<Entry<?>> parts, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.size(); i++) {
      Entry<?> e = parts.get(i);
      URI uri = Blocking.parse(e.target.url(""), e.request.method().id());
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      StringBuilder h = new StringBuilder()
          .append("--").append(boundary).append("\r\n")
          .append("Content-Type: application/http\r\n")
          .append("Content-Transfer-Encoding: binary\r\n")
          .append("Content-ID: <").append(i + 1).append(">\r\n\r\n")
          .append(e.request.method().httpMethod()).append(' ').append(target).append(" HTTP/1.1\r\n");
      if (e.request.responseType() != null && e.request.responseType() != Void.class) {
        h.append("Accept: application/json\r\n");
      }
      e.headers.forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
      if (e.body != null) {
        h.append("Content-Type: application/json; charset=UTF-8\r\n")
            .append("Content-Length: ").append(e.body.length).append("\r\n");
      }
      h.append("\r\n");
      out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
      if (e.body != null) {
        out.writeBytes(e.body);
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** One answer of a batch response. */
  record Part(String contentId, int status, Map<String, String> headers, byte[] body) {}

  /** Parses {@code multipart/mixed} batch responses. */
  static final class MultipartMixed {
    private MultipartMixed() {}

    static List<Part> parse(String contentType, byte[] body) {
      String boundary = null;
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
          boundary = p.substring("boundary=".length()).trim();
          if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
          }
        }
      }
      if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || boundary == null || boundary.isEmpty()) {
        throw new InvalidResponseException("batch: the response is not multipart (content type "
            + Transport.printable(contentType, 100) + ")");
      }
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<Part> parts = new ArrayList<>();
      int i = indexOf(body, delimiter, 0);
      if (i < 0) {
        throw new InvalidResponseException("batch: no parts in the response");
      }
      while (true) {
        int start = i + delimiter.length;
        if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
          break; // closing delimiter
        }
        start = skipLine(body, start);
        int next = indexOf(body, delimiter, start);
        if (next < 0) {
          throw new InvalidResponseException("batch: the response ends inside a part");
        }
        int end = next;
        // The CRLF before a delimiter belongs to the delimiter.
        if (end > start && body[end - 1] == '\n') {
          end--;
          if (end > start && body[end - 1] == '\r') {
            end--;
          }
        }
        parts.add(part(body, start, end));
        i = next;
      }
      return parts;
    }

    private static Part part(byte[] b, int start, int end) {
      int[] pos = {start};
      Map<String, String> outer = headers(b, pos, end);
      String contentId = outer.get("content-id");
      if (contentId != null) {
        contentId = contentId.trim();
        if (contentId.startsWith("<") && contentId.endsWith(">")) {
          contentId = contentId.substring(1, contentId.length() - 1);
        }
        if (contentId.startsWith("response-")) {
          contentId = contentId.substring("response-".length());
        }
      }
      String statusLine = line(b, pos, end);
      String[] words = statusLine.trim().split(" ", 3);
      int status;
      try {
        if (words.length < 2 || !words[0].startsWith("HTTP/")) {
          throw new NumberFormatException();
        }
        status = Integer.parseInt(words[1]);
      } catch (NumberFormatException e) {
        throw new InvalidResponseException("batch: a part has no HTTP status line: "
            + Transport.printable(statusLine, 100));
      }
      Map<String, String> headers = headers(b, pos, end);
      byte[] body = java.util.Arrays.copyOfRange(b, Math.min(pos[0], end), end);
      return new Part(contentId, status, headers, body);
    }

    /** Header lines up to an empty line; names lower-cased. */
    private static Map<String, String> headers(byte[] b, int[] pos, int end) {
      Map<String, String> h = new LinkedHashMap<>();
      while (pos[0] < end) {
        String l = line(b, pos, end);
        if (l.isEmpty()) {
          break;
        }
        int colon = l.indexOf(':');
        if (colon > 0) {
          h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
      }
      return h;
    }

    private static String line(byte[] b, int[] pos, int end) {
      int s = pos[0];
      int e = s;
      while (e < end && b[e] != '\n') {
        e++;
      }
      pos[0] = Math.min(e + 1, end);
      int stop = e > s && b[e - 1] == '\r' ? e - 1 : e;
      return new String(b, s, stop - s, StandardCharsets.UTF_8);
    }

    private static int skipLine(byte[] b, int i) {
      while (i < b.length && b[i] != '\n') {
        i++;
      }
      return Math.min(i + 1, b.length);
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
      outer:
      for (int i = from; i <= b.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (b[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
