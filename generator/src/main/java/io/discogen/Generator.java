package io.discogen;

import com.palantir.javapoet.JavaFile;
import io.discogen.docs.MarkdownEmitter;
import io.discogen.ir.ApiModel;
import io.discogen.java.JavaEmitter;
import io.discogen.java.JavaNames;
import io.discogen.java.NamePlan;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import io.discogen.write.OutputWriter;
import io.discogen.write.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The front door, reading like the pipeline: read each spec into the IR, emit Java files, write
 * them through {@link OutputWriter}. Nothing reaches the output directory unless every spec is
 * accepted, and only files Discogen wrote there before are replaced or removed.
 */
public final class Generator {
  private Generator() {}

  /** Progress of a run, for a terminal's progress line. */
  public record Progress(int done, int total, String spec) {}

  /**
   * What a run produced.
   *
   * @param files the sources (and {@code pom.xml}), relative to the output directory
   * @param docs the Markdown docs, relative to the docs directory; empty when no docs were asked for
   */
  public record Result(
      List<ApiModel> apis, Map<String, String> packages, List<GeneratedFile> files, List<GeneratedFile> docs) {

    public Result {
      files = List.copyOf(files);
      docs = List.copyOf(docs);
    }

    /** Every spec's warnings, spec by spec in the order the specs were given. */
    public List<SpecProblem> warnings() {
      return Generator.warnings(apis);
    }

    /** A result without docs. */
    public Result(List<ApiModel> apis, Map<String, String> packages, List<GeneratedFile> files) {
      this(apis, packages, files, List.of());
    }
  }

  /**
   * What a run wrote. Paths only: the contents are on disk, and keeping them all in memory until
   * the run ends made the whole corpus 1 s slower (184 MB more for the collector to copy and keep).
   *
   * @param files the sources (and {@code pom.xml}), relative to the output directory, in
   *     generation order (as in its manifest)
   * @param docs the Markdown docs, relative to the docs directory; empty when no docs were asked for
   */
  public record Written(List<ApiModel> apis, Map<String, String> packages, List<String> files, List<String> docs) {

    public Written {
      files = List.copyOf(files);
      docs = List.copyOf(docs);
    }

    /**
     * Every spec's warnings, spec by spec in the order the specs were given: what is questionable
     * in them but did not stop generation (swagger-parser's messages, located). For the caller to
     * show; with {@link GeneratorOptions#strict} they are errors instead and nothing is written.
     */
    public List<SpecProblem> warnings() {
      return Generator.warnings(apis);
    }
  }

  static List<SpecProblem> warnings(List<ApiModel> apis) {
    List<SpecProblem> all = new ArrayList<>();
    for (ApiModel api : apis) {
      all.addAll(api.warnings());
    }
    return List.copyOf(all);
  }

  public static Written generate(GeneratorOptions options) throws SpecException, IOException {
    return generate(options, p -> {});
  }

  /**
   * Generates and writes. Throws {@link SpecException} with one problem per line when any spec is
   * rejected (with {@link GeneratorOptions#strict}, also when any has a warning); then the output
   * directory is left exactly as it was. Warnings otherwise come back in {@link Written#warnings}.
   */
  public static Written generate(GeneratorOptions options, Consumer<Progress> progress)
      throws SpecException, IOException {
    Path out = options.outputDirectory().toAbsolutePath().normalize();
    Path docs = options.docsDirectory() == null ? null : options.docsDirectory().toAbsolutePath().normalize();
    if (docs != null && out.startsWith(docs)) {
      throw new IOException("the docs directory " + options.docsDirectory()
          + " must not be the output directory or contain it");
    }
    OutputWriter.recover(out);
    if (docs != null) {
      OutputWriter.recover(docs);
    }
    Read read = read(options, progress);
    // Each source file goes into the staging directory as soon as it is rendered, on the thread
    // that rendered it, and is then let go.
    try (OutputWriter.Staging staging = OutputWriter.stage(options.outputDirectory())) {
      List<String> files = new ArrayList<>(emitSources(read, options, f -> {
        staging.write(f);
        return f.path();
      }));
      for (GeneratedFile f : projectFiles(read, options)) {
        staging.write(f);
        files.add(f.path());
      }
      List<GeneratedFile> docFiles = docs(read, options);
      List<String> manifest = new ArrayList<>(files);
      boolean docsInside = docs != null && docs.startsWith(out);
      if (docsInside) {
        // Inside the output directory: one file list, one atomic replacement.
        String prefix = out.relativize(docs).toString().replace(java.io.File.separatorChar, '/') + "/";
        for (GeneratedFile f : docFiles) {
          GeneratedFile inside = new GeneratedFile(prefix + f.path(), f.content());
          staging.write(inside);
          manifest.add(inside.path());
        }
      }
      if (docs != null && !docsInside) {
        // Two directories: both are checked and decided before either changes.
        try (OutputWriter.Staging docStaging = OutputWriter.stage(docs)) {
          List<String> docPaths = new ArrayList<>();
          for (GeneratedFile f : docFiles) {
            docStaging.write(f);
            docPaths.add(f.path());
          }
          docStaging.prepare(docPaths);
          staging.prepare(manifest);
          staging.apply();
          docStaging.apply();
        }
      } else {
        staging.commit(manifest);
      }
      return new Written(read.apis(), read.packages(), files, docFiles.stream().map(GeneratedFile::path).toList());
    }
  }

