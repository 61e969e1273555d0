package io.discogen.bench;

import com.palantir.javapoet.JavaFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.java.JavaEmitter;
import io.discogen.spec.SpecReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders one spec (or directory) N times in this JVM, printing each run's wall-clock milliseconds
 * and the CPU milliseconds the whole process used meanwhile (all threads, GC included): the warm
 * workload run.sh profiles with JFR. On a shared machine the CPU figure is the steadier one.
 * {@code java -cp benchmarks.jar io.discogen.bench.RenderLoop SPEC N}
 *
 * <p>With a third argument {@code phases} (one spec file), each run does the work on this thread
 * alone and prints the thread's CPU time per phase: reading the spec into the IR, emitting
 * JavaPoet's specs, and JavaPoet rendering them to text. The last is the part no change in
 * Discogen's own code can shrink, which bounds how fast generation can get while it renders
 * through JavaPoet.
 * {@code java -cp benchmarks.jar io.discogen.bench.RenderLoop SPEC N phases}
 */
public final class RenderLoop {
  private RenderLoop() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    if (args.length > 2 && args[2].equals("phases")) {
      phases(spec, n);
      return;
    }
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

  private static void phases(Path spec, int n) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < n; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      ApiModel api = SpecReader.read(spec, spec.getFileName().toString());
      long t1 = threads.getCurrentThreadCpuTime();
      List<JavaFile> files = JavaEmitter.emit(api, "bench.phases");
      long t2 = threads.getCurrentThreadCpuTime();
      long chars = 0;
      for (JavaFile f : files) {
        chars += f.toString().length();
      }
      long t3 = threads.getCurrentThreadCpuTime();
      System.out.printf("run %d: read %.1f ms, emit %.1f ms, render %.1f ms (thread cpu); %d files, %d chars%n",
          i + 1, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, files.size(), chars);
    }
  }
}
