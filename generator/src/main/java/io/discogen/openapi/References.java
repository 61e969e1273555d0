package io.discogen.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.discogen.spec.SpecProblem;
import io.discogen.spec.SpecReader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references pass: every {@code $ref} left in the document after swagger-parser resolved it
 * must name a component of the kind its place needs. A reference to nothing was read by the
 * emitters as "no body", "Object" or "no parameter": a client silently wrong, with exit 0. Each
 * such reference is one problem, located by the JSON pointer of the place that holds it (in the
 * OpenAPI 3 form swagger-parser gives: a Swagger 2.0 document's places are named as converted, and
 * a path-level parameter under each operation, where swagger-parser moves it).
 */
final class References {
  private static final String PREFIX = "#/components/";

  private final Components components;
  private final String displayPath;
  /** The directory of the document's file, against which other files are named; null in memory. */
  private final Path dir;
  private final List<SpecProblem> problems = new ArrayList<>();
  private final SchemaReader reader;
  private final Set<OpenApiSchema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private References(OpenAPI api, SchemaReader reader, Path file, String displayPath) {
    this.components = api.getComponents() == null ? new Components() : api.getComponents();
    this.reader = reader;
    this.displayPath = displayPath;
    this.dir = file == null ? null : file.toAbsolutePath().getParent();
  }

  /**
   * The unresolvable references of {@code api}, read from {@code file} (null for a document in
   * memory; a reference to another file then says what is missing there); empty when every one
   * resolves. Schemas are checked in their typed view, read with {@code reader}.
   */
  static List<SpecProblem> check(OpenAPI api, SchemaReader reader, Path file, String displayPath) {
    References r = new References(api, reader, file, displayPath);
    r.document(api);
    return r.problems;
  }

