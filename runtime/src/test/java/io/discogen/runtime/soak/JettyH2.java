package io.discogen.runtime.soak;

import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.api.server.ServerSessionListener;
import org.eclipse.jetty.http2.server.RawHTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server on 127.0.0.1 that speaks HTTP/2 over TLS only (ALPN {@code h2}), its streams
 * handled by {@code listener}, with a count of the connections it accepted.
 */
final class JettyH2 implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final AtomicInteger accepted = new AtomicInteger();

  JettyH2(SSLContext tls, ServerSessionListener listener, int maxStreams, String threads) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName(threads);
    pool.setDaemon(true);
    server = new Server(pool);
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls);
    RawHTTP2ServerConnectionFactory h2 = new RawHTTP2ServerConnectionFactory(new HttpConfiguration(), listener);
    h2.setMaxConcurrentStreams(maxStreams);
    h2.setStreamIdleTimeout(10_000);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2");
    alpn.setDefaultProtocol("h2");
    connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2);
    connector.setHost("127.0.0.1");
    connector.setAcceptQueueSize(512);
    connector.getSelectorManager().addEventListener(new SelectorManager.AcceptListener() {
      @Override
      public void onAccepted(SelectableChannel channel) {
        accepted.incrementAndGet();
      }
    });
    server.addConnector(connector);
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  /** TCP (so TLS) connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
