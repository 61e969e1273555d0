package io.discogen.discovery;

import static io.discogen.discovery.Specs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken documents: every problem reported, each one line {@code file: pointer: message}. */
class ProblemsTest {

  private static String method(String path, String parameters, String extra) {
    return "\"resources\": {\"projects\": {\"resources\": {\"locations\": {\"methods\": {\"get\": {"
        + "\"id\": \"demo.projects.locations.get\", \"httpMethod\": \"GET\", \"path\": \"" + path + "\","
        + " \"parameters\": {" + parameters + "}" + extra + "}}}}}}";
  }

  private static final String NAME =
      "\"name\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}";

  @Test
  void danglingRefInSchema() {
    assertEquals(
        List.of(
            "specs/demo.json: /schemas/Session/properties/runtime/$ref: unknown schema \"RuntimeInfo\": no such key in /schemas",
            "specs/demo.json: /schemas/Session/properties/tags/items/$ref: unknown schema \"Tag\": no such key in /schemas"),
        problems(
            """
            "schemas": {"Session": {"type": "object", "properties": {
              "runtime": {"$ref": "RuntimeInfo"},
              "tags": {"type": "array", "items": {"$ref": "Tag"}}}}}
            """));
  }

  @Test
  void danglingRefInMethodRequestAndResponse() {
    assertEquals(
        List.of(
            "specs/demo.json: /resources/projects/resources/locations/methods/get/request/$ref: unknown schema \"Missing\": no such key in /schemas",
            "specs/demo.json: /resources/projects/resources/locations/methods/get/response/$ref: unknown schema \"Location\": no such key in /schemas"),
        problems(
            method(
                "v1/{+name}",
                NAME,
                ", \"request\": {\"$ref\": \"Missing\"}, \"response\": {\"$ref\": \"Location\"}")));
  }

  @Test
  void undeclaredPathTemplateVariable() {
    assertEquals(
        List.of(
            "specs/demo.json: /resources/projects/resources/locations/methods/get/path: path template variable {parent} is not a declared path parameter"),
        problems(method("v1/{+name}/{parent}", NAME, "")));
  }

  @Test
  void templateVariableDeclaredInQuery() {
    assertEquals(
        List.of(
            "specs/demo.json: /resources/projects/resources/locations/methods/get/path: path template variable {view} is declared with location \"query\", not \"path\""),
        problems(
            method(
                "v1/{+name}/{view}",
                NAME + ", \"view\": {\"type\": \"string\", \"location\": \"query\"}",
                "")));
  }

  @Test
  void pathParameterMissingFromTemplate() {
    assertEquals(
        List.of(
            "specs/demo.json: /resources/projects/resources/locations/methods/get/parameters/name: path parameter \"name\" does not appear in the path template"),
        problems(method("v1/things", NAME, "")));
  }

  @Test
  void rfc6570Level4TemplatesAreAccepted() throws Exception {
    String repeated = "\"name\": {\"type\": \"string\", \"location\": \"path\", \"required\": true, \"repeated\": true},"
        + " \"q\": {\"type\": \"string\", \"location\": \"query\"}";
    // Parsed without problems; a query parameter may appear in a {?q} or {&q} expression only.
    Specs.parse(method("v1/things{/name*}{?q}", repeated, ""));
    Specs.parse(method("v1/{name:3}{;name}{.name}{#name}{&q}", repeated, ""));
    assertEquals(
        List.of("specs/demo.json: /resources/projects/resources/locations/methods/get/path: path template variable {q} is declared with location \"query\", not \"path\""),
        problems(method("v1/things{/name*}{q}", repeated, "")));
  }

