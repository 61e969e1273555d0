package io.discogen.ir;

import java.util.Map;

/**
 * How a list method pages. Readers decide which parameter and properties those are; {@link #of}
 * decides, the same way for every format, whether the items can be iterated.
 *
 * <ul>
 *   <li>{@link Kind#TOKEN}: it takes a page token and its response carries the next one (and,
 *       usually, the items); the next page re-sends the request with that token (Discovery's
 *       {@code pageToken}/{@code nextPageToken}).
 *   <li>{@link Kind#NEXT_LINK}: its response carries the next page's URL ({@code nextLink}); the
 *       next page is a GET of that URL.
 *   <li>{@link Kind#LINK_HEADER}: the next page's URL is in the response's RFC 8288 {@code Link}
 *       header ({@code rel="next"}); the next page is a GET of that URL.
 *   <li>{@link Kind#OFFSET}: it takes an item offset and a limit; the next page re-sends the request
 *       with the offset advanced by the items received, until a page is empty or shorter than the
 *       limit asked for.
 * </ul>
 *
 * @param kind how the next page is reached
 * @param pageTokenParameter the query parameter's wire name ({@code pageToken}), for {@link
 *     Kind#OFFSET} the offset's ({@code offset}); null for the link kinds
 * @param nextPageTokenProperty the response property's wire name holding the next token ({@code
 *     nextPageToken}) or, for {@link Kind#NEXT_LINK}, the next URL ({@code nextLink}); null for
 *     {@link Kind#LINK_HEADER} and {@link Kind#OFFSET}
 * @param itemsProperty the response property holding the items ({@code sessions}); null when the
 *     method pages but cannot be iterated (no list of items, or a next-page token that is not a
 *     string), as compute's aggregated lists, whose items are a map, and for {@link
 *     Kind#LINK_HEADER} and {@link Kind#OFFSET} when the response is itself the list of items
 * @param itemType the type of one item, null when the items cannot be iterated
 * @param limitParameter for {@link Kind#OFFSET}, the limit query parameter's wire name ({@code
 *     limit}); else null
 * @param nextPageTokenInner when the next token (or URL) sits one object down ({@code
 *     meta.next_cursor}, JSON:API's {@code links.next}), its property's wire name in the object
 *     {@code nextPageTokenProperty} holds; null when {@code nextPageTokenProperty} is the token
 */
