package io.discogen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.runtime.json.Json;
import io.discogen.testing.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a generated model (from the {@code types} golden spec) through the runtime's JSON mapper:
 * wire formats, unknown properties, unknown enum values, and a read-modify-write round trip that
 * must lose nothing.
 */
class ModelRoundTripTest {
  static final String PKG = "io.discogen.golden.types.";
  static Class<?> everything;
  static URLClassLoader loader;

  @BeforeAll
  static void compile(@TempDir Path work) throws Exception {
    Compilation.Result r = Compilation.compile(GoldenTest.render("types"), work);
    assertTrue(r.success(), r.report());
    loader = new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, ModelRoundTripTest.class.getClassLoader());
    everything = loader.loadClass(PKG + "model.Everything");
  }

  static final String WIRE = """
      {"text":"hi","flag":true,"int32":7,"uint32":4294967295,"int64":"9007199254740993",
       "uint64":"18446744073709551615","float":1.5,"double":2.25,"bytes":"-_8=",
       "timestamp":"2024-01-02T03:04:05.120+02:00","dateTime":"2024-01-02T03:04:05Z",
       "date":"2024-02-29","duration":"3.5s","mask":"a.b,c","anything":{"x":[1,"y",null]},
       "int64List":["1","-2"],"int64Map":{"k":"3"},"labels":{"a":"b"},"freeform":{"q":1},
       "color":"PURPLE","colors":["RED","TEAL"],"colorByName":{"x":"BLUE"},"shape":"HEXAGON",
       "child":{"value":1,"childExtra":true},"children":[{"name":"n"}],
       "next":{"text":"nested","futureField":[1,2]},"tags":["t1"],
       "brandNewField":{"deep":{"er":[1,2,3]}}}
      """;

  Object read(String json) {
    return Json.get().read(json.getBytes(StandardCharsets.UTF_8), everything);
  }

  Object call(Object target, String method, Object... args) throws Exception {
    for (var m : target.getClass().getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(method);
  }

  @Test
  void readsEveryWireFormat() throws Exception {
    Object e = read(WIRE);
    assertEquals("hi", call(e, "getText"));
    assertEquals(7, call(e, "getInt32"));
    assertEquals(4294967295L, call(e, "getUint32"));
    assertEquals(9007199254740993L, call(e, "getInt64"));
    assertEquals(new BigInteger("18446744073709551615"), call(e, "getUint64"));
    assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, (byte[]) call(e, "getBytes"), "URL-safe base64 accepted");
    assertEquals(Instant.parse("2024-01-02T01:04:05.120Z"), call(e, "getTimestamp"), "offset normalised");
    assertEquals(LocalDate.of(2024, 2, 29), call(e, "getDate"));
    assertEquals(Duration.ofMillis(3500), call(e, "getDuration"));
    assertEquals(List.of(1L, -2L), call(e, "getInt64List"));
    assertEquals(Map.of("k", 3L), call(e, "getInt64Map"));
  }

  @Test
  void unknownEnumValuesAreReadableAndKept() throws Exception {
    Object e = read(WIRE);
    assertEquals("UNRECOGNIZED", ((Enum<?>) call(e, "getColor")).name());
    assertEquals("PURPLE", call(e, "getColorValue"));
    List<?> colors = (List<?>) call(e, "getColors");
    assertEquals("RED", ((Enum<?>) colors.get(0)).name());
    assertEquals("UNRECOGNIZED", ((Enum<?>) colors.get(1)).name());
    assertEquals("UNRECOGNIZED", ((Enum<?>) call(e, "getShape")).name());
    assertEquals("HEXAGON", call(e, "getShapeValue"));
    Object unknown = call(e, "getColor");
    assertThrows(IllegalArgumentException.class, () -> call(e, "setColor", unknown), "the unknown constant cannot be sent");
  }

  @Test
  void readModifyWriteLosesNothing() throws Exception {
    Object e = read(WIRE);
    call(e, "setText", "changed");
    Class<?> color = loader.loadClass(PKG + "model.Everything$Color");
    call(e, "setFlag", false);
    JsonNode written = Json.get().mapper().readTree(Json.get().write(e));

    ObjectNode expected = (ObjectNode) Json.get().mapper().readTree(WIRE);
    expected.put("text", "changed");
    expected.put("flag", false);
    // Wire formats are normalised on output: Z timestamps, Discovery's padded URL-safe base64
    // (received here already so: "-_8="), and durations with 0, 3, 6 or 9 fractional digits as
    // protobuf JSON prescribes.
    expected.put("timestamp", "2024-01-02T01:04:05.120Z");
    expected.put("duration", "3.500s");
    assertEquals(expected, written);

    call(e, "setColor", color.getEnumConstants()[1]);
    assertEquals("RED", Json.get().tree(e).get("color").asText());
  }

  @Test
  void discoveryBytesAreWrittenUrlSafeAndPaddedAndReadInEitherAlphabet() throws Exception {
    Object e = everything.getConstructor().newInstance();
    call(e, "setBytes", new byte[] {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 1});
    assertEquals("-_-_AQ==", Json.get().tree(e).get("bytes").asText());
    for (String text : List.of("+/+/AQ==", "-_-_AQ==", "+/+/AQ", "-_-_AQ")) {
      assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 1},
          (byte[]) call(read("{\"bytes\":\"" + text + "\"}"), "getBytes"), text);
    }
  }

  @Test
  void int64TravelsAsStringAndUint32AsNumber() throws Exception {
    Object e = everything.getConstructor().newInstance();
    call(e, "setInt64", Long.MAX_VALUE);
    call(e, "setUint32", 4294967295L);
    call(e, "setInt64List", List.of(1L));
    call(e, "setTimestamp", Instant.parse("2024-01-01T00:00:00.000001Z"));
    call(e, "setDuration", Duration.ofSeconds(-1, 500_000_000));
    JsonNode t = Json.get().tree(e);
    assertTrue(t.get("int64").isTextual(), t.toString());
    assertEquals("9223372036854775807", t.get("int64").asText());
    assertTrue(t.get("uint32").isNumber(), t.toString());
    assertTrue(t.get("int64List").get(0).isTextual(), t.toString());
    assertEquals("2024-01-01T00:00:00.000001Z", t.get("timestamp").asText());
    assertEquals("-0.500s", t.get("duration").asText());
    assertEquals(5, t.size(), "only set fields are written: " + t);
  }

  @Test
  void equalsAndHashCodeCoverFieldsAndUnknownProperties() throws Exception {
    Object a = read(WIRE);
    Object b = read(WIRE);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    Object c = read(WIRE.replace("\"er\":[1,2,3]", "\"er\":[1,2]"));
    assertNotEquals(a, c, "an unknown property differs");
    Object d = read(WIRE.replace("-_8=", "AAAA"));
    assertNotEquals(a, d, "byte[] compared by content");
    assertTrue(a.toString().contains("\"int64\":\"9007199254740993\""), a.toString());
  }
}
