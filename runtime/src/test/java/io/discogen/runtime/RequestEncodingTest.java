package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server receives: path and query encoding, wire formats, bodies and headers. */
class RequestEncodingTest {
  private static final String WIDGET_JSON = "{\"name\":\"projects/p/widgets/w\",\"sizeBytes\":\"9007199254740993\","
      + "\"payload\":\"AQID/w==\",\"createTime\":\"2024-01-02T01:04:05.123Z\",\"ttl\":\"3.500s\",\"state\":\"NEW_STATE\","
      + "\"labels\":{\"k\":\"v\"},\"tags\":[\"a\",\"b\"],\"extra\":{\"x\":1}}";

  private FakeServer server;
  private Widgets widgets;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer((ex, req, n) -> FakeServer.respond(ex, 200, WIDGET_JSON));
    widgets = new Widgets(server.options().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void reservedExpansionKeepsSlashesAndEncodesTheRest() {
    widgets.get("projects/my proj/widgets/a%b:c@ü,(x)").execute();
    FakeServer.Received r = server.last();
    assertEquals("GET", r.method());
    assertEquals("/v1/projects/my%20proj/widgets/a%25b:c@%C3%BC,(x)", r.rawPath());
    assertEquals("prettyPrint=false", r.rawQuery());
  }

  @Test
  void reservedExpansionEncodesWhatAPathMayNotHold() {
    // '[' and ']' are reserved (gen-delims) but legal only in an IP-literal host: a path keeps
    // ":/@!$&'()*+,;=" and unreserved characters, and percent-encodes the rest.
    widgets.get("projects/p/widgets/a[0]{x}|y\\z\"^`<>").execute();
    assertEquals("/v1/projects/p/widgets/a%5B0%5D%7Bx%7D%7Cy%5Cz%22%5E%60%3C%3E", server.last().rawPath());
    widgets.get("projects/p/widgets/!$&'()*+,;=:@").execute();
    assertEquals("/v1/projects/p/widgets/!$&'()*+,;=:@", server.last().rawPath());
  }

  @Test
  void simpleExpansionEncodesEverythingButUnreserved() {
    widgets.lookup("a/b?c#d%e f ü~._-").execute();
    FakeServer.Received r = server.last();
    assertEquals("/v1/lookup/a%2Fb%3Fc%23d%25e%20f%20%C3%BC~._-", r.rawPath());
    assertEquals("prettyPrint=false", r.rawQuery());
  }

  @Test
  void pathParameterNotMatchingItsPatternIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widgets.get("projects/p/widgets/../../admin").execute());
    assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    assertTrue(e.getMessage().contains("pattern"), e.getMessage());
    assertTrue(e.getMessage().contains("setSuppressPatternChecks(true)"), e.getMessage());
    assertFalse(e.getMessage().contains("admin"), "the value is not echoed");
    // Matches the pattern ([^/]+ accepts ".."), but is a dot segment: refused too.
    assertThrows(IllegalArgumentException.class, () -> widgets.get("projects/../widgets/x").execute());
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("..").execute());
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("").execute());
    // Suppressed pattern checks still refuse dot segments.
    assertThrows(IllegalArgumentException.class,
        () -> widgets.get("projects/../widgets/x").setSuppressPatternChecks(true).execute());
    // A query or fragment cannot be smuggled through {+name} either: '?' and '#' are encoded.
    widgets.get("projects/p/widgets/w?x=1#f").execute();
    assertEquals("/v1/projects/p/widgets/w%3Fx=1%23f", server.last().rawPath());
    assertEquals(1, server.count());
  }

  @Test
  void queryParametersOfEveryTypeRepeatedAndDotted() {
    Instant t1 = OffsetDateTime.parse("2024-01-02T03:04:05.123+02:00").toInstant();
    Instant t2 = Instant.parse("2024-06-30T23:59:59Z");
    widgets.lookup("id")
        .setFilter("a=b&c d+é/?#%")
        .setTags(List.of("x", "y z"))
        .setPageSize(10)
        .setMinSize(9007199254740993L)
        .setSince(t1)
        .setTtl(Duration.ofMillis(3500))
        .setDay(LocalDate.of(2024, 2, 29))
        .setToken(new byte[] {(byte) 0xfb, (byte) 0xff, 0})
        .setFlag(true)
        .setRatio(0.1)
        .setBig(BigInteger.TWO.pow(70))
        .setTimes(List.of(t1, t2))
        .setXgafv("2")
        .setFields("name,sizeBytes")
        .execute();
    FakeServer.Received r = server.last();
    assertEquals("filter=a%3Db%26c%20d%2B%C3%A9%2F%3F%23%25"
        + "&tags=x&tags=y%20z"
        + "&page.size=10"
        + "&minSize=9007199254740993"
        + "&since=2024-01-02T01%3A04%3A05.123Z"
        + "&ttl=3.500s"
        + "&day=2024-02-29"
        + "&token=%2B%2F8A"
        + "&flag=true"
        + "&ratio=0.1"
        + "&big=1180591620717411303424"
        + "&times=2024-01-02T01%3A04%3A05.123Z&times=2024-06-30T23%3A59%3A59Z"
        + "&%24.xgafv=2"
        + "&fields=name%2CsizeBytes"
        + "&prettyPrint=false", r.rawQuery());
    assertEquals(List.of("a=b&c d+é/?#%"), r.query("filter"));
    assertEquals(List.of("x", "y z"), r.query("tags"));
    assertEquals(List.of("10"), r.query("page.size"));
  }

  @Test
  void prettyPrintSetByTheCallerWins() {
    widgets.get("projects/p/widgets/w").setPrettyPrint(true).execute();
    assertEquals("prettyPrint=true", server.last().rawQuery());
  }

  @Test
  void prettyPrintNotAddedWhenTheApiDoesNotDeclareIt() throws Exception {
    ServiceInfo bare = new ServiceInfo("bare", "v1", "https://bare.example/", null, "", null, List.of());
    ApiClient client = new ApiClient(bare, server.options().build());
    RestMethod m = RestMethod.builder("bare.get", "GET", "things/{id}").pathParam("id", null).build();
    client.execute(new Raw<>(client, m, null, Widget.class).with("id", "x"));
    assertNull(server.last().rawQuery());
    assertEquals("/things/x", server.last().rawPath());
  }

  @Test
  void headersAndHeaderParameters() {
    widgets.lookup("id").setRequestParams("name=projects/p").setHeader("X-Custom", "v1").execute();
    FakeServer.Received r = server.last();
    assertEquals("name=projects/p", r.header("x-goog-request-params"));
    assertEquals("v1", r.header("X-Custom"));
    assertEquals("discogen-java (gzip)", r.header("User-Agent")); // gzip asked for: CompressionTest
    assertEquals("application/json", r.header("Accept"));
    assertEquals("prettyPrint=false", r.rawQuery(), "header parameters stay out of the query");
  }

  @Test
  void headerValuesWithCrOrLfAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setHeader("X-A", "a\r\nX-B: b"));
    assertThrows(IllegalArgumentException.class, () -> widgets.lookup("id").setHeader("X-A: b", "a"));
    assertThrows(IllegalArgumentException.class,
        () -> widgets.lookup("id").setRequestParams("a\nb").execute());
    assertEquals(0, server.count());
  }

  @Test
  void requestBodyIsExactJsonWithWireFormats() {
    Instant t = OffsetDateTime.parse("2024-01-02T03:04:05.123+02:00").toInstant();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("env", "prod");
    Widget w = new Widget().setName("w").setSizeBytes(9007199254740993L).setPayload(new byte[] {1, 2, 3, (byte) 0xff})
        .setCreateTime(t).setTtl(Duration.ofSeconds(3, 500_000_000)).setState("ACTIVE").setLabels(labels)
        .setTags(List.of("a", "é"));
    widgets.insert("projects/p", w).execute();
    FakeServer.Received r = server.last();
    assertEquals("POST", r.method());
    assertEquals("/v1/projects/p/widgets:insert", r.rawPath());
    assertEquals("application/json; charset=UTF-8", r.header("Content-Type"));
    String expected = "{\"name\":\"w\",\"sizeBytes\":\"9007199254740993\",\"payload\":\"AQID/w==\","
        + "\"createTime\":\"2024-01-02T01:04:05.123Z\",\"ttl\":\"3.500s\",\"state\":\"ACTIVE\","
        + "\"labels\":{\"env\":\"prod\"},\"tags\":[\"a\",\"é\"]}";
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), r.body());
  }

  @Test
  void responseIsDecodedWithWireFormatsAndUnknownFieldsKept() {
    Widget w = widgets.get("projects/p/widgets/w").execute();
    assertEquals(9007199254740993L, w.getSizeBytes());
    assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, w.getPayload());
    assertEquals(Instant.parse("2024-01-02T01:04:05.123Z"), w.getCreateTime());
    assertEquals(Duration.ofMillis(3500), w.getTtl());
    assertEquals("NEW_STATE", w.getState());
    assertEquals(Map.of("x", 1), w.unknownFields().get("extra"));
  }

  @Test
  void deleteWithEmptyResponseAndAsync() throws Exception {
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{}"));
    assertTrue(widgets.delete("projects/p/widgets/w").execute().unknownFields().isEmpty());
    assertEquals("DELETE", server.last().method());
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, WIDGET_JSON));
    Widget w = widgets.get("projects/p/widgets/w").executeAsync().get();
    assertEquals("NEW_STATE", w.getState());
  }

  /** A request built by hand, for methods the test client does not have. */
  static final class Raw<T> extends ClientRequest<T, Raw<T>> {
    Raw(ApiClient client, RestMethod method, Object content, java.lang.reflect.Type type) {
      super(client, method, content, type);
    }

    Raw<T> with(String name, Object value) {
      return set(name, value);
    }
  }
}
