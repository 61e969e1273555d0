package io.discogen.ir;

/**
 * How a list method pages: it takes a page token and its response carries the next one and the
 * items.
 *
 * @param pageTokenParameter the query parameter's wire name ({@code pageToken})
 * @param nextPageTokenProperty the response property's wire name ({@code nextPageToken})
 * @param itemsProperty the response property holding the items ({@code sessions})
 * @param itemType the type of one item
 */
public record Pagination(
    String pageTokenParameter,
    String nextPageTokenProperty,
    String itemsProperty,
    TypeRef itemType) {}
