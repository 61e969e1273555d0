package io.discogen.runtime;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list method, fetched lazily page by page: iterate, stream, or walk pages.
 *
 * @param <I> item type
 * @param <P> page (response) type
 */
public final class PagedIterable<I, P> implements Iterable<I> {
  private final ClientRequest<P, ?> request;
  private final String pageTokenParameter;
  private final Function<P, String> nextPageToken;
  private final Function<P, List<I>> items;

  private PagedIterable(
      ClientRequest<P, ?> request,
      String pageTokenParameter,
      Function<P, String> nextPageToken,
      Function<P, List<I>> items) {
    this.request = request;
    this.pageTokenParameter = pageTokenParameter;
    this.nextPageToken = nextPageToken;
    this.items = items;
  }

  /** Called by generated list requests. */
  public static <I, P> PagedIterable<I, P> of(
      ClientRequest<P, ?> request,
      String pageTokenParameter,
      Function<P, String> nextPageToken,
      Function<P, List<I>> items) {
    return new PagedIterable<>(request, pageTokenParameter, nextPageToken, items);
  }

  /** The responses, one per page, fetched as iteration reaches them. */
  public Iterable<P> pages() {
    return () -> new Iterator<P>() {
      private String token = (String) request.get(pageTokenParameter);
      private boolean first = true;

      @Override
      public boolean hasNext() {
        return first || (token != null && !token.isEmpty());
      }

      @Override
      public P next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        first = false;
        request.set(pageTokenParameter, token);
        P page = request.execute();
        token = page == null ? null : nextPageToken.apply(page);
        return page;
      }
    };
  }

  @Override
  public Iterator<I> iterator() {
    Iterator<P> pages = pages().iterator();
    return new Iterator<I>() {
      private Iterator<I> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          P page = pages.next();
          List<I> list = page == null ? null : items.apply(page);
          current = list == null ? java.util.Collections.emptyIterator() : list.iterator();
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

  /** All items as a sequential, lazy stream. */
  public Stream<I> stream() {
    return StreamSupport.stream(spliterator(), false);
  }
}
