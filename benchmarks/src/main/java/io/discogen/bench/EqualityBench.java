package io.discogen.bench;

import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.discogen.runtime.json.Json;
import java.io.IOException;
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
 * {@code equals} and {@code hashCode} of whole decoded responses (two copies decoded from the same
 * bytes, so every nested model is compared): Discogen's models, whose {@code JsonModel} compares the
 * arrays each class's {@code fields()} returns, against Google's official models ({@code
 * GenericData}, a map of the fields). Not part of {@code run.sh}'s report; run it with
 * {@code java -jar benchmarks.jar EqualityBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EqualityBench {
  private static final JsonFactory GSON = GsonFactory.getDefaultInstance();

  Object discogenSessionsA;
  Object discogenSessionsB;
  Object officialSessionsA;
  Object officialSessionsB;
  Object discogenInstancesA;
  Object discogenInstancesB;
  Object officialInstancesA;
  Object officialInstancesB;

  @Setup
  public void setup() throws IOException {
    byte[] sessions = Payloads.sessions(JsonBench.SESSIONS);
    byte[] instances = Payloads.instances(JsonBench.INSTANCES);
    discogenSessionsA = Json.get().read(sessions, io.discogen.bench.gen.dataproc.model.ListSessionsResponse.class);
    discogenSessionsB = Json.get().read(sessions, io.discogen.bench.gen.dataproc.model.ListSessionsResponse.class);
    officialSessionsA = JsonBench.parse(GSON, sessions, com.google.api.services.dataproc.model.ListSessionsResponse.class);
    officialSessionsB = JsonBench.parse(GSON, sessions, com.google.api.services.dataproc.model.ListSessionsResponse.class);
    discogenInstancesA = Json.get().read(instances, io.discogen.bench.gen.compute.model.InstanceList.class);
    discogenInstancesB = Json.get().read(instances, io.discogen.bench.gen.compute.model.InstanceList.class);
    officialInstancesA = JsonBench.parse(GSON, instances, com.google.api.services.compute.model.InstanceList.class);
    officialInstancesB = JsonBench.parse(GSON, instances, com.google.api.services.compute.model.InstanceList.class);
    // A benchmark of equals that answers false early would measure nothing.
    for (Object[] pair : new Object[][] {
        {discogenSessionsA, discogenSessionsB}, {officialSessionsA, officialSessionsB},
        {discogenInstancesA, discogenInstancesB}, {officialInstancesA, officialInstancesB}}) {
      if (pair[0] == pair[1] || !pair[0].equals(pair[1]) || pair[0].hashCode() != pair[1].hashCode()) {
        throw new IllegalStateException("copies of " + pair[0].getClass() + " are not equal");
      }
    }
  }

  @Benchmark
  public boolean sessionsEqualsDiscogen() {
    return discogenSessionsA.equals(discogenSessionsB);
  }

  @Benchmark
  public boolean sessionsEqualsOfficial() {
    return officialSessionsA.equals(officialSessionsB);
  }

  @Benchmark
  public int sessionsHashDiscogen() {
    return discogenSessionsA.hashCode();
  }

  @Benchmark
  public int sessionsHashOfficial() {
    return officialSessionsA.hashCode();
  }

  @Benchmark
  public boolean instancesEqualsDiscogen() {
    return discogenInstancesA.equals(discogenInstancesB);
  }

  @Benchmark
  public boolean instancesEqualsOfficial() {
    return officialInstancesA.equals(officialInstancesB);
  }

  @Benchmark
  public int instancesHashDiscogen() {
    return discogenInstancesA.hashCode();
  }

  @Benchmark
  public int instancesHashOfficial() {
    return officialInstancesA.hashCode();
  }
}