  @Test
  void malformedTemplates() {
    String at = "specs/demo.json: /resources/projects/resources/locations/methods/get/path: ";
    assertEquals(
        List.of(at + "malformed path template \"v1/{+name\": unclosed '{' at offset 3"),
        problems(method("v1/{+name", NAME, "")));
    assertEquals(
        List.of(at + "malformed path template \"v1/name}\": unmatched '}' at offset 7"),
        problems(method("v1/name}", NAME, "")));
    assertEquals(
        List.of(
            at + "malformed path template \"v1/{=name}\": unsupported expression {=name}: not an RFC 6570 expression"),
        problems(method("v1/{=name}", NAME, "")));
    assertEquals(
        List.of(
            at + "malformed path template \"v1/{name:0}\": unsupported expression {name:0}: not an RFC 6570 expression"),
        problems(method("v1/{name:0}", NAME, "")));
    assertEquals(
        List.of(at + "malformed path template \"v1/{a{name}}\": unclosed '{' at offset 3"),
        problems(method("v1/{a{name}}", NAME, "")));
    assertEquals(
        List.of(
            "specs/demo.json: /resources/projects/resources/locations/methods/get/flatPath: malformed path template: unsupported expression {}: not an RFC 6570 expression"),
        problems(method("v1/{+name}", NAME, ", \"flatPath\": \"v1/{}\"")));
  }

  @Test
  void badParametersAndTypesAllReportedTogether() {
    assertEquals(
        List.of(
            "specs/demo.json: /schemas/S/properties/when/type: unknown type \"timestamp\"",
            "specs/demo.json: /schemas/S/properties/list: array type without \"items\"",
            "specs/demo.json: /resources/projects/resources/locations/methods/get/parameters/auth/location: unsupported parameter location \"header\"; expected \"path\" or \"query\"",
            "specs/demo.json: /resources/projects/resources/locations/methods/get/parameters/filter/type: unsupported parameter type \"object\"; expected string, integer, number or boolean",
            "specs/demo.json: /resources/projects/resources/locations/methods/get/parameterOrder/1: parameterOrder names undeclared parameter \"parent\""),
        problems(
            """
            "schemas": {"S": {"type": "object", "properties": {
              "when": {"type": "timestamp"}, "list": {"type": "array"}}}},
            """
                + method(
                    "v1/{+name}",
                    NAME
                        + ", \"auth\": {\"type\": \"string\", \"location\": \"header\"}"
                        + ", \"filter\": {\"type\": \"object\", \"location\": \"query\"}",
                    ", \"parameterOrder\": [\"name\", \"parent\"]")));
  }

  @Test
  void wrongJsonTypesAreProblemsNotCrashes() {
    assertEquals(
        List.of(
            "specs/demo.json: /schemas/A: expected a schema object, found a string",
            "specs/demo.json: /schemas/B/properties: expected an object, found an array",
            "specs/demo.json: /schemas/C/properties/x/$ref: expected a schema name, found a number",
            "specs/demo.json: /schemas/C/properties/y/type: expected a type name, found an array",
            "specs/demo.json: /schemas/C/properties/z/required: expected true or false, found a number",
            "specs/demo.json: /schemas/D/type: expected a type name, found a number",
            "specs/demo.json: /resources: expected an object, found an array"),
        problems(
            """
            "schemas": {"A": "nope", "B": {"type": "object", "properties": []},
              "C": {"type": "object", "properties": {"x": {"$ref": 7}, "y": {"type": ["string", "null"]},
                    "z": {"type": "string", "required": 1}}},
              "D": {"type": 5}},
            "resources": []
            """));
  }

  @Test
  void missingIdentity() {
    assertEquals(
        List.of(
            "specs/demo.json: /name: missing \"name\"",
            "specs/demo.json: /version: missing \"version\"",
            "specs/demo.json: /rootUrl: missing \"rootUrl\""),
        readRaw("{\"discoveryVersion\": \"v1\"}"));
  }

  @Test
  void pointerEscapesSlashAndTilde() {
    assertEquals(
        List.of("specs/demo.json: /schemas/a~1b~0c/properties/p/$ref: unknown schema \"X\": no such key in /schemas"),
        problems("\"schemas\": {\"a/b~c\": {\"type\": \"object\", \"properties\": {\"p\": {\"$ref\": \"X\"}}}}"));
  }

  /** Problems of a whole document given verbatim (not wrapped by {@link Specs#doc}). */
  private static List<String> readRaw(String json) {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecReader.parse(json.getBytes(StandardCharsets.UTF_8), Specs.FILE));
    return e.problems().stream().map(SpecProblem::toString).toList();
  }
}
