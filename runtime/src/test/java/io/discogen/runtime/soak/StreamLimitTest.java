package io.discogen.runtime.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.TestTls;
import io.discogen.runtime.testapi.Widgets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.api.server.ServerSessionListener;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More calls in flight than the server's HTTP/2 stream limit: Google's front end allows about 100
 * concurrent streams per connection. 300 calls, 200 in flight, each answered after 400 ms, against a
 * server whose limit is 100. JDK 17 does not wait for a free stream (it fails the request with
 * {@code IOException: too many concurrent streams}); the runtime holds calls beyond {@link
 * io.discogen.runtime.StreamSlots#PER_HOST} per host instead, so every call succeeds at its first
 * attempt, on one connection, and the run takes about the least time the limit allows (3 × 400 ms).
 */
@Tag("soak")
class StreamLimitTest {
  static final int LIMIT = 100;

  @Test
  void callsBeyondTheServersStreamLimitAllSucceed(@TempDir Path dir) throws Exception {
    SSLContext tls = TestTls.context(dir);
    AtomicInteger open = new AtomicInteger();
    AtomicInteger maxOpen = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    JettyH2 server = new JettyH2(tls, new ServerSessionListener() {
          @Override
          public Stream.Listener onNewStream(Stream stream, HeadersFrame frame) {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            later.schedule(() -> {
              open.decrementAndGet();
              H2Calls.answer(stream);
            }, 400, TimeUnit.MILLISECONDS);
            return null;
          }
        }, LIMIT, "streams");
    try {
      Widgets widgets = H2Calls.client(server, tls, attempts);
      int calls = 300;
      long started = System.nanoTime();
      Map<String, Integer> outcomes = H2Calls.inFlight(widgets, calls, 200);
      String report = String.format("%d calls, 200 in flight, server limit %d streams: outcomes %s, %d attempts,"
          + " %d ms, %d connections, at most %d streams open at once", calls, LIMIT, outcomes,
          attempts.get(), (System.nanoTime() - started) / 1_000_000, server.accepted(), maxOpen.get());
      System.out.println(report);
      assertEquals(Map.of("ok", calls), outcomes, report);
      assertEquals(calls, attempts.get(), "no attempt refused a stream: " + report);
      assertEquals(1, server.accepted(), report);
      assertTrue(maxOpen.get() <= LIMIT, report);
    } finally {
      server.close();
      later.shutdownNow();
    }
  }
}
