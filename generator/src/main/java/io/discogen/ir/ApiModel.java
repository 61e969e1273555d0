package io.discogen.ir;

import io.discogen.spec.SpecProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole API.
 *
 * @param name the API's short name ({@code dataproc})
 * @param version its version ({@code v1})
 * @param canonicalName the display name the service class is named from ({@code Dataproc}); may be
 *     null, then {@code name} is used
 * @param title a human title, may be null
 * @param description may be null
 * @param documentationLink may be null
 * @param revision the spec's revision string, may be null
 * @param endpoints where the API is served
 * @param scopes OAuth scopes the API declares, in document order
 * @param commonParameters parameters every method of the API accepts ({@code fields}, {@code alt}, ...)
 * @param commonEnums enums of the common parameters
 * @param schemas top-level named schemas, in document order; inline objects and enums that have no
 *     enclosing object (declared inside an alias such as an array of inline objects, or inside an
 *     inline method body) are listed here too, right after their alias or after all declared
 *     schemas for method bodies, with position-derived ids ({@code DetectionsResource.items})
 * @param methods methods declared on the API itself, outside any resource
 * @param resources top-level resources
 * @param source where the spec came from
 * @param securitySchemes how callers authenticate (OpenAPI); empty for Discovery documents
 * @param warnings what is questionable in the spec but did not stop it being read (swagger-parser's
 *     messages on an OpenAPI document, each located), in the order found; empty when none.
 *     {@code --strict} makes any of them an error
 */
public record ApiModel(
    String name,
    String version,
    String canonicalName,
    String title,
    String description,
    String documentationLink,
    String revision,
    Endpoints endpoints,
    List<Scope> scopes,
    List<Parameter> commonParameters,
    List<EnumSchema> commonEnums,
    List<Schema> schemas,
    List<Method> methods,
    List<Resource> resources,
    SpecSource source,
    List<SecurityScheme> securitySchemes,
    List<SpecProblem> warnings) {

  public ApiModel {
    warnings = List.copyOf(warnings);
    securitySchemes = List.copyOf(securitySchemes);
    scopes = List.copyOf(scopes);
    commonParameters = List.copyOf(commonParameters);
    commonEnums = List.copyOf(commonEnums);
    schemas = List.copyOf(schemas);
    methods = List.copyOf(methods);
    resources = List.copyOf(resources);
  }

  /** Every schema, top-level and nested (inline objects, inline and parameter enums), by id. */
  public Map<String, Schema> schemaIndex() {
    Map<String, Schema> index = new LinkedHashMap<>();
    for (Schema s : schemas) {
      indexSchema(s, index);
    }
    for (EnumSchema e : commonEnums) {
      index.put(e.id(), e);
    }
    for (Method m : allMethods()) {
      for (EnumSchema e : m.enums()) {
        index.put(e.id(), e);
      }
    }
    return index;
  }

  private static void indexSchema(Schema s, Map<String, Schema> index) {
    index.put(s.id(), s);
    if (s instanceof ObjectSchema o) {
      for (Schema n : o.nested()) {
        indexSchema(n, index);
      }
    }
  }

  /**
   * Whether callers authorise with Google's OAuth scopes ({@code https://www.googleapis.com/auth/...}):
   * then Application Default Credentials are the natural default (the generated command line uses them).
   */
  public boolean usesGoogleScopes() {
    return scopes.stream().anyMatch(s -> s.url().startsWith("https://www.googleapis.com/auth/"));
  }

  /** All methods, the API's own first, then each resource's depth-first in document order. */
  public List<Method> allMethods() {
    List<Method> all = new java.util.ArrayList<>(methods);
    for (Resource r : resources) {
      r.collectMethods(all);
    }
    return all;
  }

  /** The name classes are derived from: the canonical name if given, else the short name. */
  public String displayName() {
    return canonicalName != null && !canonicalName.isBlank() ? canonicalName : name;
  }
}