  private void document(OpenAPI api) {
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> pathItem("/paths/" + escape(path), item));
    }
    each(components.getSchemas(), "/components/schemas/", (at, s) -> schema(at, reader.read(s)));
    each(components.getParameters(), "/components/parameters/", this::parameter);
    each(components.getRequestBodies(), "/components/requestBodies/", this::requestBody);
    each(components.getResponses(), "/components/responses/", this::response);
    each(components.getHeaders(), "/components/headers/", this::header);
  }

  private void pathItem(String at, PathItem item) {
    if (item == null) {
      return;
    }
    parameters(at + "/parameters", item.getParameters());
    item.readOperationsMap().forEach((verb, op) -> operation(at + "/" + verb.name().toLowerCase(java.util.Locale.ROOT), op));
  }

  private void operation(String at, Operation op) {
    parameters(at + "/parameters", op.getParameters());
    requestBody(at + "/requestBody", op.getRequestBody());
    if (op.getResponses() != null) {
      op.getResponses().forEach((status, r) -> response(at + "/responses/" + escape(status), r));
    }
  }

  private void parameters(String at, List<Parameter> params) {
    if (params != null) {
      for (int i = 0; i < params.size(); i++) {
        parameter(at + "/" + i, params.get(i));
      }
    }
  }

  private void parameter(String at, Parameter p) {
    if (p == null || !ref(at, p.get$ref(), "parameters", components.getParameters())) {
      return;
    }
    schema(at + "/schema", reader.read(p.getSchema()));
    content(at + "/content", p.getContent());
  }

  private void requestBody(String at, RequestBody b) {
    if (b != null && ref(at, b.get$ref(), "requestBodies", components.getRequestBodies())) {
      content(at + "/content", b.getContent());
    }
  }

  private void response(String at, ApiResponse r) {
    if (r == null || !ref(at, r.get$ref(), "responses", components.getResponses())) {
      return;
    }
    content(at + "/content", r.getContent());
    if (r.getHeaders() != null) {
      r.getHeaders().forEach((name, h) -> header(at + "/headers/" + escape(name), h));
    }
  }

  private void header(String at, Header h) {
    if (h != null && ref(at, h.get$ref(), "headers", components.getHeaders())) {
      schema(at + "/schema", reader.read(h.getSchema()));
      content(at + "/content", h.getContent());
    }
  }

  private void content(String at, Content c) {
    if (c != null) {
      c.forEach((type, m) -> mediaType(at + "/" + escape(type), m));
    }
  }

  private void mediaType(String at, MediaType m) {
    if (m != null) {
      schema(at + "/schema", reader.read(m.getSchema()));
    }
  }

  private void schema(String at, OpenApiSchema s) {
    if (s == null || !seen.add(s)) {
      return; // shared instances are checked once
    }
    if (!ref(at, s.ref(), "schemas", components.getSchemas())) {
      return;
    }
    s.properties().forEach((name, p) -> schema(at + "/properties/" + escape(name), p));
    schema(at + "/items", s.items());
    schema(at + "/additionalProperties", s.additionalProperties());
    schema(at + "/not", s.not());
    list(at + "/allOf", s.allOf());
    list(at + "/oneOf", s.oneOf());
    list(at + "/anyOf", s.anyOf());
  }

  private void list(String at, List<OpenApiSchema> schemas) {
    for (int i = 0; i < schemas.size(); i++) {
      schema(at + "/" + i, schemas.get(i));
    }
  }

  /**
   * Checks a {@code $ref} found at {@code at}: a local component of the expected kind must exist.
   * Returns whether the object holds no reference (so its own members are checked here).
   */
  private boolean ref(String at, String ref, String kind, Map<String, ?> targets) {
    if (ref == null) {
      return true;
    }
    if (!ref.startsWith("#/")) {
      // swagger-parser copies what other files hold into components and points there: a
      // reference still naming another file is one it could not read.
      problems.add(new SpecProblem(displayPath, at + "/$ref", "$ref " + ref + " " + external(ref)));
      return false;
    }
    // Only a reference to a whole component is checked here. A JSON pointer deeper into the
    // document (#/components/schemas/A/properties/b, #/paths/...) is legal, and left to the
    // converter as before.
    String rest = ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : "";
    String[] parts = rest.split("/", -1);
    if (parts.length != 2 || parts[1].isEmpty()) {
      return false;
    }
    String refKind = parts[0];
    String name = unescape(parts[1]);
    if (!refKind.equals(kind)) {
      problems.add(new SpecProblem(displayPath, at + "/$ref",
          "$ref " + ref + " names a component of kind " + refKind + " where a " + singular(kind) + " is needed"));
    } else if (targets == null || !targets.containsKey(name)) {
      problems.add(new SpecProblem(displayPath, at + "/$ref",
          "$ref " + ref + " resolves to nothing: no " + singular(kind) + " named " + name + " in components." + kind));
    }
    return false;
  }

  /**
   * Why swagger-parser left a reference to another file unresolved (it only warned): the file is
   * missing, or has nothing at the pointer; else something inside the target it could not read.
   */
  private String external(String ref) {
    int hash = ref.indexOf('#');
    String name = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (dir == null || name.isEmpty() || name.contains("://")) {
      return "cannot be resolved";
    }
    Path target;
    try {
      target = dir.resolve(name).normalize();
    } catch (InvalidPathException e) {
      return "resolves to nothing: no file " + name;
    }
    if (!Files.isRegularFile(target)) {
      return "resolves to nothing: no file " + name;
    }
    try {
      if (Files.size(target) > SpecReader.MAX_FILE_BYTES) {
        return "cannot be resolved: " + name + " is too large";
      }
      // YAML holds JSON: one parser for either.
      JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(target.toFile());
      if (!pointer.isEmpty() && (doc == null || doc.at(JsonPointer.compile(pointer)).isMissingNode())) {
        return "resolves to nothing: no " + pointer + " in " + name;
      }
    } catch (IOException | RuntimeException e) {
      return "cannot be resolved: " + name + " is not readable JSON or YAML";
    }
    return "cannot be resolved: swagger-parser could not read " + name + (pointer.isEmpty() ? "" : "#" + pointer)
        + " (a reference inside it may be broken)";
  }

  private static String singular(String kind) {
    return switch (kind) {
      case "schemas" -> "schema";
      case "parameters" -> "parameter";
      case "requestBodies" -> "request body";
      case "responses" -> "response";
      default -> "header";
    };
  }

  private <T> void each(Map<String, T> map, String at, java.util.function.BiConsumer<String, T> check) {
    if (map != null) {
      map.forEach((name, v) -> check.accept(at + escape(name), v));
    }
  }

  /** A JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
