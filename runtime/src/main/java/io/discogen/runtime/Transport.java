package io.discogen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Builds the requests of an {@link ApiClient}, sends them through the client's {@link Pipeline}
 * and decodes the responses. What happens to each exchange on the way (user agent, retries and the
 * call deadline, credentials and the 401 re-send, user policies, gzip, logging, the {@link
 * HttpSender}) is the pipeline's; media transfers and batches ({@link Blocking}) use the same one.
 *
 * <p>{@code execute()} runs the pipeline's blocking form on the caller's thread (first attempt,
 * retries and decoding: no hand-off); {@code executeAsync()} and streams its asynchronous form,
 * where waits between attempts are scheduled on a timer and no thread is blocked, except on
 * machines with two cores or fewer, where {@code executeAsync()} runs the blocking form on a
 * pooled thread ({@link CallThreads}: the JDK would start a thread per response there).
 */
final class Transport {
  static final System.Logger LOG = System.getLogger("io.discogen.runtime");

  /** Query parameters whose values are secrets: never logged. */
  static final Set<String> SECRET_PARAMS = Set.of("key", "access_token", "oauth_token");

  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  /** Fires per-attempt timeouts; its one daemon thread never runs user code. */
  static final ScheduledThreadPoolExecutor TIMER = timer();

  /**
   * When the no-op task that keeps {@link #TIMER} asleep is due (see {@link #scheduleTimeout}).
   */
  private static volatile long timerSentinelDue = System.nanoTime();
  private static final long TIMER_SENTINEL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Schedules an attempt's timeout on {@link #TIMER}. A task that becomes the head of a
   * ScheduledThreadPoolExecutor's queue wakes its thread; with nothing else queued, every attempt's
   * timeout would (and its cancellation leaves the queue empty again): one thread wake-up per
   * request. So a no-op task due within a second is kept queued while calls are being made: later
   * timeouts queue behind it without a wake-up, and the timer thread wakes about once a second
   * instead. Timeouts still fire on time: the queue is ordered by due time either way.
   */
  static ScheduledFuture<?> scheduleTimeout(Runnable task, long nanos) {
    long now = System.nanoTime();
    if (now - timerSentinelDue >= 0) {
      timerSentinelDue = now + TIMER_SENTINEL_NANOS;
      TIMER.schedule(() -> { }, TIMER_SENTINEL_NANOS, TimeUnit.NANOSECONDS);
    }
    return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "discogen-timer");
      th.setDaemon(true);
      return th;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  private final ClientOptions options;
  /** Every exchange of this client goes through it. */
  private final Pipeline pipeline;
  private final String rootUrl;
  private final String baseUrl;
  private final String servicePath;
  private final boolean defaultPrettyPrint;
  private final BoundedBody bodyHandler;

