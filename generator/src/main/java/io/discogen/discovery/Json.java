package io.discogen.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small typed accessors over the Jackson tree. Each reports a problem (at the field's JSON pointer)
 * instead of throwing when a field has the wrong JSON type, and answers as if the field were absent.
 */
final class Json {
  private Json() {}

  /** Appends {@code key} to a JSON pointer, escaping {@code ~} and {@code /} as RFC 6901 says. */
  static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** A scalar field as text, or null when absent or JSON null. */
  static String text(JsonNode parent, String field, String pointer, Problems problems) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      problems.add(child(pointer, field), "expected a string, found " + kind(v));
      return null;
    }
    return v.asText();
  }

  /** A boolean field; also accepts the strings {@code "true"} and {@code "false"}. */
  static boolean flag(JsonNode parent, String field, String pointer, Problems problems) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
      return v.textValue().equals("true");
    }
    problems.add(child(pointer, field), "expected true or false, found " + kind(v));
    return false;
  }

  /** An object field, or null when absent. */
  static JsonNode object(JsonNode parent, String field, String pointer, Problems problems) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      problems.add(child(pointer, field), "expected an object, found " + kind(v));
      return null;
    }
    return v;
  }

  /** An array-of-strings field, empty when absent. */
  static List<String> strings(JsonNode parent, String field, String pointer, Problems problems) {
    JsonNode v = parent.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(child(pointer, field), "expected an array of strings, found " + kind(v));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (e.isContainerNode() || e.isNull()) {
        problems.add(child(child(pointer, field), Integer.toString(i)), "expected a string, found " + kind(e));
      } else {
        out.add(e.asText());
      }
    }
    return out;
  }

  /** The entries of an object, in document order. */
  static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    return object::fields;
  }

  /** How a node is described in messages. */
  static String kind(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isNull()) {
      return "null";
    }
    return v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
