package io.discogen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown changelog and the JSON form. */
class ReportFormatTest {
  private static final String WIDGET = "/schemas/Widget/properties";

  static DiffReport sample() {
    Doc b = Doc.base();
    Doc now = b.remove("/resources/operations")
        .set(WIDGET + "/label", "{\"type\": \"string\", \"default\": \"a`b\"}")
        .remove(WIDGET + "/size")
        .set(WIDGET + "/inner/properties/width", "{\"type\": \"number\"}")
        .set("/resources/widgets/methods/get/httpMethod", "\"POST\"")
        .remove("/parameters/fields");
    return ApiDiff.compare(b.model("v1/demo.json"), now.model("v2/demo.json"));
  }

  @Test
  void markdownHasSummaryAndGroups() {
    String md = sample().toMarkdown();
    assertTrue(md.startsWith("# API changes: demo v1\n"), md);
    assertTrue(md.contains("Revision `1` (`v1/demo.json`) → `1` (`v2/demo.json`)"), md);
    assertTrue(md.contains("**Suggested version bump: MAJOR** — 5 breaking, 1 behavioural, 2 additive (8 changes)."), md);
    List<String> headings = md.lines().filter(l -> l.startsWith("#")).toList();
    assertEquals(List.of(
        "# API changes: demo v1",
        "## API-wide",
        "## Resources",
        "### `operations` — `operations()`",
        "### `widgets` — `widgets()`",
        "## Models",
        "### `Widget`"), headings);
    assertTrue(md.contains("- **BREAKING** Resource `operations` removed (`operations()`)\n"), md);
    assertTrue(md.contains("- *behavioural* Method `demo.widgets.get` now sends `POST` instead of `GET`\n"), md);
    assertTrue(md.contains("- additive: Property `Widget.inner.width` added (`Widget.Inner.getWidth()`, `Double`)\n"), md);
    // Within a group, breaking changes come first.
    assertTrue(md.indexOf("Property `Widget.size` removed") < md.indexOf("Property `Widget.label` added"), md);
  }

  @Test
  void markdownWithoutChanges() {
    Doc b = Doc.base();
    String md = ApiDiff.compare(b.model("a.json"), b.model("b.json")).toMarkdown();
    assertTrue(md.contains("**Suggested version bump: PATCH** — 0 breaking, 0 behavioural, 0 additive (0 changes)."), md);
    assertTrue(md.endsWith("\nNo changes that affect the generated client.\n"), md);
  }

  @Test
  void jsonHasStableFields() throws Exception {
    DiffReport r = sample();
    JsonNode root = new ObjectMapper().readTree(r.toJson());
    assertEquals(List.of("formatVersion", "old", "new", "suggestedBump", "summary", "changes"), fields(root));
    assertEquals(1, root.get("formatVersion").asInt());
    assertEquals("demo", root.at("/old/name").asText());
    assertEquals("v2/demo.json", root.at("/new/source").asText());
    assertEquals("MAJOR", root.get("suggestedBump").asText());
    assertEquals(5, root.at("/summary/breaking").asInt());
    assertEquals(8, root.at("/summary/total").asInt());
    assertEquals(r.changes().size(), root.get("changes").size());
    for (JsonNode c : root.get("changes")) {
      assertEquals(List.of("kind", "severity", "location", "oldValue", "newValue", "description"), fields(c));
      assertEquals(List.of("area", "group", "spec", "java"), fields(c.get("location")));
      assertEquals(List.of("resource", "method", "parameter", "schema", "member"), fields(c.at("/location/spec")));
      assertEquals(List.of("resource", "method", "parameter", "schema", "member"), fields(c.at("/location/java")));
      assertEquals(ChangeKind.valueOf(c.get("kind").asText()).severity().name(), c.get("severity").asText());
    }
    JsonNode first = root.at("/changes/0");
    assertEquals("PARAMETER_REMOVED", first.get("kind").asText());
    assertEquals("API", first.at("/location/area").asText());
    assertEquals("fields", first.at("/location/spec/parameter").asText());
    assertEquals("setFields", first.at("/location/java/parameter").asText());
    assertTrue(first.get("newValue").isNull());
    assertEquals(r.toJson(), sample().toJson(), "deterministic");
  }

  @Test
  void specTextStaysInsideCodeSpans() {
    String md = sample().toMarkdown();
    assertFalse(md.contains("`a`b`"), md);
    // The default itself is not described (additions list the type), but a changed default is.
    Doc b = Doc.base();
    DiffReport r = ApiDiff.compare(b.model("a"), b.set(WIDGET + "/size/default", "\"x`y\\n# heading\"").model("b"));
    String line = r.toMarkdown().lines().filter(l -> l.contains("default")).findFirst().orElseThrow();
    assertTrue(line.contains("``x`y # heading``"), line);
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
