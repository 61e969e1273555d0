package io.discogen.runtime.soak;

import io.discogen.runtime.soak.Faults.Fault;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 proxy in front of {@link SoakServer} that breaks requests on purpose, on plain TCP or
 * terminating TLS. Each client connection gets a thread (at most {@link #MAX_CONNECTIONS}; beyond
 * that a connection is reset at once) and its own plain backend connection; each request on it is
 * parsed and given a fault ({@link Faults}) drawn from a generator seeded with the proxy's seed and
 * the connection's number.
 */
final class FaultProxy implements SoakFront {
  static final int MAX_CONNECTIONS = 1000;
  /** Longest a stalled connection is held open if the client never gives up. */
  static final int STALL_LIMIT_MS = 60_000;

  private final ServerSocket listener;
  private final int backendPort;
  private final long seed;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "soak-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final java.util.Set<Socket> sockets = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Faults faults;
  private final SSLContext tls;
  /** Client connections accepted and not yet closed. */
  final AtomicInteger open = new AtomicInteger();
  final AtomicLong requests = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param invalidStatus whether to answer some requests with a status line that is not HTTP. Off
   *     in the soak by default: java.net.http (17.0.15) never closes a connection after that
   *     ProtocolException, so each one leaks a socket in CLOSE_WAIT (see benchmarks/FINDINGS.md).
   */
  FaultProxy(int backendPort, long seed, boolean invalidStatus) throws IOException {
    this(backendPort, seed, invalidStatus, null);
  }

  /**
   * @param tls null for plain TCP; else the proxy terminates TLS with it (ALPN offering only
   *     {@code http/1.1}, so an HTTP/2 client speaks HTTP/1.1 over TLS), the faults applied inside
   *     the TLS connection, a reset being the TCP connection's under it, and {@link
   *     Faults.Fault#STALL_CONNECT} a TLS handshake never answered (the client's hello left unread).
   */
  FaultProxy(int backendPort, long seed, boolean invalidStatus, SSLContext tls) throws IOException {
    this.faults = new Faults(invalidStatus);
    this.tls = tls;
    this.backendPort = backendPort;
    this.seed = seed;
    listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "soak-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public long requests() {
    return requests.get();
  }

  @Override
  public int connections() {
    return connectionCount.get();
  }

  @Override
  public Map<Fault, Long> faults() {
    return faults.counts();
  }

  private void count(Fault f) {
    faults.count(f);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (!slots.tryAcquire()) {
        count(Fault.REFUSED);
        reset(s);
        continue;
      }
      int n = connectionCount.incrementAndGet();
      open.incrementAndGet();
      sockets.add(s);
      try {
        threads.execute(() -> {
          try {
            serve(s, new Random(seed * 1_000_003L + n));
          } finally {
            close(s);
            sockets.remove(s);
            open.decrementAndGet();
            slots.release();
          }
        });
      } catch (RuntimeException e) {
        close(s);
        sockets.remove(s);
        open.decrementAndGet();
        slots.release();
      }
    }
  }

  private void serve(Socket raw, Random random) {
    Socket backend = null;
    InputStream backendIn = null;
    Socket client = raw;
    try {
      raw.setTcpNoDelay(true);
      if (faults.stallConnection(random)) {
        holdUntilClosed(raw, raw.getInputStream());
        return;
      }
      if (tls != null) {
        client = handshake(raw);
      }
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (!closed) {
        byte[] request = readMessage(in, true);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        Fault fault = faults.decide(random);
        switch (fault) {
          case RESET_BEFORE -> {
            reset(raw);
            return;
          }
          case BURST_503, IN_BURST_503 -> {
            out.write(answer(503, "", Faults.errorJson(503)));
            out.flush();
            continue;
          }
          case RETRY_AFTER_429 -> {
            out.write(answer(429, "Retry-After: 1\r\n", Faults.errorJson(429)));
            out.flush();
            continue;
          }
          case STALL -> {
            holdUntilClosed(client, in);
            return;
          }
          case GARBAGE_STATUS -> {
            out.write("HTXP/9 two hundred\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
          }
          default -> { }
        }
        byte[][] response;
        try {
          if (backend == null) {
            backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
            backend.setTcpNoDelay(true);
            backend.setSoTimeout(30_000);
            backendIn = new BufferedInputStream(backend.getInputStream());
          }
          backend.getOutputStream().write(request);
          backend.getOutputStream().flush();
          response = readResponse(backendIn);
        } catch (IOException e) {
          count(Fault.BACKEND_ERROR);
          reset(raw);
          return;
        }
        byte[] head = response[0];
        byte[] body = response[1];
        switch (fault) {
          case RESET_AFTER -> {
            reset(raw);
            return;
          }
          case HEAD_CUT -> {
            out.write(head, 0, head.length / 2);
            out.flush();
            return;
          }
          case BAD_JSON -> {
            byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
            String h = new String(head, StandardCharsets.ISO_8859_1).replaceAll("(?i)content-length: *\\d+",
                "Content-Length: " + cut.length);
            out.write(h.getBytes(StandardCharsets.ISO_8859_1));
            out.write(cut);
            out.flush();
            continue;
          }
          case TRUNCATED -> {
            String h = new String(head, StandardCharsets.ISO_8859_1).replaceAll("(?i)content-length: *\\d+",
                "Content-Length: " + (body.length + 100));
            out.write(h.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            return;
          }
          case SLOW_BODY, SLOW_BODY_TIMEOUT -> {
            out.write(head);
            out.flush();
            long pause = fault == Fault.SLOW_BODY ? 15 : 100;
            for (int i = 0; i < body.length; i += 2) {
              out.write(body, i, Math.min(2, body.length - i));
              out.flush();
              Thread.sleep(pause);
            }
          }
          default -> {
            out.write(head);
            out.write(body);
            out.flush();
          }
        }
      }
    } catch (IOException e) {
      // the client went away (its timeout, or ours)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (backend != null) {
        close(backend);
      }
      if (client != raw) {
        close(client); // close_notify, unless reset already (the caller closes the TCP connection)
      }
    }
  }

  /** The server side of a TLS handshake on an accepted connection, ALPN offering only http/1.1. */
  private SSLSocket handshake(Socket raw) throws IOException {
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
    s.setUseClientMode(false);
    SSLParameters p = s.getSSLParameters();
    p.setApplicationProtocols(new String[] {"http/1.1"});
    s.setSSLParameters(p);
    raw.setSoTimeout(30_000);
    s.startHandshake();
    raw.setSoTimeout(0);
    return s;
  }

  private static byte[] answer(int status, String extraHeaders, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json; charset=UTF-8\r\n" + extraHeaders
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[h.length + body.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(body, 0, out, h.length, body.length);
    return out;
  }

  /** Reads until the peer closes (or {@link #STALL_LIMIT_MS}), never answering. */
  private static void holdUntilClosed(Socket s, InputStream in) throws IOException {
    s.setSoTimeout(STALL_LIMIT_MS);
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // discard
      }
    } catch (java.net.SocketTimeoutException e) {
      // held long enough
    }
  }

  /** A response: its head (status line and headers, CRLFCRLF included) and its body. */
  private static byte[][] readResponse(InputStream in) throws IOException {
    byte[] head = readHead(in);
    if (head == null) {
      throw new IOException("backend closed");
    }
    int len = contentLength(head);
    return new byte[][] {head, in.readNBytes(len)};
  }

  /** A request with its body, or null at a clean end of stream. */
  private static byte[] readMessage(InputStream in, boolean request) throws IOException {
    byte[] head = readHead(in);
    if (head == null) {
      return null;
    }
    int len = contentLength(head);
    byte[] body = in.readNBytes(len);
    if (body.length < len) {
      throw new IOException("body cut short");
    }
    byte[] out = new byte[head.length + len];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, len);
    return out;
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(512);
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        if (b.size() == 0) {
          return null;
        }
        throw new IOException("head cut short");
      }
      b.write(c);
      matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (c == '\r' ? 1 : 0);
      if (b.size() > 64 * 1024) {
        throw new IOException("head too long");
      }
    }
    return b.toByteArray();
  }

  private static int contentLength(byte[] head) {
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // closing anyway
    }
    close(s);
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    closed = true;
    close(listener);
    sockets.forEach(FaultProxy::close);
    threads.shutdownNow();
  }

  private static void close(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
