package io.discogen.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.ir.ApiModel;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small Discovery document to edit in tests: start from {@link #base()}, change one thing with a
 * JSON pointer, parse both through the front door. Keys containing {@code /} are written {@code ~1}.
 */
final class Doc {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /**
   * Two resources: {@code widgets} (get with a path pattern and an enum parameter, a paged list, a
   * long-running create with a {@code requestId} and a {@code Widget} body, a report returning a
   * response-only schema) and {@code operations} (the poll method).
   */
  private static final String BASE = """
      {
        "kind": "discovery#restDescription", "discoveryVersion": "v1",
        "name": "demo", "version": "v1", "canonicalName": "Demo", "revision": "1",
        "rootUrl": "https://demo.googleapis.com/", "servicePath": "",
        "auth": {"oauth2": {"scopes": {"https://www.googleapis.com/auth/cloud-platform": {"description": "all"}}}},
        "parameters": {"fields": {"type": "string", "location": "query"}},
        "schemas": {
          "Widget": {"id": "Widget", "type": "object", "properties": {
            "name": {"type": "string"},
            "size": {"type": "integer", "format": "int32"},
            "color": {"type": "string", "enum": ["RED", "GREEN"]},
            "inner": {"type": "object", "properties": {"depth": {"type": "integer", "format": "int32"}}}
          }},
          "ListWidgetsResponse": {"type": "object", "properties": {
            "widgets": {"type": "array", "items": {"$ref": "Widget"}},
            "nextPageToken": {"type": "string"}
          }},
          "Report": {"type": "object", "properties": {"total": {"type": "string", "format": "int64"}}},
          "Operation": {"type": "object", "properties": {
            "name": {"type": "string"}, "done": {"type": "boolean"},
            "error": {"type": "object", "properties": {"code": {"type": "integer", "format": "int32"}}}
          }}
        },
        "resources": {
          "widgets": {"methods": {
            "get": {"id": "demo.widgets.get", "httpMethod": "GET", "path": "v1/{+name}",
              "parameters": {
                "name": {"type": "string", "location": "path", "required": true, "pattern": "^widgets/[^/]+$"},
                "view": {"type": "string", "location": "query", "enum": ["BASIC", "FULL"]}
              },
              "parameterOrder": ["name"], "response": {"$ref": "Widget"},
              "scopes": ["https://www.googleapis.com/auth/cloud-platform"]},
            "list": {"id": "demo.widgets.list", "httpMethod": "GET", "path": "v1/widgets",
              "parameters": {
                "pageToken": {"type": "string", "location": "query"},
                "pageSize": {"type": "integer", "format": "int32", "location": "query"}
              },
              "response": {"$ref": "ListWidgetsResponse"}},
            "create": {"id": "demo.widgets.create", "httpMethod": "POST", "path": "v1/widgets",
              "parameters": {"requestId": {"type": "string", "location": "query"}},
              "request": {"$ref": "Widget"}, "response": {"$ref": "Operation"}},
            "report": {"id": "demo.widgets.report", "httpMethod": "GET", "path": "v1/widgets:report",
              "response": {"$ref": "Report"}}
          }},
          "operations": {"methods": {
            "get": {"id": "demo.operations.get", "httpMethod": "GET", "path": "v1/{+name}",
              "parameters": {"name": {"type": "string", "location": "path", "required": true}},
              "parameterOrder": ["name"], "response": {"$ref": "Operation"}}
          }}
        }
      }
      """;

  private final ObjectNode root;

  private Doc(ObjectNode root) {
    this.root = root;
  }

  static Doc base() {
    try {
      return new Doc((ObjectNode) JSON.readTree(BASE));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy with the member at {@code pointer} set to {@code json} (added last if new). */
  Doc set(String pointer, String json) {
    Doc d = copy();
    JsonPointer p = JsonPointer.compile(pointer);
    d.parent(p).set(p.last().getMatchingProperty(), parse(json));
    return d;
  }

  /** A copy with the member at {@code pointer} added before its siblings (document order decides Java names). */
  Doc first(String pointer, String json) {
    Doc d = copy();
    JsonPointer p = JsonPointer.compile(pointer);
    ObjectNode parent = d.parent(p);
    List<Map.Entry<String, JsonNode>> rest = new ArrayList<>();
    parent.fields().forEachRemaining(rest::add);
    parent.removeAll();
    parent.set(p.last().getMatchingProperty(), parse(json));
    for (Map.Entry<String, JsonNode> e : rest) {
      parent.set(e.getKey(), e.getValue());
    }
    return d;
  }

  /** A copy without the member at {@code pointer}. */
  Doc remove(String pointer) {
    Doc d = copy();
    JsonPointer p = JsonPointer.compile(pointer);
    d.parent(p).remove(p.last().getMatchingProperty());
    return d;
  }

  ApiModel model(String displayPath) {
    try {
      return SpecReader.parse(root.toString().getBytes(StandardCharsets.UTF_8), displayPath);
    } catch (SpecException e) {
      throw new AssertionError("test spec rejected:\n" + e.getMessage(), e);
    }
  }

  byte[] bytes() {
    return root.toPrettyString().getBytes(StandardCharsets.UTF_8);
  }

  private Doc copy() {
    return new Doc(root.deepCopy());
  }

  private ObjectNode parent(JsonPointer p) {
    JsonNode n = root.at(p.head());
    if (!(n instanceof ObjectNode o)) {
      throw new IllegalArgumentException("no object at " + p.head());
    }
    return o;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
