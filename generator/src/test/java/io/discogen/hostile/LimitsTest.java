package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.java.NamePlan;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs that are valid but absurd in size or depth: each either generates code that compiles
 * cleanly, or is rejected with located one-line problems. Never a crash, never uncompilable code.
 */
class LimitsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  static ObjectNode api(String name) {
    ObjectNode root = JSON.createObjectNode();
    root.put("kind", "discovery#restDescription").put("discoveryVersion", "v1").put("name", name)
        .put("version", "v1").put("rootUrl", "https://" + name + ".example.com/").put("servicePath", "");
    return root;
  }

  /** Generated and compiled cleanly (true), or rejected with located problems (false). */
  boolean outcome(ObjectNode spec) throws Exception {
    Path file = work.resolve("spec.json");
    Files.write(file, JSON.writeValueAsBytes(spec));
    List<GeneratedFile> files;
    try {
      files = Generator.render(new GeneratorOptions(List.of(file), work.resolve("out"), null, true), p -> {}).files();
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        assertFalse(p.location().isEmpty(), "located: " + p);
        assertFalse(p.toString().contains("\n"), p.toString());
        assertFalse(p.message().startsWith("cannot read"), "an expected rejection, not a crash: " + p);
      }
      return false;
    }
    List<String> problems = GeneratedCode.check(files, work.resolve("compile"));
    assertEquals(List.of(), problems, String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    return true;
  }

  @Test
  void schemaWithManyProperties() throws Exception {
    ObjectNode root = api("wide");
    ObjectNode props = root.putObject("schemas").putObject("Wide").put("type", "object").putObject("properties");
    for (int i = 0; i < 5000; i++) {
      props.putObject("property" + i).put("type", i % 3 == 0 ? "integer" : "string");
    }
    assertFalse(outcome(root), "5000 properties are rejected");
    while (props.size() > 300) {
      props.remove(props.fieldNames().next());
    }
    assertTrue(outcome(root), "300 properties generate");
  }

  @Test
  void enumWithManyValues() throws Exception {
    ObjectNode root = api("manyvalues");
    var values = root.putObject("schemas").putObject("Big").put("type", "string").putArray("enum");
    for (int i = 0; i < 5000; i++) {
      values.add("VALUE_" + i);
    }
    assertFalse(outcome(root), "5000 values are rejected");
    while (values.size() > 1000) {
      values.remove(values.size() - 1);
    }
    assertTrue(outcome(root), "1000 values generate");
  }

  @Test
  void tooManyOperationsForOneResourceClass() throws Exception {
    // Past the class file's limit on nest members a class could not compile. An API over it gets a
    // class per top-level resource (SplitServiceTest); one top-level resource over it on its own is
    // rejected up front with one located line, before any code is written.
    ObjectNode root = api("huge");
    ObjectNode methods = root.putObject("resources").putObject("items").putObject("methods");
    for (int i = 0; i <= NamePlan.MAX_NEST_MEMBERS; i++) {
      methods.putObject("op" + i).put("id", "huge.items.op" + i).put("path", "items/" + i).put("httpMethod", "GET");
    }
    Path file = work.resolve("huge.json");
    Files.write(file, JSON.writeValueAsBytes(root));
    SpecException e = assertThrows(SpecException.class,
        () -> Generator.render(new GeneratorOptions(List.of(file), work.resolve("out"), null, true), p -> {}));
    assertEquals(1, e.problems().size(), e.getMessage());
    SpecProblem p = e.problems().get(0);
    assertEquals("/resources/items", p.location());
    assertTrue(p.message().startsWith("too many operations for one resource class (items): its "
        + (NamePlan.MAX_NEST_MEMBERS + 1) + " nested"), p.message());
  }

  @Test
  void methodWithManyParameters() throws Exception {
    ObjectNode root = api("manyparams");
    ObjectNode m = root.putObject("methods").putObject("get");
    m.put("id", "manyparams.get").put("path", "x").put("httpMethod", "GET");
    ObjectNode params = m.putObject("parameters");
    for (int i = 0; i < 3000; i++) {
      params.putObject("param" + i).put("type", "string").put("location", "query").put("required", i % 2 == 0);
    }
    assertFalse(outcome(root), "3000 parameters are rejected");
    while (params.size() > 300) {
      params.remove(params.fieldNames().next());
    }
    assertTrue(outcome(root), "300 parameters generate");
  }

  @Test
  void deeplyNestedInlineObjects() throws Exception {
    for (int depth : new int[] {10, 40, 150}) {
      ObjectNode root = api("deep");
      ObjectNode node = root.putObject("schemas").putObject("Deep").put("type", "object");
      for (int i = 0; i < depth; i++) {
        node = node.putObject("properties").putObject(depth == 10 ? "l" + i : "level" + i + "WithARatherLongPropertyName").put("type", "object");
      }
      node.putObject("properties").putObject("leaf").put("type", "string").putArray("enum").add("A");
      boolean compiled = outcome(root);
      System.out.println(depth + " nested inline objects: " + (compiled ? "compiled" : "rejected"));
      assertTrue(compiled || depth > 10, "10 levels of short names must generate");
    }
  }

  @Test
  void deeplyNestedResources() throws Exception {
    for (int depth : new int[] {8, 30, 150}) {
      ObjectNode root = api("deepres");
      ObjectNode node = root;
      for (int i = 0; i < depth; i++) {
        node = node.putObject("resources").putObject("resourceNumber" + i);
      }
      ObjectNode m = node.putObject("methods").putObject("get");
      m.put("id", "deepres.get").put("path", "x").put("httpMethod", "GET");
      m.putObject("parameters").putObject("mode").put("type", "string").put("location", "query").putArray("enum").add("A");
      boolean compiled = outcome(root);
      System.out.println(depth + " nested resources: " + (compiled ? "compiled" : "rejected"));
      assertTrue(compiled || depth > 8, "8 levels must generate");
    }
  }

  @Test
  void manySchemas() throws Exception {
    ObjectNode root = api("manyschemas");
    ObjectNode schemas = root.putObject("schemas");
    for (int i = 0; i < 2000; i++) {
      schemas.putObject("Schema" + i).put("type", "object").putObject("properties")
          .putObject("next").put("$ref", "Schema" + ((i + 1) % 2000));
    }
    System.out.println("2000 schemas: " + (outcome(root) ? "compiled" : "rejected"));
  }

  /** Generated class names of an OpenAPI document with these component schemas, each with a long inline object. */
  List<String> classNames(List<String> schemaNames) throws Exception {
    StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Long, version: '1'}\npaths: {}\n"
        + "components:\n  schemas:\n");
    for (String n : schemaNames) {
      yaml.append("    ").append(n).append(":\n      type: object\n      properties:\n")
          .append("        ").append(n).append("InlineDetails:\n          type: object\n")
          .append("          properties: {a: {type: string}}\n");
    }
    Path file = work.resolve("long.yaml");
    Files.writeString(file, yaml);
    List<GeneratedFile> files =
        Generator.render(new GeneratorOptions(List.of(file), work.resolve("out"), null, true), p -> {}).files();
    assertEquals(List.of(), GeneratedCode.check(files, work.resolve("compile")));
    return files.stream()
        .flatMap(f -> java.util.regex.Pattern.compile("(?:class|enum) ([A-Za-z0-9_]+)")
            .matcher(new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)).results()
            .map(m -> m.group(1)))
        .toList();
  }

  @Test
  void longClassNamesAreShortenedStably() throws Exception {
    // Cut only where the class file name (Name.class) would pass 255 bytes.
    String common = "AnExtremelyLongSchemaNameThatSomeGeneratorsProduceFromPathsAndOperations".repeat(4);
    List<String> both = classNames(List.of(common + "ForListingThings", common + "ForCreatingThings"));
    List<String> one = classNames(List.of(common + "ForCreatingThings"));
    for (String n : both) {
      assertTrue(n.length() + ".class".length() <= 255, n);
    }
    assertEquals(both.size(), new java.util.HashSet<>(both).size(), "unique: " + both);
    // Each shortened name depends only on its own full name: removing a sibling renames nothing.
    assertTrue(both.containsAll(one.stream().filter(n -> n.startsWith("AnExtremely")).toList()), both + " vs " + one);
  }
}
