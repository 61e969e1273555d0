package io.discogen.discovery;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.discogen.ir.ApiModel;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds tiny Discovery documents inline and parses them through the front door. */
final class Specs {
  static final String FILE = "specs/demo.json";

  private Specs() {}

  /** A minimal document with {@code members} (JSON object members, no braces) added. */
  static String doc(String members) {
    return "{\"kind\": \"discovery#restDescription\", \"discoveryVersion\": \"v1\","
        + " \"name\": \"demo\", \"version\": \"v1\","
        + " \"rootUrl\": \"https://demo.googleapis.com/\", \"servicePath\": \"\""
        + (members.isBlank() ? "" : ", " + members)
        + "}";
  }

  static ApiModel parse(String members) throws SpecException {
    return SpecReader.parse(doc(members).getBytes(StandardCharsets.UTF_8), FILE);
  }

  static ApiModel parseSchemas(String schemas) throws SpecException {
    return parse("\"schemas\": {" + schemas + "}");
  }

  /** The problems (as printed lines) reported for a document. */
  static List<String> problems(String members) {
    SpecException e = assertThrows(SpecException.class, () -> parse(members));
    return e.problems().stream().map(SpecProblem::toString).toList();
  }

  static Schema schema(ApiModel api, String id) {
    Schema s = api.schemaIndex().get(id);
    if (s == null) {
      throw new AssertionError("no schema " + id + " in " + api.schemaIndex().keySet());
    }
    return s;
  }

  static Property property(ApiModel api, String schemaId, String name) {
    return ((ObjectSchema) schema(api, schemaId))
        .properties().stream()
            .filter(p -> p.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no property " + name));
  }

  static Method method(ApiModel api, String id) {
    return api.allMethods().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no method " + id));
  }
}
