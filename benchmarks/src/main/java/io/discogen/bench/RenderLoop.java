package io.discogen.bench;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders one spec (or directory) N times in this JVM, printing each run's wall-clock milliseconds
 * and the CPU milliseconds the whole process used meanwhile (all threads, GC included): the warm
 * workload run.sh profiles with JFR. On a shared machine the CPU figure is the steadier one.
 * {@code java -cp benchmarks.jar io.discogen.bench.RenderLoop SPEC N}
 */
public final class RenderLoop {
  private RenderLoop() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path out = Files.createTempDirectory("discogen-render");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      Generator.render(new GeneratorOptions(List.of(spec), out, null, true), p -> {});
      long wall = (System.nanoTime() - t0) / 1_000_000;
      long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
      System.out.printf("run %d: %d ms (cpu %d ms)%n", i + 1, wall, cpu);
    }
  }
}
