package io.discogen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.spec.SpecReader;
import io.discogen.testing.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ten real revision pairs of the shared corpus (2023 to 2024). What the report says was removed
 * or added is checked against facts computed here, independently, by walking the two raw JSON
 * documents with plain Jackson (never the IR, never an earlier report): top-level classes,
 * (schema, property) pairs, enum values, method ids, and (method, parameter, required) triples.
 */
class CorpusDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SUMMARY = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> realPairs() throws IOException {
    Path old = TestSpecs.shared().resolve("corpus/discovery-2023");
    Path now = TestSpecs.shared().resolve("corpus/discovery-2024");
    List<Path> olds;
    try (Stream<Path> s = Files.list(old)) {
      olds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(10, olds.size(), "the ten 2023 revisions");
    // Both directions: backwards, everything added becomes removed, so removal is checked on large sets too.
    return Stream.concat(
        olds.stream().map(p -> DynamicTest.dynamicTest(p.getFileName() + " 2023->2024",
            () -> check(p, now.resolve(p.getFileName().toString()), true))),
        olds.stream().map(p -> DynamicTest.dynamicTest(p.getFileName() + " 2024->2023",
            () -> check(now.resolve(p.getFileName().toString()), p, false))));
  }

  @AfterAll
  static void printSummary() {
    if (SUMMARY.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("\nAPI diff 2023 -> 2024 (breaking / behavioural / additive, bump)\n");
    SUMMARY.forEach((name, line) -> b.append(String.format("  %-22s %s%n", name, line)));
    System.out.print(b);
  }

  private static void check(Path oldFile, Path newFile, boolean summarise) throws Exception {
    String name = oldFile.getFileName().toString();
    DiffReport r = ApiDiff.compare(SpecReader.read(oldFile, "old/" + name), SpecReader.read(newFile, "new/" + name));
    Raw a = Raw.of(JSON.readTree(oldFile.toFile()));
    Raw b = Raw.of(JSON.readTree(newFile.toFile()));

    // Top-level classes.
    assertEquals(minus(a.classes, b.classes), specs(r, ChangeKind.SCHEMA_REMOVED, Field.SCHEMA), name + " schemas removed");
    assertEquals(minus(b.classes, a.classes), specs(r, ChangeKind.SCHEMA_ADDED, Field.SCHEMA), name + " schemas added");

    // Properties of objects present on both sides.
    Set<String> propsRemoved = new TreeSet<>();
    Set<String> propsAdded = new TreeSet<>();
    for (String id : a.objects.keySet()) {
      Set<String> was = a.objects.get(id);
      Set<String> is = b.objects.get(id);
      if (is != null) {
        minus(was, is).forEach(p -> propsRemoved.add(id + " " + p));
        minus(is, was).forEach(p -> propsAdded.add(id + " " + p));
      }
    }
    assertEquals(propsRemoved, specs(r, ChangeKind.PROPERTY_REMOVED, Field.SCHEMA, Field.MEMBER), name + " properties removed");
    Set<String> added = specs(r, ChangeKind.PROPERTY_ADDED, Field.SCHEMA, Field.MEMBER);
    added.addAll(specs(r, ChangeKind.REQUIRED_PROPERTY_ADDED, Field.SCHEMA, Field.MEMBER));
    assertEquals(propsAdded, added, name + " properties added");

    // Enum values of model enums (by position id) and of parameter enums (by method and parameter).
    Set<String> valuesRemoved = new TreeSet<>();
    Set<String> valuesAdded = new TreeSet<>();
    for (String id : a.enums.keySet()) {
      Set<String> is = b.enums.get(id);
      if (is != null) {
        minus(a.enums.get(id), is).forEach(v -> valuesRemoved.add(id + " " + v));
        minus(is, a.enums.get(id)).forEach(v -> valuesAdded.add(id + " " + v));
      }
    }
    assertEquals(valuesRemoved, specs(r, ChangeKind.ENUM_VALUE_REMOVED, Field.SCHEMA_OR_PARAM, Field.MEMBER), name + " enum values removed");
    assertEquals(valuesAdded, specs(r, ChangeKind.ENUM_VALUE_ADDED, Field.SCHEMA_OR_PARAM, Field.MEMBER), name + " enum values added");

    // Methods.
    assertEquals(minus(a.methods.keySet(), b.methods.keySet()), specs(r, ChangeKind.METHOD_REMOVED, Field.METHOD), name + " methods removed");
    assertEquals(minus(b.methods.keySet(), a.methods.keySet()), specs(r, ChangeKind.METHOD_ADDED, Field.METHOD), name + " methods added");

    // Parameters of methods present on both sides (and API-wide ones, method ""), with required.
    Set<String> becameRequired = new TreeSet<>();
    Set<String> becameOptional = new TreeSet<>();
    Set<String> requiredAdded = new TreeSet<>();
    Set<String> optionalAdded = new TreeSet<>();
    Set<String> paramsRemoved = new TreeSet<>();
    for (String m : a.methods.keySet()) {
      Map<String, Boolean> was = a.methods.get(m);
      Map<String, Boolean> is = b.methods.get(m);
      if (is == null) {
        continue;
      }
      for (String p : was.keySet()) {
        if (!is.containsKey(p)) {
          paramsRemoved.add(m + " " + p);
        } else if (!was.get(p) && is.get(p)) {
          becameRequired.add(m + " " + p);
        } else if (was.get(p) && !is.get(p)) {
          becameOptional.add(m + " " + p);
        }
      }
      for (String p : is.keySet()) {
        if (!was.containsKey(p)) {
          (is.get(p) ? requiredAdded : optionalAdded).add(m + " " + p);
        }
      }
    }
    assertEquals(becameRequired, specs(r, ChangeKind.PARAMETER_BECAME_REQUIRED, Field.METHOD, Field.PARAMETER), name + " became required");
    assertEquals(becameOptional, specs(r, ChangeKind.PARAMETER_BECAME_OPTIONAL, Field.METHOD, Field.PARAMETER), name + " became optional");
    assertEquals(requiredAdded, specs(r, ChangeKind.REQUIRED_PARAMETER_ADDED, Field.METHOD, Field.PARAMETER), name + " required added");
    assertEquals(optionalAdded, specs(r, ChangeKind.PARAMETER_ADDED, Field.METHOD, Field.PARAMETER), name + " optional added");
    assertEquals(paramsRemoved, specs(r, ChangeKind.PARAMETER_REMOVED, Field.METHOD, Field.PARAMETER), name + " parameters removed");

    // Whole-report properties: a fixed order, renderable both ways, and the bump follows the counts.
    assertEquals(r, ApiDiff.compare(SpecReader.read(oldFile, "old/" + name), SpecReader.read(newFile, "new/" + name)));
    assertTrue(r.toMarkdown().contains("**Suggested version bump: " + r.suggestedBump() + "**"));
    assertEquals(r.changes().size(), JSON.readTree(r.toJson()).get("changes").size());
    DiffReport.Counts c = r.counts();
    assertEquals(c.breaking() > 0 ? VersionBump.MAJOR : c.additive() > 0 ? VersionBump.MINOR : VersionBump.PATCH, r.suggestedBump());
    if (!summarise) {
      return;
    }
    SUMMARY.put(name.replace(".json", ""), String.format("%4d / %4d / %4d  %s   (removed: %d schemas, %d properties, %d methods, %d enum values; added: %d schemas, %d properties, %d methods)",
        c.breaking(), c.behavioural(), c.additive(), r.suggestedBump(),
        minus(a.classes, b.classes).size(), propsRemoved.size(), minus(a.methods.keySet(), b.methods.keySet()).size(), valuesRemoved.size(),
        minus(b.classes, a.classes).size(), propsAdded.size(), minus(b.methods.keySet(), a.methods.keySet()).size()));
  }

  private enum Field { SCHEMA, MEMBER, METHOD, PARAMETER, SCHEMA_OR_PARAM }

  /** The given spec-name fields of every change of a kind, joined by a space. */
  private static Set<String> specs(DiffReport r, ChangeKind kind, Field... fields) {
    Set<String> out = new TreeSet<>();
    for (Change c : r.changes(kind)) {
      Location.Names n = c.where().spec();
      List<String> parts = new ArrayList<>();
      for (Field f : fields) {
        parts.add(switch (f) {
          case SCHEMA -> n.schema();
          case MEMBER -> n.member();
          case METHOD -> n.method() == null ? "" : n.method();
          case PARAMETER -> n.parameter();
          // Parameter enums are keyed here by method and parameter, as Raw computes them.
          case SCHEMA_OR_PARAM -> n.parameter() != null ? (n.method() == null ? "" : n.method()) + "(" + n.parameter() + ")" : n.schema();
        });
      }
      out.add(String.join(" ", parts));
    }
    return out;
  }

  private static Set<String> minus(Set<String> x, Set<String> y) {
    Set<String> out = new TreeSet<>(x);
    out.removeAll(y);
    return out;
  }

  /**
   * Facts of one raw Discovery document. Inline objects and enums are keyed by their position the
   * way the spec reads: {@code Schema.property.property}, looking through array items and map
   * values; under a top-level non-object schema, through {@code .items} and {@code .values}.
   */
  static final class Raw {
    /** Top-level schemas that become classes: objects and string enums. */
    final Set<String> classes = new TreeSet<>();
    /** Property names of every object, top-level or inline. */
    final Map<String, Set<String>> objects = new TreeMap<>();
    /** Values of every string enum; parameter enums as {@code methodId(param)}, API-wide ones {@code (param)}. */
    final Map<String, Set<String>> enums = new TreeMap<>();
    /** Method id to its parameters and whether each is required; API-wide parameters under {@code ""}. */
    final Map<String, Map<String, Boolean>> methods = new TreeMap<>();

    static Raw of(JsonNode root) {
      Raw r = new Raw();
      root.path("schemas").fields().forEachRemaining(e -> {
        JsonNode s = e.getValue();
        String type = type(s);
        boolean object = !s.has("$ref") && type.equals("object")
            && (s.has("properties") || !s.path("additionalProperties").isObject());
        boolean enumeration = !s.has("$ref") && type.equals("string") && hasEnum(s);
        if (object || enumeration) {
          r.classes.add(e.getKey());
        }
        if (object) {
          r.objects.put(e.getKey(), new TreeSet<>());
        }
        r.walk(s, e.getKey(), !(object || enumeration));
      });
      r.parameters("", root, "");
      r.methods(root);
      return r;
    }

    private void walk(JsonNode s, String id, boolean hoisted) {
      if (!s.isObject() || s.has("$ref")) {
        return;
      }
      String type = type(s);
      if (type.equals("object") && s.has("properties")) {
        Set<String> props = objects.computeIfAbsent(id, k -> new TreeSet<>());
        s.get("properties").fields().forEachRemaining(p -> {
          props.add(p.getKey());
          walk(p.getValue(), id + "." + p.getKey(), false);
        });
      } else if (type.equals("object") && s.path("additionalProperties").isObject()) {
        walk(s.get("additionalProperties"), hoisted ? id + ".values" : id, hoisted);
      } else if (type.equals("array") && s.has("items")) {
        walk(s.get("items"), hoisted ? id + ".items" : id, hoisted);
      } else if (type.equals("string") && hasEnum(s)) {
        enums.put(id, values(s));
      }
    }

    private void methods(JsonNode container) {
      container.path("methods").fields().forEachRemaining(m -> {
        String id = m.getValue().path("id").asText();
        parameters(id, m.getValue(), id);
      });
      container.path("resources").fields().forEachRemaining(r -> methods(r.getValue()));
    }

    private void parameters(String methodId, JsonNode owner, String enumPrefix) {
      Map<String, Boolean> params = methods.computeIfAbsent(methodId, k -> new TreeMap<>());
      owner.path("parameters").fields().forEachRemaining(p -> {
        JsonNode n = p.getValue();
        params.put(p.getKey(), n.path("location").asText().equals("path") || n.path("required").asBoolean(false));
        if (!n.has("$ref") && n.path("type").asText("string").equals("string") && hasEnum(n)) {
          enums.put(enumPrefix + "(" + p.getKey() + ")", values(n));
        }
      });
    }

    private static String type(JsonNode s) {
      if (s.path("type").isTextual()) {
        return s.get("type").asText();
      }
      if (s.has("properties") || s.has("additionalProperties")) {
        return "object";
      }
      return s.has("items") ? "array" : s.has("enum") ? "string" : "any";
    }

    private static boolean hasEnum(JsonNode s) {
      return s.path("enum").isArray() && !s.get("enum").isEmpty();
    }

    private static Set<String> values(JsonNode s) {
      Set<String> out = new TreeSet<>();
      s.get("enum").forEach(v -> out.add(v.asText()));
      return out;
    }
  }
}
