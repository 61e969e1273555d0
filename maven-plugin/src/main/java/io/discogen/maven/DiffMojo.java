package io.discogen.maven;

import io.discogen.diff.ApiDiff;
import io.discogen.diff.DiffReport;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares a spec with a baseline version at the level of the generated Java API and writes a
 * changelog (Markdown or JSON) with a suggested version bump; optionally fails the build on changes
 * that break Java callers. Calls {@link ApiDiff}, as {@code discogen diff} does; it holds no diff
 * logic.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends AbstractMojo {

  /** The earlier version of the spec: the one users' code was written against. */
  @Parameter(property = "discogen.diff.baseline", required = true)
  File baseline;

  /** The new version of the spec. */
  @Parameter(property = "discogen.diff.spec", required = true)
  File spec;

  /** {@code markdown} or {@code json}. */
  @Parameter(property = "discogen.diff.format", defaultValue = "markdown")
  String format;

  /** Where the report goes. */
  @Parameter(property = "discogen.diff.output", defaultValue = "${project.build.directory}/discogen-diff.md")
  File outputFile;

  /** Fail the build when the new spec breaks Java callers of the code generated from the baseline. */
  @Parameter(property = "discogen.diff.failOnBreaking", defaultValue = "false")
  boolean failOnBreaking;

  /** Skips the goal. */
  @Parameter(property = "discogen.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Discogen diff (discogen.skip)");
      return;
    }
    if (!format.equals("markdown") && !format.equals("json")) {
      throw new MojoFailureException("discogen diff: format must be markdown or json, not " + format);
    }
    DiffReport report;
    try {
      report = ApiDiff.compare(baseline.toPath(), spec.toPath());
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        getLog().error(p.toString());
      }
      throw new MojoFailureException(e.problems().stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    }
    try {
      Files.createDirectories(outputFile.toPath().toAbsolutePath().getParent());
      Files.writeString(outputFile.toPath(), format.equals("json") ? report.toJson() : report.toMarkdown(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + outputFile + ": " + e.getMessage(), e);
    }
    DiffReport.Counts c = report.counts();
    String summary = c.breaking() + " breaking, " + c.behavioural() + " behavioural, " + c.additive()
        + " additive changes; suggested version bump: " + report.suggestedBump() + " (report: " + outputFile + ")";
    if (failOnBreaking && report.hasBreaking()) {
      throw new MojoFailureException("discogen diff: " + summary);
    }
    getLog().info("discogen diff: " + summary);
  }
}
