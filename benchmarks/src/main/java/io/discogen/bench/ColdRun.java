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
 * alternates each round) so that both see the same machine load. Wall time and peak RSS come from
 * {@code /usr/bin/time -f "%e %M"}; lines are the {@code .java} lines each tool wrote.
 *
 * <pre>
 * java -cp benchmarks.jar io.discogen.bench.ColdRun ROUNDS DISCOGEN_JAR OAG_JAR CORPUS_DIR OAD_DIR WORK_DIR RESULTS_TSV [CASES]
 * </pre>
 *
 * RESULTS_TSV gets one line per run: case, tool, round, seconds, peak RSS KB, java files, java lines.
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
    List<String> only = args.length > 7 ? List.of(args[7].split(",")) : List.of();
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (Case c : cases) {
        if (!only.isEmpty() && only.stream().noneMatch(c.name()::startsWith)) {
          continue;
        }
        List<String> order = new ArrayList<>(List.of("discogen", "openapi-generator"));
        if (c.openapi() == null) {
          order.remove("openapi-generator");
        } else if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (String tool : order) {
          Path out = work.resolve(tool + "-" + c.name().replaceAll("[^a-z0-9.]", "_"));
          deleteTree(out);
          List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", work.resolve("time.txt").toString(),
              "java", "-jar"));
          if (tool.equals("discogen")) {
            cmd.addAll(List.of(discogenJar.toString(), "generate", "--spec", c.discovery().toString(),
                "--out", out.toString(), "--sources-only"));
          } else {
            cmd.addAll(List.of(oagJar.toString(), "generate", "-g", "java", "-i", c.openapi().toString(),
                "-o", out.toString(), "--skip-validate-spec",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"));
          }
          Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
              .redirectOutput(work.resolve(tool + ".log").toFile()).start();
          if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(tool + " " + c.name() + " timed out");
          }
          String[] t = Files.readString(work.resolve("time.txt")).trim().split("\\R");
          String[] last = t[t.length - 1].trim().split(" ");
          if (p.exitValue() != 0) {
            throw new IllegalStateException(tool + " " + c.name() + " exited " + p.exitValue()
                + "; see " + work.resolve(tool + ".log"));
          }
          long[] counted = countJava(out);
          String line = String.join("\t", c.name(), tool, String.valueOf(round), last[0], last[1],
              String.valueOf(counted[0]), String.valueOf(counted[1]));
          System.out.println(line);
          lines.add(line);
          Files.write(results, lines);
        }
      }
    }
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
