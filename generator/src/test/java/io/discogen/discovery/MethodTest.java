package io.discogen.discovery;

import static io.discogen.discovery.Specs.method;
import static io.discogen.discovery.Specs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.MediaDownload;
import io.discogen.ir.MediaUpload;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodTest {

  @Test
  void resourcesMethodsAndParameters() throws Exception {
    ApiModel api =
        parse(
            """
            "schemas": {"Thing": {"type": "object", "properties": {}}},
            "resources": {"projects": {"resources": {"things": {"methods": {
              "move": {"id": "demo.projects.things.move", "httpMethod": "POST",
                "path": "v1/{+name}:move/{target}", "flatPath": "v1/projects/{projectsId}/things/{thingsId}:move/{target}",
                "description": "Moves.", "deprecated": true,
                "scopes": ["https://www.googleapis.com/auth/cloud-platform"],
                "parameterOrder": ["target", "name"],
                "parameters": {
                  "view": {"type": "string", "location": "query", "enum": ["BASIC", "FULL"], "enumDeprecated": [false, true]},
                  "name": {"type": "string", "location": "path", "required": true, "pattern": "^projects/[^/]+/things/[^/]+$"},
                  "force": {"type": "boolean", "location": "query", "deprecated": true},
                  "etag": {"type": "string", "location": "query", "required": true},
                  "target": {"type": "string", "location": "path"},
                  "ids": {"type": "string", "format": "int64", "location": "query", "repeated": true},
                  "kinds": {"type": "string", "location": "query", "repeated": true, "enum": ["A", "B"]},
                  "count": {"type": "integer", "format": "int32", "location": "query", "default": "10"}
                },
                "request": {"$ref": "Thing", "parameterName": "body"},
                "response": {"$ref": "Thing"}}
            }}}}}
            """);
    Resource projects = api.resources().get(0);
    Resource things = projects.resources().get(0);
    assertEquals("projects.things", things.path());
    assertEquals("things", things.name());
    Method m = method(api, "demo.projects.things.move");
    assertEquals("move", m.name());
    assertEquals("POST", m.httpMethod());
    assertEquals("v1/{+name}:move/{target}", m.path());
    assertEquals("v1/projects/{projectsId}/things/{thingsId}:move/{target}", m.flatPath());
    assertEquals("Moves.", m.description());
    assertTrue(m.deprecated());
    assertEquals(List.of("https://www.googleapis.com/auth/cloud-platform"), m.scopes());
    assertEquals(new TypeRef.Named("Thing"), m.request());
    assertEquals(new TypeRef.Named("Thing"), m.response());

    // parameterOrder first, then other required (etag), then optional in document order.
    assertEquals(
        List.of("target", "name", "etag", "view", "force", "ids", "kinds", "count"),
        m.parameters().stream().map(Parameter::name).toList());
    Parameter target = m.parameters().get(0);
    assertTrue(target.required(), "path parameters are always required");
    assertEquals(Parameter.Location.PATH, target.location());
    assertEquals("^projects/[^/]+/things/[^/]+$", m.parameters().get(1).pattern());
    assertEquals(new TypeRef.ListOf(TypeRef.of(TypeRef.Kind.INT64)), m.parameters().get(5).type());
    assertTrue(m.parameters().get(5).repeated());
    assertTrue(m.parameters().get(4).deprecated());
    assertEquals("10", m.parameters().get(7).defaultValue());
    assertEquals(TypeRef.of(TypeRef.Kind.INT32), m.parameters().get(7).type());

    assertEquals(new TypeRef.Named("demo.projects.things.move#view"), m.parameters().get(3).type());
    assertEquals(
        new TypeRef.ListOf(new TypeRef.Named("demo.projects.things.move#kinds")),
        m.parameters().get(6).type());
    EnumSchema view = m.enums().get(0);
    assertEquals("view", view.name());
    assertTrue(view.values().get(1).deprecated());
    assertEquals(List.of("demo.projects.things.move#view", "demo.projects.things.move#kinds"),
        m.enums().stream().map(EnumSchema::id).toList());
    assertEquals(view, api.schemaIndex().get("demo.projects.things.move#view"));
    assertNull(m.pagination());
    assertNull(m.longRunning());
    assertNull(m.requestIdParameter());
    assertNull(m.mediaUpload());
    assertNull(m.mediaDownload());
  }

  @Test
  void requestIdOnlyWhenAStringQueryParameter() throws Exception {
    ApiModel api =
        parse(
            """
            "methods": {
              "a": {"id": "demo.a", "httpMethod": "POST", "path": "a",
                    "parameters": {"requestId": {"type": "string", "location": "query"}}},
              "b": {"id": "demo.b", "httpMethod": "POST", "path": "b",
                    "parameters": {"requestId": {"type": "integer", "location": "query"}}},
              "c": {"id": "demo.c", "httpMethod": "POST", "path": "c",
                    "parameters": {"request_id": {"type": "string", "location": "query"}}}
            }
            """);
    assertEquals("requestId", method(api, "demo.a").requestIdParameter());
    assertNull(method(api, "demo.b").requestIdParameter());
    assertNull(method(api, "demo.c").requestIdParameter());
  }

  @Test
  void media() throws Exception {
    ApiModel api =
        parse(
            """
            "methods": {
              "upload": {"id": "demo.upload", "httpMethod": "POST", "path": "b/{bucket}/o",
                "parameters": {"bucket": {"type": "string", "location": "path", "required": true}},
                "supportsMediaUpload": true,
                "mediaUpload": {"accept": ["image/*", "video/*"], "maxSize": "5TB",
                  "protocols": {"simple": {"multipart": true, "path": "/upload/demo/v1/b/{bucket}/o"},
                                "resumable": {"multipart": true, "path": "/resumable/upload/demo/v1/b/{bucket}/o"}}},
                "supportsMediaDownload": true, "useMediaDownloadService": true},
              "small": {"id": "demo.small", "httpMethod": "POST", "path": "s", "supportsMediaUpload": true,
                "mediaUpload": {"accept": ["*/*"], "maxSize": "10MB", "protocols": {"simple": {"path": "/upload/s"}}}},
              "bytes": {"id": "demo.bytes", "httpMethod": "POST", "path": "x", "supportsMediaUpload": true,
                "mediaUpload": {"maxSize": "10485760"}, "supportsMediaDownload": true},
              "ignored": {"id": "demo.ignored", "httpMethod": "POST", "path": "i",
                "mediaUpload": {"maxSize": "1GB"}}
            }
            """);
    assertEquals(
        new MediaUpload(
            List.of("image/*", "video/*"),
            5L * 1024 * 1024 * 1024 * 1024,
            "/upload/demo/v1/b/{bucket}/o",
            "/resumable/upload/demo/v1/b/{bucket}/o",
            true),
        method(api, "demo.upload").mediaUpload());
    assertEquals(new MediaDownload(true), method(api, "demo.upload").mediaDownload());
    assertEquals(
        new MediaUpload(List.of("*/*"), 10L << 20, "/upload/s", null, false),
        method(api, "demo.small").mediaUpload());
    assertEquals(10485760L, method(api, "demo.bytes").mediaUpload().maxSize());
    assertEquals(new MediaDownload(false), method(api, "demo.bytes").mediaDownload());
    assertNull(method(api, "demo.ignored").mediaUpload(), "only with supportsMediaUpload");
  }

  @Test
  void byteSizes() {
    assertEquals(1L << 30, ByteSize.parse("1GB"));
    assertEquals(5L << 40, ByteSize.parse("5TB"));
    assertEquals(10L << 20, ByteSize.parse("10MB"));
    assertEquals(2L << 10, ByteSize.parse("2kb"));
    assertEquals(123L, ByteSize.parse("123"));
    assertEquals(123L, ByteSize.parse("123B"));
    assertNull(ByteSize.parse("lots"));
    assertNull(ByteSize.parse("99999999999PB"));
  }

  @Test
  void inlineMapBodies() throws Exception {
    // datalineage's processOpenLineageRunEvent takes a map, identitytoolkit returns one.
    ApiModel api =
        parse(
            """
            "methods": {"send": {"id": "demo.send", "httpMethod": "POST", "path": "send",
              "request": {"type": "object", "additionalProperties": {"type": "any"}},
              "response": {"type": "object", "additionalProperties": {"type": "object", "properties": {"x": {"type": "string"}}}}}}
            """);
    Method send = method(api, "demo.send");
    assertEquals(new TypeRef.MapOf(TypeRef.ANY, true), send.request());
    assertEquals(new TypeRef.MapOf(new TypeRef.Named("demo.send#response")), send.response());
    assertEquals("sendResponseValue", api.schemaIndex().get("demo.send#response").name());
    assertFalse(api.schemas().isEmpty());
  }
}
