package io.discogen.java;

import static io.discogen.testing.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import io.discogen.testing.GeneratedClients;
import io.discogen.testing.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery properties whose wire value can be JSON null (protobuf {@code NullValue}, {@code type:
 * any}, and lists and maps of them) keep an explicit null through a read-modify-write: the real
 * Firestore document's {@code Value}, {@code ArrayValue} and {@code MapValue}, and a small document
 * of {@code any} properties.
 */
class DiscoveryNullsTest {
  static ClassLoader firestore;
  static ClassLoader anys;

  static final String ANY_DOC = """
      {"kind":"discovery#restDescription","discoveryVersion":"v1","id":"anys:v1","name":"anys",
       "version":"v1","rootUrl":"https://anys.example.com/","servicePath":"","baseUrl":"https://anys.example.com/",
       "schemas":{"Holder":{"id":"Holder","type":"object","properties":{
         "value":{"type":"any"},
         "values":{"type":"array","items":{"type":"any"}},
         "fields":{"type":"object","additionalProperties":{"type":"any"}},
         "rows":{"type":"array","items":{"type":"array","items":{"type":"any"}}}}}},
       "resources":{}}
      """;

  @BeforeAll
  static void generate(@TempDir Path work) throws Exception {
    firestore = GeneratedClients.load(
        TestSpecs.corpus2024().resolve("firestore.v1.json"), "io.discogen.test.firestore", work.resolve("firestore"));
    Path doc = Files.writeString(work.resolve("anys.v1.json"), ANY_DOC);
    anys = GeneratedClients.load(doc, "io.discogen.test.anys", work.resolve("anys"));
  }

  static Object read(ClassLoader loader, String className, String json) throws Exception {
    return Json.get().read(json.getBytes(StandardCharsets.UTF_8), loader.loadClass(className));
  }

  static JsonNode tree(String json) throws Exception {
    return Json.get().mapper().readTree(json);
  }

  /** What a read-modify-write sends back: the request body, as the runtime writes it. */
  static JsonNode written(Object model) throws Exception {
    return Json.get().mapper().readTree(Json.get().writeRequest(model));
  }

  @Test
  void firestoreNullValueRoundTrips() throws Throwable {
    Object v = read(firestore, "io.discogen.test.firestore.model.Value", "{\"nullValue\": null}");
    assertEquals(true, call(v, "isNullValueNull"));
    assertNull(call(v, "getNullValue"));
    assertEquals(tree("{\"nullValue\": null}"), written(v));

    Object set = firestore.loadClass("io.discogen.test.firestore.model.Value").getConstructor().newInstance();
    call(set, "clearNullValue");
    assertEquals(tree("{\"nullValue\": null}"), written(set), "a null value can be made, not only echoed");
    assertEquals(v, set);
  }

  @Test
  void firestoreNullsInsideArraysAndMapsRoundTrip() throws Throwable {
    String doc = """
        {"name":"projects/p/databases/(default)/documents/c/d",
         "fields":{"nothing":{"nullValue":null},
           "list":{"arrayValue":{"values":[{"nullValue":null},{"integerValue":"1"}]}},
           "map":{"mapValue":{"fields":{"k":{"nullValue":null},"n":{"stringValue":"x"}}}}}}
        """;
    Object d = read(firestore, "io.discogen.test.firestore.model.Document", doc);
    assertEquals(tree(doc), written(d));

    Map<?, ?> fields = (Map<?, ?>) call(d, "getFields");
    Object array = call(fields.get("list"), "getArrayValue");
    Object first = ((List<?>) call(array, "getValues")).get(0);
    assertEquals(true, call(first, "isNullValueNull"));
    Object map = call(fields.get("map"), "getMapValue");
    assertEquals(true, call(((Map<?, ?>) call(map, "getFields")).get("k"), "isNullValueNull"));
  }

  @Test
  void anyValuesKeepExplicitNulls() throws Throwable {
    String json = """
        {"value":null,"values":[null,1],"fields":{"a":null,"b":"x"},"rows":[[null,"1"]]}
        """;
    Object h = read(anys, "io.discogen.test.anys.model.Holder", json);
    assertEquals(true, call(h, "isValueNull"));
    assertEquals(Arrays.asList(null, 1), call(h, "getValues"));
    assertTrue(((Map<?, ?>) call(h, "getFields")).containsKey("a"));
    assertEquals(tree(json), written(h));
  }

  @Test
  void anyNullsCanBeSent() throws Throwable {
    Object h = anys.loadClass("io.discogen.test.anys.model.Holder").getConstructor().newInstance();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("a", null);
    call(h, "clearValue");
    call(h, "setValues", Arrays.asList(null, "x"));
    call(h, "setFields", fields);
    assertEquals(tree("{\"value\":null,\"values\":[null,\"x\"],\"fields\":{\"a\":null}}"), written(h));
    call(h, "setValue", (Object) null);
    assertEquals(tree("{\"values\":[null,\"x\"],\"fields\":{\"a\":null}}"), written(h), "a null Java value is left out");
  }
}
