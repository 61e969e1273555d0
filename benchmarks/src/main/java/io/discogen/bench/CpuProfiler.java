package io.discogen.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for JMH ({@code -prof io.discogen.bench.CpuProfiler}): {@code
 * cpu.worker.norm} is the CPU time of JMH's benchmark threads, {@code cpu.process.norm} that of the
 * whole JVM (GC and JIT threads included), both in microseconds per operation. On a shared machine
 * a throughput score also counts the time the benchmark waited for a core, which depends on what
 * else ran during that benchmark; CPU time does not, so ratios of these are comparable across
 * benchmarks that JMH ran one after the other under different load.
 */
public final class CpuProfiler implements InternalProfiler {
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> workersBefore = Map.of();
  private long processBefore;

  @Override
  public String getDescription() {
    return "CPU time per operation: benchmark threads and whole process";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    workersBefore = workerCpu();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long workers = 0;
    for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
      workers += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    if (ops == 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.worker.norm", workers / 1e3 / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process.norm", process / 1e3 / ops, "us/op", AggregationPolicy.AVG));
  }

  /** CPU time so far of each live JMH benchmark thread (JMH names them {@code ...-jmh-worker-N}). */
  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().contains("jmh-worker")) {
        long c = threads.getThreadCpuTime(t.getId());
        if (c >= 0) {
          cpu.put(t.getId(), c);
        }
      }
    }
    return cpu;
  }
}
