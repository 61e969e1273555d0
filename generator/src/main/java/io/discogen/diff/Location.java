package io.discogen.diff;

/**
 * Where a change is, named twice: as the spec names it and as users of the generated client see it.
 *
 * @param area which part of the changelog it belongs to
 * @param group the heading it is listed under: the resource path ({@code projects.locations.sessions};
 *     empty for the API's own methods), the top-level schema id ({@code Session}), or empty for
 *     API-wide changes
 * @param spec the spec's names
 * @param java the Java names
 */
public record Location(Area area, String group, Names spec, Names java) {

  /** Parts of the changelog. */
  public enum Area {
    /** Service-wide: endpoints, scopes, parameters every method takes. */
    API,
    /** Resources, methods and their parameters (including parameter enums). */
    RESOURCE,
    /** Model classes, their properties, and enums. */
    MODEL
  }

  /**
   * One way of naming the place; any element may be null when it does not apply.
   *
   * <p>In {@link Location#spec()}: {@code resource} is the dotted resource path (empty for the API's
   * own methods), {@code method} the method id, {@code parameter} the wire name, {@code schema} the
   * schema id (nested ones by position: {@code Session.runtimeInfo}; parameter enums {@code
   * methodId#param}), {@code member} a property's wire name, an enum's wire value or a scope URL.
   *
   * <p>In {@link Location#java()}: {@code resource} is the accessor chain ({@code
   * projects().locations().sessions()}), {@code method} the call ({@code
   * projects().locations().sessions().create()}), {@code parameter} the setter ({@code setPageToken}),
   * {@code schema} the class relative to the package ({@code Session.RuntimeInfo}), {@code member} a
   * getter ({@code getRuntimeInfo}), an enum constant or a {@code Scopes} constant.
   */
  public record Names(String resource, String method, String parameter, String schema, String member) {
    static final Names NONE = new Names(null, null, null, null, null);

    Names withMember(String m) {
      return new Names(resource, method, parameter, schema, m);
    }

    Names withParameter(String p) {
      return new Names(resource, method, p, schema, member);
    }

    Names withSchema(String s) {
      return new Names(resource, method, parameter, s, member);
    }
  }

  Location withMember(String specMember, String javaMember) {
    return new Location(area, group, spec.withMember(specMember), java.withMember(javaMember));
  }

  Location withParameter(String specParameter, String javaParameter) {
    return new Location(area, group, spec.withParameter(specParameter), java.withParameter(javaParameter));
  }

  Location withSchema(String specSchema, String javaSchema) {
    return new Location(area, group, spec.withSchema(specSchema), java.withSchema(javaSchema));
  }
}
