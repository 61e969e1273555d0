package io.discogen.bench;

import io.discogen.Generator;
import io.discogen.GeneratedFile;
import io.discogen.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Warm, in-process generation: {@link Generator#render} (read, model, emit, render to bytes; no
 * disk writes) of compute.v1 (the largest document), dataproc.v1, and the whole corpus. Single-shot
 * times after warm-up runs in the same JVM. The corpus is read from {@code -Ddiscogen.corpus}
 * (default {@code ../shared/corpus/discovery-2024}, relative to the checkout where run.sh runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class GenerateBench {
  Path corpus;
  Path out;

  @Setup
  public void setup() throws Exception {
    corpus = Path.of(System.getProperty("discogen.corpus", "../shared/corpus/discovery-2024"));
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException("no corpus at " + corpus.toAbsolutePath() + " (set -Ddiscogen.corpus)");
    }
    out = Files.createTempDirectory("discogen-bench");
  }

  private long render(Path spec) throws Exception {
    Generator.Result r = Generator.render(new GeneratorOptions(List.of(spec), out, null, true), p -> {});
    long bytes = 0;
    for (GeneratedFile f : r.files()) {
      bytes += f.content().length;
    }
    return bytes;
  }

  // Warm means after C2 has finished: on 2 cores a compute.v1 render keeps getting faster for ~20
  // runs (RenderLoop: 2.8 s, then 0.8-1.9 s while compiling, then 0.4-0.5 s), so 5 warm-ups measured
  // a JVM still compiling (benchmarks/FINDINGS.md, "Warm means warm").
  @Benchmark
  @Warmup(iterations = 25)
  @Measurement(iterations = 10)
  public long computeV1() throws Exception {
    return render(corpus.resolve("compute.v1.json"));
  }

  @Benchmark
  @Warmup(iterations = 40)
  @Measurement(iterations = 10)
  public long dataprocV1() throws Exception {
    return render(corpus.resolve("dataproc.v1.json"));
  }

  @Benchmark
  @Warmup(iterations = 3)
  @Measurement(iterations = 3)
  public long wholeCorpus() throws Exception {
    return render(corpus);
  }
}
