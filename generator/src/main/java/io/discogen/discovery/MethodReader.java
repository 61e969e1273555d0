package io.discogen.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.MediaDownload;
import io.discogen.ir.MediaUpload;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads resources, methods and parameters. Pagination, request-id and streaming facts are derived here;
 * long-running facts need every method and are added afterwards by {@link LongRunningLinker}.
 */
final class MethodReader {
  private final SchemaReader schemas;
  private final Problems problems;
  private final Map<String, Schema> schemaIndex;
  private final List<Schema> hoisted;
  /** Where each method id was first declared: ids name request classes and must be unique. */
  private final Map<String, String> methodIds = new LinkedHashMap<>();

  /**
   * @param schemaIndex every schema read so far, by id (for pagination)
   * @param hoisted where inline objects of method bodies go (the top-level schema list)
   */
  MethodReader(
      SchemaReader schemas, Problems problems, Map<String, Schema> schemaIndex, List<Schema> hoisted) {
    this.schemas = schemas;
    this.problems = problems;
    this.schemaIndex = schemaIndex;
    this.hoisted = hoisted;
  }

  List<Resource> resources(JsonNode parent, String ptr, String parentPath, int depth) {
    List<Resource> out = new ArrayList<>();
    JsonNode resources = Json.object(parent, "resources", ptr, problems);
    if (resources == null) {
      return out;
    }
    if (depth > SchemaReader.MAX_DEPTH) {
      problems.add(Json.child(ptr, "resources"), "resources nested too deeply");
      return out;
    }
    for (Map.Entry<String, JsonNode> e : Json.entries(resources)) {
      String name = e.getKey();
      String rptr = Json.child(Json.child(ptr, "resources"), name);
      if (!e.getValue().isObject()) {
        problems.add(rptr, "expected a resource object, found " + Json.kind(e.getValue()));
        continue;
      }
      String path = parentPath.isEmpty() ? name : parentPath + "." + name;
      List<Method> methods = methods(e.getValue(), rptr, name);
      out.add(new Resource(name, path, methods, resources(e.getValue(), rptr, path, depth + 1)));
    }
    return out;
  }

  /** The methods of a resource (or of the API itself, with {@code resourceName} null). */
  List<Method> methods(JsonNode parent, String ptr, String resourceName) {
    List<Method> out = new ArrayList<>();
    JsonNode methods = Json.object(parent, "methods", ptr, problems);
    if (methods == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : Json.entries(methods)) {
      String mptr = Json.child(Json.child(ptr, "methods"), e.getKey());
      problems.at(mptr);
      if (!e.getValue().isObject()) {
        problems.add(mptr, "expected a method object, found " + Json.kind(e.getValue()));
        continue;
      }
      out.add(method(e.getKey(), e.getValue(), mptr, resourceName));
    }
    return out;
  }

  private Method method(String name, JsonNode node, String ptr, String resourceName) {
    String id = Json.text(node, "id", ptr, problems);
    if (id == null) {
      problems.add(ptr, "method has no \"id\"");
      id = name;
    } else {
      String first = methodIds.putIfAbsent(id, ptr);
      if (first != null) {
        problems.add(Json.child(ptr, "id"), "duplicate method id \"" + id + "\", already used by " + first);
      }
    }
    String httpMethod = Json.text(node, "httpMethod", ptr, problems);
    if (httpMethod == null) {
      problems.add(ptr, "method has no \"httpMethod\"");
      httpMethod = "GET";
    }
    String path = Json.text(node, "path", ptr, problems);
    if (path == null) {
      problems.add(ptr, "method has no \"path\"");
      path = "";
    }
    String flatPath = Json.text(node, "flatPath", ptr, problems);

    List<EnumSchema> enums = new ArrayList<>();
    List<Parameter> parameters =
        order(parameters(node, ptr, id + "#", enums), node, ptr);
    checkPath(path, parameters, ptr);
    if (flatPath != null) {
      // flatPath variables are synthetic ({projectsId}) and never declared: check syntax only.
      String error = PathTemplate.parse(flatPath).error();
      if (error != null) {
        problems.add(Json.child(ptr, "flatPath"), "malformed path template: " + error);
      }
    }

    TypeRef request = body(node, "request", ptr, id, name);
    TypeRef response = body(node, "response", ptr, id, name);
    return new Method(
        name,
        id,
        httpMethod.toUpperCase(Locale.ROOT),
        path,
        flatPath,
        Json.text(node, "description", ptr, problems),
        parameters,
        request,
        response,
        Json.strings(node, "scopes", ptr, problems),
        Json.flag(node, "deprecated", ptr, problems),
        enums,
        mediaUpload(node, ptr),
        Json.flag(node, "supportsMediaDownload", ptr, problems)
            ? new MediaDownload(Json.flag(node, "useMediaDownloadService", ptr, problems))
            : null,
        Derivations.pagination(parameters, response, schemaIndex, resourceName, name),
        null,
        Derivations.requestIdParameter(parameters),
        null,
        Derivations.streamsResponse(id, resourceName, name, response));
  }

