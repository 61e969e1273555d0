package io.discogen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import io.discogen.runtime.json.WireFormats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Encodes a request body as its method declares: JSON (the default), {@code
 * application/x-www-form-urlencoded}, {@code multipart/form-data}, or raw bytes for any other
 * content type.
 *
 * <p>Form and multipart bodies are the model's JSON properties: strings, numbers and booleans as
 * text, arrays as repeated fields, objects as JSON text. In multipart bodies the method's binary
 * parts (byte arrays in the model, base64 in its JSON) are sent as file parts of raw bytes.
 */
final class RequestBodies {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An encoded body and its {@code Content-Type} header. */
  record Encoded(byte[] bytes, String contentType) {}

  private RequestBodies() {}

  static Encoded encode(RestMethod method, Object content) {
    String ct = method.contentType();
    String mt = ct == null ? "application/json" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mt.equals("application/json") || mt.endsWith("+json")) {
      return new Encoded(Json.get().writeRequest(content), "application/json; charset=UTF-8");
    }
    if (mt.equals("application/x-www-form-urlencoded")) {
      return new Encoded(form(Json.get().treeRequest(content)), "application/x-www-form-urlencoded");
    }
    if (mt.equals("multipart/form-data")) {
      String boundary = "discogen-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
      return new Encoded(multipart(method, Json.get().treeRequest(content), boundary),
          "multipart/form-data; boundary=" + boundary);
    }
    if (content instanceof byte[] b) {
      return new Encoded(b, ct);
    }
    if (content instanceof String s) {
      return new Encoded(s.getBytes(StandardCharsets.UTF_8), mt.startsWith("text/") ? mt + "; charset=UTF-8" : ct);
    }
    return new Encoded(Json.get().writeRequest(content), ct);
  }

  private static byte[] form(JsonNode tree) {
    StringBuilder sb = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (String v : values(e.getKey(), e.getValue())) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(formEncode(e.getKey())).append('=').append(formEncode(v));
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] multipart(RestMethod method, JsonNode tree, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = quoted(e.getKey());
      if (method.binaryParts().contains(e.getKey()) && e.getValue().isTextual()) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(WireFormats.parseBytes(e.getValue().asText()));
        write(out, "\r\n");
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      boolean json = v.isContainerNode();
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
          + (json ? "Content-Type: application/json\r\n" : "") + "\r\n");
      write(out, json ? v.toString() : v.asText());
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static java.util.List<String> values(String name, JsonNode v) {
    if (v.isNull()) {
      return java.util.List.of();
    }
    if (v.isArray()) {
      java.util.List<String> out = new java.util.ArrayList<>();
      for (JsonNode item : v) {
        if (item.isNull()) {
          // A form has no null, and leaving the item out would silently move the ones after it.
          throw new IllegalArgumentException("form field " + name + " has a null item, which a form body cannot carry");
        }
        out.add(item.isContainerNode() ? item.toString() : item.asText());
      }
      return out;
    }
    return java.util.List.of(v.isContainerNode() ? v.toString() : v.asText());
  }

  private static String formEncode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A part name in a quoted header parameter: quotes, backslashes, CR and LF escaped. */
  private static String quoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
