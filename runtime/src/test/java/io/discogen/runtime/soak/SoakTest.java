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
import java.net.http.HttpClient;
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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
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
 * docs/development.md). Figures go to standard output. Plain HTTP/1.1 here; {@link TlsSoakTest}
 * runs the same soak ({@link #soak}) over TLS, HTTP/1.1 and HTTP/2.
 */
@Tag("soak")
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class SoakTest {
  static final int IN_FLIGHT = Integer.getInteger("soak.inFlight", 200);
  static final int REQUESTS = Integer.getInteger("soak.requests", 3_000);
  static final long SEED = Long.getLong("soak.seed", 22L);
  /** Adds responses whose status line is not HTTP: each leaks a JDK connection (see FaultProxy). */
  static final boolean INVALID_STATUS = Boolean.getBoolean("soak.invalidStatus");
  /**
   * Seconds to stay idle after the run before a last sample (0: none): past the pools' 60 s
   * keep-alive (the runtime's call threads, the JDK client's executor), their threads must be gone.
   */
  static final int IDLE_SECONDS = Integer.getInteger("soak.idleSeconds", 0);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DEADLINE = Duration.ofSeconds(10);
  /** What a loaded two-core machine may add to a call past its deadline. */
  static final Duration MARGIN = Duration.ofSeconds(5);
  static final int WARM_UP = 5 * IN_FLIGHT;

  /**
   * What is measured at a point of the run. {@code clientThreads}: the runtime's and the JDK HTTP
   * client's ({@code discogen-*}, {@code HttpClient-*}); {@code clientSockets}: the client's ends
   * of its connections to the proxy, any state but TIME_WAIT; {@code otherFds}: descriptors that
   * are not the soak's open sockets (client, proxy and server ends, established or in CLOSE_WAIT).
   */
  record Sample(String at, long heapAfterGc, int threads, int clientThreads, int fds, int clientSockets, int otherFds,
      Map<String, Integer> tcp) {
    @Override
    public String toString() {
      return String.format("%-5s heap after GC %5.1f MB, threads %4d (client %3d), fds %4d, client connections %3d,"
          + " other fds %3d; sockets %s", at, heapAfterGc / 1e6, threads, clientThreads, fds, clientSockets, otherFds, tcp);
    }
  }

  @Test
  void callsEndInTimeWithoutDuplicatesOrLeaks() throws Exception {
    try (SoakServer server = new SoakServer(); FaultProxy proxy = new FaultProxy(server.port(), SEED, INVALID_STATUS)) {
      soak("plain HTTP/1.1", REQUESTS, server, proxy, null);
    }
  }

  /**
   * The soak itself, shared with {@link TlsSoakTest}: {@code requests} calls after a warm-up to
   * {@code front} (an {@code https://} root when {@code httpClient} is given, that client sending),
   * then the figures printed and the assertions made.
   */
  static void soak(String mode, int requests, SoakServer server, SoakFront proxy, HttpClient httpClient)
      throws Exception {
    LongAdder attempts = new LongAdder();
    ClientOptions.Builder builder = ClientOptions.builder()
        .rootUrl((httpClient == null ? "http" : "https") + "://127.0.0.1:" + proxy.port() + "/");
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    ClientOptions options = builder
        .requestTimeout(REQUEST_TIMEOUT)
        .retryPolicy(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(500), 2.0, DEADLINE))
        .addPolicy(HttpPolicy.onRequest(HttpPolicy.Position.PER_RETRY, ex -> attempts.increment()))
        .build();
    Widgets widgets = new Widgets(options);

    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    List<String> problems = new ArrayList<>();
    AtomicLong maxNanos = new AtomicLong();
    AtomicInteger late = new AtomicInteger();
    long[] durations = new long[requests];
    List<Sample> samples = new ArrayList<>();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long hangLimit = DEADLINE.plus(MARGIN).toMillis();

    // Warm-up (not counted): pools of threads and connections reach their working size.
    List<CompletableFuture<?>> warm = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      slots.acquire();
      warm.add(widgets.get("projects/p/widgets/warm" + i).executeAsync().handle((v, e) -> {
        slots.release();
        return null;
      }));
    }
    CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(hangLimit, TimeUnit.MILLISECONDS);
    long warmAttempts = attempts.sum();
    long warmRequests = proxy.requests();
    // Nothing in flight: the baseline for descriptors (a sample taken while calls run counts sockets
    // still in the server's accept queue, which hold none, and races the traffic).
    samples.add(sample("warm", proxy, server));
    long start = System.nanoTime();

    for (int i = 0; i < requests; i++) {
      if (!slots.tryAcquire(hangLimit, TimeUnit.MILLISECONDS)) {
        fail("no call of " + IN_FLIGHT + " in flight ended within " + hangLimit + " ms: a hang");
      }
      if (i == requests / 10 || i == requests / 2) {
        samples.add(sample(i == requests / 10 ? "10%" : "50%", proxy, server));
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
    samples.add(sample("100%", proxy, server));
    // No logical create arrived under two request ids; none was acted on twice.
    long duplicated = server.idsPerCall.values().stream().filter(ids -> ids.size() > 1).count();
    long actedTwice = server.actedOn.values().stream().filter(c -> c.get() > 1).count();
    long actedOn = server.actedOn.size();
    // The server's records of every create grow with the run (about 0.4 KB a create): drop
    // them, so that what is left to compare is the client's and the harness's steady state.
    server.clearRecords();
    Thread.sleep(2_000); // idle: stalled connections closed by their clients' timeouts
    samples.add(sample("idle", proxy, server));
    Sample later = null;
    if (IDLE_SECONDS > 0) {
      Thread.sleep(IDLE_SECONDS * 1000L);
      later = sample(IDLE_SECONDS + "s", proxy, server);
    }

    long[] sorted = durations.clone();
    java.util.Arrays.sort(sorted);
    Map<String, Long> byOutcome = new TreeMap<>();
    outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
    StringBuilder report = new StringBuilder();
    report.append(String.format("soak (%s): %,d calls (%d in flight), seed %d, %s, %.1f s, %.0f calls/s%n", mode,
        requests, IN_FLIGHT, SEED, ForkJoinPool.getCommonPoolParallelism() < 2 ? "blocking pipeline on pooled threads"
            : "asynchronous pipeline", wall / 1e9, requests / (wall / 1e9)));
    report.append("  outcomes: ").append(byOutcome).append('\n');
    report.append(String.format("  attempts %,d (retries %,d); proxy saw %,d requests on %,d connections%n",
        attempts.sum() - warmAttempts, attempts.sum() - warmAttempts - requests, proxy.requests() - warmRequests,
        proxy.connections()));
    report.append("  faults (warm-up included): ").append(proxy.faults()).append('\n');
    if (!proxy.more().isEmpty()) {
      report.append("  ").append(proxy.more()).append('\n');
    }
    report.append(String.format("  call time: median %d ms, p99 %d ms, max %d ms (deadline %d ms + margin %d ms); late %d%n",
        sorted[sorted.length / 2] / 1_000_000, sorted[(int) (sorted.length * 0.99)] / 1_000_000,
        maxNanos.get() / 1_000_000, DEADLINE.toMillis(), MARGIN.toMillis(), late.get()));
    report.append(String.format("  server: %,d GETs, %,d POSTs, %,d creates acted on, %,d repeated ids answered from"
        + " the first result; calls under two ids %d, ids acted on twice %d%n", server.gets.get(), server.posts.get(),
        actedOn, server.repeatedIds.get(), duplicated, actedTwice));
    samples.forEach(s -> report.append("  ").append(s).append('\n'));
    if (later != null) {
      report.append("  ").append(later).append('\n');
    }
    System.out.print(report);

    assertTrue(problems.isEmpty(), "problems: " + problems + "\n" + report);
    long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(requests, total, "every call ended\n" + report);
    assertEquals(0, late.get(), "calls past deadline + margin\n" + report);
    assertEquals(0, duplicated, "creates under two request ids\n" + report);
    assertEquals(0, actedTwice, "ids acted on twice\n" + report);
    assertEquals(0, server.postsWithoutId.get(), "creates without a request id\n" + report);
    Sample warmed = samples.get(0);
    Sample first = samples.get(1);
    Sample end = samples.get(samples.size() - 1);
    // Flat: the end (idle, after GC, the server's records dropped) against 10% of the run. The client holds at most a
    // connection per call in flight; every other descriptor stays as it was.
    assertTrue(end.heapAfterGc() <= first.heapAfterGc() + 64L * 1024 * 1024, "heap grew\n" + report);
    // Threads against the middle of the run: pools (the client's call threads, the proxy's and the server's per
    // connection) reach their working size later than 10% of a short run, the more so as blocking plain-http calls
    // reopen connections beyond HttpURLConnection's five kept per host. The call threads grow to the calls in
    // flight and a little past them (a call handed over while a finished thread returns to the pool gets a new
    // one). Over TLS the JDK client's executor (a cached pool, sized by the largest burst) adds up to about one
    // more per call in flight. A leak of one thread per faulted call would pass these bounds by hundreds.
    Sample middle = samples.get(2);
    assertTrue(end.clientThreads() <= Math.max(middle.clientThreads() + 20, 2 * IN_FLIGHT),
        "client threads grew\n" + report);
    assertTrue(end.threads() <= middle.threads() + 60, "threads grew\n" + report);
    assertTrue(end.otherFds() <= warmed.otherFds() + 50, "file descriptors grew\n" + report);
    // A connection the proxy closed and the client did not (CLOSE_WAIT) is a leaked socket.
    assertTrue(end.tcp().getOrDefault("client CLOSE_WAIT", 0) <= 2, "client sockets left in CLOSE_WAIT\n" + report);
    for (Sample s : samples) {
      assertTrue(s.clientSockets() <= IN_FLIGHT + 50, "client connections past the calls in flight\n" + report);
    }
    if (later != null) {
      // Past the pools' keep-alive the client's threads are gone: what grew was pool size, not a leak.
      assertTrue(later.clientThreads() < first.clientThreads(), "client threads kept after " + IDLE_SECONDS
          + " s idle: " + later + "\n" + report);
    }
  }

  private static Sample sample(String at, SoakFront proxy, SoakServer server) {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    int clientThreads = (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("discogen-") || t.getName().startsWith("HttpClient-")).count();
    String[] fds = new File("/proc/self/fd").list();
    Map<String, Integer> tcp = tcpStates(proxy.port(), server.port());
    int client = tcp.entrySet().stream().filter(e -> e.getKey().startsWith("client")).mapToInt(Map.Entry::getValue).sum();
    // Only open sockets hold a descriptor: EST, and CLOSE_WAIT until their owner closes them.
    int sockets = tcp.entrySet().stream().filter(e -> e.getKey().endsWith(" EST") || e.getKey().endsWith(" CLOSE_WAIT"))
        .mapToInt(Map.Entry::getValue).sum();
    int fdCount = fds == null ? -1 : fds.length;
    return new Sample(at, heap, threads, clientThreads, fdCount, client, fdCount - sockets, tcp);
  }

  /**
   * Sockets to or from the proxy and the server by TCP state and side ({@code /proc/net/tcp}):
   * "client" is the client's end of a connection to the proxy, "proxy" the proxy's ends, "server"
   * the server's.
   */
  static Map<String, Integer> tcpStates(int proxyPort, int serverPort) {
    Map<String, Integer> out = new TreeMap<>();
    try {
      List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp")));
      java.nio.file.Path v6 = java.nio.file.Path.of("/proc/net/tcp6");
      if (java.nio.file.Files.exists(v6)) {
        lines.addAll(java.nio.file.Files.readAllLines(v6));
      }
      for (String line : lines) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4 || !f[1].contains(":")) {
          continue;
        }
        int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
        int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
        String state = switch (f[3]) {
          case "01" -> "EST";
          case "06" -> "TIME_WAIT";
          case "08" -> "CLOSE_WAIT";
          case "04" -> "FIN_WAIT1";
          case "05" -> "FIN_WAIT2";
          case "0A" -> "LISTEN";
          default -> f[3];
        };
        String side = remote == proxyPort ? "client" : local == proxyPort || remote == serverPort ? "proxy"
            : local == serverPort ? "server" : null;
        if (side != null && !state.equals("LISTEN") && !state.equals("TIME_WAIT")) {
          out.merge(side + " " + state, 1, Integer::sum);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      out.put("unreadable", 1);
    }
    return out;
  }

}
