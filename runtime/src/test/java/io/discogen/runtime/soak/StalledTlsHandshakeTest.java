package io.discogen.runtime.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.DiscogenException;
import io.discogen.runtime.RetryPolicy;
import io.discogen.runtime.testapi.Widgets;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak's TLS case: an {@code https://} root whose server accepts connections and never answers
 * the client's hello. Every call must end within its deadline in a {@link DiscogenException}, and
 * the client must close every connection it gave up on (none left open at the server).
 */
@Tag("soak")
@Timeout(120)
class StalledTlsHandshakeTest {

  @Test
  void stalledHandshakesEndWithinTheDeadlineAndCloseTheirConnections() throws Exception {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    List<Socket> sockets = new ArrayList<>();
    try (ServerSocket hole = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (true) {
          Socket s;
          try {
            s = hole.accept();
          } catch (IOException e) {
            return;
          }
          accepted.incrementAndGet();
          open.incrementAndGet();
          synchronized (sockets) {
            sockets.add(s);
          }
          Thread reader = new Thread(() -> {
            try (s; InputStream in = s.getInputStream()) {
              s.setSoTimeout(60_000);
              byte[] buf = new byte[4096];
              while (in.read(buf) >= 0) {
                // the client's hello, never answered
              }
            } catch (IOException e) {
              // closed
            } finally {
              open.decrementAndGet();
            }
          }, "tls-hole");
          reader.setDaemon(true);
          reader.start();
        }
      }, "tls-hole-accept");
      acceptor.setDaemon(true);
      acceptor.start();

      Duration deadline = Duration.ofSeconds(4);
      Widgets widgets = new Widgets(ClientOptions.builder()
          .rootUrl("https://127.0.0.1:" + hole.getLocalPort() + "/")
          .requestTimeout(Duration.ofSeconds(1))
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), 2.0, deadline))
          .build());
      int calls = 200;
      Semaphore slots = new Semaphore(50);
      Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
      AtomicLong maxNanos = new AtomicLong();
      List<CompletableFuture<?>> all = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        slots.acquire();
        long t0 = System.nanoTime();
        all.add(widgets.get("projects/p/widgets/w" + i).executeAsync().whenComplete((v, e) -> {
          maxNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
          Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          String outcome = c == null ? "answered?!" : c instanceof DiscogenException
              ? c.getClass().getSimpleName() + " (" + rootCause(c).getClass().getSimpleName() + ")"
              : "UNEXPECTED " + c;
          outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
          slots.release();
        }));
      }
      for (CompletableFuture<?> f : all) {
        try {
          f.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          // counted
        }
      }
      long closeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (open.get() > 0 && System.nanoTime() < closeBy) {
        Thread.sleep(50);
      }
      String report = String.format("stalled TLS handshakes: %d calls, outcomes %s, max %d ms (deadline %d ms),"
          + " %d connections, %d left open", calls, new TreeMap<>(outcomes), maxNanos.get() / 1_000_000,
          deadline.toMillis(), accepted.get(), open.get());
      System.out.println(report);
      // The cause is the JDK's connect timeout or the runtime's attempt timer, whichever fires first.
      assertTrue(outcomes.keySet().stream().allMatch(o -> o.startsWith("TransportException")), report);
      assertTrue(maxNanos.get() <= deadline.plusSeconds(3).toNanos(), report);
      assertEquals(0, open.get(), report);
    } finally {
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
