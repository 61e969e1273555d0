package io.discogen.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.sun.net.httpserver.HttpServer;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A small GET ({@code sessions.get}, a ~1.3 KB Session) on loopback against the JDK's HttpServer on
 * 127.0.0.1: Discogen's generated client ({@code java.net.http} + Jackson) against Google's official
 * one (google-http-client, {@code NetHttpTransport}, {@code GsonFactory}). One thread, requests per
 * second; run with {@code -prof gc} for bytes allocated per request (client and server share the
 * JVM, so allocation includes the server's, which is the same for both sides).
 *
 * <p>Two floors, without any generated or runtime code: {@code jdkGet} is a bare {@code
 * java.net.http} GET as Discogen's transport sends it (HTTP/1.1, the same headers, body into a byte
 * array) decoded by the same Jackson mapper; {@code urlConnectionGet} the same with the JDK's {@code
 * HttpURLConnection}, which the official client's {@code NetHttpTransport} wraps. Their gap is what
 * the choice of HTTP client costs, whatever the layers above it do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 3) // shorter left C2 unfinished at load ~10 (FINDINGS.md, decode round)
@Measurement(iterations = 5, time = 2)
public class HttpBench {
  static final String NAME = "projects/bench-project/locations/us-central1/sessions/session-0";

  HttpServer server;
  ExecutorService serverThreads;
  io.discogen.bench.gen.dataproc.Dataproc discogen;
  com.google.api.services.dataproc.Dataproc official;
  String url;
  HttpClient jdk;

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    byte[] body = Payloads.oneSession();
    // Without TCP_NODELAY the JDK server's small responses wait for the client's delayed ACK: every
    // client then measures ~24 requests/s (40 ms each), whatever it is. Read once, when the server
    // classes initialise, so set here for every caller (JMH, Interleaved), before the first server.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    discogen = new io.discogen.bench.gen.dataproc.Dataproc(ClientOptions.builder()
        .rootUrl(root)
        .credentials(Credentials.none())
        .build());
    official = new com.google.api.services.dataproc.Dataproc.Builder(
            new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
        .setRootUrl(root)
        .setApplicationName("discogen-bench")
        .build();
    url = root + "v1/" + NAME;
    jdk = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
    // Both sides really talk to the server and decode the same Session.
    String a = discogenGet();
    String b = officialGet();
    String c = jdkGet();
    String d = urlConnectionGet();
    if (!NAME.equals(a) || !NAME.equals(b) || !NAME.equals(c) || !NAME.equals(d)) {
      throw new IllegalStateException("unexpected names: " + a + " / " + b + " / " + c + " / " + d);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Benchmark
  public String discogenGet() {
    return discogen.projects().locations().sessions().get(NAME).execute().getName();
  }

  @Benchmark
  public String officialGet() throws IOException {
    return official.projects().locations().sessions().get(NAME).execute().getName();
  }

  @Benchmark
  public String jdkGet() throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<byte[]> resp = jdk.send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (resp.statusCode() != 200) {
      throw new IOException("HTTP " + resp.statusCode());
    }
    io.discogen.bench.gen.dataproc.model.Session s = Json.get().read(resp.body(), io.discogen.bench.gen.dataproc.model.Session.class);
    return s.getName();
  }

  @Benchmark
  public String urlConnectionGet() throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setRequestProperty("Accept", "application/json");
    c.setConnectTimeout(30_000);
    c.setReadTimeout(60_000);
    if (c.getResponseCode() != 200) {
      throw new IOException("HTTP " + c.getResponseCode());
    }
    byte[] body;
    try (InputStream in = c.getInputStream()) {
      body = in.readAllBytes();
    }
    io.discogen.bench.gen.dataproc.model.Session s = Json.get().read(body, io.discogen.bench.gen.dataproc.model.Session.class);
    return s.getName();
  }
}
