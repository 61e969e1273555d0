package io.discogen;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one generation run needs. Built by the CLI and by the Maven plugin alike; both then
 * just call {@link Generator#generate}.
 *
 * @param specs spec files or directories of specs, as the user named them
 * @param outputDirectory where output goes; Discogen replaces only the files it wrote there before
 * @param packageName the Java package (one spec) or the parent package (several), or null for
 *     {@code io.discogen.generated.<name>.<version>}
 * @param sourcesOnly write only the Java source tree, not a Maven project around it
 * @param docsDirectory where to write Markdown reference docs, or null for none
 * @param baseDirectory what relative spec paths are relative to, or null for the working directory.
 *     Specs are still named as given (in messages and generated headers), so a build tool can pass
 *     paths relative to its project and keep absolute paths out of the output.
 * @param strict whether a warning on any spec (see {@link io.discogen.ir.ApiModel#warnings}) fails
 *     the run as an error would: nothing is written
 * @param cli also generate a command-line program over each client ({@code <Service>Cli}, on
 *     picocli, which the generated pom then depends on)
 */
public record GeneratorOptions(
    List<Path> specs,
    Path outputDirectory,
    String packageName,
    boolean sourcesOnly,
    Path docsDirectory,
    Path baseDirectory,
    boolean strict,
    boolean cli) {

  public GeneratorOptions {
    specs = List.copyOf(specs);
  }

  /** Options where warnings are only reported, without the command-line program. */
  public GeneratorOptions(
      List<Path> specs, Path outputDirectory, String packageName, boolean sourcesOnly, Path docsDirectory,
      Path baseDirectory) {
    this(specs, outputDirectory, packageName, sourcesOnly, docsDirectory, baseDirectory, false, false);
  }

  /** These options, with warnings made errors or not. */
  public GeneratorOptions withStrict(boolean strict) {
    return new GeneratorOptions(specs, outputDirectory, packageName, sourcesOnly, docsDirectory, baseDirectory, strict, cli);
  }

  /** These options, with the command-line program or without. */
  public GeneratorOptions withCli(boolean cli) {
    return new GeneratorOptions(specs, outputDirectory, packageName, sourcesOnly, docsDirectory, baseDirectory, strict, cli);
  }

  /** Options with specs relative to the working directory. */
  public GeneratorOptions(
      List<Path> specs, Path outputDirectory, String packageName, boolean sourcesOnly, Path docsDirectory) {
    this(specs, outputDirectory, packageName, sourcesOnly, docsDirectory, null, false, false);
  }

  /** Options without reference docs. */
  public GeneratorOptions(List<Path> specs, Path outputDirectory, String packageName, boolean sourcesOnly) {
    this(specs, outputDirectory, packageName, sourcesOnly, null, null, false, false);
  }

  /** The default parent package of generated code. */
  public static final String DEFAULT_PACKAGE_ROOT = "io.discogen.generated";
}
