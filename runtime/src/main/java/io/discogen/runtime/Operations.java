package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.time.Duration;

/** Waiting for Google long-running operations and reading their results. */
public final class Operations {
  private Operations() {}

  /** How long {@code executeAndWait()} waits by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Sends {@code request}, then polls the API's own {@code operations.get} until the operation is
   * done; an operation that ends in error becomes an {@link OperationException}.
   */
  public static <O> O waitFor(ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    return OperationPoller.waitFor(request, poll, nameParameter, timeout);
  }

  /** Reads the operation's {@code response} as the given model type. */
  public static <T> T response(Object operation, Class<T> type) {
    return Json.get().convert(Json.get().tree(operation).get("response"), type);
  }

  /** Reads the operation's {@code metadata} as the given model type. */
  public static <T> T metadata(Object operation, Class<T> type) {
    return Json.get().convert(Json.get().tree(operation).get("metadata"), type);
  }
}
