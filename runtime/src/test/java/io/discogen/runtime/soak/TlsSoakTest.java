package io.discogen.runtime.soak;

import io.discogen.runtime.TestTls;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SoakTest}'s soak over TLS, on the runtime's default https path: java.net.http with
 * HTTP/2 preferred (the client built as the runtime builds its own, plus a context trusting the
 * test's self-signed certificate), so {@code FirstConnection} gates each first call to a host.
 * Same calls, same {@link Faults} mix, same assertions (every call ends within deadline + margin
 * in a value or a {@code DiscogenException}; no create under two request ids; heap after GC,
 * threads, descriptors and connections flat).
 *
 * <ul>
 *   <li>{@link #http1OverTls}: {@link FaultProxy} terminating TLS, ALPN offering only
 *       {@code http/1.1}; every fault as in the plain soak (connection resets are TCP resets under
 *       the TLS connection), and {@code STALL_CONNECT} is a TLS handshake never answered.
 *   <li>{@link #http2OverTls}: {@link H2FaultServer}, Jetty speaking {@code h2}; the faults applied
 *       to streams (resets are {@code RST_STREAM}, truncation a short body then a reset), {@code
 *       HEAD_CUT} drops the whole connection under every call in flight (at most once a second),
 *       no {@code STALL_CONNECT} (see {@link H2FaultServer}).
 * </ul>
 *
 * <p>2,000 calls each by default; {@code -Dsoak.requests=100000} for the full soak, one mode with
 * {@code -Dtest='TlsSoakTest#http2OverTls'} (see docs/development.md).
 */
@Tag("soak")
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class TlsSoakTest {
  static final int REQUESTS = Integer.getInteger("soak.requests", 2_000);

  @TempDir
  static Path dir;
  static SSLContext tls;

  @BeforeAll
  static void certificate() throws Exception {
    tls = TestTls.context(dir);
  }

  /** The client the runtime would build for itself (JdkSenders), trusting the test certificate. */
  private static HttpClient client() {
    return HttpClient.newBuilder()
        .sslContext(tls)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void http1OverTls() throws Exception {
    try (SoakServer server = new SoakServer();
        FaultProxy proxy = new FaultProxy(server.port(), SoakTest.SEED, false, tls)) {
      SoakTest.soak("HTTP/1.1 over TLS", REQUESTS, server, proxy, client());
    }
  }

  @Test
  void http2OverTls() throws Exception {
    try (SoakServer server = new SoakServer(); H2FaultServer front = new H2FaultServer(server, tls, SoakTest.SEED)) {
      SoakTest.soak("HTTP/2 over TLS", REQUESTS, server, front, client());
    }
  }
}
