package io.discogen.diff;

import io.discogen.ir.ApiModel;
import java.util.List;

/**
 * What changed between two revisions of an API, in a deterministic order: API-wide changes first,
 * then resources, then models, each group by name, breaking changes first within a group.
 *
 * @param oldApi the old revision
 * @param newApi the new revision
 * @param changes every change
 */
public record DiffReport(ApiInfo oldApi, ApiInfo newApi, List<Change> changes) {

  public DiffReport {
    changes = List.copyOf(changes);
  }

  /**
   * Identifies one side of the comparison.
   *
   * @param name the API's name
   * @param version its version
   * @param revision the spec's revision string, may be null
   * @param source the spec file as the user named it
   */
  public record ApiInfo(String name, String version, String revision, String source) {
    static ApiInfo of(ApiModel api) {
      return new ApiInfo(api.name(), api.version(), api.revision(), api.source().displayPath());
    }
  }

  /** Counts of changes by severity. */
  public record Counts(int breaking, int behavioural, int additive) {
    public int total() {
      return breaking + behavioural + additive;
    }
  }

  public Counts counts() {
    return new Counts(count(Severity.BREAKING), count(Severity.BEHAVIOURAL), count(Severity.ADDITIVE));
  }

  /** MAJOR if anything breaks, MINOR if anything was added, PATCH otherwise. */
  public VersionBump suggestedBump() {
    if (count(Severity.BREAKING) > 0) {
      return VersionBump.MAJOR;
    }
    return count(Severity.ADDITIVE) > 0 ? VersionBump.MINOR : VersionBump.PATCH;
  }

  public boolean hasBreaking() {
    return count(Severity.BREAKING) > 0;
  }

  public List<Change> changes(Severity severity) {
    return changes.stream().filter(c -> c.severity() == severity).toList();
  }

  public List<Change> changes(ChangeKind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** The changelog as Markdown. */
  public String toMarkdown() {
    return MarkdownReport.render(this);
  }

  /** The report as JSON, for tools. */
  public String toJson() {
    return JsonReport.render(this);
  }

  private int count(Severity s) {
    return (int) changes.stream().filter(c -> c.severity() == s).count();
  }
}
