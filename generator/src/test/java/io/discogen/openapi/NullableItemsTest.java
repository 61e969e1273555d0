package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.TypeRef;
import io.discogen.ir.TypeRef.Kind;
import io.discogen.runtime.ApiException;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lists and maps whose items or values may be JSON null, end to end, in both spellings
 * ({@code nullable-items.openapi.yaml}, 3.0 {@code nullable}; {@code nullable-items-31.openapi.yaml},
 * 3.1 {@code "null"} types and variants): generated, compiled warning-free, a body with null
 * items captured by a local server as exact text, the same text decoded and written back unchanged.
 */
class NullableItemsTest {
  static final Path DIR = Path.of("src/test/resources/openapi");

  /** Nulls in every kind of list and map; {@code tags} and {@code labels} do not allow them. */
  static final String BODY = "{\"names\":[\"a\",null,\"c\"],\"counts\":[1,null,3],\"totals\":[9007199254740993,null],"
      + "\"colors\":[\"red\",null,\"green\"],\"levels\":[2,null,1],\"times\":[null,\"2024-01-02T03:04:05+02:00\"],"
      + "\"items\":[{\"name\":\"x\"},null],\"grid\":[[1.5,null],[]],\"mixed\":[\"s\",null,3],\"tags\":[\"t\",null],"
      + "\"scores\":{\"a\":1,\"b\":null},\"colorsByName\":{\"x\":null,\"y\":\"red\"},"
      + "\"itemsByName\":{\"i\":null,\"j\":{\"name\":\"y\"}},\"labels\":{\"k\":null}}";

