package io.discogen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.diff.Location.Area;
import io.discogen.ir.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small inline spec pairs, one change each: the report must hold exactly the expected kinds (no
 * noise), every kind must be covered, and the details (names, values, severities) must be right.
 */
class ApiDiffTest {
  private static final String WIDGET = "/schemas/Widget/properties";
  private static final String WIDGETS = "/resources/widgets/methods";
  private static final String LIST_PARAMS = WIDGETS + "/list/parameters";
  private static final String SCOPES = "/auth/oauth2/scopes";

  /** One spec pair and exactly the kinds of change it must produce. */
  record Case(String name, Doc old, Doc now, List<ChangeKind> kinds) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, Doc old, Doc now, ChangeKind... kinds) {
    return new Case(name, old, now, List.of(kinds));
  }

  static DiffReport diff(Doc old, Doc now) {
    return ApiDiff.compare(old.model("old.json"), now.model("new.json"));
  }

  static Change single(DiffReport r, ChangeKind kind) {
    List<Change> found = r.changes(kind);
    assertEquals(1, found.size(), () -> kind + " in " + r.changes());
    return found.get(0);
  }

  static List<ChangeKind> kinds(DiffReport r) {
    return r.changes().stream().map(Change::kind).sorted().toList();
  }

  static Stream<Case> cases() {
    Doc b = Doc.base();
    Doc twoScopes = b.set(SCOPES + "/https:~1~1www.googleapis.com~1auth~1cloud-platform.read-only", "{}");
    Doc gadget = b.set("/schemas/Gadget", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
    Doc withUpload = b.set(WIDGETS + "/create/supportsMediaUpload", "true")
        .set(WIDGETS + "/create/mediaUpload",
            "{\"accept\": [\"*/*\"], \"maxSize\": \"10MB\", \"protocols\": {\"simple\": {\"multipart\": true, \"path\": \"/upload/v1/widgets\"}}}");
    Doc withDownload = b.set(WIDGETS + "/get/supportsMediaDownload", "true");
    Doc move = b.set(WIDGETS + "/move",
        "{\"id\": \"demo.widgets.move\", \"httpMethod\": \"POST\", \"path\": \"v1/{+from}/{+to}\","
            + " \"parameters\": {\"from\": {\"type\": \"string\", \"location\": \"path\", \"required\": true},"
            + " \"to\": {\"type\": \"string\", \"location\": \"path\", \"required\": true}},"
            + " \"parameterOrder\": [\"from\", \"to\"]}");
    Doc noOperations = b.remove("/resources/operations");
    Doc noPaging = b.remove("/schemas/ListWidgetsResponse/properties/nextPageToken");
    Doc pageSize = b.set(LIST_PARAMS + "/pageSize", "{\"type\": \"integer\", \"format\": \"int32\", \"location\": \"query\", \"required\": true}");
    Doc uint32 = b.set(LIST_PARAMS + "/pageSize", "{\"type\": \"integer\", \"format\": \"uint32\", \"location\": \"query\"}");
    Doc colors = b.set(WIDGET + "/color", "{\"type\": \"string\", \"enum\": [\"RED\", \"GREEN\", \"BLUE\"]}");
    return Stream.of(
        c("identical", b, b),
        // API-wide
        c("service renamed", b, b.set("/canonicalName", "\"Gadgets\""), ChangeKind.SERVICE_RENAMED),
        c("root URL", b, b.set("/rootUrl", "\"https://demo.example.com/\""), ChangeKind.ENDPOINT_CHANGED),
        c("scope added", b, twoScopes, ChangeKind.SCOPE_ADDED),
        c("scope removed", twoScopes, b, ChangeKind.SCOPE_REMOVED),
        c("scope constant taken by a new scope", b,
            b.first(SCOPES + "/https:~1~1www.googleapis.com~1auth~1cloud_platform", "{}"),
            ChangeKind.SCOPE_ADDED, ChangeKind.SCOPE_RENAMED),
        c("API-wide parameter removed", b, b.remove("/parameters/fields"), ChangeKind.PARAMETER_REMOVED),
        c("API-wide parameter added", b, b.set("/parameters/quotaUser", "{\"type\": \"string\", \"location\": \"query\"}"),
            ChangeKind.PARAMETER_ADDED),
        // resources and methods
        c("resource removed, and with it the poll method", b, noOperations,
            ChangeKind.RESOURCE_REMOVED, ChangeKind.METHOD_REMOVED, ChangeKind.LONG_RUNNING_REMOVED),
        c("resource added", noOperations, b,
            ChangeKind.RESOURCE_ADDED, ChangeKind.METHOD_ADDED, ChangeKind.LONG_RUNNING_ADDED),
        c("nested resources count once", b, b.set("/resources/gadgets",
            "{\"resources\": {\"parts\": {\"methods\": {\"get\": {\"id\": \"demo.gadgets.parts.get\", \"httpMethod\": \"GET\", \"path\": \"v1/parts\"}}}}}"),
            ChangeKind.RESOURCE_ADDED, ChangeKind.METHOD_ADDED),
        c("resource names taken by a new resource", b, b.first("/resources/Widgets",
            "{\"methods\": {\"ping\": {\"id\": \"demo.Widgets.ping\", \"httpMethod\": \"GET\", \"path\": \"v1/ping\"}}}"),
            ChangeKind.RESOURCE_ADDED, ChangeKind.METHOD_ADDED, ChangeKind.RESOURCE_RENAMED),
        c("method names taken by a new method", b, b.first(WIDGETS + "/Get",
            "{\"id\": \"demo.widgets.Get\", \"httpMethod\": \"GET\", \"path\": \"v1/other\"}"),
            ChangeKind.METHOD_ADDED, ChangeKind.METHOD_RENAMED),
        c("method removed", b, b.remove(WIDGETS + "/report"), ChangeKind.METHOD_REMOVED),
        c("HTTP verb", b, b.set(WIDGETS + "/get/httpMethod", "\"POST\""), ChangeKind.HTTP_METHOD_CHANGED),
        c("path", b, b.set(WIDGETS + "/list/path", "\"v1/things\""), ChangeKind.PATH_CHANGED),
        c("body added", b, b.set(WIDGETS + "/report/request", "{\"$ref\": \"Report\"}"), ChangeKind.REQUEST_BODY_ADDED),
        c("body removed", b, b.remove(WIDGETS + "/create/request"), ChangeKind.REQUEST_BODY_REMOVED),
        c("body type", b, b.set(WIDGETS + "/create/request", "{\"$ref\": \"Report\"}"), ChangeKind.REQUEST_TYPE_CHANGED),
        c("response type", b, b.set(WIDGETS + "/report/response", "{\"$ref\": \"Widget\"}"), ChangeKind.RESPONSE_TYPE_CHANGED),
        c("response gone", b, b.remove(WIDGETS + "/report/response"), ChangeKind.RESPONSE_TYPE_CHANGED),
        c("method scope removed", b, b.remove(WIDGETS + "/get/scopes"), ChangeKind.METHOD_SCOPE_REMOVED),
        c("method scope added", b, b.set(WIDGETS + "/list/scopes", "[\"" + Doc.SCOPE + "\"]"), ChangeKind.METHOD_SCOPE_ADDED),
        c("media upload added", b, withUpload, ChangeKind.MEDIA_UPLOAD_ADDED),
        c("media upload removed", withUpload, b, ChangeKind.MEDIA_UPLOAD_REMOVED),
        c("media upload limit", withUpload, withUpload.set(WIDGETS + "/create/mediaUpload/maxSize", "\"5MB\""),
            ChangeKind.MEDIA_UPLOAD_CHANGED),
        c("media download added", b, withDownload, ChangeKind.MEDIA_DOWNLOAD_ADDED),
        c("media download removed", withDownload, b, ChangeKind.MEDIA_DOWNLOAD_REMOVED),
        c("paging lost with the next page token", b, noPaging, ChangeKind.PAGINATION_REMOVED, ChangeKind.PROPERTY_REMOVED),
        c("paging gained", noPaging, b, ChangeKind.PAGINATION_ADDED, ChangeKind.PROPERTY_ADDED),
        c("long-running lost with the operation's done", b, b.remove("/schemas/Operation/properties/done"),
            ChangeKind.LONG_RUNNING_REMOVED, ChangeKind.PROPERTY_REMOVED),
        c("request id gone", b, b.remove(WIDGETS + "/create/parameters/requestId"),
            ChangeKind.REQUEST_ID_CHANGED, ChangeKind.PARAMETER_REMOVED),
        c("method deprecated", b, b.set(WIDGETS + "/report/deprecated", "true"), ChangeKind.DEPRECATED),
        // parameters
        c("optional parameter added", b, b.set(LIST_PARAMS + "/filter", "{\"type\": \"string\", \"location\": \"query\"}"),
            ChangeKind.PARAMETER_ADDED),
        c("required parameter added", b,
            b.set(LIST_PARAMS + "/parent", "{\"type\": \"string\", \"location\": \"query\", \"required\": true}"),
            ChangeKind.REQUIRED_PARAMETER_ADDED),
        c("parameter removed", b, b.remove(LIST_PARAMS + "/pageSize"), ChangeKind.PARAMETER_REMOVED),
        c("parameter became required", b, pageSize, ChangeKind.PARAMETER_BECAME_REQUIRED),
        c("parameter became optional", pageSize, b, ChangeKind.PARAMETER_BECAME_OPTIONAL),
        c("parameter Integer to Long", b,
            b.set(LIST_PARAMS + "/pageSize", "{\"type\": \"integer\", \"format\": \"int64\", \"location\": \"query\"}"),
            ChangeKind.PARAMETER_TYPE_CHANGED),
        c("parameter wire format", uint32,
            b.set(LIST_PARAMS + "/pageSize", "{\"type\": \"string\", \"format\": \"int64\", \"location\": \"query\"}"),
            ChangeKind.WIRE_FORMAT_CHANGED),
        c("parameter setter taken by a new parameter", b,
            b.first(LIST_PARAMS + "/page_size", "{\"type\": \"string\", \"location\": \"query\"}"),
            ChangeKind.PARAMETER_ADDED, ChangeKind.PARAMETER_RENAMED),
        c("required parameters reordered", move, move.set(WIDGETS + "/move/parameterOrder", "[\"to\", \"from\"]"),
            ChangeKind.PARAMETER_ORDER_CHANGED),
        c("parameter moved into the path", b,
            b.set(WIDGETS + "/list/path", "\"v1/widgets/{pageSize}\"")
                .set(LIST_PARAMS + "/pageSize", "{\"type\": \"integer\", \"format\": \"int32\", \"location\": \"path\", \"required\": true}"),
            ChangeKind.PATH_CHANGED, ChangeKind.PARAMETER_BECAME_REQUIRED, ChangeKind.PARAMETER_LOCATION_CHANGED),
        c("parameter pattern", b, b.set(WIDGETS + "/get/parameters/name/pattern", "\"^widgets/.+$\""),
            ChangeKind.PARAMETER_PATTERN_CHANGED),
        c("parameter default", b.set(LIST_PARAMS + "/pageSize/default", "\"10\""),
            b.set(LIST_PARAMS + "/pageSize/default", "\"20\""), ChangeKind.DEFAULT_CHANGED),
        c("empty default is no default", b, b.set(LIST_PARAMS + "/pageToken/default", "\"\"")),
        c("parameter deprecated", b, b.set(LIST_PARAMS + "/pageSize/deprecated", "true"), ChangeKind.DEPRECATED),
        c("parameter enum value added", b, b.set(WIDGETS + "/get/parameters/view/enum", "[\"BASIC\", \"FULL\", \"EXTRA\"]"),
            ChangeKind.ENUM_VALUE_ADDED),
        c("parameter enum value removed", b, b.set(WIDGETS + "/get/parameters/view/enum", "[\"BASIC\"]"),
            ChangeKind.ENUM_VALUE_REMOVED),
        // models
        c("schema added", b, gadget, ChangeKind.SCHEMA_ADDED),
        c("schema removed", gadget, b, ChangeKind.SCHEMA_REMOVED),
        c("class name taken by a new schema", b, b.first("/schemas/widget", "{\"type\": \"object\", \"properties\": {}}"),
            ChangeKind.SCHEMA_ADDED, ChangeKind.SCHEMA_RENAMED),
        c("object became enum", gadget, b.set("/schemas/Gadget", "{\"type\": \"string\", \"enum\": [\"A\"]}"),
            ChangeKind.SCHEMA_KIND_CHANGED),
        c("schema deprecated", b, b.set("/schemas/Report/deprecated", "true"), ChangeKind.DEPRECATED),
        c("property added", b, b.set(WIDGET + "/label", "{\"type\": \"string\"}"), ChangeKind.PROPERTY_ADDED),
        c("nested property added", b, b.set(WIDGET + "/inner/properties/width", "{\"type\": \"number\"}"),
            ChangeKind.PROPERTY_ADDED),
        c("required property added to a request body", b, b.set(WIDGET + "/owner", "{\"type\": \"string\", \"required\": true}"),
            ChangeKind.REQUIRED_PROPERTY_ADDED),
        c("'Required.' property added to a request body", b,
            b.set(WIDGET + "/owner", "{\"type\": \"string\", \"description\": \"Required. Who owns it.\"}"),
            ChangeKind.REQUIRED_PROPERTY_ADDED),
        c("'Required.' property added to a response", b,
            b.set("/schemas/Report/properties/owner", "{\"type\": \"string\", \"description\": \"Required. Who.\"}"),
            ChangeKind.PROPERTY_ADDED),
        c("request property became required", b,
            b.set(WIDGET + "/inner/properties/depth/description", "\"Required. How deep.\""),
            ChangeKind.PROPERTY_BECAME_REQUIRED),
        c("response property became required: nothing to do", b,
            b.set("/schemas/Report/properties/total/required", "true")),
        c("request property became output only", b, b.set(WIDGET + "/size/readOnly", "true"),
            ChangeKind.PROPERTY_BECAME_OUTPUT_ONLY),
        c("response property became output only: nothing to do", b,
            b.set("/schemas/Report/properties/total/description", "\"Output only. The total.\"")),
        c("property removed", b, b.remove(WIDGET + "/size"), ChangeKind.PROPERTY_REMOVED),
        c("property Integer to Long", b, b.set(WIDGET + "/size", "{\"type\": \"string\", \"format\": \"int64\"}"),
            ChangeKind.PROPERTY_TYPE_CHANGED),
        c("property String to enum", b, b.set(WIDGET + "/name", "{\"type\": \"string\", \"enum\": [\"A\"]}"),
            ChangeKind.PROPERTY_TYPE_CHANGED),
        c("property wire format", b, b.set("/schemas/Report/properties/total", "{\"type\": \"integer\", \"format\": \"uint32\"}"),
            ChangeKind.WIRE_FORMAT_CHANGED),
        c("property getter taken by a new property", b, b.first(WIDGET + "/Name", "{\"type\": \"string\"}"),
            ChangeKind.PROPERTY_ADDED, ChangeKind.PROPERTY_RENAMED),
        c("property default", b, b.set(WIDGET + "/size/default", "\"3\""), ChangeKind.DEFAULT_CHANGED),
        c("property deprecated", b, b.set(WIDGET + "/size/deprecated", "true"), ChangeKind.DEPRECATED),
        c("enum value added", b, colors, ChangeKind.ENUM_VALUE_ADDED),
        c("enum value removed", colors, b, ChangeKind.ENUM_VALUE_REMOVED),
        c("enum constant taken by a new value", b,
            b.set(WIDGET + "/color", "{\"type\": \"string\", \"enum\": [\"red\", \"RED\", \"GREEN\"]}"),
            ChangeKind.ENUM_VALUE_ADDED, ChangeKind.ENUM_CONSTANT_RENAMED),
        c("enum value deprecated", b,
            b.set(WIDGET + "/color", "{\"type\": \"string\", \"enum\": [\"RED\", \"GREEN\"], \"enumDeprecated\": [false, true]}"),
            ChangeKind.DEPRECATED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedKinds(Case c) {
    DiffReport r = diff(c.old(), c.now());
    assertEquals(c.kinds().stream().sorted().toList(), kinds(r), () -> String.join("\n", r.changes().stream().map(Change::description).toList()));
    for (Change ch : r.changes()) {
      assertEquals(ch.kind().severity(), ch.severity());
      assertFalse(ch.description().isBlank());
      assertFalse(ch.description().contains("\n"), ch.description());
    }
  }

  @Test
  void resourcesMovedOutOfAServiceClassGrownTooLargeAreRenames() {
    // A new resource with as many operations as one class can hold: the API no longer fits one
    // service class, so its top-level resources become classes of their own, which users import.
    StringBuilder methods = new StringBuilder("{\"methods\": {");
    for (int i = 0; i < io.discogen.java.NamePlan.MAX_NEST_MEMBERS; i++) {
      methods.append(i == 0 ? "" : ",").append("\"op").append(i).append("\": {\"id\": \"demo.bulk.op").append(i)
          .append("\", \"httpMethod\": \"GET\", \"path\": \"v1/bulk/").append(i).append("\"}");
    }
    Doc b = Doc.base();
    DiffReport r = diff(b, b.set("/resources/bulk", methods.append("}}").toString()));
    List<Change> renamed = r.changes(ChangeKind.RESOURCE_RENAMED);
    assertEquals(List.of("operations() / Operations -> operations() / Operations (top-level)",
            "widgets() / Widgets -> widgets() / Widgets (top-level)"),
        renamed.stream().map(c -> c.oldValue() + " -> " + c.newValue()).toList());
    assertEquals(Severity.BREAKING, renamed.get(0).severity());
    assertEquals(1, r.changes(ChangeKind.RESOURCE_ADDED).size());
  }

  @Test
  void everyKindIsCovered() {
    Set<ChangeKind> seen = EnumSet.noneOf(ChangeKind.class);
    cases().forEach(c -> seen.addAll(c.kinds()));
    Set<ChangeKind> missing = EnumSet.allOf(ChangeKind.class);
    missing.removeAll(seen);
    assertEquals(Set.of(), missing);
  }

  @Test
  void baseHasTheDerivedFactsTheCasesRelyOn() {
    var api = Doc.base().model("base.json");
    Method create = api.allMethods().stream().filter(m -> m.id().equals("demo.widgets.create")).findFirst().orElseThrow();
    Method list = api.allMethods().stream().filter(m -> m.id().equals("demo.widgets.list")).findFirst().orElseThrow();
    assertTrue(create.longRunning() != null && "requestId".equals(create.requestIdParameter()));
    assertTrue(list.pagination() != null && "widgets".equals(list.pagination().itemsProperty()));
  }

  @Test
  void removedPropertyNamesSpecAndJava() {
    Change c = single(diff(Doc.base(), Doc.base().remove(WIDGET + "/size")), ChangeKind.PROPERTY_REMOVED);
    assertEquals(Severity.BREAKING, c.severity());
    assertEquals(Area.MODEL, c.where().area());
    assertEquals("Widget", c.where().group());
    assertEquals(new Location.Names(null, null, null, "Widget", "size"), c.where().spec());
    assertEquals(new Location.Names(null, null, null, "Widget", "getSize"), c.where().java());
    assertEquals("Integer", c.oldValue());
    assertNull(c.newValue());
    assertEquals("Property `Widget.size` removed (`Widget.getSize()`)", c.description());
  }

  @Test
  void typeChangeCarriesJavaTypes() {
    Change c = single(diff(Doc.base(), Doc.base().set(WIDGET + "/size", "{\"type\": \"string\", \"format\": \"int64\"}")),
        ChangeKind.PROPERTY_TYPE_CHANGED);
    assertEquals("Integer", c.oldValue());
    assertEquals("Long", c.newValue());
    Change list = single(diff(Doc.base(), Doc.base().set(WIDGET + "/name", "{\"type\": \"array\", \"items\": {\"type\": \"string\", \"enum\": [\"A\"]}}")),
        ChangeKind.PROPERTY_TYPE_CHANGED);
    assertEquals("String", list.oldValue());
    assertEquals("List<Widget.Name>", list.newValue());
  }

  @Test
  void nestedSchemasAreGroupedUnderTheirTopLevelSchema() {
    Change c = single(diff(Doc.base(), Doc.base().set(WIDGET + "/inner/properties/width", "{\"type\": \"number\"}")),
        ChangeKind.PROPERTY_ADDED);
    assertEquals("Widget", c.where().group());
    assertEquals("Widget.inner", c.where().spec().schema());
    assertEquals("Widget.Inner", c.where().java().schema());
    assertEquals("getWidth", c.where().java().member());
    assertEquals("Double", c.newValue());
  }

  @Test
  void renameReportsOldAndNewJavaNames() {
    DiffReport r = diff(Doc.base(), Doc.base().first(WIDGET + "/Name", "{\"type\": \"string\"}"));
    Change c = single(r, ChangeKind.PROPERTY_RENAMED);
    assertEquals("name", c.where().spec().member());
    assertEquals("getName/setName", c.oldValue());
    assertEquals("getName_/setName_", c.newValue());

    Change cls = single(diff(Doc.base(), Doc.base().first("/schemas/widget", "{\"type\": \"object\", \"properties\": {}}")),
        ChangeKind.SCHEMA_RENAMED);
    assertEquals("Widget", cls.where().spec().schema());
    assertEquals("Widget", cls.oldValue());
    assertEquals("WidgetModel", cls.newValue());

    Change constant = single(diff(Doc.base(), Doc.base().set(WIDGET + "/color/enum", "[\"RED\", \"GREEN\", \"UNRECOGNIZED\"]")),
        ChangeKind.ENUM_CONSTANT_RENAMED);
    assertNull(constant.where().spec().member(), "the unknown-value constant has no wire value");
    assertEquals("UNRECOGNIZED", constant.oldValue());
    assertEquals("UNRECOGNIZED2", constant.newValue());
  }

  @Test
  void methodChangesNameResourceMethodAndCall() {
    Change c = single(diff(Doc.base(), Doc.base().remove(WIDGETS + "/report")), ChangeKind.METHOD_REMOVED);
    assertEquals(Area.RESOURCE, c.where().area());
    assertEquals("widgets", c.where().group());
    assertEquals(new Location.Names("widgets", "demo.widgets.report", null, null, null), c.where().spec());
    assertEquals(new Location.Names("widgets()", "widgets().report()", null, null, null), c.where().java());

    Change p = single(diff(Doc.base(), Doc.base().set(LIST_PARAMS + "/parent", "{\"type\": \"string\", \"location\": \"query\", \"required\": true}")),
        ChangeKind.REQUIRED_PARAMETER_ADDED);
    assertEquals("parent", p.where().spec().parameter());
    assertEquals("setParent", p.where().java().parameter());
    assertEquals("demo.widgets.list", p.where().spec().method());
    assertEquals("String", p.newValue());
  }

  @Test
  void parameterEnumValuesAreListedWithTheirMethod() {
    Change c = single(diff(Doc.base(), Doc.base().set(WIDGETS + "/get/parameters/view/enum", "[\"BASIC\"]")),
        ChangeKind.ENUM_VALUE_REMOVED);
    assertEquals(Area.RESOURCE, c.where().area());
    assertEquals("demo.widgets.get", c.where().spec().method());
    assertEquals("view", c.where().spec().parameter());
    assertEquals("demo.widgets.get#view", c.where().spec().schema());
    assertEquals("FULL", c.where().spec().member());
    assertEquals("Demo.Widgets.Get.View", c.where().java().schema());
    assertEquals("FULL", c.oldValue());
  }

  @Test
  void apiWideChangesNameTheService() {
    Change c = single(diff(Doc.base(), Doc.base().remove("/parameters/fields")), ChangeKind.PARAMETER_REMOVED);
    assertEquals(Area.API, c.where().area());
    assertEquals("", c.where().group());
    assertNull(c.where().spec().method());
    assertEquals("fields", c.where().spec().parameter());
    assertEquals("setFields", c.where().java().parameter());
    Change s = single(diff(Doc.base(), Doc.base().first(SCOPES + "/https:~1~1www.googleapis.com~1auth~1cloud_platform", "{}")),
        ChangeKind.SCOPE_RENAMED);
    assertEquals(Doc.SCOPE, s.where().spec().member());
    assertEquals("Scopes.CLOUD_PLATFORM", s.oldValue());
    assertEquals("Scopes.CLOUD_PLATFORM2", s.newValue());
  }

  @Test
  void suggestedBump() {
    Doc b = Doc.base();
    assertEquals(VersionBump.PATCH, diff(b, b).suggestedBump());
    assertEquals(VersionBump.PATCH, diff(b, b.set(WIDGETS + "/list/path", "\"v1/things\"")).suggestedBump());
    assertEquals(VersionBump.MINOR, diff(b, b.set(WIDGET + "/label", "{\"type\": \"string\"}")).suggestedBump());
    DiffReport major = diff(b, b.set(WIDGET + "/label", "{\"type\": \"string\"}").remove(WIDGET + "/size"));
    assertEquals(VersionBump.MAJOR, major.suggestedBump());
    assertTrue(major.hasBreaking());
    assertEquals(new DiffReport.Counts(1, 0, 1), major.counts());
    assertFalse(diff(b, b).hasBreaking());
  }

  @Test
  void orderIsDeterministicAndGrouped() {
    Doc b = Doc.base();
    Doc now = b.remove("/resources/operations")
        .set(WIDGET + "/label", "{\"type\": \"string\"}")
        .remove(WIDGET + "/size")
        .set("/schemas/Gadget", "{\"type\": \"object\", \"properties\": {}}")
        .remove("/parameters/fields")
        .set(WIDGETS + "/get/httpMethod", "\"POST\"");
    DiffReport r1 = diff(b, now);
    DiffReport r2 = diff(b, now);
    assertEquals(r1, r2);
    List<Change> sorted = new ArrayList<>(r1.changes());
    sorted.sort(ApiDiff.ORDER);
    assertEquals(sorted, r1.changes());
    List<Area> areas = r1.changes().stream().map(c -> c.where().area()).toList();
    assertEquals(areas.stream().sorted().toList(), areas, "API, then resources, then models");
    assertEquals(ChangeKind.PARAMETER_REMOVED, r1.changes().get(0).kind());
  }

  @Test
  void severityMustMatchKind() {
    Location loc = new Location(Area.API, "", Location.Names.NONE, Location.Names.NONE);
    assertThrows(IllegalArgumentException.class,
        () -> new Change(ChangeKind.SCHEMA_REMOVED, Severity.ADDITIVE, loc, null, null, "x"));
  }

  @Test
  void codeSpansCannotBeBrokenBySpecText() {
    assertEquals("`plain`", ApiDiff.code("plain"));
    assertEquals("``a`b``", ApiDiff.code("a`b"));
    assertEquals("`` `x ``", ApiDiff.code("`x"));
    assertEquals("`two lines`", ApiDiff.code("two\nlines"));
    assertEquals("(none)", ApiDiff.code(null));
    assertTrue(ApiDiff.code("x".repeat(500)).length() < 170);
  }
}
