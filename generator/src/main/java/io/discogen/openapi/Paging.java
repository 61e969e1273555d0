package io.discogen.openapi;

import io.discogen.ir.ObjectSchema;
import io.discogen.ir.Pagination;
import io.discogen.ir.Parameter;
import io.discogen.ir.Property;
import io.discogen.ir.Schema;
import io.discogen.ir.Schemas;
import io.discogen.ir.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which OpenAPI operations page, from conventions the document shows (never guessed): a token
 * query parameter whose value the response hands back under a matching next-token name. Every rule
 * must match exactly once; anything ambiguous gets no paging. Whether the items can be iterated is
 * {@link Pagination#of}'s to say, as for every format.
 *
 * <p>Token conventions, query parameter to the response properties that carry the next value:
 *
 * <ul>
 *   <li>{@code pageToken}, {@code page_token}: {@code nextPageToken}, {@code next_page_token}
 *   <li>{@code nextToken}, {@code next_token}, {@code NextToken}: {@code nextToken}, {@code
 *       next_token}, {@code NextToken}
 *   <li>{@code continuationToken}, {@code continuation_token}, {@code continuation-token}: {@code
 *       continuationToken}, {@code continuation_token}, {@code nextContinuationToken}, {@code
 *       NextContinuationToken}
 *   <li>{@code cursor}: {@code nextCursor}, {@code next_cursor}
 *   <li>{@code marker}, {@code Marker}: {@code nextMarker}, {@code next_marker}, {@code NextMarker}
 * </ul>
 *
 * <p>The parameter must be a string in the query; the next-token property a top-level string of the
 * 2xx JSON object, else a string property of exactly one of its object properties ({@code
 * meta.next_cursor}). The items are the response's only list property, or, among several, the only
 * one with a conventional name ({@link #ITEM_NAMES}); otherwise the operation pages without
 * iterable items. Not read as tokens: {@code starting_after} / {@code after} (the last item's id,
 * no next token in the response), page numbers and offsets.
 */
final class Paging {
  /** Token query parameters, each with the response properties that may carry the next token. */
  static final Map<String, List<String>> TOKENS = tokens();

  /** Conventional names of the items list when a page has several lists. */
  static final Set<String> ITEM_NAMES = Set.of("items", "data", "results", "values", "value", "entries", "records");

  private Paging() {}

  private static Map<String, List<String>> tokens() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    List<String> page = List.of("nextPageToken", "next_page_token");
    List<String> next = List.of("nextToken", "next_token", "NextToken");
    List<String> continuation =
        List.of("continuationToken", "continuation_token", "nextContinuationToken", "NextContinuationToken");
    List<String> cursor = List.of("nextCursor", "next_cursor");
    List<String> marker = List.of("nextMarker", "next_marker", "NextMarker");
    t.put("pageToken", page);
    t.put("page_token", page);
    t.put("nextToken", next);
    t.put("next_token", next);
    t.put("NextToken", next);
    t.put("continuationToken", continuation);
    t.put("continuation_token", continuation);
    t.put("continuation-token", continuation);
    t.put("cursor", cursor);
    t.put("marker", marker);
    t.put("Marker", marker);
    return java.util.Collections.unmodifiableMap(t);
  }

  /** Azure's extension: the response names the next page's URL. */
  static final String X_MS_PAGEABLE = "x-ms-pageable";

  /**
   * How an operation pages, or null. In order: a GET's {@code x-ms-pageable} (a next link in the
   * body, {@code nextLinkName} defaulting to {@code nextLink}, items in {@code itemName} defaulting
   * to {@code value}; a null {@code nextLinkName} means one page); a token convention; a GET whose
   * 2xx response declares a {@code Link} header (RFC 8288 {@code rel="next"}), its items the
   * response when it is a list, else as for tokens; JSON:API's {@code links.next}; integer
   * {@code offset} and {@code limit} parameters.
   *
   * @param verb the HTTP method
   * @param schemas every schema read so far (the response's included)
   * @param pageable the value of {@code x-ms-pageable}, when {@code hasPageable}
   * @param linkHeader whether the 2xx response declares a {@code Link} header
   */
  static Pagination of(String verb, List<Parameter> parameters, TypeRef response, List<Schema> schemas,
      Object pageable, boolean hasPageable, boolean linkHeader) {
    boolean get = verb.equalsIgnoreCase("get");
    if (hasPageable) {
      return get ? nextLink(pageable, response, schemas) : null;
    }
    Pagination token = token(parameters, response, schemas);
    if (token != null || !get || response == null) {
      return token;
    }
    if (linkHeader) {
      return listed(Pagination.Kind.LINK_HEADER, null, null, response, schemas);
    }
    Pagination links = jsonApiLinks(response, schemas);
    if (links != null) {
      return links;
    }
    Parameter offset = null;
    Parameter limit = null;
    for (Parameter p : parameters) {
      if (p.location() == Parameter.Location.QUERY && p.name().equals("offset")) {
        offset = p;
      } else if (p.location() == Parameter.Location.QUERY && p.name().equals("limit")) {
        limit = p;
      }
    }
    if (offset != null && limit != null && isInteger(offset.type()) && isInteger(limit.type())) {
      return listed(Pagination.Kind.OFFSET, offset.name(), limit.name(), response, schemas);
    }
    return null;
  }

  /**
   * Link-header or offset paging when the items are clear: the response is a list, or an object
   * with one list of items; else null.
   */
  private static Pagination listed(Pagination.Kind kind, String offset, String limit, TypeRef response,
      List<Schema> schemas) {
    Map<String, Schema> index = index(schemas);
    ObjectSchema page = Schemas.objectOf(response, index);
    String items = page == null ? null : items(page.allProperties(index), index);
    if (page != null && items == null) {
      return null; // an object without one list of items: nothing to iterate
    }
    Pagination p = Pagination.of(kind, offset, null, items, limit, response, index);
    return p.iterable() ? p : null;
  }

  /** An integer parameter, declared as one (not through an alias of an integer schema). */
  private static boolean isInteger(TypeRef t) {
    return t instanceof TypeRef.Primitive p
        && (p.kind() == TypeRef.Kind.INT32 || p.kind() == TypeRef.Kind.INT64_NUMBER);
  }

  /** {@code x-ms-pageable}: a map, its names strings (or absent); anything else gets no paging. */
  private static Pagination nextLink(Object pageable, TypeRef response, List<Schema> schemas) {
    if (!(pageable instanceof Map<?, ?> map) || response == null) {
      return null;
    }
    Object next = map.containsKey("nextLinkName") ? map.get("nextLinkName") : "nextLink";
    Object items = map.containsKey("itemName") ? map.get("itemName") : "value";
    if (!(next instanceof String nextName) || !(items instanceof String itemName)) {
      return null; // null nextLinkName: all items come in one page
    }
    Map<String, Schema> index = index(schemas);
    return Pagination.of(Pagination.Kind.NEXT_LINK, null, nextName, itemName, response, index);
  }

  /**
   * Token paging, or null: exactly one recognised string token parameter and exactly one matching
   * next-token property.
   */
  static Pagination token(List<Parameter> parameters, TypeRef response, List<Schema> schemas) {
    List<Parameter> tokens = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.location() == Parameter.Location.QUERY && TOKENS.containsKey(p.name())) {
        tokens.add(p);
      }
    }
    if (tokens.size() != 1 || response == null) {
      return null;
    }
    Map<String, Schema> index = index(schemas);
    Parameter token = tokens.get(0);
    ObjectSchema page = Schemas.objectOf(response, index);
    if (!Schemas.isString(token.type(), index) || page == null) {
      return null;
    }
    List<Property> properties = page.allProperties(index);
    List<String> names = TOKENS.get(token.name());
    Property next = null;
    for (Property p : properties) {
      if (names.contains(p.name())) {
        if (next != null) {
          return null; // two next tokens: which one?
        }
        next = p;
      }
    }
    if (next == null) {
      // One object down ({meta: {next_cursor}}, {pagination: {next_token}}), when exactly one of
      // the page's objects holds a next token and the page none itself.
      String[] nested = nested(properties, names, index);
      if (nested == null) {
        return null;
      }
      return Pagination.of(Pagination.Kind.TOKEN, token.name(), nested[0], nested[1], items(properties, index), null,
          response, index);
    }
    if (!Schemas.isString(next.type(), index)) {
      return null;
    }
    return Pagination.of(token.name(), next.name(), items(properties, index), response, index);
  }

  /**
   * The one object property of a page holding one string property among {@code names}, as {object
   * property, its property}; null when none does or several do.
   */
  private static String[] nested(List<Property> properties, List<String> names, Map<String, Schema> index) {
    String[] found = null;
    for (Property p : properties) {
      ObjectSchema o = Schemas.objectOf(p.type(), index);
      if (o == null) {
        continue;
      }
      for (Property inner : o.allProperties(index)) {
        if (names.contains(inner.name())) {
          if (found != null || !Schemas.isString(inner.type(), index)) {
            return null;
          }
          found = new String[] {p.name(), inner.name()};
        }
      }
    }
    return found;
  }

  /**
   * JSON:API's next link ({@code links: {next: URL}}) on a GET: a page object with a {@code links}
   * object whose {@code next} is a string, and one list of items. Kind {@code NEXT_LINK}.
   */
  private static Pagination jsonApiLinks(TypeRef response, List<Schema> schemas) {
    Map<String, Schema> index = index(schemas);
    ObjectSchema page = Schemas.objectOf(response, index);
    if (page == null) {
      return null;
    }
    List<Property> properties = page.allProperties(index);
    for (Property p : properties) {
      ObjectSchema links = p.name().equals("links") ? Schemas.objectOf(p.type(), index) : null;
      if (links == null) {
        continue;
      }
      for (Property inner : links.allProperties(index)) {
        if (inner.name().equals("next") && Schemas.isString(inner.type(), index)) {
          String items = items(properties, index);
          Pagination pg = items == null ? null
              : Pagination.of(Pagination.Kind.NEXT_LINK, null, "links", "next", items, null, response, index);
          return pg != null && pg.iterable() ? pg : null;
        }
      }
    }
    return null;
  }

  /** The items list: the only list property, else the only conventionally named one, else null. */
  static String items(List<Property> properties, Map<String, Schema> index) {
    List<Property> lists = new ArrayList<>();
    for (Property p : properties) {
      if (Schemas.resolve(p.type(), index) instanceof TypeRef.ListOf) {
        lists.add(p);
      }
    }
    if (lists.size() == 1) {
      return lists.get(0).name();
    }
    List<Property> named = lists.stream().filter(p -> ITEM_NAMES.contains(p.name())).toList();
    return named.size() == 1 ? named.get(0).name() : null;
  }

  static Map<String, Schema> index(List<Schema> schemas) {
    Map<String, Schema> index = new LinkedHashMap<>();
    for (Schema s : schemas) {
      add(s, index);
    }
    return index;
  }

  private static void add(Schema s, Map<String, Schema> index) {
    index.put(s.id(), s);
    if (s instanceof ObjectSchema o) {
      for (Schema n : o.nested()) {
        add(n, index);
      }
    }
  }
}
