package io.discogen.bench.link;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code LinkBench --tls}: the same three scenarios over HTTPS against {@link TlsGoogleLikeServer}
 * (Jetty 12, ALPN h2 and http/1.1), with a self-signed EC P-256 certificate made at run time by
 * {@code keytool}. Contenders, in rotating order each round: Discogen as a client given no HTTP
 * options gets it (the JVM's default TLS context trusting the certificate: blocking calls on
 * HttpURLConnection while up to four are in flight to the host, HTTP/2 beyond), Discogen on a given
 * HTTP/2 client, Discogen on a given HTTP/1.1 client, and the official client (HttpsURLConnection,
 * HTTP/1.1 only). Beside time and CPU, the server counts the TCP (so TLS) connections each one
 * opened: cold (the first 200 calls, 64 in flight, of a fresh client) and per measured run.
 */
final class TlsLink {
  static final String PASSWORD = "discogen-bench";
  /** A client given no HTTP options: what the runtime picks for https (see HttpsCalls). */
  static final String DEF = "Discogen default";
  static final String D2 = "Discogen HTTP/2";
  static final String D1 = "Discogen HTTP/1.1";
  static final String OFF = "official";
  /** The contenders in report order; the official client last. */
  static final List<String> NAMES = List.of(DEF, D2, D1, OFF);

  final LinkBench b;

