package io.discogen.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of real discovery documents: keys dropped, duplicated, renamed and retyped,
 * values swapped, {@code $ref}s cut, strings made hostile, values nested deep, maps turned into
 * arrays or scalars. Every mutant must either generate or be rejected with {@link SpecException}
 * whose problems are each one located line, never another exception, never an "internal" problem;
 * a sample of generated mutants must compile without errors or warnings.
 *
 * <p>{@code -Dfuzz.iterations=N} (default 2000), {@code -Dfuzz.seed=S}, {@code -Dfuzz.compileEvery=K}
 * (default 50), {@code -Dfuzz.corpus=true} for every corpus document; {@code mvn -Pfuzz} runs
 * 50,000. A failing mutant is written to {@code target/fuzz-failures/}; keep it as a regression
 * case in {@code src/test/resources/fuzz-regressions/}, where {@link #replaysRegressions} runs it.
 */
class FuzzTest {
  /** Writes mutants nested deeper than the reader accepts, so the reader's limit is tested too. */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build())
      .build());
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Small to medium documents of varied shapes; the whole corpus with -Dfuzz.corpus=true. */
  private static final List<String> DEFAULT_DOCS = List.of(
      "abusiveexperiencereport.v1.json", "tasks.v1.json", "translate.v2.json", "memcache.v1.json",
      "customsearch.v1.json", "checks.v1alpha.json", "cloudtasks.v2.json", "pubsub.v1.json");

  static final List<String> HOSTILE_STRINGS = List.of(
      "", " ", "*/", "/*", "*/ static { System.exit(1); } /*", "\\u002a/", "\\", "\"", "\u2028", "\u0000",
      "\ud800", "../../evil", "/abs", "..", "CON", "a/b", "{", "}", "{+", "a{b}c", "{name}", "{+name}", "$",
      "@", "class", "String", "1", "-1", "1e400", "true", "null", "object", "array", "string", "any",
      "integer", "Operation", "get", "operations", "pageToken", "nextPageToken", "requestId", "path",
      "query", "\u65e5\u672c", "x".repeat(2000), "[", "(", "**", "^[^/]+$", "projects/{project}");

  @TempDir Path tmp;

  @Test
  void mutantsGenerateOrAreRejectedCleanly() throws Exception {
    int iterations = Integer.getInteger("fuzz.iterations", 2000);
    long seed = Long.getLong("fuzz.seed", 20261121L);
    int compileEvery = Integer.getInteger("fuzz.compileEvery", 50);
    List<JsonNode> docs = seeds();
    Random rnd = new Random(seed);
    int generated = 0;
    int rejected = 0;
    int compiled = 0;
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < iterations && failures.size() < 10; i++) {
      JsonNode mutant = docs.get(rnd.nextInt(docs.size())).deepCopy();
      int n = 1 + rnd.nextInt(4);
      for (int k = 0; k < n; k++) {
        mutant = mutate(mutant, rnd);
      }
      byte[] bytes = JSON.writeValueAsBytes(mutant);
      String failure;
      List<GeneratedFile> files = null;
      try {
        files = render(bytes, tmp.resolve("mutant.json"));
        failure = null;
        generated++;
      } catch (SpecException e) {
        failure = badProblems(e);
        rejected++;
      } catch (Throwable t) {
        failure = "threw " + t;
      }
      if (failure == null && files != null && generated % compileEvery == 1) {
        Path work = Files.createTempDirectory(tmp, "compile");
        List<String> problems = GeneratedCode.compileAndLoad(files, work);
        compiled++;
        if (!problems.isEmpty()) {
          failure = "generated code does not compile and load cleanly:\n"
              + String.join("\n", problems.subList(0, Math.min(20, problems.size())));
        }
      }
      if (failure != null) {
        Path saved = TestSpecs.moduleDir().resolve("target/fuzz-failures/seed" + seed + "-" + i + ".json");
        Files.createDirectories(saved.getParent());
        Files.write(saved, bytes);
        failures.add("mutant " + i + " (" + saved + "): " + failure);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("fuzz: %d mutations (seed %d) in %d ms: %d generated, %d rejected, %d compiled, %d failures%n",
        generated + rejected + failures.size(), seed, ms, generated, rejected, compiled, failures.size());
    if (!failures.isEmpty()) {
      fail(failures.size() + " mutants broke the generator. Copy them into"
          + " src/test/resources/fuzz-regressions/ (minimised if you can), fix, and commit both:\n"
          + String.join("\n", failures));
    }
  }

  @Test
  void replaysRegressions() throws Exception {
    Path dir = TestSpecs.moduleDir().resolve("src/test/resources/fuzz-regressions");
    List<Path> specs;
    try (Stream<Path> s = Files.list(dir)) {
      specs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    for (Path spec : specs) {
      String failure;
      try {
        List<GeneratedFile> files = render(Files.readAllBytes(spec), tmp.resolve("regression.json"));
        List<String> problems = GeneratedCode.compileAndLoad(files, Files.createTempDirectory(tmp, "compile"));
        failure = problems.isEmpty() ? null : "does not compile and load cleanly:\n" + String.join("\n", problems);
      } catch (SpecException e) {
        failure = badProblems(e);
      } catch (Throwable t) {
        failure = "threw " + t;
      }
      if (failure != null) {
        failures.add(spec.getFileName() + ": " + failure);
      }
    }
    System.out.println("fuzz regressions replayed: " + specs.size());
    assertEquals(List.of(), failures);
  }

  private static List<GeneratedFile> render(byte[] bytes, Path file) throws Exception {
    Files.write(file, bytes);
    return Generator.render(new GeneratorOptions(List.of(file), file.resolveSibling("out"), null, true), p -> {})
        .files();
  }

  /** Why a rejection is not clean, or null: every problem one line, located, not a crash. */
  static String badProblems(SpecException e) {
    if (e.problems().isEmpty()) {
      return "SpecException without problems";
    }
    for (SpecProblem p : e.problems()) {
      String line = p.toString();
      if (line.contains("\n") || line.contains("\r")) {
        return "problem spans lines: " + line;
      }
      if (p.location() == null || p.location().isEmpty()) {
        return "problem without a location: " + line;
      }
      if (p.message().startsWith("cannot read this") || p.message().startsWith("internal error")) {
        return "crash reported as a problem: " + line;
      }
    }
    return null;
  }

  private List<JsonNode> seeds() throws Exception {
    List<Path> files = new ArrayList<>();
    Path corpus = TestSpecs.corpus2024();
    if (Boolean.getBoolean("fuzz.corpus")) {
      try (Stream<Path> s = Files.list(corpus)) {
        files.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
      }
    } else {
      for (String d : DEFAULT_DOCS) {
        files.add(corpus.resolve(d));
      }
    }
    files.add(TestSpecs.projectSpecs().resolve("dataproc-sessions.v1.json"));
    files.add(TestSpecs.golden("naming").resolve("spec.json"));
    files.add(TestSpecs.golden("types").resolve("spec.json"));
    List<JsonNode> docs = new ArrayList<>();
    for (Path f : files) {
      docs.add(JSON.readTree(f.toFile()));
    }
    return docs;
  }

  /** A place in the tree: a container and a key (object) or index (array). */
  private record Slot(ContainerNode<?> parent, String key, int index) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get(key) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }

    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(key);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static List<Slot> slots(JsonNode root) {
    List<Slot> out = new ArrayList<>();
    List<JsonNode> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      JsonNode n = todo.remove(todo.size() - 1);
      if (n instanceof ObjectNode o) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.add(new Slot(o, e.getKey(), -1));
          todo.add(e.getValue());
        }
      } else if (n instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          out.add(new Slot(a, null, i));
          todo.add(a.get(i));
        }
      }
    }
    return out;
  }

  static JsonNode mutate(JsonNode root, Random rnd) {
    List<Slot> slots = slots(root).stream().filter(x -> x.get() != null).toList();
    if (slots.isEmpty()) {
      return root;
    }
    // Bias towards interesting places half the time.
    Slot s = slots.get(rnd.nextInt(slots.size()));
    if (rnd.nextBoolean()) {
      List<Slot> interesting = slots.stream().filter(x -> x.key() != null && List.of(
          "$ref", "parameters", "properties", "items", "additionalProperties", "enum", "path", "flatPath",
          "type", "format", "location", "required", "parameterOrder", "request", "response", "id",
          "name", "version", "methods", "resources", "schemas", "httpMethod", "pattern", "repeated",
          "default", "scopes", "mediaUpload", "supportsMediaUpload", "rootUrl", "servicePath").contains(x.key())).toList();
      if (!interesting.isEmpty()) {
        s = interesting.get(rnd.nextInt(interesting.size()));
      }
    }
    switch (rnd.nextInt(10)) {
      case 0 -> s.remove();
      case 1 -> {
        if (s.parent() instanceof ObjectNode o) {
          o.set(s.key() + (rnd.nextBoolean() ? "" : "x"), s.get().deepCopy());
          Slot other = slots.get(rnd.nextInt(slots.size()));
          if (other.get() instanceof ObjectNode target) {
            target.set(s.key(), s.get().deepCopy());
          }
        } else {
          ((ArrayNode) s.parent()).add(s.get().deepCopy());
        }
      }
      case 2 -> s.set(randomValue(rnd));
      case 3 -> {
        if (s.parent() instanceof ObjectNode o) {
          JsonNode v = o.remove(s.key());
          o.set(HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size())), v);
        }
      }
      case 4 -> {
        Slot other = slots.get(rnd.nextInt(slots.size()));
        if (other.get() == null || s.get() == null) {
          return root;
        }
        JsonNode a = s.get().deepCopy();
        JsonNode b = other.get().deepCopy();
        s.set(b);
        other.set(a);
      }
      case 5 -> {
        for (Slot r : slots) {
          if ("$ref".equals(r.key()) && rnd.nextInt(3) == 0) {
            r.set(TextNode.valueOf(rnd.nextBoolean() ? "Missing" : HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size()))));
          }
        }
      }
      case 6 -> {
        List<Slot> texts = slots.stream().filter(x -> x.get() != null && x.get().isTextual()).toList();
        if (!texts.isEmpty()) {
          texts.get(rnd.nextInt(texts.size())).set(TextNode.valueOf(HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size()))));
        }
      }
      case 7 -> {
        JsonNode v = s.get();
        int depth = 20 + rnd.nextInt(rnd.nextBoolean() ? 60 : 1200);
        for (int d = 0; d < depth; d++) {
          ObjectNode wrap = F.objectNode();
          if (rnd.nextBoolean()) {
            wrap.put("type", "object").putObject("properties").set("p" + d, v);
          } else {
            wrap.put("type", "array").set("items", v);
          }
          v = wrap;
        }
        s.set(v);
      }
      case 8 -> {
        List<Slot> maps = slots.stream().filter(x -> x.key() != null && List.of("parameters", "properties", "methods", "resources",
            "schemas", "scopes", "enum", "parameterOrder", "items", "additionalProperties").contains(x.key())).toList();
        if (!maps.isEmpty()) {
          Slot m = maps.get(rnd.nextInt(maps.size()));
          m.set(switch (rnd.nextInt(4)) {
            case 0 -> F.arrayNode().add(m.get().deepCopy());
            case 1 -> TextNode.valueOf("x");
            case 2 -> F.numberNode(rnd.nextInt(3) - 1);
            default -> F.objectNode();
          });
        }
      }
      default -> {
        // Retype a scalar: strings to numbers, booleans to strings, and so on.
        JsonNode v = s.get();
        s.set(v.isTextual() ? F.numberNode(rnd.nextInt(100)) : v.isNumber() || v.isBoolean()
            ? TextNode.valueOf(v.asText()) : v.isContainerNode() && rnd.nextBoolean() ? F.nullNode() : v);
      }
    }
    return root;
  }

  private static JsonNode randomValue(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(rnd.nextBoolean());
      case 2 -> F.numberNode(rnd.nextInt(1000) - 500);
      case 3 -> F.numberNode(rnd.nextDouble() * 1e300);
      case 4 -> F.arrayNode().add(HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size())));
      case 5 -> F.objectNode().put(HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size())), "x");
      default -> TextNode.valueOf(HOSTILE_STRINGS.get(rnd.nextInt(HOSTILE_STRINGS.size())));
    };
  }
}
