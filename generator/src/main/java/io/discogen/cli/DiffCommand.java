package io.discogen.cli;

import io.discogen.diff.ApiDiff;
import io.discogen.diff.DiffReport;
import io.discogen.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discogen diff OLD NEW}: what changed between two revisions of a spec, and does it break users. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two revisions of an API spec as the generated Java client sees them, and prints a"
          + " changelog: every change classified as BREAKING (code written against the old client"
          + " may stop compiling, or loses iterateAll()/executeAndWait()/media support), BEHAVIOURAL"
          + " (compiles, but calls may behave differently: HTTP verb or path, defaults, required"
          + " request fields, accepted scopes) or ADDITIVE (new things; new enum values are additive"
          + " because clients keep unknown values), with the suggested semantic version bump:"
          + " MAJOR if anything breaks, MINOR if anything was added, PATCH otherwise.",
      "%nAny spec format 'generate' accepts can be compared: both sides are read into the same"
          + " model first. Elements are matched by their spec names; Java names and types are the"
          + " ones 'generate' would emit, so a member renamed only because a new one took its name"
          + " is reported as a breaking rename.",
      "%nExample: discogen diff old.json new.json --out CHANGES.md --fail-on-breaking%n"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared (with --fail-on-breaking: and nothing breaks)",
      "1:a spec was rejected, or the output could not be written",
      "2:usage error",
      "3:breaking changes found and --fail-on-breaking was given (the report is still written)"
    })
final class DiffCommand implements Callable<Integer> {
  /** Exit code when {@code --fail-on-breaking} is given and something breaks. */
  static final int BREAKING = 3;

  @Parameters(index = "0", paramLabel = "OLD", description = "The spec the current client was generated from.")
  Path oldSpec;

  @Parameters(index = "1", paramLabel = "NEW", description = "The spec to regenerate from.")
  Path newSpec;

  @Option(names = "--format", paramLabel = "markdown|json", defaultValue = "markdown",
      description = "Output format: a Markdown changelog (default) or JSON for tools.")
  String format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of standard output.")
  Path out;

  @Option(names = "--fail-on-breaking",
      description = "Exit with code 3 when any change is breaking (for CI).")
  boolean failOnBreaking;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("markdown") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--format': expected markdown or json, found '" + format + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    DiffReport report;
    try {
      report = ApiDiff.compare(oldSpec, newSpec);
    } catch (SpecException e) {
      e.problems().forEach(err::println);
      return 1;
    }
    String text = format.equals("json") ? report.toJson() : report.toMarkdown();
    if (out == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      try {
        write(out, text);
      } catch (IOException e) {
        err.println("discogen: cannot write " + out + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        return 1;
      }
      DiffReport.Counts c = report.counts();
      stdout.println("Wrote " + out + ": " + report.suggestedBump() + " (" + c.breaking() + " breaking, "
          + c.behavioural() + " behavioural, " + c.additive() + " additive)");
    }
    return failOnBreaking && report.hasBreaking() ? BREAKING : 0;
  }

  /** Writes through a temporary file in the same directory, so readers never see half a report. */
  private static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
