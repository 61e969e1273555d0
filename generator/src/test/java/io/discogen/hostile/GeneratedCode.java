package io.discogen.hostile;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import io.discogen.GeneratedFile;
import io.discogen.testing.Compilation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Checks on generated code that spec text cannot have become code: the syntax trees hold no
 * initializer blocks and no identifiers the generator never writes ({@code System}, {@code pwned},
 * ...), and loading every class runs nothing the spec asked for.
 */
final class GeneratedCode {
  /** Identifiers that only spec text smuggled out of a comment or literal could produce. */
  static final Set<String> FORBIDDEN = Set.of("System", "Runtime", "exit", "setProperty", "pwned", "exec", "Evil");

  /** The system property hostile specs try to set from a static initializer. */
  static final String PWNED = "discogen.pwned";

  private GeneratedCode() {}

  /** Problems found in the syntax trees of the generated sources; empty when clean. */
  static List<String> treeProblems(List<GeneratedFile> files) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    for (GeneratedFile f : files) {
      if (f.path().endsWith(".java")) {
        String text = new String(f.content(), StandardCharsets.UTF_8);
        units.add(new SimpleJavaFileObject(Path.of("/" + f.path()).toUri(), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        });
      }
    }
    JavacTask task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, units);
    List<String> problems = new ArrayList<>();
    for (CompilationUnitTree unit : task.parse()) {
      String file = unit.getSourceFile().getName();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree c, Void v) {
          for (Tree member : c.getMembers()) {
            if (member instanceof BlockTree b) {
              problems.add(file + ": " + (b.isStatic() ? "static " : "") + "initializer block in " + c.getSimpleName());
            }
          }
          return super.visitClass(c, v);
        }

        @Override
        public Void visitIdentifier(IdentifierTree id, Void v) {
          check(id.getName().toString());
          return super.visitIdentifier(id, v);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree s, Void v) {
          check(s.getIdentifier().toString());
          return super.visitMemberSelect(s, v);
        }

        private void check(String name) {
          if (FORBIDDEN.contains(name)) {
            problems.add(file + ": identifier " + name + " in code");
          }
        }
      }.scan(unit, null);
    }
    return problems;
  }

  /** Loads and initialises every compiled class; answers their count. */
  static int loadAll(Path classes) throws Exception {
    List<String> names;
    try (Stream<Path> s = Files.walk(classes)) {
      names = s.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString().replace('\\', '/'))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        GeneratedCode.class.getClassLoader())) {
      for (String n : names) {
        Class<?> c = Class.forName(n, true, loader);
        if (c.isEnum()) {
          c.getEnumConstants(); // every constant constructed
        }
      }
    }
    return names.size();
  }

  /** Compiles, checks the trees, loads the classes: a report of everything wrong, empty if clean. */
  static List<String> check(List<GeneratedFile> files, Path work) throws Exception {
    List<String> problems = new ArrayList<>();
    Compilation.Result r = Compilation.compile(files, work);
    problems.addAll(r.errors());
    problems.addAll(r.warnings());
    if (!r.success()) {
      if (problems.isEmpty()) {
        problems.add("javac failed without a diagnostic (a crash inside the compiler?)");
      }
      return problems;
    }
    problems.addAll(treeProblems(files));
    String before = System.getProperty(PWNED);
    try {
      loadAll(r.classes());
    } catch (Throwable t) {
      problems.add("loading the generated classes failed: " + t);
    }
    if (System.getProperty(PWNED) != null && before == null) {
      problems.add("spec text ran as code: " + PWNED + "=" + System.getProperty(PWNED));
      System.clearProperty(PWNED);
    }
    return problems;
  }

  /** Compiles and loads every class: a report of errors, warnings and load failures, empty if clean. */
  static List<String> compileAndLoad(List<GeneratedFile> files, Path work) throws Exception {
    Compilation.Result r = Compilation.compile(files, work);
    List<String> problems = new ArrayList<>(r.errors());
    problems.addAll(r.warnings());
    if (!r.success() && problems.isEmpty()) {
      problems.add("javac failed without a diagnostic");
    }
    if (r.success()) {
      try {
        loadAll(r.classes());
      } catch (Throwable t) {
        problems.add("loading the generated classes failed: " + t);
      }
    }
    return problems;
  }
}
