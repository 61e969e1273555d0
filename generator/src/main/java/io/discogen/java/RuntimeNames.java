package io.discogen.java;

import java.util.Set;

/**
 * Names of the methods generated code and its users call on requests, spelled once: the emitters
 * generate them, the name plan keeps members off them, the docs and the diff report name them.
 */
public final class RuntimeNames {
  private RuntimeNames() {}

  /** {@code ClientRequest.execute()}. */
  public static final String EXECUTE = "execute";
  /** {@code ClientRequest.executeStream()}, for server-streaming methods. */
  public static final String EXECUTE_STREAM = "executeStream";
  /** Generated on the request of a paged method whose items can be iterated. */
  public static final String ITERATE_ALL = "iterateAll";
  /** {@code PagedIterable}'s stream of every item. */
  public static final String STREAM = "stream";
  /** {@code PagedIterable}'s pages. */
  public static final String PAGES = "pages";
  /** Generated on the request of a long-running method. */
  public static final String EXECUTE_AND_WAIT = "executeAndWait";
  /** Generated (static) on the request of an operation with several error bodies. */
  public static final String ERROR_TYPE_FOR = "errorTypeFor";
  /** Generated (static) beside {@link #ERROR_TYPE_FOR}. */
  public static final String DECODE_ERROR = "decodeError";

  /** The methods the emitters add to request classes beyond {@code ClientRequest}'s own. */
  static final Set<String> GENERATED_REQUEST_METHODS =
      Set.of(ITERATE_ALL, EXECUTE_AND_WAIT, ERROR_TYPE_FOR, DECODE_ERROR);
}