public record Pagination(
    Kind kind,
    String pageTokenParameter,
    String nextPageTokenProperty,
    String itemsProperty,
    TypeRef itemType,
    String limitParameter,
    String nextPageTokenInner) {

  /** How the next page is reached. */
  public enum Kind {
    TOKEN,
    NEXT_LINK,
    LINK_HEADER,
    OFFSET
  }

  public Pagination {
    boolean responseIsList = (kind == Kind.LINK_HEADER || kind == Kind.OFFSET) && itemsProperty == null && itemType != null;
    if ((itemsProperty == null) != (itemType == null) && !responseIsList) {
      throw new IllegalArgumentException("items property and item type go together: " + itemsProperty + ", " + itemType);
    }
    if ((kind == Kind.TOKEN || kind == Kind.OFFSET) != (pageTokenParameter != null)
        || (kind == Kind.TOKEN || kind == Kind.NEXT_LINK) != (nextPageTokenProperty != null)
        || (kind == Kind.OFFSET) != (limitParameter != null)) {
      throw new IllegalArgumentException(kind + " paging with page token " + pageTokenParameter
          + ", next property " + nextPageTokenProperty + " and limit " + limitParameter);
    }
    if (nextPageTokenInner != null && nextPageTokenProperty == null) {
      throw new IllegalArgumentException("a nested next token needs the property that holds it");
    }
  }

  /** Paging whose next token, if any, is a property of the page itself. */
  public Pagination(Kind kind, String pageTokenParameter, String nextPageTokenProperty, String itemsProperty,
      TypeRef itemType, String limitParameter) {
    this(kind, pageTokenParameter, nextPageTokenProperty, itemsProperty, itemType, limitParameter, null);
  }

  /** Token paging. */
  public Pagination(String pageTokenParameter, String nextPageTokenProperty, String itemsProperty, TypeRef itemType) {
    this(Kind.TOKEN, pageTokenParameter, nextPageTokenProperty, itemsProperty, itemType, null);
  }

  /**
   * Whether the generated request can iterate every item of every page ({@code iterateAll()}):
   * its response has a list of items and a string next-page token.
   */
  public boolean iterable() {
    return itemType != null;
  }

  /**
   * The token pagination of a method whose response is {@code response}, with the items in {@code
   * itemsProperty} (null when there is no candidate) when they can be iterated: that property is,
   * through aliases, a list and the next-page token a string. Otherwise the method still pages,
   * without items. The item type is the list's element as declared (an alias stays one).
   */
  public static Pagination of(String pageTokenParameter, String nextPageTokenProperty, String itemsProperty,
      TypeRef response, Map<String, Schema> index) {
    return of(Kind.TOKEN, pageTokenParameter, nextPageTokenProperty, itemsProperty, response, index);
  }

  /**
   * As {@link #of(String, String, String, TypeRef, Map)}, for any kind: a {@link Kind#NEXT_LINK}'s
   * next URL must be a string as a token must; a {@link Kind#LINK_HEADER} or {@link Kind#OFFSET}
   * method without an items property iterates when its response is itself a list.
   */
  public static Pagination of(Kind kind, String pageTokenParameter, String nextPageTokenProperty, String itemsProperty,
      TypeRef response, Map<String, Schema> index) {
    return of(kind, pageTokenParameter, nextPageTokenProperty, itemsProperty, null, response, index);
  }

  /** As {@link #of(Kind, String, String, String, TypeRef, Map)}, with an {@link Kind#OFFSET}'s limit. */
  public static Pagination of(Kind kind, String pageTokenParameter, String nextPageTokenProperty, String itemsProperty,
      String limitParameter, TypeRef response, Map<String, Schema> index) {
    return of(kind, pageTokenParameter, nextPageTokenProperty, null, itemsProperty, limitParameter, response, index);
  }

  /**
   * As {@link #of(Kind, String, String, String, String, TypeRef, Map)}, the next token (or URL)
   * in property {@code nextPageTokenInner} of the object in {@code nextPageTokenProperty} when
   * that is not null.
   */
  public static Pagination of(Kind kind, String pageTokenParameter, String nextPageTokenProperty,
      String nextPageTokenInner, String itemsProperty, String limitParameter, TypeRef response,
      Map<String, Schema> index) {
    boolean noToken = kind == Kind.LINK_HEADER || kind == Kind.OFFSET;
    if (noToken && itemsProperty == null) {
      TypeRef r = response == null ? null : Schemas.resolve(response, index);
      return new Pagination(kind, pageTokenParameter, null, null, r instanceof TypeRef.ListOf list ? list.element() : null,
          limitParameter);
    }
    TypeRef items = null;
    TypeRef token = null;
    ObjectSchema page = response != null && Schemas.resolve(response, index) instanceof TypeRef.Named n
        && index.get(n.schemaId()) instanceof ObjectSchema o ? o : null;
    if (itemsProperty != null && page != null) {
      for (Property p : page.allProperties(index)) {
        if (p.name().equals(itemsProperty)) {
          items = Schemas.resolve(p.type(), index);
        } else if (p.name().equals(nextPageTokenProperty)) {
          token = nextPageTokenInner == null ? p.type() : innerType(p.type(), nextPageTokenInner, index);
        }
      }
    }
    boolean tokenOk = noToken || (token != null && Schemas.isString(token, index));
    return items instanceof TypeRef.ListOf list && tokenOk
        ? new Pagination(kind, pageTokenParameter, nextPageTokenProperty, itemsProperty, list.element(), limitParameter,
            nextPageTokenInner)
        : new Pagination(kind, pageTokenParameter, nextPageTokenProperty, null, null, limitParameter, nextPageTokenInner);
  }

  /** The type of property {@code name} of the object {@code t} names, or null. */
  private static TypeRef innerType(TypeRef t, String name, Map<String, Schema> index) {
    ObjectSchema o = Schemas.resolve(t, index) instanceof TypeRef.Named n
        && index.get(n.schemaId()) instanceof ObjectSchema os ? os : null;
    if (o != null) {
      for (Property p : o.allProperties(index)) {
        if (p.name().equals(name)) {
          return p.type();
        }
      }
    }
    return null;
  }
}
