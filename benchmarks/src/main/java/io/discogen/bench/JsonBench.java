package io.discogen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.jackson2.JacksonFactory;
import io.discogen.runtime.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and encoding large responses into generated models: Discogen's models (Jackson through
 * {@link Json}) against Google's official generated models (google-http-client's {@code
 * GsonFactory}, its default, and {@code JacksonFactory}), with plain Jackson tree parsing as the
 * ceiling. Each invocation handles one whole response (thousands of elements): the score is
 * responses per second; ratios between rows are what the report uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 3) // shorter left C2 unfinished at load ~10 (FINDINGS.md, decode round)
@Measurement(iterations = 5, time = 2)
@SuppressWarnings("deprecation") // JacksonFactory: deprecated in favour of GsonFactory, still shipped and used
public class JsonBench {
  /** Sessions in the ListSessionsResponse (about 1.3 KB each). */
  public static final int SESSIONS = 2000;
  /** Instances in the InstanceList (about 2.6 KB each). */
  public static final int INSTANCES = 1000;

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final JsonFactory GSON = GsonFactory.getDefaultInstance();
  private static final JsonFactory JACKSON2 = JacksonFactory.getDefaultInstance();

  byte[] sessions;
  byte[] instances;
  io.discogen.bench.gen.dataproc.model.ListSessionsResponse discogenSessions;
  com.google.api.services.dataproc.model.ListSessionsResponse officialSessions;
  JsonNode treeSessions;
  io.discogen.bench.gen.compute.model.InstanceList discogenInstances;
  com.google.api.services.compute.model.InstanceList officialInstances;
  JsonNode treeInstances;

  @Setup
  public void setup() throws IOException {
    sessions = Payloads.sessions(SESSIONS);
    instances = Payloads.instances(INSTANCES);
    discogenSessions = Json.get().read(sessions, io.discogen.bench.gen.dataproc.model.ListSessionsResponse.class);
    officialSessions = parse(GSON, sessions, com.google.api.services.dataproc.model.ListSessionsResponse.class);
    treeSessions = PLAIN.readTree(sessions);
    discogenInstances = Json.get().read(instances, io.discogen.bench.gen.compute.model.InstanceList.class);
    officialInstances = parse(GSON, instances, com.google.api.services.compute.model.InstanceList.class);
    treeInstances = PLAIN.readTree(instances);
    Sanity.check(this);
  }

  static <T> T parse(JsonFactory f, byte[] json, Class<T> type) throws IOException {
    return f.createJsonParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8).parseAndClose(type);
  }

  // ---- Dataproc ListSessionsResponse: decode ----

  @Benchmark
  public Object sessionsDecodeDiscogen() {
    return Json.get().read(sessions, io.discogen.bench.gen.dataproc.model.ListSessionsResponse.class);
  }

  @Benchmark
  public Object sessionsDecodeOfficialGson() throws IOException {
    return parse(GSON, sessions, com.google.api.services.dataproc.model.ListSessionsResponse.class);
  }

  @Benchmark
  public Object sessionsDecodeOfficialJackson2() throws IOException {
    return parse(JACKSON2, sessions, com.google.api.services.dataproc.model.ListSessionsResponse.class);
  }

  @Benchmark
  public Object sessionsDecodeJacksonTree() throws IOException {
    return PLAIN.readTree(sessions);
  }

  // ---- Dataproc ListSessionsResponse: encode ----

  @Benchmark
  public byte[] sessionsEncodeDiscogen() {
    return Json.get().write(discogenSessions);
  }

  @Benchmark
  public byte[] sessionsEncodeOfficialGson() throws IOException {
    return GSON.toByteArray(officialSessions);
  }

  @Benchmark
  public byte[] sessionsEncodeJacksonTree() throws IOException {
    return PLAIN.writeValueAsBytes(treeSessions);
  }

  // ---- Compute InstanceList: decode ----

  @Benchmark
  public Object instancesDecodeDiscogen() {
    return Json.get().read(instances, io.discogen.bench.gen.compute.model.InstanceList.class);
  }

  @Benchmark
  public Object instancesDecodeOfficialGson() throws IOException {
    return parse(GSON, instances, com.google.api.services.compute.model.InstanceList.class);
  }

  @Benchmark
  public Object instancesDecodeOfficialJackson2() throws IOException {
    return parse(JACKSON2, instances, com.google.api.services.compute.model.InstanceList.class);
  }

  @Benchmark
  public Object instancesDecodeJacksonTree() throws IOException {
    return PLAIN.readTree(instances);
  }

  // ---- Compute InstanceList: encode ----

  @Benchmark
  public byte[] instancesEncodeDiscogen() {
    return Json.get().write(discogenInstances);
  }

  @Benchmark
  public byte[] instancesEncodeOfficialGson() throws IOException {
    return GSON.toByteArray(officialInstances);
  }

  @Benchmark
  public byte[] instancesEncodeJacksonTree() throws IOException {
    return PLAIN.writeValueAsBytes(treeInstances);
  }
}
