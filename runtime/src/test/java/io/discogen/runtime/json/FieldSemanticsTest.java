package io.discogen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Explicit nulls, server-only fields and offset timestamps, as generated OpenAPI models use them. */
class FieldSemanticsTest {
  /** Shaped like a generated model with a nullable, a readOnly and a date-time property. */
  static final class Pet extends JsonModel {
    @JsonProperty("tag")
    private String tag;

    @JsonProperty("id")
    @JsonView(WireViews.ServerOnly.class)
    private Long id;

    @JsonProperty("at")
    private OffsetDateTime at;

    @JsonProperty("home")
    private URI home;

    @JsonSetter("tag")
    private void readTag(String tag) {
      this.tag = tag;
      explicitNull("tag", tag == null);
    }

    Pet setTag(String tag) {
      this.tag = tag;
      explicitNull("tag", false);
      return this;
    }

    Pet clearTag() {
      this.tag = null;
      explicitNull("tag", true);
      return this;
    }

    boolean isTagNull() {
      return isExplicitNull("tag");
    }

    @Override
    protected Object[] fields() {
      return new Object[] {tag, id, at, home};
    }
  }

  static String json(Object o) {
    return Json.get().writeString(o);
  }

  @Test
  void absentStaysAbsentAndExplicitNullIsWritten() {
    assertEquals("{}", json(new Pet()));
    assertEquals("{}", json(new Pet().setTag(null)));
    assertEquals("{\"tag\":null}", json(new Pet().clearTag()));
    assertEquals("{\"tag\":\"a\"}", json(new Pet().clearTag().setTag("a")));
    assertNotEquals(new Pet(), new Pet().clearTag());
    assertEquals(new Pet().clearTag(), new Pet().clearTag());
  }

  @Test
  void explicitNullFromTheServerIsObservableAndRoundTrips() {
    Pet p = Json.get().read("{\"tag\":null,\"other\":null}", Pet.class);
    assertTrue(p.isTagNull());
    assertEquals("{\"other\":null,\"tag\":null}", json(p));
    Pet q = Json.get().read("{\"tag\":\"x\"}", Pet.class);
    assertFalse(q.isTagNull());
    assertFalse(Json.get().read("{}", Pet.class).isTagNull());
  }

  @Test
  void serverOnlyFieldsAreDecodedButNeverSent() {
    Pet p = Json.get().read("{\"id\":7,\"tag\":\"x\"}", Pet.class);
    assertEquals(7L, p.id);
    assertEquals("{\"tag\":\"x\",\"id\":7}", json(p));
    assertEquals("{\"tag\":\"x\"}", new String(Json.get().writeRequest(p), StandardCharsets.UTF_8));
    assertEquals("{\"tag\":\"x\"}", Json.get().treeRequest(p).toString());
  }

  @Test
  void offsetTimestampsKeepTheirOffsetExactly() {
    for (String s : new String[] {
        "2024-03-01T10:15:00+02:00", "2024-03-01T10:15:00Z", "2024-03-01T10:15:00.120-05:30",
        "2024-03-01T10:15:00.123456Z", "2024-03-01T10:15:00.000000001+14:00"}) {
      Pet p = Json.get().read("{\"at\":\"" + s + "\"}", Pet.class);
      assertEquals("{\"at\":\"" + s + "\"}", json(p), s);
    }
    Pet p = Json.get().read("{\"at\":\"2024-03-01t10:15:00.5+02:00\",\"home\":\"https://x.example/a?b=c\"}", Pet.class);
    assertEquals(OffsetDateTime.of(2024, 3, 1, 10, 15, 0, 500_000_000, ZoneOffset.ofHours(2)), p.at);
    assertEquals(URI.create("https://x.example/a?b=c"), p.home);
    assertEquals("{\"at\":\"2024-03-01T10:15:00.500+02:00\",\"home\":\"https://x.example/a?b=c\"}", json(p));
    assertEquals("2024-03-01T10:15:00Z",
        WireFormats.formatOffsetTimestamp(OffsetDateTime.of(2024, 3, 1, 10, 15, 0, 0, ZoneOffset.UTC)));
    // RFC 3339 offsets have no seconds: such a value is written in UTC, the same instant.
    assertEquals("2024-03-01T10:14:30Z", WireFormats.formatOffsetTimestamp(
        OffsetDateTime.of(2024, 3, 1, 10, 15, 0, 0, ZoneOffset.ofTotalSeconds(30))));
    assertNull(Json.get().read("{\"at\":null}", Pet.class).at);
  }

  @Test
  void urisAreReadLeniently() {
    // Strict URIs exactly as sent; real-world URLs with characters URIs may not hold are escaped,
    // not refused (one bad link must not fail a whole response).
    for (String s : new String[] {"https://x.example/a?b=c#d", "/relative/path", "urn:isbn:0451450523", "a%20b"}) {
      assertEquals(s, Json.get().read("{\"home\":\"" + s + "\"}", Pet.class).home.toString());
    }
    assertEquals("https://maps.example/s?markers=a%7Cb%20c%25zz%7B%7D%C2%A0",
        WireFormats.parseUri("https://maps.example/s?markers=a|b c%zz{}\u00a0").toString());
    assertEquals(URI.create("https://x.example/%7C"), Json.get().read("{\"home\":\"https://x.example/|\"}", Pet.class).home);
    assertThrows(java.io.UncheckedIOException.class, () -> Json.get().read("{\"home\":\"::\"}", Pet.class));
  }

  @Test
  void integerEnumsTravelAsNumbers() {
    WireEnum two = () -> "2";
    assertEquals(2L, WireEnums.encodeNumber(two));
    assertEquals(java.util.List.of(2L), WireEnums.encodeNumberList(java.util.List.of(two)));
    assertEquals(java.util.Map.of("k", 2L), WireEnums.encodeNumberMap(java.util.Map.of("k", two)));
    assertEquals(java.util.List.of("2"),
        WireEnums.decodeList(java.util.List.of(2L), n -> (WireEnum) () -> n.toString()).stream().map(WireEnum::value).toList());
  }
}
