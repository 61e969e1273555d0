package io.discogen.runtime;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list method, fetched lazily page by page: iterate, {@link #stream()}, or walk
 * {@link #pages()}. Nothing is fetched until iteration starts; each page is fetched when iteration
 * reaches it.
 *
 * <p>The request is never modified: every iteration starts from the request's own {@code pageToken}
 * (usually unset: the first page) and sends the following tokens as per-call overrides. Each
 * iterator reads the request's other parameters when it fetches a page, so the iterable can be
 * iterated again (starting over) and the request reused afterwards. Iteration stops when a page has
 * no or an empty next-page token; a server that hands back the token it was given fails the
 * iteration rather than looping forever.
 *
 * <p>Link paging ({@link #ofNextLink}, {@link #ofLinkHeader}) sends the request for the first page,
 * then GETs each next page at the URL the previous page named (in its body or in its {@code Link}
 * header, {@code rel="next"}), with the request's headers and credentials; a link off the API's
 * origin (scheme, host and port of the root URL) is refused, not followed. Iteration stops when a
 * page names no next link; a page naming its own URL fails the iteration.
 *
 * <p>Offset paging ({@link #ofOffset}) re-sends the request with the offset advanced by the number
 * of items received (from the request's own offset, else 0), until a page is empty or has fewer
 * items than the request's limit (when it sets one).
 *
 * @param <I> item type
 * @param <P> page (response) type
 */
public final class PagedIterable<I, P> implements Iterable<I> {
  private final ClientRequest<P, ?> request;
  /** The token (or offset) parameter, or null for link paging. */
  private final String pageTokenParameter;
  /** The limit parameter of offset paging, else null. */
  private final String limitParameter;
  /** The next token, or the next link in the body; null for links in the {@code Link} header. */
  private final Function<P, String> nextPageToken;
  private final Function<P, List<I>> items;

  private PagedIterable(
      ClientRequest<P, ?> request,
      String pageTokenParameter,
      Function<P, String> nextPageToken,
      Function<P, List<I>> items,
      String limitParameter) {
    this.request = Objects.requireNonNull(request, "request");
    this.pageTokenParameter = pageTokenParameter;
    this.limitParameter = limitParameter;
    this.nextPageToken = nextPageToken;
    this.items = Objects.requireNonNull(items, "items");
  }

  /** Called by generated list requests. */
  public static <I, P> PagedIterable<I, P> of(
      ClientRequest<P, ?> request,
      String pageTokenParameter,
      Function<P, String> nextPageToken,
      Function<P, List<I>> items) {
    return new PagedIterable<>(request, Objects.requireNonNull(pageTokenParameter, "pageTokenParameter"),
        Objects.requireNonNull(nextPageToken, "nextPageToken"), items, null);
  }

  /** Called by generated list requests whose pages name the next page's URL ({@code nextLink}). */
  public static <I, P> PagedIterable<I, P> ofNextLink(
      ClientRequest<P, ?> request,
      Function<P, String> nextLink,
      Function<P, List<I>> items) {
    return new PagedIterable<>(request, null, Objects.requireNonNull(nextLink, "nextLink"), items, null);
  }

  /** Called by generated list requests whose responses name the next page in a {@code Link} header. */
  public static <I, P> PagedIterable<I, P> ofLinkHeader(ClientRequest<P, ?> request, Function<P, List<I>> items) {
    return new PagedIterable<>(request, null, null, items, null);
  }

  /** Called by generated list requests that take an item offset and a limit. */
  public static <I, P> PagedIterable<I, P> ofOffset(
      ClientRequest<P, ?> request,
      String offsetParameter,
      String limitParameter,
      Function<P, List<I>> items) {
    return new PagedIterable<>(request, Objects.requireNonNull(offsetParameter, "offsetParameter"), null, items,
        Objects.requireNonNull(limitParameter, "limitParameter"));
  }

  /** The responses, one per page, fetched as iteration reaches them. */
  public Iterable<P> pages() {
    return PageIterator::new;
  }

  /** The pages as a sequential, lazy stream. */
  public Stream<P> pageStream() {
    return StreamSupport.stream(pages().spliterator(), false);
  }

  @Override
  public Iterator<I> iterator() {
    Iterator<P> pages = new PageIterator();
    return new Iterator<I>() {
      private Iterator<I> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          P page = pages.next();
          List<I> list = page == null ? null : items.apply(page);
          current = list == null ? Collections.emptyIterator() : list.iterator();
        }
        return current.hasNext();
      }

      @Override
      public I next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  @Override
  public Spliterator<I> spliterator() {
    return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED);
  }

  /** All items as a sequential, lazy stream. */
  public Stream<I> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  private final class PageIterator implements Iterator<P> {
    private String token = pageTokenParameter == null || limitParameter != null ? null
        : (String) request.get(pageTokenParameter);
    /** Offset paging: the next offset; null once a page ended the list. */
    private Long offset = limitParameter == null ? null
        : request.get(pageTokenParameter) instanceof Number n ? n.longValue() : 0L;
    /** Link paging: the next page's URL, checked; null once there is none. */
    private URI link;
    private boolean first = true;

    @Override
    public boolean hasNext() {
      return first || (pageTokenParameter == null ? link != null
          : limitParameter != null ? offset != null : token != null && !token.isEmpty());
    }

    @Override
    public P next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (pageTokenParameter == null) {
        return nextByLink();
      }
      if (limitParameter != null) {
        return nextByOffset();
      }
      Map<String, Object> overrides = new HashMap<>();
      overrides.put(pageTokenParameter, token);
      P page = request.client().execute(request, overrides);
      first = false;
      String next = page == null ? null : nextPageToken.apply(page);
      if (next != null && !next.isEmpty() && next.equals(token)) {
        throw new DiscogenException(request.method().id() + ": the server returned the page token it was"
            + " given; stopping to avoid an endless loop");
      }
      token = next;
      return page;
    }

    private P nextByOffset() {
      Map<String, Object> overrides = new HashMap<>();
      if (!first) {
        overrides.put(pageTokenParameter, offset);
      }
      P page = request.client().execute(request, overrides);
      first = false;
      List<I> list = page == null ? null : items.apply(page);
      int n = list == null ? 0 : list.size();
      // Only an empty page ends the list: a server may cap the limit below what was asked, and a short
      // page then says nothing (stopping there would drop the rest without a word); one more request.
      offset = n == 0 ? null : offset + n;
      return page;
    }

    private P nextByLink() {
      Transport.Page<P> page = request.client().executePage(request, Map.of(), first ? null : link);
      first = false;
      P body = page.body();
      String next = nextPageToken != null
          ? (body == null ? null : nextPageToken.apply(body))
          : LinkHeader.next(page.headers().allValues("Link"));
      URI previous = link;
      link = next == null || next.isBlank() ? null : request.client().nextPage(request, next);
      if (link != null && link.equals(previous)) {
        throw new DiscogenException(request.method().id() + ": the server named the page it sent as the next"
            + " one; stopping to avoid an endless loop");
      }
      return body;
    }
  }
}