  /**
   * The parameters of a method or the API ({@code parameters}), in document order. Inline enums get
   * the id {@code enumIdPrefix + name} and are added to {@code enums}.
   */
  List<Parameter> parameters(
      JsonNode parent, String ptr, String enumIdPrefix, List<EnumSchema> enums) {
    List<Parameter> out = new ArrayList<>();
    JsonNode params = Json.object(parent, "parameters", ptr, problems);
    if (params == null) {
      return out;
    }
    if (params.size() > SchemaReader.MAX_MEMBERS) {
      problems.add(Json.child(ptr, "parameters"),
          params.size() + " parameters; at most " + SchemaReader.MAX_MEMBERS + " fit in a generated class");
      return out;
    }
    for (Map.Entry<String, JsonNode> e : Json.entries(params)) {
      String pptr = Json.child(Json.child(ptr, "parameters"), e.getKey());
      if (!e.getValue().isObject()) {
        problems.add(pptr, "expected a parameter object, found " + Json.kind(e.getValue()));
        continue;
      }
      out.add(parameter(e.getKey(), e.getValue(), pptr, enumIdPrefix, enums));
    }
    return out;
  }

  private Parameter parameter(
      String name, JsonNode node, String ptr, String enumIdPrefix, List<EnumSchema> enums) {
    String loc = Json.text(node, "location", ptr, problems);
    Parameter.Location location;
    if ("path".equals(loc)) {
      location = Parameter.Location.PATH;
    } else if ("query".equals(loc)) {
      location = Parameter.Location.QUERY;
    } else {
      problems.add(
          Json.child(ptr, "location"),
          loc == null
              ? "parameter has no \"location\"; expected \"path\" or \"query\""
              : "unsupported parameter location \"" + loc + "\"; expected \"path\" or \"query\"");
      location = Parameter.Location.QUERY;
    }
    String description = Json.text(node, "description", ptr, problems);
    TypeRef type = parameterType(name, node, ptr, enumIdPrefix, enums);
    if (Json.flag(node, "repeated", ptr, problems)) {
      type = new TypeRef.ListOf(type);
    }
    return new Parameter(
        name,
        location,
        type,
        // A path without its variable cannot be called: path parameters are always required.
        location == Parameter.Location.PATH || Json.flag(node, "required", ptr, problems),
        description,
        pattern(node, ptr, location),
        SchemaReader.defaultValue(node),
        Json.flag(node, "deprecated", ptr, problems));
  }

