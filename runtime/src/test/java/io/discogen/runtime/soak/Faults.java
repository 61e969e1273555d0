package io.discogen.runtime.soak;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The soak's faults: which ones there are, how often each is drawn, and their counts. The one place
 * the fault mix is decided, shared by {@link FaultProxy} (HTTP/1.1, plain or over TLS, applied to the
 * bytes) and {@link H2FaultServer} (HTTP/2 over TLS, applied to the frames); each says how it
 * applies a fault.
 */
final class Faults {
  enum Fault {
    /** Forwarded, answered as the server answered. */
    PASS,
    /** Reset before the request reached the server (HTTP/1.1: the connection; HTTP/2: the stream). */
    RESET_BEFORE,
    /** The server acted, then reset: the client never sees the answer (as above). */
    RESET_AFTER,
    /** A 503, and the next {@link #BURST} requests on any connection too. */
    BURST_503,
    /** 429 with {@code Retry-After: 1}. */
    RETRY_AFTER_429,
    /** The server's answer, its body two bytes every 15 ms (done in well under the request timeout). */
    SLOW_BODY,
    /** The server's answer, its body two bytes every 100 ms: past the request timeout. */
    SLOW_BODY_TIMEOUT,
    /** The server's answer with a Content-Length 100 bytes more than is sent, then the end (close; HTTP/2: a stream reset). */
    TRUNCATED,
    /** The request is read and never answered. */
    STALL,
    /** A connection accepted and never answered, nothing read (over TLS: a stalled handshake). HTTP/1.1 only. */
    STALL_CONNECT,
    /** The server acted; HTTP/1.1: half the response head, then close; HTTP/2: the whole connection dropped. */
    HEAD_CUT,
    /** A status line that is not HTTP, then close (the request was not forwarded). HTTP/1.1 only, off by default. */
    GARBAGE_STATUS,
    /** The server acted; the client gets a 200 whose JSON body is cut short (Content-Length matching). */
    BAD_JSON,
    /** Counted separately: a request answered 503 because a burst was running. */
    IN_BURST_503,
    /** The backend connection failed (not a planned fault): the client connection is reset. */
    BACKEND_ERROR,
    /** Over the proxy's connection limit: reset at accept. */
    REFUSED
  }

  static final int BURST = 8;
  /** Per mille of connections given {@link Fault#STALL_CONNECT}. */
  static final int STALL_CONNECT_PER_MILLE = 10;

  private final boolean invalidStatus;
  private final AtomicInteger burstLeft = new AtomicInteger();
  private final AtomicLongArray counts = new AtomicLongArray(Fault.values().length);

  /** @param invalidStatus whether {@link Fault#GARBAGE_STATUS} is drawn (else those draws pass). */
  Faults(boolean invalidStatus) {
    this.invalidStatus = invalidStatus;
  }

  void count(Fault f) {
    counts.incrementAndGet(f.ordinal());
  }

  Map<Fault, Long> counts() {
    Map<Fault, Long> out = new EnumMap<>(Fault.class);
    for (Fault f : Fault.values()) {
      out.put(f, counts.get(f.ordinal()));
    }
    return out;
  }

  /** Whether a new connection is to be stalled (and counts it). */
  boolean stallConnection(Random random) {
    if (random.nextInt(1000) < STALL_CONNECT_PER_MILLE) {
      count(Fault.STALL_CONNECT);
      return true;
    }
    return false;
  }

  /** The fault for one request, counted; a running 503 burst takes precedence. About 13% of requests are faulted. */
  Fault decide(Random random) {
    Fault f = draw(random);
    count(f);
    return f;
  }

  private Fault draw(Random random) {
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

  /** The JSON error body the fronts send with a 503 or a 429. */
  static String errorJson(int status) {
    return status == 429 ? "{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\"}}"
        : "{\"error\":{\"code\":503,\"message\":\"burst\",\"status\":\"UNAVAILABLE\"}}";
  }
}
