package io.discogen.bench.link;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;

/**
 * The client on a realistic link, against Google's official client in the same run (issue 22):
 * (a) a large Compute {@code instances.list} over a bandwidth-limited link with latency; (b) 2,000
 * small {@code instances.get} with 64 in flight over the same link; (c) a sequential small GET on
 * plain loopback, requests/s and CPU per request. Each round runs every contender once, in rotating
 * order; the report gives medians and ratios, and the floor no client can beat.
 *
 * <p>The server ({@link GoogleLikeServer}) runs in processes of its own, so the process CPU measured
 * here is the client's. Bandwidth is limited outside the JVM: {@code benchmarks/link.sh} runs this
 * in a network namespace whose loopback has a token-bucket qdisc; run directly, it measures plain
 * loopback (the floors then assume the rate given).
 *
 * <p>{@code LinkBench [--rate-mbit 50] [--latency-ms 20] [--instances 2000] [--rounds 5]
 * [--gets 2000] [--in-flight 64] [--out FILE]}
 */
public final class LinkBench {
  static final String PROJECT = "bench-project";
  static final String ZONE = "us-central1-a";

  final double rateMbit;
  final long latencyMs;
  final int instances;
  final int rounds;
  final int gets;
  final int inFlight;
  final boolean tls;

  LinkBench(Map<String, String> o) {
    rateMbit = Double.parseDouble(o.getOrDefault("rate-mbit", "50"));
    latencyMs = Long.parseLong(o.getOrDefault("latency-ms", "20"));
    instances = Integer.parseInt(o.getOrDefault("instances", "2000"));
    rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
    gets = Integer.parseInt(o.getOrDefault("gets", "2000"));
    inFlight = Integer.parseInt(o.getOrDefault("in-flight", "64"));
    tls = Boolean.parseBoolean(o.getOrDefault("tls", "false"));
  }

  /** One contender: a client of each kind pointed at a server. */
  interface Client {
    String name();

    int list() throws Exception;

    String get(String instance) throws Exception;

    /** {@link #gets} gets with {@link #inFlight} at a time; returns how many succeeded. */
    int manyGets(int n, int inFlight) throws Exception;
  }

  static final class Discogen implements Client {
    final io.discogen.bench.gen.compute.Compute compute;
    final String name;
    /** When set, {@link #manyGets} calls {@code execute()} on these threads instead of {@code executeAsync()}. */
    ExecutorService threads;

    /** Driven as the official client is: blocking {@code execute()} on {@code threads} threads. */
    Discogen onThreads(int count) {
      threads = Executors.newFixedThreadPool(count, daemon());
      return this;
    }

    Discogen(String root) {
      this(root, "Discogen");
    }

    /** A client given no HTTP options: the runtime's own senders. */
    Discogen(String root, String name) {
      compute = new io.discogen.bench.gen.compute.Compute(ClientOptions.builder()
          .rootUrl(root).credentials(Credentials.none()).build());
      this.name = name;
    }

    /**
     * Over TLS: an HttpClient as the runtime's default one for https (no redirects, 30 s connect
     * timeout, the JDK's default executor) but trusting the bench's certificate, at {@code version}.
     */
    Discogen(String root, SSLContext ssl, HttpClient.Version version, String name) {
      this(root, ssl, version, name, false);
    }

    /**
     * {@code raw}: the client given as a plain {@code HttpSender}, so without the runtime's
     * first-connection gate for HTTP/2 (what the runtime did before it).
     */
    Discogen(String root, SSLContext ssl, HttpClient.Version version, String name, boolean raw) {
      HttpClient.Builder hb = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(java.time.Duration.ofSeconds(30)).sslContext(ssl).version(version);
      if (Boolean.getBoolean("bench.tls.inline")) {
        hb.executor(Runnable::run); // an experiment: the client's tasks on its selector thread, as for plain http
      }
      HttpClient http = hb.build();
      ClientOptions.Builder ob = ClientOptions.builder().rootUrl(root).credentials(Credentials.none());
      compute = new io.discogen.bench.gen.compute.Compute(
          (raw ? ob.sender(io.discogen.runtime.HttpSender.of(http)) : ob.httpClient(http)).build());
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int list() {
      return compute.instances().list(PROJECT, ZONE).execute().getItems().size();
    }

    @Override
    public String get(String instance) {
      return compute.instances().get(PROJECT, ZONE, instance).execute().getName();
    }

    @Override
    public int manyGets(int n, int inFlight) throws Exception {
      if (threads != null) {
        return LinkBench.onThreads(threads, n, () -> get("vm-0"));
      }
      Semaphore slots = new Semaphore(inFlight);
      List<CompletableFuture<?>> all = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        slots.acquire();
        all.add(compute.instances().get(PROJECT, ZONE, "vm-0").executeAsync()
            .whenComplete((r, e) -> slots.release()));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      return all.size();
    }
  }

