package io.discogen.openapi;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.discogen.GeneratedFile;
import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.TypeRef;
import io.discogen.runtime.ClientOptions;
import io.discogen.runtime.Credentials;
import io.discogen.runtime.json.Json;
import io.discogen.spec.SpecReader;
import io.discogen.testing.Compilation;


import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI field semantics end to end ({@code src/test/resources/openapi/fields.openapi.yaml}, a
 * 3.1 document): generated, compiled warning-free, then a request captured by a local server and
 * its response decoded and written back.
 */
class FieldSemanticsTest {
  static final Path SPEC = Path.of("src/test/resources/openapi/fields.openapi.yaml");

  /** What the server answers: explicit nulls, an unknown and a known integer enum value, an offset. */
  static final String RESPONSE = "{\"id\":\"t1\",\"createdAt\":\"2024-03-01T10:15:00.120+05:30\",\"note\":null,"
      + "\"level\":7,\"levels\":[1,9,-1],\"kind\":\"thing\",\"count\":3,\"version\":\"v2\","
      + "\"due\":\"2024-03-01T10:15:00Z\",\"link\":\"https://x.example/a?b=c\",\"parent\":null,\"size\":10}";

  static Property prop(ApiModel api, String schema, String name) {
    return ((ObjectSchema) api.schemaIndex().get(schema)).properties().stream()
        .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readsFieldFactsIntoTheIr() throws Exception {
    ApiModel api = SpecReader.read(SPEC, "fields.openapi.yaml");
    assertTrue(prop(api, "Thing", "id").readOnly());
    assertTrue(prop(api, "Thing", "id").outputOnly());
    assertTrue(prop(api, "Thing", "secret").writeOnly());
    assertTrue(prop(api, "Thing", "note").nullable());
    assertTrue(prop(api, "Thing", "parent").nullable());
    assertFalse(prop(api, "Thing", "label").nullable());
    assertEquals(TypeRef.STRING, prop(api, "Thing", "kind").type());
    assertEquals("thing", prop(api, "Thing", "kind").constValue());
    assertEquals("3", prop(api, "Thing", "count").constValue());
    assertEquals("v2", prop(api, "Thing", "version").constValue()); // required single-value enum
    assertNull(prop(api, "Thing", "mode").constValue()); // optional: absent is meaningful
    assertEquals("10", prop(api, "Thing", "size").defaultValue());
    assertEquals(TypeRef.of(TypeRef.Kind.OFFSET_DATE_TIME), prop(api, "Thing", "due").type());
    assertEquals(TypeRef.of(TypeRef.Kind.URI), prop(api, "Thing", "link").type());
    EnumSchema level = (EnumSchema) api.schemaIndex().get("Level");
    assertTrue(level.integer());
    assertEquals(List.of("1", "2", "3", "-1"), level.values().stream().map(EnumSchema.EnumValue::value).toList());
  }

  @Test
  void requestsAndResponsesFollowTheFieldSemantics(@TempDir Path work) throws Throwable {
    List<GeneratedFile> files = Generator.render(
        new GeneratorOptions(List.of(SPEC), Path.of("unused"), "io.discogen.fields", true), p -> {}).files();
    Compilation.Result c = Compilation.compile(files, work);
    assertTrue(c.success(), c.report());
    assertEquals(List.of(), c.warnings(), c.report());
    String thingSource = source(files, "/Thing.java");
    assertTrue(thingSource.contains("<p>Read-only: set by the server, decoded from responses, never sent in requests."), thingSource);
    assertTrue(thingSource.contains("<p>Write-only: sent to the server, which does not return it"), thingSource);
    assertTrue(thingSource.contains("<p>Always <code>thing</code>: new objects start with it set."), thingSource);
    assertTrue(thingSource.contains("<p>Default: <code>10</code>"), thingSource);
    assertFalse(thingSource.contains("setKind("), "a const has no setter");

    List<String> bodies = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      queries.add(ex.getRequestURI().getRawQuery());
      byte[] out = RESPONSE.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {c.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> levelClass = loader.loadClass("io.discogen.fields.model.Level");
      Object two = levelClass.getMethod("fromValue", Long.class).invoke(null, 2L);
      Object three = levelClass.getMethod("fromValue", Long.class).invoke(null, 3L);
      assertEquals("NUMBER_2", two.toString());

      Object thing = loader.loadClass("io.discogen.fields.model.Thing").getConstructor().newInstance();
      // New objects carry their consts and required single-value enums, nothing else.
      assertEquals(Json.get().mapper().readTree("{\"kind\":\"thing\",\"count\":3,\"version\":\"v2\"}"),
          Json.get().mapper().readTree(Json.get().writeRequest(thing)));
      call(thing, "setId", "mine"); // read-only: kept, never sent
      call(thing, "setCreatedAt", OffsetDateTime.parse("2020-01-01T00:00:00Z"));
      call(thing, "setSecret", "s3cret");
      call(thing, "clearNote");
      call(thing, "setLabel", (Object) null);
      call(thing, "setLevel", two);
      call(thing, "setLevels", List.of(two, three));
      call(thing, "setDue", OffsetDateTime.parse("2024-01-02T03:04:05.5+02:00"));
      call(thing, "setLink", URI.create("https://x.example/p?q=1"));
      call(thing, "clearParent");
      assertTrue((Boolean) call(thing, "isNoteNull"));
      assertEquals("mine", call(thing, "getId"));

      Object service = loader.loadClass("io.discogen.fields.Fields").getConstructor(ClientOptions.class).newInstance(
          ClientOptions.builder().rootUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/")
              .credentials(Credentials.none()).build());
      Object request = call(call(service, "things"), "updateThing", "a", thing);
      call(request, "setSince", OffsetDateTime.parse("2024-01-02T03:04:05+01:00"));
      call(request, "setRef", URI.create("https://x.example/r"));
      call(request, "setLevel", request.getClass().getClassLoader()
          .loadClass("io.discogen.fields.Fields$Things$UpdateThing$Level").getMethod("fromValue", Long.class).invoke(null, 3L));
      call(request, "setLevels", List.of(two, three));
      Object response = call(request, "execute");

      // The body: no read-only fields, explicit nulls only where asked, numbers for integer enums,
      // the offset as given.
      assertEquals(Json.get().mapper().readTree("{\"secret\":\"s3cret\",\"note\":null,\"level\":2,\"levels\":[2,3],"
              + "\"kind\":\"thing\",\"count\":3,\"version\":\"v2\",\"due\":\"2024-01-02T03:04:05.500+02:00\","
              + "\"link\":\"https://x.example/p?q=1\",\"parent\":null}"),
          Json.get().mapper().readTree(bodies.get(0)));
      assertEquals("since=2024-01-02T03%3A04%3A05%2B01%3A00&ref=https%3A%2F%2Fx.example%2Fr&level=3&levels=2&levels=3",
          queries.get(0));

      // The response: explicit nulls observable, unknown enum numbers kept, offsets kept, the
      // write-only secret simply absent.
      assertEquals("t1", call(response, "getId"));
      assertEquals(OffsetDateTime.parse("2024-03-01T10:15:00.120+05:30"), call(response, "getCreatedAt"));
      assertEquals("+05:30", ((OffsetDateTime) call(response, "getCreatedAt")).getOffset().getId());
      assertTrue((Boolean) call(response, "isNoteNull"));
      assertTrue((Boolean) call(response, "isParentNull"));
      assertNull(call(response, "getSecret"));
      assertEquals("UNRECOGNIZED", call(response, "getLevel").toString());
      assertEquals(7L, call(response, "getLevelValue"));
      assertEquals("[NUMBER_1, UNRECOGNIZED, NUMBER_MINUS_1]", call(response, "getLevels").toString());
      assertEquals(List.of(1L, 9L, -1L), call(response, "getLevelsValue"));
      assertEquals(URI.create("https://x.example/a?b=c"), call(response, "getLink"));
      // Written back whole (Json.write keeps read-only fields; only request bodies drop them).
      JsonNode expected = Json.get().mapper().readTree(RESPONSE);
      assertEquals(expected, Json.get().mapper().readTree(Json.get().write(response)));
      // Sending the decoded object: read-only fields go, explicit nulls stay.
      JsonNode sent = Json.get().mapper().readTree(Json.get().writeRequest(response));
      assertFalse(sent.has("id") || sent.has("createdAt"), sent.toString());
      assertTrue(sent.get("note").isNull(), sent.toString());
      // Setting a value (or null) replaces an explicit null.
      call(response, "setNote", (Object) null);
      assertFalse(Json.get().tree(response).has("note"));
      // The unknown constant cannot be sent.
      Object unknown = call(response, "getLevel");
      assertThrows(IllegalArgumentException.class, () -> call(thing, "setLevel", unknown));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void docsShowTheFieldSemantics(@TempDir Path out) throws Exception {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = io.discogen.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true),
        new java.io.PrintWriter(err, true), "generate", "--spec", SPEC.toString(), "--out", out.toString(), "--docs");
    assertEquals(0, code, err.toString());
    String page = java.nio.file.Files.readString(out.resolve("docs/models/Thing.md"));
    assertTrue(page.contains("| `kind` | String | `getKind()` |  | [required] always `thing` |"), page);
    assertTrue(page.contains("`getNote()`<br>`setNote(…)`<br>null: `clearNote()`, `isNoteNull()`"), page);
    assertTrue(page.contains("[optional] [writeonly]"), page);
    assertTrue(page.contains("[optional] [readonly] RFC 3339 timestamp, offset kept"), page);
  }

  static String source(List<GeneratedFile> files, String suffix) {
    return new String(files.stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow().content(),
        StandardCharsets.UTF_8);
  }

}