  /** Reads and emits everything in memory, writing nothing. */
  public static Result render(GeneratorOptions options, Consumer<Progress> progress) throws SpecException {
    Read read = read(options, progress);
    List<GeneratedFile> files;
    try {
      files = new ArrayList<>(emitSources(read, options, f -> f));
    } catch (IOException e) {
      throw new AssertionError("writes nothing, so cannot fail to write", e);
    }
    files.addAll(projectFiles(read, options));
    return new Result(read.apis(), read.packages(), files, docs(read, options));
  }

  /** Every spec read into the IR, and the package each API's code goes into. */
  private record Read(List<ApiModel> apis, Map<String, String> packages) {}

  private static Read read(GeneratorOptions options, Consumer<Progress> progress) throws SpecException {
    Map<Path, String> specs = expand(options.specs(), options.baseDirectory());
    List<ApiModel> apis = readAll(specs, progress);
    List<SpecProblem> warnings = warnings(apis);
    if (options.strict() && !warnings.isEmpty()) {
      // --strict: each warning is an error, before anything is written
      throw new SpecException(warnings.stream()
          .map(w -> new SpecProblem(w.file(), w.location(), w.message() + " (a warning; strict makes it an error)"))
          .toList());
    }
    return new Read(apis, assignPackages(apis, options.packageName()));
  }

  /**
   * Takes each source file as soon as it is rendered, on the thread that rendered it, and says what
   * of it to keep: the file itself, or (once written) its path.
   */
  @FunctionalInterface
  private interface Sink<T> {
    T accept(GeneratedFile file) throws IOException;
  }

