package io.discogen.runtime.soak;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.util.Callback;

/** What the HTTP/2 load tests share: a widget answer on a Jetty stream, and calls kept in flight. */
final class H2Calls {
  static final byte[] WIDGET = "{\"name\":\"projects/p/widgets/w\"}".getBytes(StandardCharsets.UTF_8);

  private H2Calls() {}

  /** Answers {@code stream} with 200 and a widget's JSON. */
  static void answer(Stream stream) {
    HttpFields.Mutable fields = HttpFields.build();
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CONTENT_LENGTH, WIDGET.length);
    stream.headers(new HeadersFrame(stream.getId(),
        new MetaData.Response(200, null, HttpVersion.HTTP_2, fields, WIDGET.length), null, false),
        Callback.from(() -> stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(WIDGET), true),
            Callback.NOOP), x -> { }));
  }

  /**
   * {@code calls} widget GETs with {@code executeAsync()}, at most {@code inFlight} at once; waits
   * for all of them (a minute at most) and returns how many ended how ("ok", or the exception).
   */
  static Map<String, Integer> inFlight(Widgets widgets, int calls, int inFlight) throws Exception {
    Semaphore slots = new Semaphore(inFlight);
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<CompletableFuture<Widget>> all = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      slots.acquire();
      all.add(widgets.get("projects/p/widgets/w" + i).executeAsync().whenComplete((w, e) -> {
        String outcome = e == null ? "ok"
            : String.valueOf(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        slots.release();
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    Map<String, Integer> out = new TreeMap<>();
    outcomes.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * A widgets client of {@code server} as the runtime builds one on an HTTP/2 client (trusting
   * {@code tls}), 10 s request timeout, counting every attempt in {@code attempts}.
   */
  static Widgets client(JettyH2 server, javax.net.ssl.SSLContext tls, AtomicInteger attempts) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(tls)
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    return new Widgets(io.discogen.runtime.ClientOptions.builder()
        .rootUrl("https://127.0.0.1:" + server.port() + "/")
        .credentials(io.discogen.runtime.Credentials.none())
        .httpClient(http)
        .requestTimeout(java.time.Duration.ofSeconds(10))
        .addPolicy(io.discogen.runtime.HttpPolicy.onRequest(io.discogen.runtime.HttpPolicy.Position.PER_RETRY,
            ex -> attempts.incrementAndGet()))
        .build());
  }
}
