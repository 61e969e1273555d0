package io.discogen.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.ir.ApiModel;
import io.discogen.ir.EnumSchema;
import io.discogen.ir.Endpoints;
import io.discogen.ir.Method;
import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Parameter;
import io.discogen.ir.Resource;
import io.discogen.ir.Schema;
import io.discogen.ir.Scope;
import io.discogen.ir.SpecSource;
import io.discogen.spec.SpecException;
import io.discogen.spec.SpecProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the IR from a Google API Discovery document ({@code discovery#restDescription}).
 *
 * <p>Every problem in the document is collected, each located by a JSON pointer, and reported
 * together in one {@link SpecException}. Normally reached through {@code SpecReader}, which reads
 * and checks the file first.
 */
public final class DiscoveryParser {
  private DiscoveryParser() {}

  /**
   * Parses a Discovery document.
   *
   * @param root the document's root object
   * @param displayPath the file as the user named it, used in every problem
   * @return the API
   * @throws SpecException listing every problem found
   */
  public static ApiModel parse(JsonNode root, String displayPath) throws SpecException {
    Problems problems = new Problems(displayPath);
    ApiModel api;
    try {
      api = read(root, displayPath, problems);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or an input shape nobody foresaw: still one line, at the place being read.
      throw new SpecException(
          new SpecProblem(
              displayPath,
              problems.at(),
              "cannot read this part of the document (" + e.getClass().getSimpleName() + ")"));
    }
    if (!problems.isEmpty()) {
      throw problems.exception();
    }
    return api;
  }

  private static ApiModel read(JsonNode root, String displayPath, Problems problems) {
    if (!root.isObject()) {
      problems.add("", "expected a JSON object, found " + Json.kind(root));
      return null;
    }
    String name = Json.text(root, "name", "", problems);
    String version = Json.text(root, "version", "", problems);
    if (name == null || name.isBlank()) {
      problems.add("/name", "missing \"name\"");
    }
    if (version == null || version.isBlank()) {
      problems.add("/version", "missing \"version\"");
    }

    JsonNode schemasNode = Json.object(root, "schemas", "", problems);
    SchemaReader schemaReader = new SchemaReader(schemasNode, problems);
    List<Schema> schemas = new ArrayList<>(schemaReader.readAll(schemasNode));
    Map<String, Schema> index = index(schemas);

    List<EnumSchema> commonEnums = new ArrayList<>();
    List<Schema> hoisted = new ArrayList<>();
    MethodReader methodReader = new MethodReader(schemaReader, problems, index, hoisted);
    List<Parameter> commonParameters =
        methodReader.parameters(root, "", "#common.", commonEnums);
    List<Method> methods = methodReader.methods(root, "", null);
    List<Resource> resources = methodReader.resources(root, "", "", 0);
    schemas.addAll(hoisted);

    LongRunningLinker linker = new LongRunningLinker(resources, index(schemas));
    methods = linker.link(methods, "", false);
    resources = linker.linkResources(resources);

    return new ApiModel(
        name,
        version,
        Json.text(root, "canonicalName", "", problems),
        Json.text(root, "title", "", problems),
        Json.text(root, "description", "", problems),
        Json.text(root, "documentationLink", "", problems),
        Json.text(root, "revision", "", problems),
        endpoints(root, problems),
        scopes(root, problems),
        commonParameters,
        commonEnums,
        schemas,
        methods,
        resources,
        new SpecSource(displayPath, SpecSource.Format.DISCOVERY),
        List.of(),
        List.of());
  }

  private static Endpoints endpoints(JsonNode root, Problems problems) {
    String rootUrl = Json.text(root, "rootUrl", "", problems);
    if (rootUrl == null || rootUrl.isBlank()) {
      problems.add("/rootUrl", "missing \"rootUrl\"");
      rootUrl = "";
    }
    String servicePath = Json.text(root, "servicePath", "", problems);
    if (servicePath == null) {
      // Old documents only have basePath ("/storage/v1/"), which is relative to the host.
      String basePath = Json.text(root, "basePath", "", problems);
      servicePath = basePath == null ? "" : basePath.replaceFirst("^/+", "");
    }
    String mtls = Json.text(root, "mtlsRootUrl", "", problems);
    return new Endpoints(
        withSlash(rootUrl),
        mtls == null || mtls.isBlank() ? null : withSlash(mtls),
        servicePath.isEmpty() ? "" : withSlash(servicePath),
        Json.text(root, "batchPath", "", problems));
  }

  private static String withSlash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }

  private static List<Scope> scopes(JsonNode root, Problems problems) {
    List<Scope> out = new ArrayList<>();
    JsonNode auth = Json.object(root, "auth", "", problems);
    JsonNode oauth2 = auth == null ? null : Json.object(auth, "oauth2", "/auth", problems);
    JsonNode scopes = oauth2 == null ? null : Json.object(oauth2, "scopes", "/auth/oauth2", problems);
    if (scopes == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : Json.entries(scopes)) {
      String ptr = Json.child("/auth/oauth2/scopes", e.getKey());
      String description =
          e.getValue().isObject() ? Json.text(e.getValue(), "description", ptr, problems) : null;
      out.add(new Scope(e.getKey(), description));
    }
    return out;
  }

  /** Every schema by id, nested ones included. */
  private static Map<String, Schema> index(List<Schema> schemas) {
    Map<String, Schema> index = new LinkedHashMap<>();
    List<Schema> todo = new ArrayList<>(schemas);
    while (!todo.isEmpty()) {
      Schema s = todo.remove(todo.size() - 1);
      index.put(s.id(), s);
      if (s instanceof ObjectSchema o) {
        todo.addAll(o.nested());
      }
    }
    return index;
  }
}
