package io.discogen.maven;

import io.discogen.Fingerprint;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java client sources from API specs and adds them to the compile source roots.
 *
 * <p>The goal maps its parameters to {@link GeneratorOptions}, as the command line does, and calls
 * {@link Generator#generate}. When the specs, the options and the generator are unchanged since the
 * last successful run (see {@link Fingerprint}), it generates nothing.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /** Spec files, or directories of specs ({@code .json}, {@code .yaml}, {@code .yml}). */
  @Parameter(required = true)
  List<File> specs;

  /**
   * The Java package (one spec) or the parent package (several). Default:
   * {@code io.discogen.generated.<name>.<version>}. Models go to its {@code model} sub-package.
   */
  @Parameter(property = "discogen.packageName")
  String packageName;

  /** Where generated sources go; added to the compile source roots. Only files Discogen wrote there are replaced or removed. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/discogen", required = true)
  File outputDirectory;

  /** Whether to write Markdown reference docs to {@link #docsDirectory}. */
  @Parameter(property = "discogen.generateDocs", defaultValue = "false")
  boolean generateDocs;

  /** Where reference docs go when {@link #generateDocs} is set. */
  @Parameter(defaultValue = "${project.build.directory}/generated-docs/discogen", required = true)
  File docsDirectory;

  /**
   * Fails the build on any warning about a spec (swagger-parser's messages on an OpenAPI document),
   * as on an error: nothing is written. Without it warnings are logged and the build goes on.
   */
  @Parameter(property = "discogen.strict", defaultValue = "false")
  boolean strict;

  /**
   * Whether to generate a command-line program over each client too ({@code <Service>Cli}); the
   * project then needs {@code info.picocli:picocli} as a dependency.
   */
  @Parameter(property = "discogen.generateCli", defaultValue = "false")
  boolean generateCli;

  /** Skips the goal: nothing is generated and no source root is added. */
  @Parameter(property = "discogen.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Discogen (discogen.skip)");
      return;
    }
    long start = System.nanoTime();
    GeneratorOptions options = options();
    Optional<String> fingerprint = Fingerprint.compute(options);
    if (fingerprint.isPresent() && Fingerprint.isCurrent(options, fingerprint.get())) {
      addSourceRoot();
      // No String.format or '+' on this path: in a fresh JVM their first use costs more than the check.
      getLog().info(new StringBuilder("Generated sources are up to date, nothing to do (checked in ")
          .append(millis(start)).append(" ms)"));
      return;
    }
    Generator.Written result;
    try {
      result = Generator.generate(options, p -> getLog().debug("[" + p.done() + "/" + p.total() + "] " + p.spec()));
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        getLog().error(p.toString());
      }
      throw new MojoFailureException(failureMessage(e.problems()));
    } catch (IOException e) {
      throw new MojoExecutionException("discogen: cannot write output: " + e.getMessage(), e);
    }
    for (SpecProblem w : result.warnings()) {
      getLog().warn(w.toString());
    }
    if (fingerprint.isPresent()) {
      try {
        Fingerprint.record(options, fingerprint.get());
      } catch (IOException e) {
        getLog().warn("Cannot record the fingerprint; the next build will generate again: " + e.getMessage());
      }
    }
    addSourceRoot();
    int apis = result.apis().size();
    getLog().info("Generated " + result.files().size() + " files for " + apis + " API" + (apis == 1 ? "" : "s")
        + " into " + outputDirectory + " (" + millis(start) + " ms)");
    if (options.docsDirectory() != null) {
      getLog().info("Wrote " + result.docs().size() + " reference docs pages into " + options.docsDirectory());
    }
  }

  /** Milliseconds since {@code start}, to a tenth. */
  static String millis(long start) {
    long tenths = (System.nanoTime() - start) / 100_000;
    return new StringBuilder().append(tenths / 10).append('.').append(tenths % 10).toString();
  }

  /** The same options the command line builds with {@code --sources-only}. */
  GeneratorOptions options() throws MojoFailureException {
    if (specs == null || specs.isEmpty()) {
      throw new MojoFailureException("discogen: no specs configured; name spec files or directories in <specs>");
    }
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    List<Path> paths = new ArrayList<>();
    for (File spec : specs) {
      paths.add(relativeToProject(base, spec.toPath()));
    }
    return new GeneratorOptions(
        paths,
        outputDirectory.toPath().toAbsolutePath().normalize(),
        packageName == null || packageName.isBlank() ? null : packageName.strip(),
        true,
        generateDocs ? docsDirectory.toPath().toAbsolutePath().normalize() : null,
        base,
        strict, generateCli);
  }

  /**
   * Maven hands over absolute paths; specs are named relative to the project (even {@code
   * ../specs/x.json}), so messages are short and generated headers carry no path of the building
   * machine. Only a spec on another file system root keeps its absolute path.
   */
  static Path relativeToProject(Path base, Path spec) {
    Path abs = base.resolve(spec).normalize();
    if (abs.equals(base) || !base.getRoot().equals(abs.getRoot())) {
      return abs;
    }
    return base.relativize(abs);
  }

  /** One problem a line, as the command line prints them; no stack trace. */
  static String failureMessage(List<SpecProblem> problems) {
    String lines = problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    return problems.size() == 1 ? lines : problems.size() + " spec problems:\n" + lines;
  }

  private void addSourceRoot() {
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
  }
}