  TlsLink(LinkBench b) {
    this.b = b;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  String loadBefore;
  LinkBench.Sample coldFirst;
  LinkBench.Sample coldRaw;

  String run() throws Exception {
    loadBefore = loadAverage();
    Path dir = Files.createTempDirectory("discogen-tls");
    Path ks = dir.resolve("server.p12");
    keytool(ks);
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      server.load(in, PASSWORD.toCharArray());
    }
    // The clients trust the certificate alone (a certificate entry, no key).
    Certificate cert = server.getCertificate("bench");
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("bench", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    // The runtime's own senders use the JVM's defaults (the official client has its own trust store).
    SSLContext.setDefault(ssl);
    javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(ssl.getSocketFactory());

    Process slow = startServer(b.latencyMs, ks);
    Process fast = startServer(0, ks);
    try {
      String[] sp = LinkBench.portLine(slow);
      String[] fp = LinkBench.portLine(fast);
      String slowRoot = "https://127.0.0.1:" + sp[0] + "/";
      String slowStats = "http://127.0.0.1:" + sp[1] + "/";
      String fastRoot = "https://127.0.0.1:" + fp[0] + "/";
      String fastStats = "http://127.0.0.1:" + fp[1] + "/";
      List<LinkBench.Client> onLink = List.of(
          new LinkBench.Discogen(slowRoot, DEF),
          new LinkBench.Discogen(slowRoot, ssl, HttpClient.Version.HTTP_2, D2),
          new LinkBench.Discogen(slowRoot, ssl, HttpClient.Version.HTTP_1_1, D1),
          new LinkBench.Official(slowRoot, b.inFlight, trust));
      List<LinkBench.Client> onLoopback = List.of(
          new LinkBench.Discogen(fastRoot, DEF),
          new LinkBench.Discogen(fastRoot, ssl, HttpClient.Version.HTTP_2, D2),
          new LinkBench.Discogen(fastRoot, ssl, HttpClient.Version.HTTP_1_1, D1),
          new LinkBench.Official(fastRoot, 1, trust));
      // The JVM warmed first on the loopback server's clients (JIT, TLS classes), so that the cold
      // clients below are cold alone and the first one measured pays for no one.
      for (LinkBench.Client c : onLoopback) {
        for (int k = 0; k < 1000; k++) {
          c.get("vm-0");
        }
      }
      // The link's server warmed too (its JIT, both protocols) by throwaway clients, so that the first
      // cold contender does not pay for it.
      for (HttpClient.Version v : List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
        LinkBench.Client warm = new LinkBench.Discogen(slowRoot, ssl, v, "warm-up");
        for (int k = 0; k < 3; k++) {
          warm.manyGets(400, b.inFlight);
        }
      }
      // Cold: a fresh client's first 200 calls, 64 in flight: connections opened and wall time.
      LinkBench.stats(slowStats);
      Map<String, LinkBench.Sample> cold = new LinkedHashMap<>();
      for (LinkBench.Client c : onLink) {
        cold.put(c.name(), b.measure(() -> c.manyGets(200, b.inFlight), slowStats, 1));
      }
      // What a runtime that let a cold client's first call to a host open the connection alone would
      // get: one call, then the other 199 with 64 in flight (a fresh client).
      LinkBench.Client first = new LinkBench.Discogen(slowRoot, ssl, HttpClient.Version.HTTP_2, D2);
      coldFirst = b.measure(() -> {
        first.get("vm-0");
        return first.manyGets(199, b.inFlight);
      }, slowStats, 1);
      // The same without the runtime's first-connection gate.
      LinkBench.Client raw = new LinkBench.Discogen(slowRoot, ssl, HttpClient.Version.HTTP_2, D2, true);
      coldRaw = b.measure(() -> raw.manyGets(200, b.inFlight), slowStats, 1);
      System.err.println("cold " + cold + " first " + coldFirst + " ungated " + coldRaw);
      // Warm-up: whole rounds until the JIT is quiet (LinkBench.warmUntilSteady).
      int[] w = {0};
      b.warmRounds = LinkBench.warmUntilSteady(() -> {
        round(w[0]++, onLink, onLoopback, slowStats, fastStats, new HashMap<>(), new HashMap<>(), new HashMap<>());
        return 0;
      });
      LinkBench.stats(slowStats);
      LinkBench.stats(fastStats);
      Map<String, List<LinkBench.Sample>> list = new LinkedHashMap<>();
      Map<String, List<LinkBench.Sample>> many = new LinkedHashMap<>();
      Map<String, List<LinkBench.Sample>> seq = new LinkedHashMap<>();
      for (int r = 0; r < b.rounds; r++) {
        System.err.printf("round %d of %d%n", r + 1, b.rounds);
        round(r, onLink, onLoopback, slowStats, fastStats, list, many, seq);
      }
      return report(cold, list, many, seq);
    } finally {
      slow.destroy();
      fast.destroy();
    }
  }

  /** Round {@code r}: each contender once per scenario, in rotating order, samples added to the maps. */
  void round(int r, List<LinkBench.Client> onLink, List<LinkBench.Client> onLoopback, String slowStats,
      String fastStats, Map<String, List<LinkBench.Sample>> list, Map<String, List<LinkBench.Sample>> many,
      Map<String, List<LinkBench.Sample>> seq) throws Exception {
    int n = onLink.size();
    for (int k = 0; k < n; k++) {
      LinkBench.Client c = onLink.get((r + k) % n);
      list.computeIfAbsent(c.name(), x -> new ArrayList<>()).add(b.measure(() -> c.list(), slowStats, 1));
      many.computeIfAbsent(c.name(), x -> new ArrayList<>())
          .add(b.measure(() -> c.manyGets(b.gets, b.inFlight), slowStats, 1));
      LinkBench.Client l = onLoopback.get((r + k) % n);
      int calls = 2000;
      seq.computeIfAbsent(l.name(), x -> new ArrayList<>()).add(b.measure(() -> {
        for (int i = 0; i < calls; i++) {
          l.get("vm-0");
        }
        return calls;
      }, fastStats, calls));
    }
  }

  static void keytool(Path ks) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1",
        "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + new String(out));
    }
  }

  Process startServer(long latency, Path ks) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        TlsGoogleLikeServer.class.getName(), Long.toString(latency), Integer.toString(b.instances),
        ks.toString(), PASSWORD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  String report(Map<String, LinkBench.Sample> cold, Map<String, List<LinkBench.Sample>> list,
      Map<String, List<LinkBench.Sample>> many, Map<String, List<LinkBench.Sample>> seq) throws IOException {
    long[] sizes = GoogleLikeServer.listSizes(b.instances);
    double bytesPerMs = b.rateMbit * 1e6 / 8 / 1000;
    double listFloor = b.latencyMs + sizes[3] / bytesPerMs;
    double manyFloor = Math.ceil((double) b.gets / b.inFlight) * b.latencyMs;
    StringBuilder sb = new StringBuilder();
    sb.append("## The client on a realistic link, over TLS\n\n");
    sb.append(String.format(Locale.ROOT, "HTTPS (TLS with a self-signed EC P-256 certificate; Jetty 12 offering h2 and"
        + " http/1.1 by ALPN) on a %.0f Mbit/s link (token bucket on loopback when run by `link.sh --tls`), %d ms"
        + " latency in the server; medians of %d rounds, the four contenders in rotating order, after %d warm-up rounds"
        + " (until the JIT compiled for under 2%% of a round). Process CPU is the"
        + " client's (the servers run in processes of their own). Connections: TCP connections the server accepted."
        + " JDK %s, %d cores; load average (1, 5, 15 min) %s before, %s after%s.%n%n", b.rateMbit, b.latencyMs, b.rounds,
        b.warmRounds,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(),
        Boolean.getBoolean("bench.tls.inline") ? "; Discogen's HttpClient with an inline executor (bench.tls.inline)" : ""));
    sb.append("| Scenario | " + DEF + " | " + D2 + " | " + D1 + " | official (HTTP/1.1 only) | official / default"
        + " | official / HTTP/2 | official / HTTP/1.1 | floor |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    LinkBench.Sample[] c = NAMES.stream().map(cold::get).toArray(LinkBench.Sample[]::new);
    row(sb, "cold client, first 200 `instances.get`, 64 in flight: wall ms", c, LinkBench.Sample::wallMs, "%.0f", true, "");
    row(sb, "cold client: connections opened", c, LinkBench.Sample::conns, "%.0f", false, "");
    LinkBench.Sample[] l = medians(list);
    row(sb, String.format(Locale.ROOT, "(a) `instances.list`, %d instances: wall ms", b.instances), l,
        LinkBench.Sample::wallMs, "%.0f", true, String.format(Locale.ROOT, "%.0f", listFloor));
    row(sb, "(a) body bytes received", l, s -> (double) s.bytes(), "%,.0f", false, "");
    row(sb, "(a) process CPU ms per list", l, LinkBench.Sample::cpuMs, "%.0f", true, "");
    row(sb, "(a) connections opened per list", l, LinkBench.Sample::conns, "%.0f", false, "");
    LinkBench.Sample[] m = medians(many);
    row(sb, String.format(Locale.ROOT, "(b) %,d `instances.get`, %d in flight: wall ms", b.gets, b.inFlight), m,
        LinkBench.Sample::wallMs, "%.0f", true, String.format(Locale.ROOT, "%.0f", manyFloor));
    row(sb, "(b) process CPU ms per run", m, LinkBench.Sample::cpuMs, "%.0f", true, "");
    row(sb, "(b) connections opened per run", m, LinkBench.Sample::conns, "%.0f", false, "");
    LinkBench.Sample[] q = medians(seq);
    row(sb, "(c) sequential GET, TLS on loopback: requests/s", q, s -> 1000 / s.wallMs(), "%,.0f", false, "");
    row(sb, "(c) process CPU µs per request", q, s -> s.cpuMs() * 1000, "%.0f", true, "");
    sb.append(String.format(Locale.ROOT, "%nA fresh Discogen HTTP/2 client that makes one call before the other 199 (64 in"
        + " flight): %.0f ms (one call's latency included), %.0f ms of CPU, %.0f connections.%n",
        coldFirst.wallMs(), coldFirst.cpuMs(), coldFirst.conns()));
    sb.append(String.format(Locale.ROOT, "A fresh Discogen HTTP/2 client without the runtime's first-connection gate (given as"
        + " a plain `HttpSender`), first 200 calls, 64 in flight: %.0f ms, %.0f ms of CPU, %.0f connections.%n",
        coldRaw.wallMs(), coldRaw.cpuMs(), coldRaw.conns()));
    sb.append(String.format(Locale.ROOT, "Ratios above 1 mean Discogen is faster or cheaper."
        + " Connections per (c) run of 2,000 calls: %.0f, %.0f, %.0f, %.0f.%n", q[0].conns(), q[1].conns(), q[2].conns(),
        q[3].conns()));
    sb.append("Per-round samples (wall ms): list " + LinkBench.rounds(list) + "; gets " + LinkBench.rounds(many) + ".\n");
    sb.append("Connections per (b) run, per round: " + conns(many) + ".\n");
    return sb.toString();
  }

  static LinkBench.Sample[] medians(Map<String, List<LinkBench.Sample>> m) {
    return NAMES.stream().map(n -> LinkBench.median(m.get(n))).toArray(LinkBench.Sample[]::new);
  }

  interface Field {
    double of(LinkBench.Sample s);
  }

  /** One row: each contender's value, then the official client's against each Discogen contender's. */
  static void row(StringBuilder sb, String what, LinkBench.Sample[] s, Field f, String fmt, boolean ratio, String floor) {
    double off = f.of(s[s.length - 1]);
    boolean rate = !ratio && what.contains("requests/s");
    StringBuilder line = new StringBuilder("| " + what + " |");
    for (LinkBench.Sample x : s) {
      line.append(' ').append(String.format(Locale.ROOT, fmt, f.of(x))).append(" |");
    }
    for (int i = 0; i < s.length - 1; i++) {
      double d = f.of(s[i]);
      line.append(' ').append(ratio ? String.format(Locale.ROOT, "%.2fx", off / d)
          : rate ? String.format(Locale.ROOT, "%.2fx", d / off) : "").append(" |");
    }
    sb.append(line).append(' ').append(floor).append(" |\n");
  }

  static String conns(Map<String, List<LinkBench.Sample>> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(k).append(' ')
        .append(v.stream().map(s -> String.format(Locale.ROOT, "%.0f", s.conns())).toList()).append(' '));
    return sb.toString().trim();
  }
}
