package io.discogen.bench;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders one spec (or directory) N times in this JVM, printing each run's milliseconds: the warm
 * workload run.sh profiles with JFR. {@code java -cp benchmarks.jar io.discogen.bench.RenderLoop SPEC N}
 */
public final class RenderLoop {
  private RenderLoop() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path out = Files.createTempDirectory("discogen-render");
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Generator.render(new GeneratorOptions(List.of(spec), out, null, true), p -> {});
      System.out.printf("run %d: %d ms%n", i + 1, (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
