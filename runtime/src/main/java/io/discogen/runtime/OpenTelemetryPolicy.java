package io.discogen.runtime;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Traces and measures every HTTP exchange of a client with OpenTelemetry, following its HTTP client
 * semantic conventions: a {@code CLIENT} span per attempt, named after the HTTP method, with {@code
 * http.request.method}, {@code server.address}, {@code server.port}, {@code url.full} (secret query
 * values replaced by {@code REDACTED}), {@code http.request.resend_count} on retries, {@code
 * http.response.status_code}, {@code network.protocol.version} and {@code error.type}, plus {@code
 * discogen.method} (the API method's id, such as {@code dataproc.projects.locations.sessions.create});
 * and the {@code http.client.request.duration} histogram (seconds). The trace context is sent in
 * the request headers by the OpenTelemetry instance's propagator (W3C {@code traceparent} by
 * default). Every attempt of a call has the caller's span as parent, including attempts retried
 * later from a timer and calls that {@code executeAsync()} runs on a pooled thread.
 *
 * <pre>{@code
 * ClientOptions.builder().addPolicy(OpenTelemetryPolicy.create(GlobalOpenTelemetry.get()))
 * }</pre>
 *
 * <p>Needs {@code io.opentelemetry:opentelemetry-api} on the class path (an optional dependency of
 * the runtime: clients that do not use this class do not need it).
 */
public final class OpenTelemetryPolicy implements HttpPolicy, CallContext, LeavesResponsesAlone {
  static final String SCOPE = "io.discogen.runtime";
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<String> API_METHOD = AttributeKey.stringKey("discogen.method");
  /** The conventions' advice for {@code http.client.request.duration}. */
  private static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final TextMapPropagator propagator;

  private OpenTelemetryPolicy(OpenTelemetry otel) {
    this.tracer = otel.getTracer(SCOPE);
    this.duration = otel.getMeter(SCOPE).histogramBuilder("http.client.request.duration")
        .setUnit("s").setDescription("Duration of HTTP client requests.")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    this.propagator = otel.getPropagators().getTextMapPropagator();
  }

  /** A policy reporting to {@code otel} (its tracer, meter and propagator). */
  public static OpenTelemetryPolicy create(OpenTelemetry otel) {
    return new OpenTelemetryPolicy(Objects.requireNonNull(otel, "otel"));
  }

  @Override
  @SuppressWarnings("try") // the scope is only closed: the span is current inside the block
  public HttpResponse<?> send(Exchange exchange, Chain next) throws IOException {
    Span span = start(exchange);
    long t0 = System.nanoTime();
    HttpResponse<?> resp;
    try (Scope ignored = span.makeCurrent()) {
      propagator.inject(Context.current(), exchange, Exchange::setHeader);
      resp = next.send(exchange);
    } catch (IOException | RuntimeException e) {
      end(span, exchange, null, e, t0);
      throw e;
    }
    end(span, exchange, resp, null, t0);
    return resp;
  }

  @Override
  @SuppressWarnings("try") // as in send
  public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange, Chain next) {
    Span span = start(exchange);
    long t0 = System.nanoTime();
    CompletableFuture<HttpResponse<?>> f;
    try (Scope ignored = span.makeCurrent()) {
      propagator.inject(Context.current(), exchange, Exchange::setHeader);
      f = next.sendAsync(exchange);
    } catch (RuntimeException e) {
      end(span, exchange, null, e, t0);
      throw e;
    }
    return f.whenComplete((resp, err) -> end(span, exchange, resp, err == null ? null : Transport.unwrap(err), t0));
  }

  /** The caller's context, kept for the whole call (see {@link CallContext}). */
  @Override
  public Runnable wrap(Runnable task) {
    return Context.current().wrap(task);
  }

  private Span start(Exchange ex) {
    Exchange.Scope call = ex.scope();
    Object captured = call.telemetryContext;
    if (captured == null) {
      captured = Context.current(); // the first attempt runs where the call started
      call.telemetryContext = captured;
    }
    String method = ex.method();
    boolean known = KNOWN_METHODS.contains(method);
    URI uri = ex.uri();
    var b = tracer.spanBuilder(known ? method : "HTTP").setSpanKind(SpanKind.CLIENT)
        .setParent((Context) captured)
        .setAttribute(METHOD, known ? method : "_OTHER")
        .setAttribute(SERVER_ADDRESS, uri.getHost())
        .setAttribute(SERVER_PORT, (long) port(uri))
        .setAttribute(URL_FULL, LoggingPolicy.logUrl(ex))
        .setAttribute(API_METHOD, ex.methodId());
    if (!known) {
      b.setAttribute(METHOD_ORIGINAL, method);
    }
    if (ex.attempt() > 1) {
      b.setAttribute(RESEND_COUNT, (long) ex.attempt() - 1);
    }
    return b.startSpan();
  }

  private void end(Span span, Exchange ex, HttpResponse<?> resp, Throwable error, long t0) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    URI uri = ex.uri();
    String method = ex.method();
    AttributesBuilder metric = Attributes.builder()
        .put(METHOD, KNOWN_METHODS.contains(method) ? method : "_OTHER")
        .put(SERVER_ADDRESS, uri.getHost())
        .put(SERVER_PORT, (long) port(uri));
    String errorType = null;
    if (resp != null) {
      int status = resp.statusCode();
      String version = resp.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1";
      span.setAttribute(STATUS, (long) status);
      span.setAttribute(PROTOCOL_VERSION, version);
      metric.put(STATUS, (long) status).put(PROTOCOL_VERSION, version);
      if (status >= 400) {
        errorType = Integer.toString(status);
      }
    } else if (error != null) {
      errorType = error.getClass().getName();
      span.recordException(error);
    }
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
      metric.put(ERROR_TYPE, errorType);
    }
    span.end();
    duration.record(seconds, metric.build());
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
