package io.discogen.ir;

import java.util.Map;

/**
 * How a list method pages: it takes a page token and its response carries the next one (and,
 * usually, the items). Readers decide which parameter and properties those are; {@link #of}
 * decides, the same way for every format, whether the items can be iterated.
 *
 * @param pageTokenParameter the query parameter's wire name ({@code pageToken})
 * @param nextPageTokenProperty the response property's wire name ({@code nextPageToken})
 * @param itemsProperty the response property holding the items ({@code sessions}); null when the
 *     method pages but cannot be iterated (no list of items, or a next-page token that is not a
 *     string), as compute's aggregated lists, whose items are a map
 * @param itemType the type of one item, null exactly when {@code itemsProperty} is
 */
public record Pagination(
    String pageTokenParameter,
    String nextPageTokenProperty,
    String itemsProperty,
    TypeRef itemType) {

  public Pagination {
    if ((itemsProperty == null) != (itemType == null)) {
      throw new IllegalArgumentException("items property and item type go together: " + itemsProperty + ", " + itemType);
    }
  }

  /**
   * Whether the generated request can iterate every item of every page ({@code iterateAll()}):
   * its response has a list of items and a string next-page token.
   */
  public boolean iterable() {
    return itemType != null;
  }

  /**
   * The pagination of a method whose response is {@code response}, with the items in {@code
   * itemsProperty} (null when there is no candidate) when they can be iterated: that property is,
   * through aliases, a list and the next-page token a string. Otherwise the method still pages,
   * without items. The item type is the list's element as declared (an alias stays one).
   */
  public static Pagination of(String pageTokenParameter, String nextPageTokenProperty, String itemsProperty,
      TypeRef response, Map<String, Schema> index) {
    TypeRef items = null;
    TypeRef token = null;
    ObjectSchema page = response != null && Schemas.resolve(response, index) instanceof TypeRef.Named n
        && index.get(n.schemaId()) instanceof ObjectSchema o ? o : null;
    if (itemsProperty != null && page != null) {
      for (Property p : page.allProperties(index)) {
        if (p.name().equals(itemsProperty)) {
          items = Schemas.resolve(p.type(), index);
        } else if (p.name().equals(nextPageTokenProperty)) {
          token = p.type();
        }
      }
    }
    return items instanceof TypeRef.ListOf list && token != null && Schemas.isString(token, index)
        ? new Pagination(pageTokenParameter, nextPageTokenProperty, itemsProperty, list.element())
        : new Pagination(pageTokenParameter, nextPageTokenProperty, null, null);
  }
}
