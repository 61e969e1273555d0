package io.discogen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold-process generation, Discogen's CLI against OpenAPI Generator's ({@code -g java}, generation
 * only: no compile, no tests or docs), each a fresh JVM, interleaved round by round (the order
 * alternates each round) so that both see the same machine load. Wall time, CPU time and peak RSS
 * come from {@code /usr/bin/time -f "%e %M %U %S"}; lines are the {@code .java} lines each tool wrote.
 *
 * <pre>
 * java -cp benchmarks.jar io.discogen.bench.ColdRun ROUNDS DISCOGEN_JAR OAG_JAR CORPUS_DIR OAD_DIR WORK_DIR RESULTS_TSV [CASES [LAUNCHER]]
 * </pre>
 *
 * With LAUNCHER ({@code bin/discogen}), Discogen runs the way its README says to run it, as tool
 * {@code discogen}, and {@code java -jar} is a second row ({@code discogen java -jar}). The
 * launcher's class-data archive goes to a cache under WORK_DIR, written by one untimed run first
 * (recorded as round 0, tool {@code discogen first run}: what a user's very first run costs).
 *
 * RESULTS_TSV gets one line per run: case, tool, round, seconds, peak RSS KB, java files, java
 * lines, CPU seconds (user + sys).
 */
public final class ColdRun {
  private ColdRun() {}

  record Case(String name, Path discovery, Path openapi) {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path discogenJar = Path.of(args[1]);
    Path oagJar = Path.of(args[2]);
    Path corpus = Path.of(args[3]);
    Path oad = Path.of(args[4]);
    Path work = Path.of(args[5]);
    Path results = Path.of(args[6]);
    Files.createDirectories(work);
    List<Case> cases = List.of(
        new Case("dataproc.v1", corpus.resolve("dataproc.v1.json"), oad.resolve("dataproc.json")),
        new Case("compute.v1", corpus.resolve("compute.v1.json"), oad.resolve("compute.json")),
        new Case("corpus (454 docs)", corpus, null));
    // Optional 8th argument: the cases to run, comma-separated prefixes (e.g. "dataproc,compute").
    List<String> only = args.length > 7 && !args[7].isEmpty() ? List.of(args[7].split(",")) : List.of();
    Path launcher = args.length > 8 ? Path.of(args[8]) : null;
    Path cache = work.resolve("cache");
    List<String> lines = new ArrayList<>();
    if (launcher != null) {
      deleteTree(cache);
      run(cases.get(0), "discogen first run", 0, work, discogenJar, oagJar, launcher, cache, lines, results);
    }
    for (int round = 1; round <= rounds; round++) {
      for (Case c : cases) {
        if (!only.isEmpty() && only.stream().noneMatch(c.name()::startsWith)) {
          continue;
        }
        List<String> order = new ArrayList<>(List.of("discogen", "openapi-generator"));
        if (launcher != null) {
          order.add(1, "discogen java -jar");
        }
        if (c.openapi() == null) {
          order.remove("openapi-generator");
        }
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (String tool : order) {
          run(c, tool, round, work, discogenJar, oagJar, launcher, cache, lines, results);
        }
      }
    }
  }

  private static void run(Case c, String tool, int round, Path work, Path discogenJar, Path oagJar, Path launcher,
      Path cache, List<String> lines, Path results) throws IOException, InterruptedException {
    Path out = work.resolve(tool.replace(' ', '_') + "-" + c.name().replaceAll("[^a-z0-9.]", "_"));
    deleteTree(out);
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", work.resolve("time.txt").toString()));
    if (tool.startsWith("discogen")) {
      if (launcher != null && !tool.equals("discogen java -jar")) {
        cmd.add(launcher.toString());
      } else {
        cmd.addAll(List.of("java", "-jar", discogenJar.toString()));
      }
      cmd.addAll(discogenArgs(List.of(c.discovery().toString()), out));
    } else {
      cmd.addAll(List.of("java", "-jar", oagJar.toString()));
      cmd.addAll(openApiGeneratorArgs(c.openapi().toString(), out));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.resolve(tool.replace(' ', '_') + ".log").toFile());
    pb.environment().put("XDG_CACHE_HOME", cache.toString()); // the launcher's archive, not the user's
    pb.environment().put("DISCOGEN_JAR", discogenJar.toString());
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(tool + " " + c.name() + " timed out");
    }
    String[] t = Files.readString(work.resolve("time.txt")).trim().split("\\R");
    String[] last = t[t.length - 1].trim().split(" ");
    if (p.exitValue() != 0) {
      throw new IllegalStateException(tool + " " + c.name() + " exited " + p.exitValue()
          + "; see " + work.resolve(tool.replace(' ', '_') + ".log"));
    }
    long[] counted = countJava(out);
    String cpu = String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(last[2]) + Double.parseDouble(last[3]));
    String line = String.join("\t", c.name(), tool, String.valueOf(round), last[0], last[1],
        String.valueOf(counted[0]), String.valueOf(counted[1]), cpu);
    System.out.println(line);
    lines.add(line);
    Files.write(results, lines);
  }

  /** Discogen's command line (after the program): every spec into {@code out}, sources only. */
  static List<String> discogenArgs(List<String> specs, Path out) {
    List<String> a = new ArrayList<>(List.of("generate", "--out", out.toString(), "--sources-only"));
    for (String s : specs) {
      a.add("--spec");
      a.add(s);
    }
    return a;
  }

  /** OpenAPI Generator's command line (after the program): its Java client, generation only. */
  static List<String> openApiGeneratorArgs(String spec, Path out) {
    return List.of("generate", "-g", "java", "-i", spec, "-o", out.toString(), "--skip-validate-spec",
        "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false");
  }

  static long[] countJava(Path dir) throws IOException {
    long files = 0;
    long lines = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
        files++;
        byte[] b = Files.readAllBytes(f);
        for (byte x : b) {
          if (x == '\n') {
            lines++;
          }
        }
      }
    }
    return new long[] {files, lines};
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
