package io.discogen.testing;

import io.discogen.GeneratedFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources in-process with {@code -Xlint:all} against the runtime. */
public final class Compilation {
  private Compilation() {}

  /** What javac said. */
  public record Result(boolean success, List<String> errors, List<String> warnings, Path classes) {
    /** Every diagnostic, one per line, for assertion messages. */
    public String report() {
      List<String> all = new ArrayList<>(errors);
      all.addAll(warnings);
      return String.join("\n", all.subList(0, Math.min(all.size(), 50)));
    }
  }

  /** Writes the {@code .java} files among {@code files} under {@code work/src} and compiles them. */
  public static Result compile(List<GeneratedFile> files, Path work) throws IOException {
    Path src = work.resolve("src");
    List<Path> sources = new ArrayList<>();
    for (GeneratedFile f : files) {
      if (f.path().endsWith(".java")) {
        Path p = src.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
        sources.add(p);
      }
    }
    return compileFiles(sources, work.resolve("classes"));
  }

  public static Result compileFiles(List<Path> sources, Path classes) throws IOException {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> opts = List.of(
          "-Xlint:all", "-Xmaxwarns", "10000", "-Xmaxerrs", "10000", "-encoding", "UTF-8", "-proc:none",
          "-d", classes.toString(),
          "-cp", System.getProperty("java.class.path"));
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
      boolean ok = javac.getTask(null, fm, diags, opts, null, units).call();
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        String where = d.getSource() == null ? "" : new File(d.getSource().getName()).getName() + ":" + d.getLineNumber() + ": ";
        String line = where + d.getMessage(Locale.ROOT);
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(line);
        } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
          warnings.add(line);
        }
      }
      return new Result(ok, errors, warnings, classes);
    }
  }
}
