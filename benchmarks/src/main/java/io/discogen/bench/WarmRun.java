package io.discogen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Warm, in-process generation through each tool's own CLI entry point, Discogen's against OpenAPI
 * Generator's, in a JVM of its own per tool: the same command line as {@link ColdRun}, called again
 * and again, so that the later passes show each tool with its classes loaded and its code compiled.
 * Both write their files to disk (OpenAPI Generator cannot render without writing), unlike
 * {@link GenerateBench}, which times Discogen's rendering alone.
 *
 * <p>Each tool's jar is loaded in a class loader of its own (parent: the platform loader), so
 * neither sees the other's, or this module's, libraries. Their console output goes to a log file.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks.jar io.discogen.bench.WarmRun TOOL JAR CASE WARMUPS RUNS THREADS WORK_DIR RESULTS_TSV SPEC...
 * java -cp benchmarks.jar io.discogen.bench.WarmRun --matched DISCOVERY_DIR OPENAPI_DIR
 * </pre>
 *
 * The second form prints the APIs both corpora have ({@link #matchedCorpus}), a tab-separated pair per line.
 *
 * TOOL is {@code discogen} or {@code openapi-generator}. One pass generates every SPEC: Discogen in
 * one call (it spreads the APIs over the cores itself); OpenAPI Generator once per spec, spread over
 * THREADS threads. Pass 1 is the first in a fresh JVM (a cold batch, without the JVM's own start),
 * then WARMUPS passes, then RUNS measured passes. RESULTS_TSV gets a line per pass: case, tool,
 * pass (first, warmup, run), wall ms, process CPU ms, peak heap MB (heap pools' peak use during
 * the pass, garbage included), java files, java lines (counted after the last pass only, else 0).
 */
public final class WarmRun {
  private WarmRun() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--matched")) {
      for (Path[] p : matchedCorpus(Path.of(args[1]), Path.of(args[2]))) {
        System.out.println(p[0] + "\t" + p[1]);
      }
      return;
    }
    String tool = args[0];
    Path jar = Path.of(args[1]);
    String caseName = args[2];
    int warmups = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    Path work = Path.of(args[6]);
    Path results = Path.of(args[7]);
    List<String> specs = List.of(args).subList(8, args.length);
    Files.createDirectories(work);

    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Entry entry = tool.equals("discogen")
        ? discogen(loader.loadClass("io.discogen.cli.Main"))
        : openApiGenerator(loader.loadClass("org.openapitools.codegen.OpenAPIGenerator"), loader, threads);

    String slug = tool + "-" + caseName.replaceAll("[^A-Za-z0-9.]", "_");
    Path out = work.resolve(slug);
    PrintStream console = System.out;
    PrintStream log = new PrintStream(new FileOutputStream(work.resolve(slug + ".log").toFile()), true);
    List<String> lines = new ArrayList<>(Files.exists(results) ? Files.readAllLines(results) : List.of());
    int passes = 1 + warmups + runs;
    for (int pass = 1; pass <= passes; pass++) {
      ColdRun.deleteTree(out);
      System.gc();
      resetPeaks();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      System.setOut(log);
      System.setErr(log);
      try {
        entry.generate(specs, out);
      } finally {
        System.setOut(console);
        System.setErr(console);
      }
      long wall = System.nanoTime() - t0;
      long cpu = processCpuNanos() - cpu0;
      long peakHeap = peakHeapBytes();
      String kind = pass == 1 ? "first" : pass <= 1 + warmups ? "warmup" : "run";
      long[] counted = pass == passes ? ColdRun.countJava(out) : new long[] {0, 0};
      String line = String.join("\t", caseName, tool, kind, String.valueOf(wall / 1_000_000),
          String.valueOf(cpu / 1_000_000), String.valueOf(peakHeap >> 20), String.valueOf(counted[0]), String.valueOf(counted[1]));
      console.println(line);
      if (!kind.equals("warmup")) {
        lines.add(line);
        Files.write(results, lines);
      }
    }
  }

  /** One pass: generate every spec into {@code out}. */
  interface Entry {
    void generate(List<String> specs, Path out) throws Exception;
  }

  private static Entry discogen(Class<?> main) throws NoSuchMethodException {
    Method run = main.getMethod("run", String[].class);
    return (specs, out) -> {
      int code = (Integer) run.invoke(null, (Object) ColdRun.discogenArgs(specs, out).toArray(String[]::new));
      if (code != 0) {
        throw new IllegalStateException("discogen exited " + code);
      }
    };
  }

  private static Entry openApiGenerator(Class<?> main, ClassLoader loader, int threads) throws NoSuchMethodException {
    Method run = main.getMethod("main", String[].class);
    return (specs, out) -> {
      // main() returns after a successful generate (it exits the JVM only on a usage error).
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r);
        t.setContextClassLoader(loader);
        return t;
      });
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
          String[] args = ColdRun.openApiGeneratorArgs(specs.get(i), out.resolve(String.valueOf(i + 1))).toArray(String[]::new);
          done.add(pool.submit(() -> {
            run.invoke(null, (Object) args);
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
    };
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The APIs in both corpora: each OpenAPI document of the directory's {@code googleapis.com}
   * folder ({@code NAME.json}, one version per API) whose {@code info.version} names a discovery
   * document {@code NAME.VERSION.json}. Returns pairs {discovery, openapi}, sorted by name.
   */
  static List<Path[]> matchedCorpus(Path discovery, Path openapi) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path[]> pairs = new ArrayList<>();
    try (Stream<Path> s = Files.list(openapi)) {
      for (Path o : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = o.getFileName().toString().replaceFirst("\\.json$", "");
        String version = json.readTree(o.toFile()).path("info").path("version").asText("");
        Path d = discovery.resolve(name + "." + version + ".json");
        if (!version.isEmpty() && Files.isRegularFile(d)) {
          pairs.add(new Path[] {d, o});
        }
      }
    }
    return pairs;
  }
}