  Transport(ServiceInfo service, ClientOptions options) {
    this.options = options;
    if (options.httpClient() != null
        && options.httpClient().followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the HttpClient must not follow redirects (use Redirect.NEVER):"
          + " a redirect could carry credentials to another host");
    }
    // The spec's own root is checked like an override: a spec is untrusted input, and a plain
    // http:// root would send credentials in clear text.
    String root = checkRootUrl(options.rootUrl() != null ? options.rootUrl() : service.rootUrl(),
        options.allowInsecureHttp());
    boolean plain = root.regionMatches(true, 0, "http:", 0, 5);
    // An HTTP/2 client's first call to a host opens the connection alone (FirstConnection), and at
    // most StreamSlots.PER_HOST are in flight to a host.
    HttpSender userSender = options.sender() != null ? options.sender()
        : options.httpClient() == null ? null
        : options.httpClient().version() == HttpClient.Version.HTTP_2
            ? new StreamSlots(new FirstConnection(HttpSender.of(options.httpClient())))
            : HttpSender.of(options.httpClient());
    // Calls: the same client as media unless the root is plain HTTP (see UrlConnectionSender).
    HttpSender callSender = userSender != null ? userSender : JdkSenders.calls(plain);
    HttpSender mediaSender = userSender != null ? userSender : JdkSenders.media(plain);
    boolean acceptGzip = options.acceptGzip();
    this.pipeline = new Pipeline(options, acceptGzip, callSender, mediaSender);
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    this.rootUrl = root;
    this.baseUrl = root + service.servicePath();
    try {
      new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the service path of " + service.name() + " does not form a valid URL: "
          + e.getReason() + " at index " + e.getIndex());
    }
    this.servicePath = service.servicePath();
    this.defaultPrettyPrint = service.commonParameters().contains("prettyPrint");
    this.bodyHandler = new BoundedBody(options.maxResponseBytes(), MAX_ERROR_BODY_BYTES);
  }

  /**
   * Checks a root URL override: https, or http only to a loopback host (or when explicitly
   * allowed); no user info, query or fragment. Messages name the host, never the whole URL.
   */
  static String checkRootUrl(String root, boolean allowInsecureHttp) {
    URI uri;
    try {
      uri = new URI(root);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("rootUrl is not a valid URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("rootUrl must be an absolute http(s) URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("rootUrl must not carry user info (credentials)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("rootUrl must not have a query or fragment");
    }
    if (scheme.equals("https")) {
      return root;
    }
    if (scheme.equals("http")) {
      if (isLoopback(host) || allowInsecureHttp) {
        return root;
      }
      throw new IllegalArgumentException("refusing plain http:// rootUrl for non-loopback host " + host
          + ": use https, a loopback address, or ClientOptions.allowInsecureHttp(true)");
    }
    throw new IllegalArgumentException("rootUrl scheme must be https or http, not " + scheme);
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    if (IPV4_LOOPBACK.matcher(h).matches()) {
      for (String part : h.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  String baseUrl() {
    return baseUrl;
  }

  ClientOptions options() {
    return options;
  }

  /**
   * Runs a call for a waiting caller, on the caller's thread: the whole pipeline in its blocking
   * form ({@link HttpClient#send}), so the exchange runs inline until the socket has to wait and the
   * response is read and decoded without the hand-offs of {@code sendAsync}, which completes on the
   * {@code CompletableFuture} default executor: a new thread per request when the common pool has
   * one thread or none (two CPUs or fewer). Retries wait on this thread too.
   */
  <T> T execute(ClientRequest<T, ?> request, Map<String, Object> overrides) {
    Call<T> call = new Call<>(request, overrides, null);
    HttpResponse<?> resp;
    try {
      resp = pipeline.send(call.exchange);
    } catch (IOException | RuntimeException e) {
      throw call.failure(e);
    }
    return call.finish(resp);
  }

  /** A decoded page and the headers it came with. */
  record Page<T>(T body, HttpHeaders headers) {}

  /**
   * Runs a call as {@link #execute} does and keeps the response headers; with {@code next} (a URL
   * the previous page named, already checked by {@link #nextPage}) the call is a GET of that URL,
   * with the request's headers and header parameters but no query parameters or body of its own.
   */
  <T> Page<T> executePage(ClientRequest<T, ?> request, Map<String, Object> overrides, URI next) {
    Call<T> call = new Call<>(request, overrides, null, next);
    HttpResponse<?> resp;
    try {
      resp = pipeline.send(call.exchange);
    } catch (IOException | RuntimeException e) {
      throw call.failure(e);
    }
    return new Page<>(call.finish(resp), resp.headers());
  }

  /** The decoded names of {@code uri}'s query parameters. */
  static Set<String> queryNames(URI uri) {
    String q = uri.getRawQuery();
    if (q == null || q.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      names.add(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8));
    }
    return names;
  }

  /**
   * The URL of a next page as the server named it, resolved against the root URL: refused unless
   * it is on the API's origin (scheme, host and port of the root URL, no user info), so the
   * request's credentials never go to another host.
   */
  URI nextPage(String id, String link) {
    URI root = URI.create(rootUrl);
    URI u;
    try {
      u = root.resolve(new URI(link.trim()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new InvalidResponseException(id + ": the next page link is not a valid URI");
    }
    if (!Blocking.sameOrigin(root, u)) {
      throw new InvalidResponseException(id + ": the next page link is not on the API's origin "
          + root.getScheme() + "://" + root.getHost() + (root.getPort() < 0 ? "" : ":" + root.getPort())
          + "; not following it (the request's credentials would go there)");
    }
    return u;
  }

  <T> CompletableFuture<T> executeAsync(ClientRequest<T, ?> request, Map<String, Object> overrides) {
    if (CallThreads.NEEDED) {
      return CallThreads.run(() -> execute(request, overrides), pipeline::withCallContext);
    }
    Call<T> call;
    try {
      call = new Call<>(request, overrides, null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call.runAsync();
  }

  /**
   * Sends {@code request} (a method whose response is raw content) like {@link #execute}, with the
   * same retries, and returns the 2xx response body unread, as a stream: the call is over once the
   * response headers arrive, so nothing is retried or resumed after that. The request timeout
   * bounds the wait for the headers, not the reading. Closing the stream ends the exchange.
   */
  InputStream stream(ClientRequest<?, ?> request) {
    return await(streamAsync(request, (body, headers) -> body), request.method().id());
  }

  /**
   * Sends {@code request} as {@link #stream} does, without blocking: the future completes with
   * {@code open} applied to the unread 2xx body and the response headers (a failure there closes
   * the body), or fails as {@link #executeAsync} does. Cancelling it aborts the call.
   */
  <S> CompletableFuture<S> streamAsync(ClientRequest<?, ?> request, BiFunction<InputStream, HttpHeaders, S> open) {
    // Always asynchronous inside: the blocking form of execute() reads bodies into memory.
    Call<S> call;
    try {
      call = new Call<>(request, Map.of(), open);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call.runAsync();
  }

  /** Waits for {@code f}; rethrows its failure as it was (unwrapped), cancels it on interrupt. */
  static <T> T await(CompletableFuture<T> f, String what) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new DiscogenException("interrupted while waiting for " + what, e);
    } catch (ExecutionException e) {
      throw asRuntime(e.getCause());
    }
  }

  static RuntimeException asRuntime(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof RuntimeException r) {
      return r;
    }
    if (c instanceof Error e) {
      throw e;
    }
    return new DiscogenException("call failed: " + c.getClass().getSimpleName(), c);
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Where one call of a request goes, read from a snapshot of its parameters.
   *
   * @param params the parameter values sent (overrides applied, request id and prettyPrint added)
   * @param urlPrefix the URL without query
   * @param query the encoded query, without {@code ?}
   * @param headerParams parameters that travel as headers
   * @param retrySafe whether repeating the call is safe: idempotent verb, or a request id
   */
  record Target(
      Map<String, Object> params,
      String urlPrefix,
      String query,
      Map<String, String> headerParams,
      boolean retrySafe) {

    /** The full URL, with {@code extra} (already encoded, may be empty) appended to the query. */
    String url(String extra) {
      String q = query.isEmpty() ? extra : extra.isEmpty() ? query : query + "&" + extra;
      return urlPrefix + (q.isEmpty() ? "" : "?" + q);
    }
  }

  /**
   * Resolves a request's URL, query and header parameters. {@code pathTemplate} replaces the
   * method's path when not null; a template starting with {@code /} is relative to the root URL
   * (media paths), any other to the base URL.
   *
   * @throws IllegalArgumentException a parameter value is invalid
   */
  Target target(ClientRequest<?, ?> request, Map<String, Object> overrides, String pathTemplate) {
    RestMethod method = request.method();
    Map<String, Object> params = new LinkedHashMap<>(request.params());
    overrides.forEach((k, v) -> {
      if (v == null) {
        params.remove(k);
      } else {
        params.put(k, v);
      }
    });
    String requestId = method.requestIdParameter();
    if (requestId != null && !params.containsKey(requestId)) {
      // Chosen once per call and kept across its retries, so the server can drop duplicates.
      params.put(requestId, UUID.randomUUID().toString());
    }
    if (defaultPrettyPrint && !params.containsKey("prettyPrint")) {
      params.put("prettyPrint", Boolean.FALSE);
    }
    String template = pathTemplate == null ? method.path() : pathTemplate;
    Set<String> pathVariables = UriTemplate.variables(method, template);
    String expanded = UriTemplate.expand(method, template, params, !request.getSuppressPatternChecks());
    String path = UriTemplate.pathPart(expanded);
    String urlPrefix = path.startsWith("/") ? rootUrl + path.substring(1) : baseUrl + path;
    // A {?x} expression's query text comes first; its variables are left out below.
    StringBuilder q = new StringBuilder(UriTemplate.queryPart(expanded));
    Map<String, String> headerParams = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : params.entrySet()) {
      String name = e.getKey();
      RestMethod.Param p = method.params().get(name);
      if (pathVariables.contains(name) || (p != null && p.location() == RestMethod.Location.PATH)) {
        continue;
      }
      if (p != null && p.location() == RestMethod.Location.HEADER) {
        // A list travels comma-separated (OpenAPI's "simple" style).
        String v = ParamValues.simple(p, name, e.getValue());
        Headers.check(name, v);
        headerParams.put(name, v);
        continue;
      }
      if (p != null && p.location() == RestMethod.Location.COOKIE) {
        String v = String.join(",", ParamValues.formatAll(name, e.getValue()));
        String pair = name + "=" + UriTemplate.encode(v, false);
        Headers.check("Cookie", pair);
        headerParams.merge("Cookie", pair, (a, b) -> a + "; " + b);
        continue;
      }
      for (Map.Entry<String, String> pair : ParamValues.query(p, name, e.getValue())) {
        appendEncodedQuery(q, pair.getKey(), pair.getValue());
      }
    }
    boolean retrySafe = IDEMPOTENT_METHODS.contains(method.httpMethod().toUpperCase(Locale.ROOT))
        || requestId != null;
    return new Target(params, urlPrefix, q.toString(), headerParams, retrySafe);
  }

  String rootUrl() {
    return rootUrl;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  BoundedBody bodyHandler() {
    return bodyHandler;
  }

  String servicePath() {
    return servicePath;
  }

  /**
   * One call: a snapshot of the request as an {@link Exchange}, sent through the pipeline (which
   * retries and authorises it), and its final response decoded.
   */
  private final class Call<T> {
    final ClientRequest<?, ?> request;
    /** For a streamed call: makes the result of the unread 2xx body and its headers; else null. */
    final BiFunction<InputStream, HttpHeaders, T> open;
    final String id;
    final Exchange exchange;

    Call(ClientRequest<?, ?> request, Map<String, Object> overrides, BiFunction<InputStream, HttpHeaders, T> open) {
      this(request, overrides, open, null);
    }

    /** With {@code next}: a GET of that URL (a next page), without the request's query or body. */
    Call(ClientRequest<?, ?> request, Map<String, Object> overrides, BiFunction<InputStream, HttpHeaders, T> open,
        URI next) {
      this.request = request;
      this.open = open;
      RestMethod method = request.method();
      this.id = method.id();
      Target t = target(request, overrides, null);
      Exchange ex = new Exchange(new Exchange.Scope(options, method, request),
          next == null ? method.httpMethod() : "GET", next == null ? Blocking.parse(t.url(""), id) : next);
      // Reads response bodies: into memory, or a 2xx body as a stream ({@link #stream}).
      ex.handler = open == null ? bodyHandler : bodyHandler.streaming();
      ex.inMemoryCall = true;
      if (open == null && pipeline.decodesOnArrival() && decodable(request.responseType())) {
        ex.decodeAs = request.responseType();
      }
      ex.retrySafe = next != null || t.retrySafe();
      // A next link carries its own query: credentials add no parameter it already has (an API key
      // the server echoed into the link would otherwise go out twice).
      ex.callParams = next == null ? t.params().keySet() : queryNames(next);
      if (request.responseType() == byte[].class) {
        ex.setHeader("Accept", "*/*");
      } else if (request.responseType() != null && request.responseType() != Void.class) {
        ex.setHeader("Accept", "application/json");
      }
      t.headerParams().forEach(ex::setHeader);
      request.headers().forEach(ex::setHeader);
      RequestBodies.Encoded encoded = request.content() == null || next != null ? null
          : RequestBodies.encode(method, request.content());
      if (encoded != null) {
        ex.setHeader("Content-Type", encoded.contentType());
        ex.setBody(encoded.bytes());
        ex.compressibleBody = isJson(encoded.contentType());
      }
      this.exchange = ex;
    }

    /** Sends without blocking; cancelling the future aborts the call. */
    CompletableFuture<T> runAsync() {
      CompletableFuture<T> result = new CompletableFuture<>();
      result.whenComplete((v, e) -> {
        if (result.isCancelled()) {
          exchange.scope().cancel();
        }
      });
      pipeline.sendAsync(exchange).whenComplete((resp, err) -> {
        if (err != null) {
          Throwable c = unwrap(err);
          if (c instanceof CancellationException) {
            result.cancel(true);
          } else {
            result.completeExceptionally(failure(c));
          }
          return;
        }
        T value;
        try {
          value = finish(resp);
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
          return;
        }
        if (!result.complete(value) && resp.body() instanceof InputStream in) {
          close(in); // cancelled meanwhile: nobody will read it
        }
      });
      return result;
    }

    /** The value of the final response: decoded 2xx body, opened stream, or the API's error. */
    @SuppressWarnings("unchecked")
    T finish(HttpResponse<?> resp) {
      int status = resp.statusCode();
      if (resp.body() instanceof Decoded decoded) {
        return (T) decoded.value(); // a 2xx body decoded as it arrived
      }
      if (resp.body() instanceof InputStream stream) {
        // A streamed call's 2xx body, handed over unread: the call is done.
        try {
          return open.apply(stream, resp.headers());
        } catch (RuntimeException e) {
          close(stream);
          throw e;
        }
      }
      byte[] bytes = (byte[]) resp.body();
      if (status >= 200 && status < 300) {
        if (request.responseType() == byte[].class) {
          return (T) bytes; // a binary download: the body as it came
        }
        return decodeJson(id, request.responseType(), bytes, resp.headers().firstValue("Content-Type"));
      }
      throw ApiErrors.toException(status, bytes, id);
    }

    /** What the caller sees of a failure in the pipeline. */
    RuntimeException failure(Throwable t) {
      Throwable c = unwrap(t);
      if (c instanceof ResponseTooLargeException tooLarge) {
        LOG.log(Level.WARNING, () -> id + ": response over " + tooLarge.limit() + " bytes");
        return new ResponseTooLargeException(tooLarge.limit());
      }
      if (c instanceof IOException io) {
        return new TransportException(id + ": " + RetryStep.describe(io) + " (attempt " + exchange.attempt() + ")", io);
      }
      return asRuntime(c);
    }
  }

  /**
   * Decodes a 2xx response body as {@code type}; null for no type or an empty body.
   *
   * @throws InvalidResponseException not JSON, malformed, or not of that shape
   */
  @SuppressWarnings("unchecked")
  static <T> T decodeJson(String id, Type type, byte[] bytes, Optional<String> contentType) {
    if (type == null || type == Void.class || type == void.class || bytes.length == 0) {
      return null;
    }
    if (contentType.isPresent() && !isJson(contentType.get())) {
      throw new InvalidResponseException(id + ": expected a JSON response, got content type "
          + printable(contentType.get(), 100));
    }
    try {
      return (T) Json.get().read(bytes, type);
    } catch (UncheckedIOException e) {
      Throwable c = e.getCause();
      if (c instanceof MismatchedInputException && isArrayOfMessages(type, bytes)) {
        throw streamOfMessages(id, type, c);
      }
      String detail = c instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : c.getMessage();
      throw malformed(id, detail, c);
    } catch (RuntimeException e) {
      throw new InvalidResponseException(id + ": response does not fit " + type.getTypeName(), e);
    }
  }

  private static InvalidResponseException streamOfMessages(String id, Type type, Throwable cause) {
    return new InvalidResponseException(id + ": the response is a stream of messages (a JSON array), not one "
        + type.getTypeName() + ": read it with executeStream()", cause);
  }

  private static InvalidResponseException malformed(String id, String detail, Throwable cause) {
    return new InvalidResponseException(id + ": malformed JSON response: " + printable(String.valueOf(detail), 300), cause);
  }

  /** A 2xx body's value, decoded while it arrived (see {@link SendStep}). */
  record Decoded(Object value) { }

  private static boolean decodable(Type type) {
    return type != null && type != Void.class && type != void.class && type != byte[].class;
  }

  /**
   * Decodes a 2xx body as {@code type} while it is read from {@code in}, with the errors of {@link
   * #decodeJson(String, Type, byte[], Optional)} for what is not JSON of that shape; null for an
   * empty body. What the stream itself fails with (a cut body, a timeout, the size limit) is passed
   * on as it is, not read as malformed JSON. Reads {@code in} to its end.
   */
  static Object decodeJson(String id, Type type, InputStream in) throws IOException {
    ObjectMapper mapper = Json.get().mapper();
    Object value;
    try (JsonParser p = mapper.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the sender closes, or drops, the connection
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      JavaType jt = mapper.constructType(type);
      if (first == JsonToken.START_ARRAY && !jt.isContainerType()) {
        throw streamOfMessages(id, type, null);
      }
      value = mapper.readValue(p, jt);
      byte[] rest = new byte[512];
      while (in.read(rest) >= 0) {
        // what follows the value (a newline) is read so that the connection can be used again
      }
    } catch (JsonProcessingException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof ResponseTooLargeException tooLarge) {
          throw tooLarge; // the size limit, crossed while a model was being read
        }
        if (c instanceof IOException io && !(c instanceof JsonProcessingException)) {
          throw io;
        }
      }
      throw malformed(id, e.getOriginalMessage(), e);
    } catch (InvalidResponseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidResponseException(id + ": response does not fit " + type.getTypeName(), e);
    }
    return value;
  }

  /** Whether a body that does not fit {@code type} is a JSON array where one value was expected. */
  private static boolean isArrayOfMessages(Type type, byte[] bytes) {
    if (Json.get().mapper().constructType(type).isContainerType()) {
      return false;
    }
    try (JsonParser p = Json.get().mapper().createParser(bytes)) {
      return p.nextToken() == JsonToken.START_ARRAY;
    } catch (IOException e) {
      return false;
    }
  }

  /** Appends one query parameter already percent-encoded. */
  private static void appendEncodedQuery(StringBuilder q, String n, String v) {
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(n).append('=').append(v);
  }

  static boolean isJson(String contentType) {
    String mt = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mt.equals("application/json") || mt.endsWith("+json") || mt.equals("text/json");
  }

  /** The wait a {@code Retry-After} header asks for (delta-seconds or HTTP-date), or null. */
  static Duration retryAfter(HttpResponse<?> resp) {
    Optional<String> header = resp.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return null;
    }
    String v = header.get().trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400L * 365));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the exchange is abandoned either way
    }
  }

  static String printable(String s, int max) {
    String t = s.length() > max ? s.substring(0, max) + "..." : s;
    return t.replaceAll("[\\p{Cntrl}]", "?");
  }
}