  /**
   * Emits and renders every API's Java sources, handing each file to {@code sink}; returns what the
   * sink kept of each, in generation order. Throws {@link SpecException} when an API cannot be
   * emitted (the sink may have had other files by then).
   */
  private static <T> List<T> emitSources(Read read, GeneratorOptions options, Sink<T> sink)
      throws SpecException, IOException {
    String prefix = options.sourcesOnly() ? "" : "src/main/java/";
    // APIs are independent: emit them in parallel, largest first so that a big API does not start
    // last and leave one core idle at the end; results are kept in input order.
    List<Object> emitted;
    try {
      emitted = largestFirst(read.apis(), Generator::weight, api -> {
        try {
          return (Object) javaFiles(api, read.packages().get(api.source().displayPath()), prefix, options.cli(), sink);
        } catch (NamePlan.UnsupportedShapeException e) {
          return new SpecProblem(api.source().displayPath(), e.pointer(), e.getMessage());
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<T> kept = new ArrayList<>();
    List<SpecProblem> problems = new ArrayList<>();
    for (Object o : emitted) {
      if (o instanceof SpecProblem p) {
        problems.add(p);
      } else {
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) o;
        kept.addAll(list);
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return kept;
  }

  /** The project's {@code pom.xml}, unless only sources were asked for. */
  private static List<GeneratedFile> projectFiles(Read read, GeneratorOptions options) {
    if (options.sourcesOnly()) {
      return List.of();
    }
    if (!options.cli()) {
      return List.of(ProjectFiles.pom(read.apis(), version(), List.of()));
    }
    // With --cli: a runnable jar of each API's command line, and a launcher for each in bin/.
    List<ProjectFiles.CommandLine> commands = new ArrayList<>();
    for (ApiModel api : read.apis()) {
      commands.add(new ProjectFiles.CommandLine(api,
          JavaEmitter.cliMainClass(api, read.packages().get(api.source().displayPath()))));
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(ProjectFiles.pom(read.apis(), version(), commands));
    files.addAll(ProjectFiles.launchers(read.apis(), version(), commands));
    return files;
  }

  private static List<GeneratedFile> docs(Read read, GeneratorOptions options) {
    return options.docsDirectory() == null ? List.of() : MarkdownEmitter.emitAll(read.apis(), read.packages(), options.cli());
  }

  private static <T> List<T> javaFiles(ApiModel api, String pkg, String prefix, boolean cli, Sink<T> sink) {
    // Emitting and rendering (JavaPoet's two passes per file) are most of the time, and each file is
    // independent of the others: emit and render one API's files in parallel too, so one large API
    // (compute) uses every core. The service class, last in the list, holds every resource and
    // request: often the largest file by far (Compute.java is a third of compute's output), so it
    // starts first. Output order is the emitter's, so output is byte-for-byte what a serial loop writes.
    List<Supplier<JavaFile>> javaFiles = JavaEmitter.plan(api, pkg, cli);
    Supplier<JavaFile> service = javaFiles.get(javaFiles.size() - 1);
    return largestFirst(javaFiles, f -> f == service ? 1 : 0, f -> {
      JavaFile file = f.get();
      try {
        // Models are in the model sub-package: each file goes to its own package's directory.
        String dir = prefix + file.packageName().replace('.', '/') + "/";
        return sink.accept(new GeneratedFile(dir + file.typeSpec().name() + ".java",
            file.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A rough measure of an API's generation work, to schedule the big ones first. */
  private static long weight(ApiModel api) {
    return 4L * api.allMethods().size() + api.schemas().size();
  }

  /**
   * Maps {@code items} in parallel, heaviest first; the results are in the order of {@code items}.
   *
   * <p>Self-scheduling: the calling thread and up to one helper per common-pool thread each take
   * the next unclaimed item until none is left, so a thread never idles while items wait. (A
   * parallel stream splits the list into fixed chunks instead: on the whole corpus one thread
   * then sat idle for the last 40% of the run while the other worked through its chunk.) Nested
   * calls, one API's files inside the loop over APIs, need no care: while every thread is busy
   * with APIs each runs its own API's files itself; once the APIs run out, idle threads pick up
   * the helpers queued for the APIs still being rendered.
   */
  static <T, R> List<R> largestFirst(List<T> items, ToLongFunction<T> weight, Function<T, R> f) {
    int n = items.size();
    Integer[] order = heaviestFirst(items, weight);
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(n); // counts items, not threads
    Runnable work = () -> {
      for (int k; (k = next.getAndIncrement()) < n; ) {
        int i = order[k];
        try {
          if (failure.get() == null) { // after a failure the rest is only counted off
            results[i] = f.apply(items.get(i));
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          finished.countDown();
        }
      }
    };
    // Helpers reach the work through a reference dropped below: a helper still queued when this
    // call returns (nested calls queue one per API) must not keep the API's files alive.
    AtomicReference<Runnable> body = new AtomicReference<>(work);
    Runnable helper = () -> {
      Runnable b = body.get();
      if (b != null) {
        b.run();
      }
    };
    for (int h = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism()); h > 0; h--) {
      ForkJoinPool.commonPool().execute(helper);
    }
    work.run();
    body.set(null);
    // Every item is taken by now, so only items under way on other threads remain: never wait for
    // a helper still queued (in a nested call it may sit behind this very thread).
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) List.of(results);
    return list;
  }

  /** The order {@link #largestFirst} takes items in: their indexes, heaviest first, ties in input order. */
  static <T> Integer[] heaviestFirst(List<T> items, ToLongFunction<T> weight) {
    int n = items.size();
    long[] w = new long[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      w[i] = weight.applyAsLong(items.get(i));
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(w[b], w[a])); // stable: ties keep their order
    return order;
  }

  /** Files as named; directories as their {@code .json}, {@code .yaml} and {@code .yml} files, sorted. */
  static Map<Path, String> expand(List<Path> specs) throws SpecException {
    return expand(specs, null);
  }

  /**
   * Each spec file to read, mapped to its name as the user gave it. Relative paths are resolved
   * against {@code base} (the working directory when null); names stay relative.
   */
  static Map<Path, String> expand(List<Path> specs, Path base) throws SpecException {
    Map<Path, String> out = new LinkedHashMap<>();
    List<SpecProblem> problems = new ArrayList<>();
    for (Path p : specs) {
      Path file = base == null ? p : base.resolve(p);
      if (Files.isDirectory(file)) {
        try (Stream<Path> s = Files.list(file)) {
          List<Path> found = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("(?i).*\\.(json|ya?ml)"))
              .sorted()
              .toList();
          if (found.isEmpty()) {
            problems.add(new SpecProblem(p.toString(), "",
                "no spec files in this directory (.json, .yaml or .yml; sub-directories are not searched)"));
          }
          found.forEach(f -> out.put(f, p.resolve(f.getFileName()).toString()));
        } catch (IOException e) {
          problems.add(new SpecProblem(p.toString(), "", "cannot list directory: " + e.getMessage()));
        }
      } else {
        out.put(file, p.toString());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    if (out.isEmpty()) {
      throw new SpecException(new SpecProblem("--spec", "", "no spec files given"));
    }
    return out;
  }

  private static List<ApiModel> readAll(Map<Path, String> specs, Consumer<Progress> progress) throws SpecException {
    int threads = Math.max(1, Math.min(specs.size(), java.lang.Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "discogen-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ApiModel>> futures = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Map.Entry<Path, String> e : specs.entrySet()) {
        futures.add(pool.submit(() -> SpecReader.read(e.getKey(), e.getValue())));
        names.add(e.getValue());
      }
      List<ApiModel> apis = new ArrayList<>();
      List<SpecProblem> problems = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          apis.add(futures.get(i).get());
        } catch (ExecutionException ex) {
          Throwable c = ex.getCause();
          if (c instanceof SpecException se) {
            problems.addAll(se.problems());
          } else {
            problems.add(new SpecProblem(names.get(i), "", "internal error reading spec: " + c));
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new SpecException(new SpecProblem(names.get(i), "", "interrupted"));
        }
        progress.accept(new Progress(i + 1, futures.size(), names.get(i)));
      }
      if (!problems.isEmpty()) {
        throw new SpecException(problems);
      }
      return apis;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One spec: the package given, or a default from name and version. Several: one sub-package each. */
  static Map<String, String> assignPackages(List<ApiModel> apis, String requested) throws SpecException {
    List<SpecProblem> problems = new ArrayList<>();
    if (requested != null && !JavaNames.isPackageName(requested)) {
      throw new SpecException(new SpecProblem("--package", "", "not a valid Java package name: " + requested));
    }
    Map<String, String> byPackage = new LinkedHashMap<>();
    Map<String, String> packages = new LinkedHashMap<>();
    for (ApiModel api : apis) {
      String sub = JavaNames.packageSegment(api.name()) + "." + JavaNames.packageSegment(api.version());
      String pkg = apis.size() == 1 && requested != null ? requested
          : (requested != null ? requested : GeneratorOptions.DEFAULT_PACKAGE_ROOT) + "." + sub;
      String other = byPackage.putIfAbsent(pkg, api.source().displayPath());
      if (other != null) {
        problems.add(new SpecProblem(api.source().displayPath(), "",
            "generates into package " + pkg + ", as does " + other + " (same name and version)"));
      }
      packages.put(api.source().displayPath(), pkg);
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return packages;
  }

  /** This generator's version, as built. */
  public static String version() {
    return BuildInfo.property("version", "0.0.0");
  }
}
