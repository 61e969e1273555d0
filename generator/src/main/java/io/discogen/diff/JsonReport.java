package io.discogen.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link DiffReport} as JSON for tools. Field names are stable and always present (null
 * when not applicable):
 *
 * <pre>{@code
 * {"formatVersion": 1,
 *  "old": {"name", "version", "revision", "source"}, "new": {...},
 *  "suggestedBump": "MAJOR|MINOR|PATCH",
 *  "summary": {"breaking", "behavioural", "additive", "total"},
 *  "changes": [{"kind", "severity",
 *               "location": {"area": "API|RESOURCE|MODEL", "group",
 *                            "spec": {"resource", "method", "parameter", "schema", "member"},
 *                            "java": {same fields}},
 *               "oldValue", "newValue", "description"}]}
 * }</pre>
 */
public final class JsonReport {
  /** Bumped when a field is renamed or removed. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(DiffReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    api(root.putObject("old"), r.oldApi());
    api(root.putObject("new"), r.newApi());
    root.put("suggestedBump", r.suggestedBump().name());
    DiffReport.Counts c = r.counts();
    ObjectNode summary = root.putObject("summary");
    summary.put("breaking", c.breaking());
    summary.put("behavioural", c.behavioural());
    summary.put("additive", c.additive());
    summary.put("total", c.total());
    ArrayNode changes = root.putArray("changes");
    for (Change ch : r.changes()) {
      ObjectNode o = changes.addObject();
      o.put("kind", ch.kind().name());
      o.put("severity", ch.severity().name());
      ObjectNode loc = o.putObject("location");
      loc.put("area", ch.where().area().name());
      loc.put("group", ch.where().group());
      names(loc.putObject("spec"), ch.where().spec());
      names(loc.putObject("java"), ch.where().java());
      o.put("oldValue", ch.oldValue());
      o.put("newValue", ch.newValue());
      o.put("description", ch.description());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  private static void api(ObjectNode o, DiffReport.ApiInfo api) {
    o.put("name", api.name());
    o.put("version", api.version());
    o.put("revision", api.revision());
    o.put("source", api.source());
  }

  private static void names(ObjectNode o, Location.Names n) {
    o.put("resource", n.resource());
    o.put("method", n.method());
    o.put("parameter", n.parameter());
    o.put("schema", n.schema());
    o.put("member", n.member());
  }
}
