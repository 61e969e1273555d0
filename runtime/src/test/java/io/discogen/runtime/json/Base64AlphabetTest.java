package io.discogen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes are written in Discovery's alphabet (URL-safe, padded) where a field is marked {@link
 * Base64Url}, also inside its lists and maps, and in the standard alphabet otherwise (OpenAPI);
 * both alphabets are read, padded or not.
 */
class Base64AlphabetTest {
  /** 0xfb 0xff: "+/8=" in the standard alphabet, "-_8=" in the URL-safe one. */
  static final byte[] BYTES = {(byte) 0xfb, (byte) 0xff};

  /** Shaped like generated models: a Discovery field (marked) and an OpenAPI one. */
  static final class Blob extends JsonModel {
    @Base64Url
    private byte[] discovery;

    @Base64Url
    private List<byte[]> discoveryList;

    @Base64Url
    private Map<String, List<byte[]>> discoveryMap;

    private byte[] openApi;

    private List<byte[]> openApiList;

    @Override
    protected Object[] fields() {
      return new Object[] {discovery, discoveryList, discoveryMap, openApi, openApiList};
    }
  }

  @Test
  void markedFieldsAreUrlSafeAndPaddedOthersStandard() {
    Blob b = new Blob();
    b.discovery = BYTES;
    b.discoveryList = List.of(BYTES, new byte[] {1});
    Map<String, List<byte[]>> map = new LinkedHashMap<>();
    map.put("k", List.of(BYTES));
    b.discoveryMap = map;
    b.openApi = BYTES;
    b.openApiList = List.of(BYTES);
    assertEquals("{\"discovery\":\"-_8=\",\"discoveryList\":[\"-_8=\",\"AQ==\"],\"discoveryMap\":{\"k\":[\"-_8=\"]},"
        + "\"openApi\":\"+/8=\",\"openApiList\":[\"+/8=\"]}", Json.get().writeString(b));
    assertEquals("-_8=", Json.get().treeRequest(b).get("discovery").asText(), "request bodies too");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+/8=", "-_8=", "+/8", "-_8", " -_8= "})
  void bothAlphabetsAreReadPaddedOrNot(String text) {
    String json = "{\"discovery\":\"" + text + "\",\"openApi\":\"" + text + "\",\"discoveryList\":[\"" + text + "\"]}";
    Blob b = Json.get().read(json.getBytes(StandardCharsets.UTF_8), Blob.class);
    assertArrayEquals(BYTES, b.discovery);
    assertArrayEquals(BYTES, b.openApi);
    assertArrayEquals(BYTES, new ArrayList<>(b.discoveryList).get(0));
    assertArrayEquals(BYTES, WireFormats.parseBytes(text));
  }
}