  @ParameterizedTest
  @ValueSource(strings = {"nullable-items.openapi.yaml", "nullable-items-31.openapi.yaml"})
  void readsItemNullabilityIntoTheIr(String spec) throws Exception {
    ApiModel api = SpecReader.read(DIR.resolve(spec), spec);
    assertEquals(new TypeRef.ListOf(TypeRef.STRING, true), FieldSemanticsTest.prop(api, "Bag", "names").type());
    assertEquals(new TypeRef.ListOf(TypeRef.of(Kind.INT64_NUMBER), true), FieldSemanticsTest.prop(api, "Bag", "totals").type());
    // A $ref to a nullable schema, a nullable allOf/oneOf wrapper of a $ref: the target, nullable.
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Color"), true), FieldSemanticsTest.prop(api, "Bag", "colors").type());
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Level"), true), FieldSemanticsTest.prop(api, "Bag", "levels").type());
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Item"), true), FieldSemanticsTest.prop(api, "Bag", "items").type());
    assertEquals(new TypeRef.ListOf(new TypeRef.ListOf(TypeRef.of(Kind.DECIMAL), true), false),
        FieldSemanticsTest.prop(api, "Bag", "grid").type());
    if (spec.contains("31")) {
      assertEquals(new TypeRef.ListOf(new TypeRef.Named("Bag.mixed.items"), true), FieldSemanticsTest.prop(api, "Bag", "mixed").type());
      assertEquals(new TypeRef.ListOf(TypeRef.STRING), FieldSemanticsTest.prop(api, "Bag", "either").type());
    }
    assertEquals(new TypeRef.ListOf(TypeRef.STRING, false), FieldSemanticsTest.prop(api, "Bag", "tags").type());
    assertEquals(new TypeRef.MapOf(TypeRef.of(Kind.INT64_NUMBER), true), FieldSemanticsTest.prop(api, "Bag", "scores").type());
    assertEquals(new TypeRef.MapOf(new TypeRef.Named("Item"), true), FieldSemanticsTest.prop(api, "Bag", "itemsByName").type());
    assertEquals(new TypeRef.MapOf(TypeRef.STRING, false), FieldSemanticsTest.prop(api, "Bag", "labels").type());
    assertFalse(FieldSemanticsTest.prop(api, "Bag", "names").nullable(), "the list itself is not nullable");
    assertEquals(new TypeRef.ListOf(TypeRef.STRING, true), api.resources().get(0).methods().stream()
        .filter(m -> m.name().equals("listNames")).findFirst().orElseThrow().response());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nullable-items.openapi.yaml", "nullable-items-31.openapi.yaml"})
  void nullItemsTravelAsJsonNull(String spec, @TempDir Path work) throws Throwable {
    boolean v31 = spec.contains("31");
    String pkg = v31 ? "io.discogen.bags31" : "io.discogen.bags30";
    String body = v31 ? BODY : BODY.replace("\"mixed\":[\"s\",null,3],", ""); // union items: 3.1 only
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(DIR.resolve(spec)), Path.of("unused"), pkg, true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    String bagSource = FieldSemanticsTest.source(files, "/Bag.java");
    String items = "<p>Items may be null: a null item is sent and received as JSON null, in its place.";
    String values = "<p>Values may be null: a null value is sent and received as JSON null.";
    assertEquals(2 * (v31 ? 8 : 7) + 2, count(bagSource, items), bagSource); // getter and setter; raw setters of enum lists too
    assertEquals(2 * 3 + 1, count(bagSource, values), bagSource);
    assertEquals(2, count(bagSource, "<p>Items or values of the nested lists or maps may be null"), bagSource);
    assertTrue(methodDoc(bagSource, "getNames").contains(items), bagSource);
    assertTrue(methodDoc(bagSource, "setScores").contains(values), bagSource);
    assertFalse(methodDoc(bagSource, "getTags").contains("null item"), bagSource);

    List<String> bodies = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] out = (ex.getRequestURI().getPath().endsWith("/names") ? "[null,\"b\"]" : body)
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object red = constant(loader, pkg + ".model.Color", "RED");
      Object green = constant(loader, pkg + ".model.Color", "GREEN");
      Object one = constant(loader, pkg + ".model.Level", "NUMBER_1");
      Object two = constant(loader, pkg + ".model.Level", "NUMBER_2");
      Object x = call(loader.loadClass(pkg + ".model.Item").getConstructor().newInstance(), "setName", "x");
      Object y = call(loader.loadClass(pkg + ".model.Item").getConstructor().newInstance(), "setName", "y");
      Object bag = loader.loadClass(pkg + ".model.Bag").getConstructor().newInstance();
      call(bag, "setNames", Arrays.asList("a", null, "c"));
      call(bag, "setCounts", Arrays.asList(1, null, 3));
      call(bag, "setTotals", Arrays.asList(9007199254740993L, null));
      call(bag, "setColors", Arrays.asList(red, null, green));
      call(bag, "setLevels", Arrays.asList(two, null, one));
      call(bag, "setTimes", Arrays.asList(null, OffsetDateTime.parse("2024-01-02T03:04:05+02:00")));
      call(bag, "setItems", Arrays.asList(x, null));
      call(bag, "setGrid", List.of(Arrays.asList(new BigDecimal("1.5"), null), List.of()));
      List<Object> mixed = null;
      if (v31) {
        Class<?> union = loader.loadClass(pkg + ".model.Bag$MixedItem");
        mixed = Arrays.asList(Json.get().read("\"s\"", union), null, Json.get().read("3", union));
        call(bag, "setMixed", mixed);
      }
      call(bag, "setTags", Arrays.asList("t", null));
      call(bag, "setScores", map("a", 1L, "b", null));
      call(bag, "setColorsByName", map("x", null, "y", red));
      call(bag, "setItemsByName", map("i", null, "j", y));
      call(bag, "setLabels", map("k", null));

      Object service = loader.loadClass(pkg + ".Bags").getConstructor(ClientOptions.class).newInstance(
          ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .credentials(Credentials.none()).build());
      Object back = call(call(call(service, "bags"), "putBag", bag), "execute");
      assertEquals(body, bodies.get(0));

      assertEquals(Arrays.asList("a", null, "c"), call(back, "getNames"));
      assertEquals(Arrays.asList(1, null, 3), call(back, "getCounts"));
      assertEquals(Arrays.asList(9007199254740993L, null), call(back, "getTotals"));
      assertEquals(Arrays.asList(red, null, green), call(back, "getColors"));
      assertEquals(Arrays.asList("red", null, "green"), call(back, "getColorsValue"));
      assertEquals(Arrays.asList(two, null, one), call(back, "getLevels"));
      assertEquals(Arrays.asList(null, OffsetDateTime.parse("2024-01-02T03:04:05+02:00")), call(back, "getTimes"));
      assertEquals(Arrays.asList(x, null), call(back, "getItems"));
      assertEquals(List.of(Arrays.asList(new BigDecimal("1.5"), null), List.of()), call(back, "getGrid"));
      if (v31) {
        assertEquals(mixed, call(back, "getMixed"));
      }
      assertEquals(Arrays.asList("t", null), call(back, "getTags"));
      assertEquals(map("a", 1L, "b", null), call(back, "getScores"));
      assertEquals(map("x", null, "y", red), call(back, "getColorsByName"));
      assertEquals(map("i", null, "j", y), call(back, "getItemsByName"));
      assertEquals(map("k", null), call(back, "getLabels"));
      assertEquals(body, Json.get().writeString(back));
      assertEquals(bag, back);

      assertEquals(Arrays.asList(null, "b"), call(call(call(service, "bags"), "listNames"), "execute"));
    } finally {
      server.stop(0);
    }
  }

  /**
   * Prism validates request items against the spec: nulls where {@code nullable} allows them
   * pass, one null in the non-nullable {@code tags} (sent as null, not dropped) is refused.
   */
  @Test
  void prismAcceptsNullItemsOnlyWhereTheSpecAllowsThem(@TempDir Path work) throws Throwable {
    Path spec = DIR.resolve("nullable-items.openapi.yaml");
    try (Prism prism = Prism.start(spec)) {
      List<GeneratedFile> files = Generator.render(
          new GeneratorOptions(List.of(spec), Path.of("unused"), "io.discogen.bagsprism", true), p -> {}).files();
      Compilation.Result c = Compilation.compile(files, work);
      assertTrue(c.success(), c.report());
      try (URLClassLoader loader = new URLClassLoader(new URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
        Object bag = loader.loadClass("io.discogen.bagsprism.model.Bag").getConstructor().newInstance();
        call(bag, "setNames", Arrays.asList("a", null));
        call(bag, "setCounts", Arrays.asList(null, 2));
        call(bag, "setColors", Arrays.asList(null, constant(loader, "io.discogen.bagsprism.model.Color", "RED")));
        call(bag, "setItems", Arrays.asList((Object) null));
        call(bag, "setGrid", List.of(Arrays.asList(null, BigDecimal.ONE)));
        call(bag, "setScores", map("a", null));
        call(bag, "setTags", List.of("t"));
        Object bags = call(loader.loadClass("io.discogen.bagsprism.Bags").getConstructor(ClientOptions.class).newInstance(
            ClientOptions.builder().rootUrl(prism.rootUrl()).credentials(Credentials.none()).build()), "bags");
        call(call(bags, "putBag", bag), "execute");

        call(bag, "setTags", Arrays.asList("t", null));
        Object invalid = call(bags, "putBag", bag);
        assertEquals(422, assertThrows(ApiException.class, () -> call(invalid, "execute")).statusCode());
      }
    }
  }

  @Test
  void docsShowNullItems(@TempDir Path out) throws Exception {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = io.discogen.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true),
        new java.io.PrintWriter(err, true), "generate", "--spec", DIR.resolve("nullable-items.openapi.yaml").toString(),
        "--out", out.toString(), "--docs");
    assertEquals(0, code, err.toString());
    String page = java.nio.file.Files.readString(out.resolve("docs/models/Bag.md"));
    assertTrue(page.contains("| `names` | List&lt;String&gt; |"), page);
    for (String[] row : new String[][] {{"names", "[optional] [null items]"}, {"scores", "[optional] [null values]"},
        {"grid", "[optional] [nested nulls]"}, {"tags", "[optional] |"}}) {
      String line = page.lines().filter(l -> l.startsWith("| `" + row[0] + "` |")).findFirst().orElseThrow();
      assertTrue(line.endsWith(row[1]) || line.endsWith(row[1] + " |") || line.contains(row[1]), line);
    }
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The javadoc right before {@code public ... name(}. */
  static String methodDoc(String source, String name) {
    int at = source.indexOf(" " + name + "(");
    int doc = source.lastIndexOf("/**", at);
    return doc < source.lastIndexOf("}", at) ? "" : source.substring(doc, at);
  }

  static Object constant(ClassLoader loader, String enumClass, String name) throws Exception {
    return loader.loadClass(enumClass).getField(name).get(null);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