  static final class Official implements Client {
    final com.google.api.services.compute.Compute compute;
    final ExecutorService pool;
    /** When set, {@link #manyGets} is driven as Discogen's {@code executeAsync()} is: a future per call. */
    String futuresName;

    /**
     * Driven as Discogen's {@code executeAsync()} is in (b): a future per call on a cached pool
     * (what {@code executeAsync()} does on 2 cores), the calls in flight bounded by a semaphore.
     */
    Official withFutures(String name) {
      futuresName = name;
      return this;
    }

    Official(String root, int threads) {
      this(root, threads, new NetHttpTransport());
    }

    /** Over TLS: {@code NetHttpTransport} (HttpsURLConnection, HTTP/1.1 only) trusting the bench's certificate. */
    Official(String root, int threads, KeyStore trust) throws java.security.GeneralSecurityException {
      this(root, threads, new NetHttpTransport.Builder().trustCertificates(trust).build());
    }

    private Official(String root, int threads, NetHttpTransport transport) {
      compute = new com.google.api.services.compute.Compute.Builder(
              transport, GsonFactory.getDefaultInstance(), null)
          .setRootUrl(root).setApplicationName("discogen-bench").build();
      pool = threads > 0 ? Executors.newFixedThreadPool(threads) : Executors.newCachedThreadPool(daemon());
    }

    @Override
    public String name() {
      return futuresName != null ? futuresName : "official";
    }

    @Override
    public int list() throws IOException {
      return compute.instances().list(PROJECT, ZONE).execute().getItems().size();
    }

    @Override
    public String get(String instance) throws IOException {
      return compute.instances().get(PROJECT, ZONE, instance).execute().getName();
    }

