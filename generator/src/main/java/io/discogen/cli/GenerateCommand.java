package io.discogen.cli;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.java.JavaNames;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discogen generate}: specs in, a Maven project (or a source tree) out. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates a Java client from one or more API specs.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:generated (warnings, if any, on stderr)",
        "1:a spec was rejected (with --strict: or had a warning), or the output could not be written",
        "2:usage error"})
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--spec", required = true, paramLabel = "PATH",
      description = "A spec file, or a directory of specs. Repeatable.")
  List<Path> specs;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output directory: absent, empty, or earlier Discogen output. Only files Discogen wrote there are replaced or removed; see .discogen-ignore.")
  Path out;

  @Option(names = "--package", paramLabel = "PKG",
      description = "Java package (one spec) or parent package (several). Default: io.discogen.generated.<name>.<version>.")
  String packageName;

  @Option(names = "--sources-only", description = "Write only the Java source tree, no pom.xml.")
  boolean sourcesOnly;

  @Option(names = "--docs",
      description = "Also write Markdown reference docs to <out>/docs, inside the generated project (not with --sources-only).")
  boolean docs;

  @Option(names = "--docs-dir", paramLabel = "DIR",
      description = "Write Markdown reference docs to DIR (kept like --out). Inside --out, written with it.")
  Path docsDir;

  @Option(names = "--strict",
      description = "Treat every warning about a spec (swagger-parser's messages) as an error: exit 1, nothing written.")
  boolean strict;

  @Option(names = "--cli",
      description = "Also generate a command-line program over each client (<Service>Cli, on picocli).")
  boolean cli;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    boolean terminal = System.console() != null;
    if (docs && docsDir != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--docs and --docs-dir are mutually exclusive");
    }
    if (docs && sourcesOnly) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--docs writes into the generated Maven project; with --sources-only name a directory with --docs-dir");
    }
    if (packageName != null && !JavaNames.isPackageName(packageName)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--package: not a valid Java package name: " + packageName);
    }
    Path docsDirectory = docs ? out.resolve("docs") : docsDir;
    GeneratorOptions options =
        new GeneratorOptions(specs, out, packageName, sourcesOnly, docsDirectory).withStrict(strict).withCli(cli);
    try {
      Generator.Written r = Generator.generate(options, p -> {
        if (terminal && p.total() > 1) {
          err.print("\r[" + p.done() + "/" + p.total() + "] " + p.spec() + "\u001b[K");
          err.flush();
        }
      });
      if (terminal && r.apis().size() > 1) {
        err.print("\r\u001b[K");
        err.flush();
      }
      for (SpecProblem w : r.warnings()) {
        err.println(warning(w));
      }
      err.flush();
      outw.println("Generated " + r.files().size() + " files for " + r.apis().size() + " API"
          + (r.apis().size() == 1 ? "" : "s") + " into " + out);
      if (docsDirectory != null) {
        outw.println("Wrote " + r.docs().size() + " doc pages into " + docsDirectory);
      }
      return 0;
    } catch (SpecException e) {
      if (terminal) {
        err.print("\r\u001b[K");
      }
      for (SpecProblem p : e.problems()) {
        err.println(p);
      }
      return 1;
    } catch (IOException e) {
      err.println("discogen: cannot write output: " + e.getMessage());
      return 1;
    }
  }

  /** {@code file: location: warning: message}, as compilers print theirs. */
  static String warning(SpecProblem p) {
    return new SpecProblem(p.file(), p.location(), "warning: " + p.message()).toString();
  }
}
