package io.discogen.discovery;

import static io.discogen.discovery.Specs.method;
import static io.discogen.discovery.Specs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.ApiModel;
import io.discogen.ir.LongRunning;
import io.discogen.ir.Pagination;
import io.discogen.ir.TypeRef;
import org.junit.jupiter.api.Test;

class DerivedFactsTest {

  /** A resource {@code name} with one list method returning {@code response}. */
  private static String lister(String resource, String response) {
    return "\"" + resource + "\": {\"methods\": {\"list\": {\"id\": \"demo." + resource + ".list\","
        + " \"httpMethod\": \"GET\", \"path\": \"" + resource + "\","
        + " \"parameters\": {\"pageToken\": {\"type\": \"string\", \"location\": \"query\"},"
        + " \"pageSize\": {\"type\": \"integer\", \"location\": \"query\"}},"
        + " \"response\": {\"$ref\": \"" + response + "\"}}}}";
  }

  private static Pagination pagination(String schemas, String resource, String response)
      throws Exception {
    ApiModel api =
        parse("\"schemas\": {" + schemas + "}, \"resources\": {" + lister(resource, response) + "}");
    return method(api, "demo." + resource + ".list").pagination();
  }

  private static final String ITEM =
      "\"Session\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},"
          + " \"Warning\": {\"type\": \"object\", \"properties\": {\"code\": {\"type\": \"string\"}}}";

