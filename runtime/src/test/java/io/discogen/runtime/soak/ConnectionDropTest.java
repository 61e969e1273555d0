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
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.api.server.ServerSessionListener;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server ends the HTTP/2 connection three times under 200 calls in flight (answers after 1 ms,
 * so calls keep starting), as Google's front end does when it retires a connection ({@code
 * GOAWAY}) or as a dropped link does (the socket closed). Every call succeeds (GETs, retried), and
 * the calls that fail with the connection, and those started meanwhile, share a new connection
 * instead of opening one each: {@code FirstConnection} re-arms its gate on the first failure that
 * shows the connection is gone, whichever the JDK reports first (a write into the closed socket, the
 * {@code GOAWAY}, the end of stream). Measured with the socket closed: 2–12 new connections for the
 * three drops, mostly 4–7; 58–101 when only an end of stream or a socket exception re-armed the gate. With a
 * {@code GOAWAY}, every call succeeds; the connections are reported, not bounded (see below).
 */
@Tag("soak")
class ConnectionDropTest {
  static final int CALLS = 4000;
  static final int DROPS = 3;
  static final int IN_FLIGHT = 200;

  @ParameterizedTest
  @ValueSource(strings = {"goaway", "disconnect"})
  void callsShareOneNewConnectionAfterTheServerEndsTheirs(String how, @org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    SSLContext tls = TestTls.context(dir);
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    AtomicReference<Session> current = new AtomicReference<>();
    JettyH2 server = new JettyH2(tls, new ServerSessionListener() {
          @Override
          public Stream.Listener onNewStream(Stream stream, HeadersFrame frame) {
            current.set(stream.getSession());
            later.schedule(() -> H2Calls.answer(stream), 1, TimeUnit.MILLISECONDS);
            return null;
          }
        }, 1000, "drops");
    try {
      AtomicInteger attempts = new AtomicInteger();
      Widgets widgets = H2Calls.client(server, tls, attempts);
      widgets.get("projects/p/widgets/first").execute(); // the connection is up
      assertEquals(1, server.accepted());
      // Mid-run, with the pipeline full: the server ends the connection.
      for (int d = 1; d <= DROPS; d++) {
        later.schedule(() -> {
          Session s = current.get();
          if (how.equals("goaway")) {
            s.close(ErrorCode.NO_ERROR.code, "retiring", Callback.NOOP);
          } else {
            ((HTTP2Session) s).disconnect();
          }
        }, 300L * d, TimeUnit.MILLISECONDS);
      }
      Map<String, Integer> outcomes = H2Calls.inFlight(widgets, CALLS, IN_FLIGHT);
      int opened = server.accepted() - 1;
      String report = String.format("%s under %d calls in flight: %d calls, outcomes %s, %d attempts, %d new"
          + " connections", how, IN_FLIGHT, CALLS, outcomes, attempts.get(), opened);
      System.out.println(report);
      assertEquals(Map.of("ok", CALLS), outcomes, report);
      assertTrue(opened >= 1, report);
      if (how.equals("disconnect")) {
        // 2-12 over about 20 runs (12 once, on a loaded machine), 58-101 when the gate only
        // counted an end of stream or a socket exception: ten a drop keeps the two apart.
        assertTrue(opened <= 10 * DROPS, report);
      }
      // After a GOAWAY the first failure sometimes reaches the gate only after the calls started
      // meanwhile have each opened a connection (3 runs of 19: 76-101 new connections, about half
      // the usual failed attempts); the runtime sees failures, not the JDK's pool (FINDINGS.md,
      // decision 18).

    } finally {
      server.close();
      later.shutdownNow();
    }
  }
}
