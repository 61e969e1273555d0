package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry policy against a real SDK with in-memory exporters: a CLIENT span per attempt
 * with the HTTP client conventions' attributes, the caller's span as parent of every attempt (blocking,
 * asynchronous, retried), the context in {@code traceparent}, and the duration histogram.
 */
class OpenTelemetryPolicyTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private OpenTelemetrySdk otel;
  private FakeServer server;

  @BeforeEach
  void sdk() {
    otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    otel.close();
  }

  private ApiClient client() {
    return new ApiClient(PipelineTest.SERVICE, server.options().credentials(Credentials.apiKey("secret-key"))
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(20)))
        .addPolicy(OpenTelemetryPolicy.create(otel)).build());
  }

  @Test
  void eachAttemptIsAClientSpanUnderTheCallersSpan() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, n == 1 ? 503 : 200, "{\"id\":\"x\"}"));
    ApiClient client = client();
    Span parent = otel.getTracer("test").spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      new PipelineTest.Get(client).execute();
    } finally {
      parent.end();
    }
    List<SpanData> attempts = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    assertEquals(2, attempts.size(), "a 503, then the retry");
    for (SpanData s : attempts) {
      assertEquals("GET", s.getName());
      assertEquals(parent.getSpanContext().getSpanId(), s.getParentSpanId());
      assertEquals("GET", s.getAttributes().get(AttributeKey.stringKey("http.request.method")));
      assertEquals("127.0.0.1", s.getAttributes().get(AttributeKey.stringKey("server.address")));
      assertNotNull(s.getAttributes().get(AttributeKey.longKey("server.port")));
      assertEquals("photos.get", s.getAttributes().get(AttributeKey.stringKey("discogen.method")));
      String url = s.getAttributes().get(AttributeKey.stringKey("url.full"));
      assertTrue(url.contains("key=REDACTED") && !url.contains("secret-key"), url);
      assertEquals("1.1", s.getAttributes().get(AttributeKey.stringKey("network.protocol.version")));
    }
    SpanData first = attempts.get(0);
    assertEquals(503L, first.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals("503", first.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
    assertNull(first.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    SpanData retry = attempts.get(1);
    assertEquals(200L, retry.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(1L, retry.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    assertEquals(StatusCode.UNSET, retry.getStatus().getStatusCode());

    // The server saw each attempt's own span as parent.
    for (int i = 0; i < 2; i++) {
      String traceparent = server.received().get(i).header("traceparent");
      SpanData s = attempts.get(i);
      assertTrue(traceparent.startsWith("00-" + s.getTraceId() + "-" + s.getSpanId() + "-"), traceparent);
    }

    MetricData duration = metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("http.client.request.duration")).findFirst().orElseThrow();
    assertEquals("s", duration.getUnit());
    long count = duration.getHistogramData().getPoints().stream().mapToLong(HistogramPointData::getCount).sum();
    assertEquals(2, count);
    assertTrue(duration.getHistogramData().getPoints().stream().anyMatch(p ->
        "503".equals(p.getAttributes().get(AttributeKey.stringKey("error.type")))));
  }

  @Test
  void anAsynchronousCallKeepsTheCallersSpanOnEveryAttempt() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, n <= 2 ? 503 : 200, "{\"id\":\"x\"}"));
    ApiClient client = client();
    Span parent = otel.getTracer("test").spanBuilder("caller").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      new PipelineTest.Get(client).executeAsync().get(10, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    List<SpanData> attempts = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertEquals(3, attempts.size());
    for (SpanData s : attempts) {
      assertEquals(parent.getSpanContext().getSpanId(), s.getParentSpanId(), s.toString());
    }
  }

  @Test
  void aFailureBeforeAnyResponseIsRecordedWithItsType() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    String root = server.url();
    server.close();
    server = null;
    ApiClient client = new ApiClient(PipelineTest.SERVICE, ClientOptions.builder().rootUrl(root)
        .credentials(Credentials.none()).retryPolicy(RetryPolicy.none())
        .addPolicy(OpenTelemetryPolicy.create(otel)).build());
    assertThrows(TransportException.class, () -> new PipelineTest.Get(client).execute());
    SpanData s = spans.getFinishedSpanItems().get(0);
    assertEquals(StatusCode.ERROR, s.getStatus().getStatusCode());
    assertEquals("java.net.ConnectException", s.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertNull(s.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertTrue(s.getParentSpanId().equals("0000000000000000"), "no caller span: a root span");
  }
}
