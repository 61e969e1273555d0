package io.discogen.bench.link;

import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@link GoogleLikeServer} over TLS, for {@code LinkBench --tls}: the same answers (pretty unless
 * {@code prettyPrint=false}; gzip only for {@code Accept-Encoding: gzip} with "gzip" in the
 * User-Agent; {@code latency} before each answer), served by Jetty 12 over HTTPS with ALPN offering
 * {@code h2} and {@code http/1.1}, as Google's front end does: a client that offers h2 gets HTTP/2,
 * the others HTTP/1.1. The latency is a timer, not a sleeping thread, so 64 calls in flight wait
 * side by side whatever the protocol.
 *
 * <p>{@code TlsGoogleLikeServer LATENCY_MS INSTANCES KEYSTORE PASSWORD}: prints the TLS port and a
 * plain-HTTP stats port on one line. {@code GET /stats} on the stats port answers with the body
 * bytes sent and the TCP connections accepted on the TLS port since the last {@code /stats}
 * ("BYTES CONNECTIONS"), and resets both; the stats port's own connections are not counted.
 */
public final class TlsGoogleLikeServer {
  private final GoogleLikeServer.Variants list;
  private final GoogleLikeServer.Variants one;
  private final long latencyMs;
  private final AtomicLong bodyBytes = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "latency");
    t.setDaemon(true);
    return t;
  });

  TlsGoogleLikeServer(long latencyMs, int instances) throws java.io.IOException {
    this.latencyMs = latencyMs;
    GoogleLikeServer plain = new GoogleLikeServer(latencyMs, instances);
    this.list = plain.list;
    this.one = plain.one;
  }

  public static void main(String[] args) throws Exception {
    long latency = Long.parseLong(args[0]);
    int instances = Integer.parseInt(args[1]);
    TlsGoogleLikeServer s = new TlsGoogleLikeServer(latency, instances);
    Server server = new Server();

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer src = new SecureRequestCustomizer();
    src.setSniHostCheck(false);
    https.addCustomizer(src);

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(args[2]);
    ssl.setKeyStorePassword(args[3]);
    ssl.setKeyStoreType("PKCS12");
    HttpConnectionFactory h1 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
    alpn.setDefaultProtocol(h1.getProtocol());
    ServerConnector tls = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, h1);
    tls.setHost("127.0.0.1");
    tls.setAcceptQueueSize(256);
    tls.getSelectorManager().addEventListener(new SelectorManager.AcceptListener() {
      @Override
      public void onAccepted(SelectableChannel channel) {
        s.accepted.incrementAndGet();
      }
    });
    server.addConnector(tls);

    ServerConnector stats = new ServerConnector(server, new HttpConnectionFactory(http));
    stats.setHost("127.0.0.1");
    server.addConnector(stats);

    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        return s.handle(request, response, callback);
      }
    });
    server.start();
    System.out.println(tls.getLocalPort() + " " + stats.getLocalPort());
    System.out.flush();
    server.join();
  }

  private boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path.equals("/stats")) {
      byte[] b = (bodyBytes.getAndSet(0) + " " + accepted.getAndSet(0)).getBytes(StandardCharsets.UTF_8);
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, b.length);
      response.write(true, ByteBuffer.wrap(b), callback);
      return true;
    }
    String query = request.getHttpURI().getQuery();
    boolean prettyPrint = query == null || !query.contains("prettyPrint=false");
    String ua = String.join(" ", request.getHeaders().getValuesList(HttpHeader.USER_AGENT));
    String accept = String.join(",", request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING));
    boolean gzip = accept.toLowerCase(Locale.ROOT).contains("gzip") && ua.contains("gzip");
    GoogleLikeServer.Variants v = path.endsWith("/instances") ? list : one;
    byte[] body = v.pick(prettyPrint, gzip);
    Runnable answer = () -> {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
      response.getHeaders().put(HttpHeader.VARY, "Origin, X-Origin, Referer");
      if (gzip) {
        response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
      }
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      bodyBytes.addAndGet(body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    };
    if (latencyMs > 0) {
      timer.schedule(answer, latencyMs, TimeUnit.MILLISECONDS);
    } else {
      answer.run();
    }
    return true;
  }
}
