package io.discogen.runtime.soak;

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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A plain-TCP HTTP/1.1 proxy in front of {@link SoakServer} that breaks requests on purpose. Each
 * client connection gets a thread (at most {@link #MAX_CONNECTIONS}; beyond that a connection is
 * reset at once) and its own backend connection; each request on it is parsed and given a fault
 * drawn from a generator seeded with the proxy's seed and the connection's number.
 */
final class FaultProxy implements AutoCloseable {
  static final int MAX_CONNECTIONS = 1000;
  /** Longest a stalled connection is held open if the client never gives up. */
  static final int STALL_LIMIT_MS = 60_000;

  enum Fault {
    /** Forwarded, answered as the server answered. */
    PASS,
    /** Connection reset before the request reached the server. */
    RESET_BEFORE,
    /** The server acted, then the connection was reset: the client never sees the answer. */
    RESET_AFTER,
    /** A 503 from the proxy, and the next {@link #BURST} requests on any connection too. */
    BURST_503,
    /** 429 with {@code Retry-After: 1}. */
    RETRY_AFTER_429,
    /** The server's answer, its body a byte every 15 ms (done in well under the request timeout). */
    SLOW_BODY,
    /** The server's answer, its body a byte every 100 ms: past the request timeout. */
    SLOW_BODY_TIMEOUT,
    /** The server's answer with a Content-Length 100 bytes more than is sent, then close. */
    TRUNCATED,
    /** The request is read and never answered (held until the client closes). */
    STALL,
    /** A connection accepted and never answered, nothing read (the plain-TCP stand-in for a stalled TLS handshake). */
    STALL_CONNECT,
    /** The server acted; the client gets half the response head, then the connection closes. */
    HEAD_CUT,
    /** A status line that is not HTTP, then close (the request was not forwarded). */
    GARBAGE_STATUS,
    /** The server acted; the client gets a 200 whose JSON body is cut short (Content-Length matching). */
    BAD_JSON,
    /** Counted separately: a request answered 503 because a burst was running. */
    IN_BURST_503,
    /** The backend connection failed (not a planned fault): the client connection is reset. */
    BACKEND_ERROR,
    /** Over {@link #MAX_CONNECTIONS}: reset at accept. */
    REFUSED
  }

  static final int BURST = 8;

  private final ServerSocket listener;
  private final int backendPort;
  private final boolean invalidStatus;
  private final long seed;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "soak-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final java.util.Set<Socket> sockets = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final AtomicInteger burstLeft = new AtomicInteger();
  /** Client connections accepted and not yet closed. */
  final AtomicInteger open = new AtomicInteger();
  final AtomicLong requests = new AtomicLong();
  private final AtomicLongArray faults = new AtomicLongArray(Fault.values().length);
  private volatile boolean closed;

  /**
   * @param invalidStatus whether to answer some requests with a status line that is not HTTP. Off
   *     in the soak by default: java.net.http (17.0.15) never closes a connection after that
   *     ProtocolException, so each one leaks a socket in CLOSE_WAIT (see benchmarks/FINDINGS.md).
   */
  FaultProxy(int backendPort, long seed, boolean invalidStatus) throws IOException {
    this.invalidStatus = invalidStatus;
    this.backendPort = backendPort;
    this.seed = seed;
    listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "soak-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  int connections() {
    return connectionCount.get();
  }

  Map<Fault, Long> faults() {
    Map<Fault, Long> out = new EnumMap<>(Fault.class);
    for (Fault f : Fault.values()) {
      out.put(f, faults.get(f.ordinal()));
    }
    return out;
  }

  private void count(Fault f) {
    faults.incrementAndGet(f.ordinal());
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

  private void serve(Socket client, Random random) {
    Socket backend = null;
    InputStream backendIn = null;
    try {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (random.nextInt(1000) < 10) {
        count(Fault.STALL_CONNECT);
        holdUntilClosed(client, in);
        return;
      }
      while (!closed) {
        byte[] request = readMessage(in, true);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        Fault fault = decide(random);
        count(fault);
        switch (fault) {
          case RESET_BEFORE -> {
            reset(client);
            return;
          }
          case BURST_503, IN_BURST_503 -> {
            out.write(answer(503, "", "{\"error\":{\"code\":503,\"message\":\"burst\",\"status\":\"UNAVAILABLE\"}}"));
            out.flush();
            continue;
          }
          case RETRY_AFTER_429 -> {
            out.write(answer(429, "Retry-After: 1\r\n",
                "{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));
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
          reset(client);
          return;
        }
        byte[] head = response[0];
        byte[] body = response[1];
        switch (fault) {
          case RESET_AFTER -> {
            reset(client);
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
    }
  }

  /** The fault for one request; a running 503 burst takes precedence. */
  private Fault decide(Random random) {
    int p = random.nextInt(1000);
    if (burstLeft.get() > 0 && burstLeft.getAndDecrement() > 0) {
      return Fault.IN_BURST_503;
    }
    if (p < 20) {
      return Fault.RESET_BEFORE;
    }
    if (p < 40) {
      return Fault.RESET_AFTER;
    }
    if (p < 45) {
      burstLeft.set(BURST);
      return Fault.BURST_503;
    }
    if (p < 60) {
      return Fault.RETRY_AFTER_429;
    }
    if (p < 80) {
      return Fault.SLOW_BODY;
    }
    if (p < 85) {
      return Fault.SLOW_BODY_TIMEOUT;
    }
    if (p < 105) {
      return Fault.TRUNCATED;
    }
    if (p < 110) {
      return Fault.STALL;
    }
    if (p < 115) {
      return Fault.HEAD_CUT;
    }
    if (p < 120) {
      return invalidStatus ? Fault.GARBAGE_STATUS : Fault.PASS;
    }
    if (p < 122) {
      return Fault.BAD_JSON;
    }
    return Fault.PASS;
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
