package io.discogen.openapi;

import io.discogen.ir.EnumSchema;
import io.discogen.ir.Method;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.TypeRef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code paths} of an OpenAPI document into IR methods grouped into resources: by the
 * first tag, or by the first literal path segment when an operation has no tag. Method names come
 * from {@code operationId}, or from the verb and path when it is missing.
 */
final class OperationConverter {
  private final OpenAPI api;
  private final SchemaReader reader;
  private final SchemaConverter schemas;
  private final Set<String> methodIds = new HashSet<>();
  /** Resource name to its methods, in order of first appearance. */
  private final Map<String, List<Method>> byResource = new LinkedHashMap<>();
  private final List<Method> topLevel = new ArrayList<>();

  OperationConverter(OpenAPI api, SchemaReader reader, SchemaConverter schemas) {
    this.api = api;
    this.reader = reader;
    this.schemas = schemas;
  }

  void readPaths() {
    if (api.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      PathItem item = e.getValue();
      if (item == null) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
        Method m = method(e.getKey(), item, op.getKey().name(), op.getValue());
        String resource = resourceName(op.getValue(), e.getKey());
        if (resource == null) {
          topLevel.add(m);
        } else {
          byResource.computeIfAbsent(resource, k -> new ArrayList<>()).add(m);
        }
      }
    }
  }

  List<Method> topLevelMethods() {
    return topLevel;
  }

  List<Resource> resources() {
    List<Resource> out = new ArrayList<>();
    for (Map.Entry<String, List<Method>> e : byResource.entrySet()) {
      out.add(new Resource(e.getKey(), e.getKey(), e.getValue(), List.of()));
    }
    return out;
  }

  private static String resourceName(Operation op, String path) {
    if (op.getTags() != null) {
      for (String tag : op.getTags()) {
        if (tag != null && !tag.isBlank()) {
          return tag;
        }
      }
    }
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.contains("{")) {
        return segment;
      }
    }
    return null;
  }

  private Method method(String path, PathItem item, String verb, Operation op) {
    String name = op.getOperationId() != null && !op.getOperationId().isBlank()
        ? op.getOperationId()
        : fallbackName(verb, path);
    String id = uniqueMethodId(name);
    List<EnumSchema> enums = new ArrayList<>();
    List<Parameter> parameters = parameters(path, item, op, id, enums);
    Body body = requestBody(op, id);
    TypeRef response = response(op, id);
    TypeRef errorType = errorType(op, id);
    Map<String, TypeRef> errorTypes = errorType == null ? errorTypes(op, id) : Map.of();
    String description = joinDoc(op.getSummary(), op.getDescription());
    // A binary response may be streamed for every verb; only a GET may be resumed (that repeats it).
    io.discogen.ir.BinaryResponse binary = response instanceof TypeRef.Primitive prim
        && prim.kind() == TypeRef.Kind.BINARY ? new io.discogen.ir.BinaryResponse(verb.equalsIgnoreCase("get")) : null;
    return new Method(
        name,
        id,
        verb.toUpperCase(Locale.ROOT),
        template(path),
        null,
        description,
        parameters,
        body.type(),
        response,
        Security.methodScopes(api, op),
        Boolean.TRUE.equals(op.getDeprecated()),
        enums,
        null,
        null,
        Paging.of(verb, parameters, response, schemas.schemas(),
            op.getExtensions() == null ? null : op.getExtensions().get(Paging.X_MS_PAGEABLE),
            op.getExtensions() != null && op.getExtensions().containsKey(Paging.X_MS_PAGEABLE),
            declaresLinkHeader(op)),
        null,
        null,
        body.contentType(),
        errorType,
        errorTypes,
        binary,
        false);
  }

  private List<Parameter> parameters(String path, PathItem item, Operation op, String methodId,
      List<EnumSchema> enums) {
    // Operation parameters override path-level ones with the same name and location.
    Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged = new LinkedHashMap<>();
    for (List<io.swagger.v3.oas.models.parameters.Parameter> list :
        java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
      if (list == null) {
        continue;
      }
      for (io.swagger.v3.oas.models.parameters.Parameter p : list) {
        p = resolve(p);
        if (p == null || p.getName() == null || p.getIn() == null) {
          continue;
        }
        merged.put(p.getIn() + ":" + p.getName(), p);
      }
    }
    Set<String> templateVars = new LinkedHashSet<>(templateVariables(path));
    List<Parameter> required = new ArrayList<>();
    List<Parameter> optional = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (io.swagger.v3.oas.models.parameters.Parameter p : merged.values()) {
      Parameter.Location location = switch (p.getIn()) {
        case "path" -> Parameter.Location.PATH;
        case "query" -> Parameter.Location.QUERY;
        case "header" -> Parameter.Location.HEADER;
        case "cookie" -> Parameter.Location.COOKIE;
        default -> null;
      };
      if (location == null || (location == Parameter.Location.PATH && !templateVars.contains(p.getName()))) {
        continue;
      }
      if (location == Parameter.Location.HEADER && isReservedHeader(p.getName())) {
        continue;
      }
      if (!names.add(p.getName())) {
        continue; // same wire name in two locations: the runtime keys values by name
      }
      OpenApiSchema schema = reader.read(p.getSchema() != null || p.getContent() == null || p.getContent().isEmpty()
          ? p.getSchema() : p.getContent().values().iterator().next().getSchema());
      TypeRef type = schema == null ? TypeRef.STRING
          : schemas.parameterType(schema, methodId + "." + p.getName(), p.getName(), enums);
      type = parameterType(type, location);
      boolean isRequired = location == Parameter.Location.PATH || Boolean.TRUE.equals(p.getRequired());
      Parameter.Style style = style(p, location);
      Parameter ir = new Parameter(
          p.getName(),
          location,
          type,
          isRequired,
          p.getDescription(),
          null,
          schema == null ? null : schema.defaultText(),
          Boolean.TRUE.equals(p.getDeprecated()),
          style,
          p.getExplode() != null ? p.getExplode() : style == Parameter.Style.FORM);
      (isRequired ? required : optional).add(ir);
    }
    // Template variables nobody declared still need a value.
    for (String v : templateVars) {
      if (names.add(v)) {
        required.add(new Parameter(v, Parameter.Location.PATH, TypeRef.STRING, true, null, null, null, false));
      }
    }
    List<Parameter> all = new ArrayList<>(required);
    all.addAll(optional);
    return all;
  }

  /**
   * The serialization style: the declared one where it fits the location, else the location's
   * default. Swagger 2.0's {@code
   * collectionFormat} arrives here already converted (csv: form, ssv: spaceDelimited, pipes:
   * pipeDelimited, multi: form exploded).
   */
  private static Parameter.Style style(io.swagger.v3.oas.models.parameters.Parameter p, Parameter.Location location) {
    if (location == Parameter.Location.QUERY && p.getStyle() != null) {
      switch (p.getStyle()) {
        case SPACEDELIMITED:
          return Parameter.Style.SPACE_DELIMITED;
        case PIPEDELIMITED:
          return Parameter.Style.PIPE_DELIMITED;
        case DEEPOBJECT:
          return Parameter.Style.DEEP_OBJECT;
        default:
          return Parameter.Style.FORM;
      }
    }
    if (location == Parameter.Location.PATH && p.getStyle() != null) {
      switch (p.getStyle()) {
        case LABEL:
          return Parameter.Style.LABEL;
        case MATRIX:
          return Parameter.Style.MATRIX;
        default:
          return Parameter.Style.SIMPLE;
      }
    }
    return Parameter.defaultStyle(location);
  }

  /** Parameters travel as text: structured values the runtime cannot format become strings. */
  private TypeRef parameterType(TypeRef t, Parameter.Location location) {
    if (t instanceof TypeRef.ListOf l) {
      TypeRef e = l.element();
      return e instanceof TypeRef.Primitive || e instanceof TypeRef.Named ? t : new TypeRef.ListOf(TypeRef.STRING);
    }
    if (t instanceof TypeRef.Primitive || t instanceof TypeRef.Named) {
      return t;
    }
    if (t instanceof TypeRef.MapOf m && m.value() instanceof TypeRef.Primitive
        && location != Parameter.Location.COOKIE) {
      return t; // an object of scalars: the runtime serializes it in the parameter's style
    }
    return TypeRef.STRING;
  }

  private static boolean isReservedHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("accept") || n.equals("content-type") || n.equals("authorization")
        || n.equals("content-length") || n.equals("host") || n.equals("connection");
  }

  /** A request body: its type, and its media type when not JSON. */
  private record Body(TypeRef type, String contentType) {}

  /**
   * The request body: JSON when offered, else a form, multipart, or any other media type (raw
   * bytes or text).
   */
  private Body requestBody(Operation op, String methodId) {
    RequestBody body = resolve(op.getRequestBody());
    if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
      return new Body(null, null);
    }
    MediaType json = jsonMedia(body.getContent());
    if (json != null) {
      return new Body(json.getSchema() == null ? TypeRef.ANY
          : schemas.operationType(reader.read(json.getSchema()), methodId + ".Body", methodId + "Body"), null);
    }
    for (String wanted : List.of("application/x-www-form-urlencoded", "multipart/form-data")) {
      for (Map.Entry<String, MediaType> e : body.getContent().entrySet()) {
        if (mediaType(e.getKey()).equals(wanted) && e.getValue() != null && e.getValue().getSchema() != null) {
          TypeRef t = schemas.operationType(reader.read(e.getValue().getSchema()), methodId + ".Body", methodId + "Body");
          return new Body(t, wanted);
        }
      }
    }
    Map.Entry<String, MediaType> first = body.getContent().entrySet().iterator().next();
    String mt = mediaType(first.getKey());
    if (mt.isEmpty() || mt.contains("*") || mt.equals("application/x-www-form-urlencoded") || mt.equals("multipart/form-data")) {
      mt = "application/octet-stream";
    }
    return new Body(mt.startsWith("text/") ? TypeRef.STRING : TypeRef.of(TypeRef.Kind.BINARY), mt);
  }

  /** Whether the first 2xx response (the one {@link #response} reads) declares a {@code Link} header. */
  private boolean declaresLinkHeader(Operation op) {
    if (op.getResponses() == null) {
      return false;
    }
    for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
      String code = e.getKey();
      if (code.startsWith("2") && code.length() == 3) {
        ApiResponse r = resolve(e.getValue());
        return r != null && r.getHeaders() != null
            && r.getHeaders().keySet().stream().anyMatch(h -> h != null && h.equalsIgnoreCase("Link"));
      }
    }
    return false;
  }

  private TypeRef response(Operation op, String methodId) {
    if (op.getResponses() == null) {
      return null;
    }
    for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
      String code = e.getKey();
      if (!(code.startsWith("2") && code.length() == 3)) {
        continue;
      }
      ApiResponse r = resolve(e.getValue());
      if (r == null || r.getContent() == null || r.getContent().isEmpty()) {
        return null;
      }
      MediaType json = jsonMedia(r.getContent());
      if (json == null) {
        return TypeRef.of(TypeRef.Kind.BINARY); // a download: the bytes as they come
      }
      if (json.getSchema() == null) {
        return TypeRef.ANY;
      }
      return schemas.operationType(reader.read(json.getSchema()), methodId + ".Response", methodId + "Response");
    }
    return null;
  }

  /**
   * The JSON body of the error responses (4xx, 5xx, {@code 4XX}, {@code default}): their one
   * schema when they all declare the same one, else null.
   */
  private TypeRef errorType(Operation op, String methodId) {
    if (op.getResponses() == null) {
      return null;
    }
    OpenApiSchema found = null;
    for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
      String code = e.getKey();
      if (!(code.equals("default") || code.startsWith("4") || code.startsWith("5"))) {
        continue;
      }
      ApiResponse r = resolve(e.getValue());
      MediaType json = r == null || r.getContent() == null ? null : jsonMedia(r.getContent());
      if (json == null || json.getSchema() == null) {
        continue;
      }
      OpenApiSchema s = reader.read(json.getSchema());
      if (found == null) {
        found = s;
      } else if (found != s && (found.ref() == null || !found.ref().equals(s.ref()))) {
        return null; // several error shapes: no one type to name
      }
    }
    return found == null ? null : schemas.operationType(found, methodId + ".Error", methodId + "Error");
  }

  /**
   * When the error responses declare different bodies: each error status to its body's type, in
   * document order (statuses without a JSON body left out); else empty. A schema shared by
   * several statuses is converted once.
   */
  private Map<String, TypeRef> errorTypes(Operation op, String methodId) {
    Map<String, TypeRef> out = new LinkedHashMap<>();
    if (op.getResponses() == null) {
      return out;
    }
    Map<Object, TypeRef> converted = new HashMap<>();
    for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
      String code = e.getKey().toUpperCase(Locale.ROOT);
      if (!code.equals("DEFAULT") && !code.matches("[45]([0-9][0-9]|XX)")) {
        continue;
      }
      ApiResponse r = resolve(e.getValue());
      MediaType json = r == null || r.getContent() == null ? null : jsonMedia(r.getContent());
      if (json == null || json.getSchema() == null) {
        continue;
      }
      OpenApiSchema s = reader.read(json.getSchema());
      Object key = s.ref() != null ? s.ref() : new IdentityKey(s);
      String suffix = code.equals("DEFAULT") ? "Default" : code;
      TypeRef t = converted.computeIfAbsent(key,
          k -> schemas.operationType(s, methodId + ".Error" + suffix, methodId + "Error" + suffix));
      out.put(code.equals("DEFAULT") ? "default" : code, t);
    }
    return new java.util.HashSet<>(out.values()).size() > 1 ? out : Map.of();
  }

  /** A map key by identity: one inline schema, reached from several responses. */
  private record IdentityKey(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof IdentityKey k && k.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  private static String mediaType(String key) {
    String mt = key.toLowerCase(Locale.ROOT);
    int semi = mt.indexOf(';');
    return (semi >= 0 ? mt.substring(0, semi) : mt).strip();
  }

  private static MediaType jsonMedia(Content content) {
    MediaType fallback = null;
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      String mt = e.getKey().toLowerCase(Locale.ROOT);
      int semi = mt.indexOf(';');
      if (semi >= 0) {
        mt = mt.substring(0, semi).strip();
      }
      if (mt.equals("application/json")) {
        return e.getValue();
      }
      if (fallback == null && (mt.endsWith("+json") || mt.equals("text/json") || mt.equals("*/*"))) {
        fallback = e.getValue();
      }
    }
    return fallback;
  }

  private io.swagger.v3.oas.models.parameters.Parameter resolve(io.swagger.v3.oas.models.parameters.Parameter p) {
    for (int guard = 0; p != null && p.get$ref() != null && guard < 16; guard++) {
      p = component(p.get$ref(), "#/components/parameters/",
          api.getComponents() == null ? null : api.getComponents().getParameters());
    }
    return p != null && p.get$ref() != null ? null : p;
  }

  private RequestBody resolve(RequestBody b) {
    for (int guard = 0; b != null && b.get$ref() != null && guard < 16; guard++) {
      b = component(b.get$ref(), "#/components/requestBodies/",
          api.getComponents() == null ? null : api.getComponents().getRequestBodies());
    }
    return b != null && b.get$ref() != null ? null : b;
  }

  private ApiResponse resolve(ApiResponse r) {
    for (int guard = 0; r != null && r.get$ref() != null && guard < 16; guard++) {
      r = component(r.get$ref(), "#/components/responses/",
          api.getComponents() == null ? null : api.getComponents().getResponses());
    }
    return r != null && r.get$ref() != null ? null : r;
  }

  private static <T> T component(String ref, String prefix, Map<String, T> map) {
    if (map == null) {
      return null;
    }
    String key = ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    key = key.replace("~1", "/").replace("~0", "~");
    return map.get(key);
  }

  private String uniqueMethodId(String name) {
    String id = name;
    for (int k = 2; !methodIds.add(id); k++) {
      id = name + "_" + k;
    }
    return id;
  }

  /** {@code GET /pets/{petId}/photos} becomes {@code getPetsPhotosByPetId}. */
  static String fallbackName(String verb, String path) {
    StringBuilder literal = new StringBuilder(verb.toLowerCase(Locale.ROOT));
    List<String> vars = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        vars.add(segment.substring(1, segment.length() - 1));
      } else {
        literal.append(' ').append(segment);
      }
    }
    if (!vars.isEmpty()) {
      literal.append(" by ").append(String.join(" and ", vars));
    }
    return literal.toString();
  }

  /** Names of the {@code {variables}} of an OpenAPI path. */
  static List<String> templateVariables(String path) {
    List<String> vars = new ArrayList<>();
    int i = 0;
    while ((i = path.indexOf('{', i)) >= 0) {
      int end = path.indexOf('}', i);
      if (end < 0) {
        break;
      }
      vars.add(path.substring(i + 1, end));
      i = end + 1;
    }
    return vars;
  }

  /**
   * The IR path template: relative to the root URL (no leading {@code /}), literal text
   * percent-encoded where a URI path could not hold it, variables as simple expansions.
   */
  static String template(String path) {
    StringBuilder out = new StringBuilder();
    int i = path.startsWith("/") ? 1 : 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '{') {
        int end = path.indexOf('}', i);
        if (end > i) {
          out.append(path, i, end + 1);
          i = end + 1;
          continue;
        }
      }
      if (isPathChar(c)) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      }
      i++;
    }
    return out.toString();
  }

  private static boolean isPathChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~/:@!$&'()*+,;=%".indexOf(c) >= 0;
  }

  private static String joinDoc(String summary, String description) {
    if (summary == null || summary.isBlank()) {
      return description;
    }
    if (description == null || description.isBlank() || description.strip().equals(summary.strip())) {
      return summary;
    }
    return summary.strip() + "\n\n" + description;
  }
}
