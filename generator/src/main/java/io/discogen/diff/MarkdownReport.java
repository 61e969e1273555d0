package io.discogen.diff;

import io.discogen.diff.Location.Area;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link DiffReport} as a Markdown changelog: a summary line with the suggested version
 * bump and counts, then API-wide changes, changes by resource and changes by model, each heading
 * naming the spec element and its Java counterpart. Spec text only ever appears inside code spans.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(DiffReport r) {
    StringBuilder md = new StringBuilder();
    DiffReport.ApiInfo was = r.oldApi();
    DiffReport.ApiInfo now = r.newApi();
    md.append("# API changes: ").append(was.name()).append(' ').append(was.version());
    if (!was.name().equals(now.name()) || !was.version().equals(now.version())) {
      md.append(" → ").append(now.name()).append(' ').append(now.version());
    }
    md.append("\n\n");
    md.append("Revision ").append(ApiDiff.code(was.revision())).append(" (").append(ApiDiff.code(was.source()))
        .append(") → ").append(ApiDiff.code(now.revision())).append(" (").append(ApiDiff.code(now.source()))
        .append(")\n\n");
    DiffReport.Counts c = r.counts();
    md.append("**Suggested version bump: ").append(r.suggestedBump()).append("** — ")
        .append(c.breaking()).append(" breaking, ")
        .append(c.behavioural()).append(" behavioural, ")
        .append(c.additive()).append(" additive (").append(c.total()).append(c.total() == 1 ? " change" : " changes")
        .append(").\n");
    if (r.changes().isEmpty()) {
      md.append("\nNo changes that affect the generated client.\n");
      return md.toString();
    }
    section(md, r, Area.API, "API-wide");
    section(md, r, Area.RESOURCE, "Resources");
    section(md, r, Area.MODEL, "Models");
    return md.toString();
  }

  private static void section(StringBuilder md, DiffReport r, Area area, String title) {
    Map<String, List<Change>> groups = new LinkedHashMap<>();
    for (Change ch : r.changes()) {
      if (ch.where().area() == area) {
        groups.computeIfAbsent(ch.where().group(), g -> new ArrayList<>()).add(ch);
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    md.append("\n## ").append(title).append("\n");
    for (Map.Entry<String, List<Change>> g : groups.entrySet()) {
      if (area != Area.API) {
        md.append("\n### ").append(heading(area, g.getKey(), g.getValue())).append("\n");
      }
      md.append('\n');
      for (Change ch : g.getValue()) {
        md.append("- ").append(label(ch.severity())).append(" ").append(ch.description()).append('\n');
      }
    }
  }

  private static String heading(Area area, String group, List<Change> changes) {
    if (area == Area.RESOURCE) {
      if (group.isEmpty()) {
        return "Methods of the service";
      }
      String chain = changes.get(0).where().java().resource();
      return ApiDiff.code(group) + (chain == null || chain.isEmpty() ? "" : " — " + ApiDiff.code(chain));
    }
    String cls = changes.get(0).where().java().schema();
    String top = cls == null ? null : cls.split("\\.", 2)[0];
    return ApiDiff.code(group) + (top == null || top.equals(group) ? "" : " — class " + ApiDiff.code(top));
  }

  private static String label(Severity s) {
    return switch (s) {
      case BREAKING -> "**BREAKING**";
      case BEHAVIOURAL -> "*behavioural*";
      case ADDITIVE -> "additive:";
    };
  }
}
