package io.discogen.runtime.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.DiscogenException;
import io.discogen.runtime.HttpPolicy;
import io.discogen.runtime.RetryPolicy;
import io.discogen.runtime.testapi.Operation;
import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded soak (issue 22): many calls, {@link #IN_FLIGHT} at a time with {@code executeAsync()},
 * through {@link FaultProxy} (resets before and after the server acted, 503 bursts, 429 with
 * Retry-After, slow and truncated bodies, stalled requests and connections) to {@link SoakServer}.
 * Every call must end within its deadline with a value or one of the runtime's exceptions, no
 * create may be acted on under two request ids, and heap after GC, threads, file descriptors and
 * open connections must be as high at the end as at 10% of the run, within a bound.
 *
 * <p>3,000 calls by default (CI); {@code -Dsoak.requests=100000} for the full soak (see
 * docs/development.md). Figures go to standard output.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class SoakTest {
  static final int IN_FLIGHT = Integer.getInteger("soak.inFlight", 200);
  static final int REQUESTS = Integer.getInteger("soak.requests", 3_000);
  static final long SEED = Long.getLong("soak.seed", 22L);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DEADLINE = Duration.ofSeconds(10);
  /** What a loaded two-core machine may add to a call past its deadline. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  record Sample(String at, long heapAfterGc, int threads, int fds, int openConnections) {
    @Override
    public String toString() {
      return String.format("%-5s heap after GC %5.1f MB, threads %4d, fds %4d, open connections %4d", at,
          heapAfterGc / 1e6, threads, fds, openConnections);
    }
  }

  @Test
  void callsEndInTimeWithoutDuplicatesOrLeaks() throws Exception {
    try (SoakServer server = new SoakServer(); FaultProxy proxy = new FaultProxy(server.port(), SEED)) {
      LongAdder attempts = new LongAdder();
      ClientOptions options = ClientOptions.builder()
          .rootUrl("http://127.0.0.1:" + proxy.port() + "/")
          .requestTimeout(REQUEST_TIMEOUT)
          .retryPolicy(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(500), 2.0, DEADLINE))
          .addPolicy(HttpPolicy.onRequest(HttpPolicy.Position.PER_RETRY, ex -> attempts.increment()))
          .build();
      Widgets widgets = new Widgets(options);

      Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
      List<String> problems = new ArrayList<>();
      AtomicLong maxNanos = new AtomicLong();
      AtomicInteger late = new AtomicInteger();
      long[] durations = new long[REQUESTS];
      List<Sample> samples = new ArrayList<>();
      Semaphore slots = new Semaphore(IN_FLIGHT);
      List<CompletableFuture<?>> pending = new ArrayList<>();
      long hangLimit = DEADLINE.plus(MARGIN).toMillis();
      long start = System.nanoTime();

      for (int i = 0; i < REQUESTS; i++) {
        if (!slots.tryAcquire(hangLimit, TimeUnit.MILLISECONDS)) {
          fail("no call of " + IN_FLIGHT + " in flight ended within " + hangLimit + " ms: a hang");
        }
        if (i == REQUESTS / 10 || i == REQUESTS / 2) {
          samples.add(sample(i == REQUESTS / 10 ? "10%" : "50%", proxy));
        }
        int n = i;
        boolean post = i % 3 == 0;
        long t0 = System.nanoTime();
        CompletableFuture<?> f = post
            ? widgets.create("projects/p", new Widget()).setWidgetId("c" + n).executeAsync()
            : widgets.get("projects/p/widgets/w" + n).executeAsync();
        CompletableFuture<?> done = f.whenComplete((v, e) -> {
          long took = System.nanoTime() - t0;
          durations[n] = took;
          maxNanos.accumulateAndGet(took, Math::max);
          if (took > DEADLINE.plus(MARGIN).toNanos()) {
            late.incrementAndGet();
          }
          String outcome;
          if (e == null) {
            String want = post ? "operations/c" + n : "projects/p/widgets/w" + n;
            String got = post ? ((Operation) v).getName() : ((Widget) v).getName();
            outcome = want.equals(got) ? (post ? "ok POST" : "ok GET") : "WRONG ANSWER";
            if (!want.equals(got)) {
              synchronized (problems) {
                problems.add("call " + n + ": wanted " + want + ", got " + got);
              }
            }
          } else {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            outcome = c.getClass().getSimpleName();
            if (!(c instanceof DiscogenException)) {
              outcome = "UNEXPECTED " + outcome;
              synchronized (problems) {
                if (problems.size() < 20) {
                  problems.add("call " + n + " ended with " + c);
                }
              }
            }
          }
          outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
          slots.release();
        });
        pending.add(done);
        if (pending.size() >= 4 * IN_FLIGHT) {
          pending.removeIf(CompletableFuture::isDone);
        }
      }
      for (CompletableFuture<?> f : pending) {
        try {
          f.get(hangLimit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
          // counted in whenComplete
        }
      }
      long wall = System.nanoTime() - start;
      samples.add(sample("100%", proxy));
      Thread.sleep(2_000); // idle: stalled connections closed by their clients' timeouts
      samples.add(sample("idle", proxy));

      // No logical create arrived under two request ids; none was acted on twice.
      long duplicated = server.idsPerCall.values().stream().filter(ids -> ids.size() > 1).count();
      long actedTwice = server.actedOn.values().stream().filter(c -> c.get() > 1).count();

      long[] sorted = durations.clone();
      java.util.Arrays.sort(sorted);
      Map<String, Long> byOutcome = new TreeMap<>();
      outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
      StringBuilder report = new StringBuilder();
      report.append(String.format("soak: %,d calls (%d in flight), seed %d, %.1f s, %.0f calls/s%n", REQUESTS,
          IN_FLIGHT, SEED, wall / 1e9, REQUESTS / (wall / 1e9)));
      report.append("  outcomes: ").append(byOutcome).append('\n');
      report.append(String.format("  attempts %,d (retries %,d); proxy saw %,d requests on %,d connections%n",
          attempts.sum(), attempts.sum() - REQUESTS, proxy.requests.get(), proxy.connections()));
      report.append("  faults: ").append(proxy.faults()).append('\n');
      report.append(String.format("  call time: median %d ms, p99 %d ms, max %d ms (deadline %d ms + margin %d ms); late %d%n",
          sorted[sorted.length / 2] / 1_000_000, sorted[(int) (sorted.length * 0.99)] / 1_000_000,
          maxNanos.get() / 1_000_000, DEADLINE.toMillis(), MARGIN.toMillis(), late.get()));
      report.append(String.format("  server: %,d GETs, %,d POSTs, %,d creates acted on, %,d repeated ids answered from"
          + " the first result; calls under two ids %d, ids acted on twice %d%n", server.gets.get(), server.posts.get(),
          server.actedOn.size(), server.repeatedIds.get(), duplicated, actedTwice));
      samples.forEach(s -> report.append("  ").append(s).append('\n'));
      System.out.print(report);

      assertTrue(problems.isEmpty(), "problems: " + problems + "\n" + report);
      long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
      assertEquals(REQUESTS, total, "every call ended\n" + report);
      assertEquals(0, late.get(), "calls past deadline + margin\n" + report);
      assertEquals(0, duplicated, "creates under two request ids\n" + report);
      assertEquals(0, actedTwice, "ids acted on twice\n" + report);
      assertEquals(0, server.postsWithoutId.get(), "creates without a request id\n" + report);
      Sample first = samples.get(0);
      Sample end = samples.get(samples.size() - 1);
      assertTrue(end.threads() <= first.threads() + 20, "threads grew\n" + report);
      assertTrue(end.heapAfterGc() <= first.heapAfterGc() + 64L * 1024 * 1024, "heap grew\n" + report);
      assertTrue(end.fds() <= first.fds() + 50, "file descriptors grew\n" + report);
      assertTrue(end.openConnections() <= first.openConnections() + 50, "connections grew\n" + report);
    }
  }

  private static Sample sample(String at, FaultProxy proxy) {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    String[] fds = new File("/proc/self/fd").list();
    return new Sample(at, heap, threads, fds == null ? -1 : fds.length, proxy.open.get());
  }

}