  @Test
  void singleObjectListIsTheItems() throws Exception {
    Pagination p =
        pagination(
            ITEM + """
            , "ListSessionsResponse": {"type": "object", "properties": {
                "unreachable": {"type": "array", "items": {"type": "string"}},
                "sessions": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "sessions",
            "ListSessionsResponse");
    assertEquals(
        new Pagination("pageToken", "nextPageToken", "sessions", new TypeRef.Named("Session")), p);
  }

  @Test
  void objectListBeatsStringList() throws Exception {
    // storage objects.list: items of objects, prefixes of strings.
    Pagination p =
        pagination(
            ITEM + """
            , "Objects": {"type": "object", "properties": {
                "prefixes": {"type": "array", "items": {"type": "string"}},
                "items": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "objects",
            "Objects");
    assertEquals("items", p.itemsProperty());
  }

  @Test
  void warningsAreNeverTheItems() throws Exception {
    Pagination p =
        pagination(
            ITEM + """
            , "InstancesList": {"type": "object", "properties": {
                "warnings": {"type": "array", "items": {"$ref": "Warning"}},
                "items": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "instances",
            "InstancesList");
    assertEquals("items", p.itemsProperty());
  }

  @Test
  void severalObjectListsPreferTheResourceName() throws Exception {
    Pagination p =
        pagination(
            ITEM + """
            , "R": {"type": "object", "properties": {
                "others": {"type": "array", "items": {"$ref": "Warning"}},
                "sessions": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "sessions",
            "R");
    assertEquals("sessions", p.itemsProperty());
  }

  @Test
  void otherwiseTheFirstList() throws Exception {
    Pagination p =
        pagination(
            ITEM + """
            , "R": {"type": "object", "properties": {
                "tag": {"type": "array", "items": {"$ref": "Warning"}},
                "trigger": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "folders",
            "R");
    assertEquals("tag", p.itemsProperty());
  }

  @Test
  void numericNextPageTokenPagesWithoutItems() throws Exception {
    // Only a string token can be handed back as pageToken: such a method pages, but not iterateAll().
    Pagination p =
        pagination(
            ITEM + """
            , "R": {"type": "object", "properties": {
                "sessions": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"type": "integer", "format": "int32"}}}
            """,
            "sessions",
            "R");
    assertEquals(new Pagination("pageToken", "nextPageToken", null, null), p);
    assertFalse(p.iterable());
  }

  @Test
  void aliasedTokenAndResponseStillIterate() throws Exception {
    // The IR's one derivation looks through aliases, as the emitters and the diff did before.
    Pagination p =
        pagination(
            ITEM + """
            , "Token": {"type": "string"},
            "R": {"type": "object", "properties": {
                "sessions": {"type": "array", "items": {"$ref": "Session"}},
                "nextPageToken": {"$ref": "Token"}}}
            """,
            "sessions",
            "R");
    assertTrue(p.iterable());
    assertEquals(new TypeRef.Named("Session"), p.itemType());
  }

  @Test
  void scalarListWhenNoObjects() throws Exception {
    // logging logs.list pages over log names.
    Pagination p =
        pagination(
            """
            "R": {"type": "object", "properties": {
                "logNames": {"type": "array", "items": {"type": "string"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "logs",
            "R");
    assertEquals(new Pagination("pageToken", "nextPageToken", "logNames", TypeRef.STRING), p);
  }

  @Test
  void mapItemsLeaveItemsUnknown() throws Exception {
    // compute aggregatedList: items is a map, unreachables is not the items.
    Pagination p =
        pagination(
            ITEM + """
            , "Agg": {"type": "object", "properties": {
                "items": {"type": "object", "additionalProperties": {"$ref": "Session"}},
                "unreachables": {"type": "array", "items": {"type": "string"}},
                "nextPageToken": {"type": "string"}}}
            """,
            "instances",
            "Agg");
    assertEquals(new Pagination("pageToken", "nextPageToken", null, null), p);
  }

  @Test
  void noNextPageTokenNoPagination() throws Exception {
    assertNull(
        pagination(
            ITEM + """
            , "R": {"type": "object", "properties": {
                "sessions": {"type": "array", "items": {"$ref": "Session"}}}}
            """,
            "sessions",
            "R"));
  }

  private static final String LRO_SPEC =
      """
      "schemas": {
        "Operation": {"type": "object", "properties": {
          "name": {"type": "string"}, "done": {"type": "boolean"}, "error": {"type": "object"},
          "metadata": {"type": "object"}, "response": {"type": "object"}}},
        "ComputeOperation": {"type": "object", "properties": {
          "name": {"type": "string"}, "status": {"type": "string"}}}
      },
      "resources": {"projects": {"resources": {
        "regions": {"resources": {
          "operations": {"methods": {"get": %s}},
          "clusters": {"methods": {"create": %s}}
        }},
        "locations": {"resources": {
          "operations": {"methods": {"get": %s, "wait": %s}},
          "sessions": {"methods": {"create": %s, "insert": %s}}
        }}
      }}}
      """;

  private static String op(String id, String verb, String path, String response, boolean withRequestId) {
    return "{\"id\": \"" + id + "\", \"httpMethod\": \"" + verb + "\", \"path\": \"" + path + "\","
        + " \"parameters\": {\"" + (path.contains("parent") ? "parent" : "name")
        + "\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}"
        + (withRequestId ? ", \"requestId\": {\"type\": \"string\", \"location\": \"query\"}" : "")
        + "}, \"response\": {\"$ref\": \"" + response + "\"}}";
  }

  @Test
  void longRunningPollsTheClosestOperationsGet() throws Exception {
    ApiModel api =
        parse(
            LRO_SPEC.formatted(
                op("demo.projects.regions.operations.get", "GET", "v1/{+name}", "Operation", false),
                op("demo.projects.regions.clusters.create", "POST", "v1/{+parent}/clusters", "Operation", true),
                op("demo.projects.locations.operations.get", "GET", "v1/{+name}", "Operation", false),
                op("demo.projects.locations.operations.wait", "POST", "v1/{+name}:wait", "Operation", false),
                op("demo.projects.locations.sessions.create", "POST", "v1/{+parent}/sessions", "Operation", true),
                op("demo.projects.locations.sessions.insert", "POST", "v1/{+parent}/s", "ComputeOperation", false)));
    assertEquals(
        new LongRunning(
            "Operation", "demo.projects.locations.operations.get", "GET", "v1/{+name}", "name"),
        method(api, "demo.projects.locations.sessions.create").longRunning());
    assertEquals(
        "demo.projects.regions.operations.get",
        method(api, "demo.projects.regions.clusters.create").longRunning().pollMethodId());
    assertEquals(
        "requestId", method(api, "demo.projects.locations.sessions.create").requestIdParameter());
    // Compute-style operations have no "done".
    assertNull(method(api, "demo.projects.locations.sessions.insert").longRunning());
    // Methods on operations act on an operation; they do not start one.
    assertNull(method(api, "demo.projects.locations.operations.get").longRunning());
    assertNull(method(api, "demo.projects.locations.operations.wait").longRunning());
  }

  @Test
  void noPollMethodNoLongRunning() throws Exception {
    ApiModel api =
        parse(
            """
            "schemas": {"Operation": {"type": "object", "properties": {
              "name": {"type": "string"}, "done": {"type": "boolean"}, "response": {"type": "object"}}}},
            "resources": {"exports": {"methods": {"create": {"id": "demo.exports.create",
              "httpMethod": "POST", "path": "v1/exports", "response": {"$ref": "Operation"}}}}}
            """);
    assertNull(method(api, "demo.exports.create").longRunning());
  }

  @Test
  void tiesGoToTheFirstPollInDocumentOrder() throws Exception {
    String get = "{\"id\": \"%s\", \"httpMethod\": \"GET\", \"path\": \"v1/{+name}\","
        + " \"parameters\": {\"name\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}},"
        + " \"response\": {\"$ref\": \"Operation\"}}";
    ApiModel api =
        parse(
            """
            "schemas": {"Operation": {"type": "object", "properties": {
              "name": {"type": "string"}, "done": {"type": "boolean"}, "metadata": {"type": "object"}}}},
            "resources": {
              "folders": {"resources": {"operations": {"methods": {"get": %s}}}},
              "projects": {"resources": {"operations": {"methods": {"get": %s}}}},
              "exports": {"methods": {"run": {"id": "demo.exports.run", "httpMethod": "POST",
                "path": "v1/exports:run", "response": {"$ref": "Operation"}}}}
            }
            """
                .formatted(
                    get.formatted("demo.folders.operations.get"),
                    get.formatted("demo.projects.operations.get")));
    assertEquals(
        "demo.folders.operations.get", method(api, "demo.exports.run").longRunning().pollMethodId());
  }

  @Test
  void sharedSegmentsCountsLeadingNames() {
    assertEquals(2, LongRunningLinker.sharedSegments("projects.locations.x", "projects.locations.operations"));
    assertEquals(0, LongRunningLinker.sharedSegments("", "operations"));
    assertEquals(0, LongRunningLinker.sharedSegments("folders.x", "projects.operations"));
  }
}
