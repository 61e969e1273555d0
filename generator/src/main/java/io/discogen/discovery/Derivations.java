package io.discogen.discovery;

import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Pagination;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.Schemas;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Facts derived from a method's shape: pagination, request ids, streaming, operation schemas. */
final class Derivations {
  static final String PAGE_TOKEN = "pageToken";
  static final String NEXT_PAGE_TOKEN = "nextPageToken";
  static final String REQUEST_ID = "requestId";

  /** Lists beside the items that are never the items (partial-failure reports). */
  private static final Set<String> NOT_ITEMS =
      Set.of("unreachable", "unreachables", "warning", "warnings");

  private Derivations() {}

  /**
   * How a method pages, or null. It pages when it takes a {@code pageToken} query parameter and its
   * response object has a {@code nextPageToken} property. The items are, among the response's list
   * properties other than {@link #NOT_ITEMS}: the only list of objects; else (several lists of objects,
   * or none and several of scalars) the one named like the resource, else the one the method name
   * ends with ({@code queryDeployedModels}), else the first. No list (compute's aggregated lists
   * keep their items in a map) leaves items unknown: the method still pages. Whether the items can
   * be iterated is {@link Pagination#of}'s to say, as for every format.
   */
  static Pagination pagination(
      List<Parameter> parameters,
      TypeRef response,
      Map<String, Schema> index,
      String resourceName,
      String methodName) {
    boolean takesToken =
        parameters.stream()
            .anyMatch(p -> p.name().equals(PAGE_TOKEN) && p.location() == Parameter.Location.QUERY);
    ObjectSchema body = Schemas.objectOf(response, index);
    if (!takesToken
        || body == null
        || body.properties().stream().noneMatch(p -> p.name().equals(NEXT_PAGE_TOKEN))) {
      return null;
    }
    List<Property> lists = new ArrayList<>();
    List<Property> objectLists = new ArrayList<>();
    for (Property p : body.properties()) {
      if (p.type() instanceof TypeRef.ListOf l && !NOT_ITEMS.contains(p.name())) {
        lists.add(p);
        if (Schemas.objectOf(l.element(), index) != null) {
          objectLists.add(p);
        }
      }
    }
    List<Property> pool = objectLists.isEmpty() ? lists : objectLists;
    Property items = pool.size() == 1 ? pool.get(0) : pick(pool, resourceName, methodName);
    return Pagination.of(PAGE_TOKEN, NEXT_PAGE_TOKEN, items == null ? null : items.name(), response, index);
  }

  private static Property pick(List<Property> pool, String resourceName, String methodName) {
    for (Property p : pool) {
      if (p.name().equalsIgnoreCase(resourceName)) {
        return p;
      }
    }
    String method = methodName.toLowerCase(Locale.ROOT);
    for (Property p : pool) {
      if (method.endsWith(p.name().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return pool.isEmpty() ? null : pool.get(0);
  }

  /** {@code requestId} when the method takes a single string query parameter of that name. */
  static String requestIdParameter(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (p.name().equals(REQUEST_ID)
          && p.location() == Parameter.Location.QUERY
          && p.type().equals(TypeRef.STRING)) {
        return REQUEST_ID;
      }
    }
    return null;
  }

  /** Firestore's server-streaming methods of {@code documents} whose names do not say so. */
  private static final Set<String> FIRESTORE_STREAMING = Set.of("runQuery", "runAggregationQuery", "batchGet");

  /**
   * Whether a method is server-streaming (its REST response is a sequence of response messages):
   * Discovery does not mark them, so the rule is by name. A method that returns something and whose
   * name contains {@code stream} ({@code streamingRead}, {@code executeStreamingSql}, {@code
   * streamGenerateContent}, {@code serverStreamingPredict}; no other method of the 2024 corpus has
   * it in its name), or one of Firestore's {@code documents.runQuery}, {@code runAggregationQuery}
   * and {@code batchGet}. The name, not the id: resources such as {@code dataStreams} or {@code
   * liveStreams} have ordinary methods.
   */
  static boolean streamsResponse(String methodId, String resourceName, String methodName, TypeRef response) {
    if (response == null) {
      return false;
    }
    if (methodName.toLowerCase(Locale.ROOT).contains("stream")) {
      return true;
    }
    return methodId.startsWith("firestore.") && "documents".equals(resourceName)
        && FIRESTORE_STREAMING.contains(methodName);
  }

  /**
   * Whether a schema is a {@code google.longrunning.Operation}: {@code name}, {@code done} and a
   * result ({@code error}, {@code response} or {@code metadata}). Compute-style operations have no
   * {@code done} and are polled differently.
   */
  static boolean isOperation(Schema schema) {
    if (!(schema instanceof ObjectSchema o)) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (Property p : o.properties()) {
      names.add(p.name());
    }
    return names.contains("name")
        && names.contains("done")
        && (names.contains("error") || names.contains("response") || names.contains("metadata"));
  }
}
