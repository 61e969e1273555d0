package io.discogen.discovery;

import static io.discogen.discovery.Specs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Endpoints;
import io.discogen.ir.Parameter;
import io.discogen.ir.Scope;
import io.discogen.ir.SpecSource;
import io.discogen.ir.TypeRef;
import io.discogen.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiFieldsTest {

  @Test
  void apiFieldsEndpointsScopesAndCommonParameters() throws Exception {
    String json =
        """
        {"kind": "discovery#restDescription", "discoveryVersion": "v1",
         "name": "dataproc", "version": "v1", "canonicalName": "Dataproc", "title": "Dataproc API",
         "description": "Manages clusters.", "documentationLink": "https://cloud.google.com/dataproc/",
         "revision": "20240101",
         "rootUrl": "https://dataproc.googleapis.com", "mtlsRootUrl": "https://dataproc.mtls.googleapis.com/",
         "servicePath": "", "batchPath": "batch",
         "auth": {"oauth2": {"scopes": {
           "https://www.googleapis.com/auth/cloud-platform": {"description": "See, edit..."},
           "https://www.googleapis.com/auth/a": {"description": "A"}}}},
         "parameters": {
           "$.xgafv": {"type": "string", "location": "query", "enum": ["1", "2"],
                       "enumDescriptions": ["v1 error format", "v2 error format"]},
           "fields": {"type": "string", "location": "query"},
           "prettyPrint": {"type": "boolean", "location": "query", "default": "true"}
         }}
        """;
    ApiModel api = SpecReader.parse(json.getBytes(StandardCharsets.UTF_8), "dataproc.json");
    assertEquals("dataproc", api.name());
    assertEquals("v1", api.version());
    assertEquals("Dataproc", api.canonicalName());
    assertEquals("Dataproc API", api.title());
    assertEquals("Manages clusters.", api.description());
    assertEquals("https://cloud.google.com/dataproc/", api.documentationLink());
    assertEquals("20240101", api.revision());
    assertEquals(
        new Endpoints(
            "https://dataproc.googleapis.com/", "https://dataproc.mtls.googleapis.com/", "", "batch"),
        api.endpoints());
    assertEquals(
        List.of(
            new Scope("https://www.googleapis.com/auth/cloud-platform", "See, edit..."),
            new Scope("https://www.googleapis.com/auth/a", "A")),
        api.scopes());
    assertEquals(
        List.of("$.xgafv", "fields", "prettyPrint"),
        api.commonParameters().stream().map(Parameter::name).toList());
    Parameter xgafv = api.commonParameters().get(0);
    assertEquals(new TypeRef.Named("#common.$.xgafv"), xgafv.type());
    assertEquals(Parameter.Location.QUERY, xgafv.location());
    assertFalse(xgafv.required());
    EnumSchema e = api.commonEnums().get(0);
    assertEquals("#common.$.xgafv", e.id());
    assertEquals("$.xgafv", e.name());
    assertEquals("v2 error format", e.values().get(1).description());
    assertEquals("true", api.commonParameters().get(2).defaultValue());
    assertEquals(TypeRef.of(TypeRef.Kind.BOOLEAN), api.commonParameters().get(2).type());
    assertEquals(new SpecSource("dataproc.json", SpecSource.Format.DISCOVERY), api.source());
    assertEquals(e, api.schemaIndex().get("#common.$.xgafv"));
  }

  @Test
  void servicePathFallsBackToBasePath() throws Exception {
    String json =
        """
        {"discoveryVersion": "v1", "name": "storage", "version": "v1",
         "rootUrl": "https://storage.googleapis.com/", "basePath": "/storage/v1"}
        """;
    ApiModel api = SpecReader.parse(json.getBytes(StandardCharsets.UTF_8), "s.json");
    assertEquals("storage/v1/", api.endpoints().servicePath());
    assertNull(api.endpoints().mtlsRootUrl());
    assertNull(api.endpoints().batchPath());
    assertNull(api.canonicalName());
    assertEquals("storage", api.displayName());
  }

  @Test
  void methodsOnTheApiItself() throws Exception {
    ApiModel api =
        parse(
            """
            "methods": {"tokeninfo": {"id": "demo.tokeninfo", "httpMethod": "post", "path": "tokeninfo"}}
            """);
    assertEquals("demo.tokeninfo", api.methods().get(0).id());
    assertEquals("POST", api.methods().get(0).httpMethod());
    assertNull(api.methods().get(0).response());
  }
}