    @Override
    public int manyGets(int n, int inFlight) throws Exception {
      if (futuresName != null) {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          slots.acquire();
          all.add(CompletableFuture.supplyAsync(() -> {
            try {
              return get("vm-0");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, pool).whenComplete((r, e) -> slots.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return all.size();
      }
      // The official client is blocking: as many threads as calls in flight, as its users do.
      return onThreads(pool, n, () -> get("vm-0"));
    }
  }

  /** {@code n} calls of {@code call} queued on {@code pool} at once: as many in flight as it has threads. */
  static int onThreads(ExecutorService pool, int n, java.util.concurrent.Callable<String> call) throws Exception {
    List<Future<String>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(pool.submit(call));
    }
    for (Future<String> f : all) {
      f.get();
    }
    return all.size();
  }

  static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * No client: one kept socket per thread, a fixed HTTP/1.1 GET written and its answer read by its
   * {@code Content-Length}, nothing decoded. What the harness itself (server, link, scheduling on
   * the machine's cores) allows any client in (b); only {@link #manyGets} is supported.
   */
  static final class RawSockets implements Client {
    final ExecutorService pool;
    final String host;
    final int port;
    final ThreadLocal<RawConnection> connection = new ThreadLocal<>();
    final byte[] request;

    RawSockets(String host, int port, int threads) {
      this.host = host;
      this.port = port;
      pool = Executors.newFixedThreadPool(threads, daemon());
      request = ("GET /compute/v1/projects/" + PROJECT + "/zones/" + ZONE + "/instances/vm-0?prettyPrint=false HTTP/1.1\r\n"
          + "Host: " + host + ":" + port + "\r\nAccept-Encoding: gzip\r\nUser-Agent: raw (gzip)\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    record RawConnection(java.net.Socket socket, java.io.InputStream in, java.io.OutputStream out) {}

    @Override
    public String name() {
      return "raw";
    }

    @Override
    public int list() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String get(String instance) throws IOException {
      RawConnection c = connection.get();
      if (c == null) {
        java.net.Socket s = new java.net.Socket(host, port);
        s.setTcpNoDelay(true);
        c = new RawConnection(s, new java.io.BufferedInputStream(s.getInputStream()), s.getOutputStream());
        connection.set(c);
      }
      c.out().write(request);
      c.out().flush();
      long length = -1;
      StringBuilder line = new StringBuilder();
      for (int b; (b = c.in().read()) >= 0; ) {
        if (b != '\n') {
          line.append((char) b);
          continue;
        }
        String l = line.toString().trim();
        line.setLength(0);
        if (l.isEmpty()) {
          break;
        }
        if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(l.substring(15).trim());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length");
      }
      c.in().skipNBytes(length);
      return instance;
    }

    @Override
    public int manyGets(int n, int inFlight) throws Exception {
      return onThreads(pool, n, () -> get("vm-0"));
    }
  }

  /**
   * Median wall ms, process CPU ms and body bytes of one contender in one scenario, and TCP
   * connections the server accepted (TLS runs only).
   */
  record Sample(double wallMs, double cpuMs, long bytes, double conns) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
      o.put(args[i].replaceFirst("^--", ""), flag ? "true" : args[++i]);
    }
    LinkBench b = new LinkBench(o);
    String report = b.run();
    System.out.println(report);
    if (o.containsKey("out")) {
      Files.writeString(Path.of(o.get("out")), report);
    }
    System.exit(0); // the official client's pool threads are not daemons
  }

  String run() throws Exception {
    if (tls) {
      return new TlsLink(this).run();
    }
    Process slow = startServer(latencyMs);
    Process fast = startServer(0);
    try {
      String slowRoot = "http://127.0.0.1:" + port(slow) + "/";
      String fastRoot = "http://127.0.0.1:" + port(fast) + "/";
      List<Client> onLink = List.of(new Discogen(slowRoot), new Official(slowRoot, inFlight));
      // (b) only: Discogen driven as the official client is, and no client at all.
      URI slowUri = URI.create(slowRoot);
      List<Client> manyOnly = List.of(new Discogen(slowRoot, ON_THREADS).onThreads(inFlight),
          new Official(slowRoot, 0).withFutures(OFFICIAL_FUTURES),
          new RawSockets(slowUri.getHost(), slowUri.getPort(), inFlight));
      List<Client> onLoopback = List.of(new Discogen(fastRoot), new Official(fastRoot, 1));
      // Warm-up (JIT, connections, both encodings of each answer, the servers' JIT): whole rounds
      // until the JIT is quiet.
      int[] r = {0};
      warmRounds = warmUntilSteady(() -> {
        round(r[0]++, onLink, manyOnly, onLoopback, slowRoot, fastRoot, new HashMap<>(), new HashMap<>(), new HashMap<>());
        return 0;
      });
      stats(slowRoot);
      stats(fastRoot);
      Map<String, List<Sample>> list = new LinkedHashMap<>();
      Map<String, List<Sample>> many = new LinkedHashMap<>();
      Map<String, List<Sample>> seq = new LinkedHashMap<>();
      for (int i = 0; i < rounds; i++) {
        round(i, onLink, manyOnly, onLoopback, slowRoot, fastRoot, list, many, seq);
      }
      return report(list, many, seq);
    } finally {
      slow.destroy();
      fast.destroy();
    }
  }

  /** Round {@code r}: each contender once per scenario, in rotating order, samples added to the maps. */
  void round(int r, List<Client> onLink, List<Client> manyOnly, List<Client> onLoopback, String slowRoot,
      String fastRoot, Map<String, List<Sample>> list, Map<String, List<Sample>> many,
      Map<String, List<Sample>> seq) throws Exception {
    List<Client> all = new ArrayList<>(onLink);
    all.addAll(manyOnly);
    for (int k = 0; k < all.size(); k++) {
      Client c = all.get((r + k) % all.size());
      if (onLink.contains(c)) {
        list.computeIfAbsent(c.name(), x -> new ArrayList<>()).add(measure(() -> c.list(), slowRoot, 1));
      }
      many.computeIfAbsent(c.name(), x -> new ArrayList<>()).add(measure(() -> c.manyGets(gets, inFlight), slowRoot, 1));
    }
    for (int k = 0; k < onLoopback.size(); k++) {
      Client l = onLoopback.get((r + k) % onLoopback.size());
      int n = 5000;
      seq.computeIfAbsent(l.name(), x -> new ArrayList<>()).add(measure(() -> {
        for (int i = 0; i < n; i++) {
          l.get("vm-0");
        }
        return n;
      }, fastRoot, n));
    }
  }

  /**
   * Runs {@code round} until the JIT compiled for less than 2% of a round's wall time (at least
   * three rounds, at most {@link #MAX_WARM_ROUNDS}); returns how many ran. The Compute model's
   * decoders and both clients' HTTP stacks take about 100,000 calls to be compiled, and until then
   * the compiler threads' CPU is counted as the client's and takes the cores from both clients and
   * servers (measured: (b) fell from 1,300 to 700 ms and its CPU from 2,000 to 450 ms over 25
   * rounds, for both clients).
   */
  static int warmUntilSteady(Work round) throws Exception {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (int i = 1; ; i++) {
      long jit0 = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      round.run();
      long wallMs = (System.nanoTime() - t0) / 1_000_000;
      long jitMs = jit.getTotalCompilationTime() - jit0;
      System.err.printf("warm-up round %d: JIT %d ms in %d ms%n", i, jitMs, wallMs);
      if ((i >= 3 && jitMs * 50 < wallMs) || i == MAX_WARM_ROUNDS) {
        return i;
      }
    }
  }

  static final int MAX_WARM_ROUNDS = 40;
  static final String ON_THREADS = "Discogen, execute() on threads";
  static final String OFFICIAL_FUTURES = "official, a future per call";

  /** Warm-up rounds the last run took (for the report). */
  int warmRounds;

  interface Work {
    int run() throws Exception;
  }

  /** Wall and process CPU of {@code w}, and body bytes the server sent, per operation ({@code per}). */
  Sample measure(Work w, String root, int per) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    w.run();
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    long[] stats = stats(root);
    return new Sample((t1 - t0) / 1e6 / per, (cpu1 - cpu0) / 1e6 / per, stats[0] / per, stats[1]);
  }

  private static final HttpClient STATS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Body bytes sent and (TLS server only, else 0) connections accepted since the last call. */
  static long[] stats(String root) throws IOException, InterruptedException {
    HttpResponse<String> r = STATS.send(HttpRequest.newBuilder(URI.create(root + "stats")).build(),
        HttpResponse.BodyHandlers.ofString());
    String[] f = r.body().trim().split(" ");
    return new long[] {Long.parseLong(f[0]), f.length > 1 ? Long.parseLong(f[1]) : 0};
  }

  Process startServer(long latency) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        GoogleLikeServer.class.getName(), Long.toString(latency), Integer.toString(instances))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  static int port(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return Integer.parseInt(r.readLine().trim());
  }

  /** The server's first line, split at spaces (the TLS server prints its TLS port and its stats port). */
  static String[] portLine(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return r.readLine().trim().split(" ");
  }

  static Sample median(List<Sample> s) {
    double[] w = s.stream().mapToDouble(Sample::wallMs).sorted().toArray();
    double[] c = s.stream().mapToDouble(Sample::cpuMs).sorted().toArray();
    long[] b = s.stream().mapToLong(Sample::bytes).sorted().toArray();
    double[] n = s.stream().mapToDouble(Sample::conns).sorted().toArray();
    return new Sample(w[w.length / 2], c[c.length / 2], b[b.length / 2], n[n.length / 2]);
  }

  String report(Map<String, List<Sample>> list, Map<String, List<Sample>> many, Map<String, List<Sample>> seq)
      throws IOException {
    long[] sizes = GoogleLikeServer.listSizes(instances);
    double bytesPerMs = rateMbit * 1e6 / 8 / 1000;
    double listFloor = latencyMs + sizes[3] / bytesPerMs;
    double manyFloor = Math.ceil((double) gets / inFlight) * latencyMs;
    StringBuilder sb = new StringBuilder();
    sb.append("## The client on a realistic link\n\n");
    sb.append(String.format(Locale.ROOT, "Link %.0f Mbit/s (token bucket on loopback when run by link.sh), %d ms latency"
        + " in the server; medians of %d rounds, contenders alternating, after %d warm-up rounds (until the JIT"
        + " compiled for under 2%% of a round). Process CPU is the client's (the servers run"
        + " in processes of their own). JDK %s, %d cores.%n%n", rateMbit, latencyMs, rounds, warmRounds,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
    sb.append("| Scenario | Discogen | official client | ratio (official / Discogen) | floor | Discogen vs floor |\n");
    sb.append("|---|---|---|---|---|---|\n");
    Sample dl = median(list.get("Discogen"));
    Sample ol = median(list.get("official"));
    sb.append(String.format(Locale.ROOT, "| (a) `instances.list`, %d instances: wall ms | %.0f | %.0f | %.2fx | %.0f | %.2fx |%n",
        instances, dl.wallMs(), ol.wallMs(), ol.wallMs() / dl.wallMs(), listFloor, dl.wallMs() / listFloor));
    sb.append(String.format(Locale.ROOT, "| (a) body bytes received | %,d | %,d | | %,d (compact, gzip) | |%n",
        dl.bytes(), ol.bytes(), sizes[3]));
    sb.append(String.format(Locale.ROOT, "| (a) process CPU ms per list | %.0f | %.0f | %.2fx | | |%n",
        dl.cpuMs(), ol.cpuMs(), ol.cpuMs() / dl.cpuMs()));
    Sample dm = median(many.get("Discogen"));
    Sample om = median(many.get("official"));
    sb.append(String.format(Locale.ROOT, "| (b) %,d `instances.get`, %d in flight: wall ms | %.0f | %.0f | %.2fx | %.0f | %.2fx |%n",
        gets, inFlight, dm.wallMs(), om.wallMs(), om.wallMs() / dm.wallMs(), manyFloor, dm.wallMs() / manyFloor));
    sb.append(String.format(Locale.ROOT, "| (b) process CPU ms per run | %.0f | %.0f | %.2fx | | |%n",
        dm.cpuMs(), om.cpuMs(), om.cpuMs() / dm.cpuMs()));
    Sample dt = median(many.get(ON_THREADS));
    sb.append(String.format(Locale.ROOT, "| (b) Discogen driven as the official client: `execute()` on %d threads: wall ms"
        + " (CPU ms) | %.0f (%.0f) | %.0f (%.0f) | %.2fx (%.2fx) | %.0f | %.2fx |%n", inFlight, dt.wallMs(), dt.cpuMs(),
        om.wallMs(), om.cpuMs(), om.wallMs() / dt.wallMs(), om.cpuMs() / dt.cpuMs(), manyFloor, dt.wallMs() / manyFloor));
    Sample of = median(many.get(OFFICIAL_FUTURES));
    sb.append(String.format(Locale.ROOT, "| (b) the official client driven as `executeAsync()` is: a future per call on a"
        + " pool, %d in flight: wall ms (CPU ms) | %.0f (%.0f) | %.0f (%.0f) | %.2fx (%.2fx) | %.0f | %.2fx |%n", inFlight,
        dm.wallMs(), dm.cpuMs(), of.wallMs(), of.cpuMs(), of.wallMs() / dm.wallMs(), of.cpuMs() / dm.cpuMs(), manyFloor,
        dm.wallMs() / manyFloor));
    Sample raw = median(many.get("raw"));
    sb.append(String.format(Locale.ROOT, "| (b) no client: %d threads, a kept socket each, the answer skipped by its"
        + " length: wall ms (CPU ms) | %.0f (%.0f) | | | %.0f | %.2fx |%n", inFlight, raw.wallMs(), raw.cpuMs(),
        manyFloor, raw.wallMs() / manyFloor));
    Sample ds = median(seq.get("Discogen"));
    Sample os = median(seq.get("official"));
    sb.append(String.format(Locale.ROOT, "| (c) sequential GET, loopback: requests/s | %,.0f | %,.0f | %.2fx | | |%n",
        1000 / ds.wallMs(), 1000 / os.wallMs(), os.wallMs() / ds.wallMs()));
    sb.append(String.format(Locale.ROOT, "| (c) process CPU µs per request | %.0f | %.0f | %.2fx | | |%n",
        ds.cpuMs() * 1000, os.cpuMs() * 1000, os.cpuMs() / ds.cpuMs()));
    sb.append(String.format(Locale.ROOT, "%nList answer sizes: pretty %,d, compact %,d, pretty+gzip %,d, compact+gzip %,d bytes."
        + " Ratios above 1 mean Discogen is faster or cheaper.%n", sizes[0], sizes[1], sizes[2], sizes[3]));
    sb.append("Per-round samples (wall ms): list " + rounds(list) + "; gets " + rounds(many) + ".\n");
    return sb.toString();
  }

  static String rounds(Map<String, List<Sample>> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(k).append(' ')
        .append(Arrays.toString(v.stream().mapToLong(s -> Math.round(s.wallMs())).toArray())).append(' '));
    return sb.toString().trim();
  }
}