  /**
   * A parameter's {@code pattern}. Generated clients compile path parameters' patterns when a
   * request class loads, so one Java cannot compile would break every method of its class.
   */
  private String pattern(JsonNode node, String ptr, Parameter.Location location) {
    String pattern = Json.text(node, "pattern", ptr, problems);
    if (pattern == null || location != Parameter.Location.PATH) {
      return pattern;
    }
    try {
      Pattern.compile(pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      // Java calls a trailing lone backslash an "Unexpected internal error".
      String why = pattern.endsWith("\\") && e.getDescription().contains("internal error")
          ? "a trailing backslash escapes nothing" : e.getDescription();
      problems.add(Json.child(ptr, "pattern"), "not a valid regular expression: " + why + " (at index " + e.getIndex() + ")");
    } catch (StackOverflowError e) {
      problems.add(Json.child(ptr, "pattern"), "regular expression nested too deeply");
    }
    return null;
  }

  private TypeRef parameterType(
      String name, JsonNode node, String ptr, String enumIdPrefix, List<EnumSchema> enums) {
    if (node.has("$ref")) {
      return schemas.ref(node.get("$ref"), Json.child(ptr, "$ref"));
    }
    String type = node.has("type") ? schemas.typeName(node, ptr) : "string";
    if (type == null) {
      return TypeRef.STRING;
    }
    if (type.equals("string") && SchemaReader.hasEnum(node)) {
      String id = schemas.allocate(enumIdPrefix + name);
      EnumSchema e = schemas.enumSchema(id, name, node, ptr);
      enums.add(e);
      return new TypeRef.Named(id);
    }
    if (type.equals("any")) {
      return TypeRef.STRING;
    }
    if (!SchemaReader.SCALAR_TYPES.contains(type)) {
      problems.add(
          Json.child(ptr, "type"),
          "unsupported parameter type \"" + type + "\"; expected string, integer, number or boolean");
      return TypeRef.STRING;
    }
    return SchemaReader.primitive(type, Json.text(node, "format", ptr, problems));
  }

  /**
   * Required parameters in {@code parameterOrder} order, then other required ones, then optional
   * ones, each group in document order.
   */
  private List<Parameter> order(List<Parameter> parameters, JsonNode node, String ptr) {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      byName.put(p.name(), p);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<Parameter> out = new ArrayList<>();
    List<String> order = Json.strings(node, "parameterOrder", ptr, problems);
    for (int i = 0; i < order.size(); i++) {
      Parameter p = byName.get(order.get(i));
      if (p == null) {
        problems.add(
            Json.child(Json.child(ptr, "parameterOrder"), Integer.toString(i)),
            "parameterOrder names undeclared parameter \"" + order.get(i) + "\"");
      } else if (p.required() && seen.add(p.name())) {
        out.add(p);
      }
    }
    for (Parameter p : parameters) {
      if (p.required() && seen.add(p.name())) {
        out.add(p);
      }
    }
    for (Parameter p : parameters) {
      if (!p.required()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every template variable is a declared path parameter and every path parameter is used. */
  private void checkPath(String path, List<Parameter> parameters, String ptr) {
    String pathPtr = Json.child(ptr, "path");
    PathTemplate.Parsed parsed = PathTemplate.parse(path);
    if (parsed.error() != null) {
      problems.add(pathPtr, "malformed path template \"" + path + "\": " + parsed.error());
      return;
    }
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      byName.put(p.name(), p);
    }
    for (String v : parsed.variables()) {
      Parameter p = byName.get(v);
      if (p == null) {
        problems.add(
            pathPtr, "path template variable {" + v + "} is not a declared path parameter");
      } else if (p.location() != Parameter.Location.PATH && !parsed.queryVariables().contains(v)) {
        problems.add(
            pathPtr,
            "path template variable {" + v + "} is declared with location \"query\", not \"path\"");
      }
    }
    for (Parameter p : parameters) {
      if (p.location() == Parameter.Location.PATH && !parsed.variables().contains(p.name())) {
        problems.add(
            Json.child(Json.child(ptr, "parameters"), p.name()),
            "path parameter \"" + p.name() + "\" does not appear in the path template");
      }
    }
  }

  /** The request or response body: a {@code $ref}, or (rarely) an inline schema such as a map. */
  private TypeRef body(JsonNode node, String field, String ptr, String methodId, String methodName) {
    JsonNode body = Json.object(node, field, ptr, problems);
    if (body == null) {
      return null;
    }
    String bptr = Json.child(ptr, field);
    String suffix = field.equals("request") ? "Request" : "Response";
    return schemas.type(
        body, bptr, schemas.hoistedSite(methodId + "#" + field, methodName + suffix, hoisted), 0);
  }

  private MediaUpload mediaUpload(JsonNode node, String ptr) {
    if (!Json.flag(node, "supportsMediaUpload", ptr, problems)) {
      return null;
    }
    JsonNode media = Json.object(node, "mediaUpload", ptr, problems);
    if (media == null) {
      return new MediaUpload(List.of(), null, null, null, false);
    }
    String mptr = Json.child(ptr, "mediaUpload");
    Long maxSize = null;
    String size = Json.text(media, "maxSize", mptr, problems);
    if (size != null) {
      maxSize = ByteSize.parse(size);
      if (maxSize == null) {
        problems.add(
            Json.child(mptr, "maxSize"),
            "unreadable size \"" + size + "\"; expected bytes or a number with KB, MB, GB or TB");
      }
    }
    String simplePath = null;
    String resumablePath = null;
    boolean multipart = false;
    JsonNode protocols = Json.object(media, "protocols", mptr, problems);
    if (protocols != null) {
      String pptr = Json.child(mptr, "protocols");
      JsonNode simple = Json.object(protocols, "simple", pptr, problems);
      if (simple != null) {
        simplePath = Json.text(simple, "path", Json.child(pptr, "simple"), problems);
        multipart = Json.flag(simple, "multipart", Json.child(pptr, "simple"), problems);
      }
      JsonNode resumable = Json.object(protocols, "resumable", pptr, problems);
      if (resumable != null) {
        resumablePath = Json.text(resumable, "path", Json.child(pptr, "resumable"), problems);
      }
    }
    return new MediaUpload(
        Json.strings(media, "accept", mptr, problems), maxSize, simplePath, resumablePath, multipart);
  }
}
