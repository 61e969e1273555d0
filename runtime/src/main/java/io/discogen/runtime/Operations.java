package io.discogen.runtime;

import io.discogen.runtime.json.Json;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waiting for Google long-running operations and reading their results.
 *
 * <p>Polling uses the API's own {@code operations.get}, waiting between polls as {@link
 * ClientOptions#pollingPolicy()} says (growing, capped, jittered); each poll is retried like any
 * GET.
 */
public final class Operations {
  private Operations() {}

  /** How long {@code executeAndWait()} waits by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Sends {@code request}, then polls the API's own {@code operations.get} until the operation is
   * done, and returns the done operation.
   *
   * @param poll the operations.get method
   * @param nameParameter its path parameter that takes the operation's {@code name}
   * @throws OperationException the operation finished with an error
   * @throws OperationTimeoutException it was not done within {@code timeout}
   */
  public static <O> O waitFor(ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    return OperationPoller.waitFor(request, poll, nameParameter, timeout);
  }

  /** As {@link #waitFor}, without blocking; the future fails with the same exceptions. */
  public static <O> CompletableFuture<O> waitForAsync(
      ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    return OperationPoller.waitForAsync(request, poll, nameParameter, timeout);
  }

  /** Reads the operation's {@code response} as the given model type, or null if it has none. */
  public static <T> T response(Object operation, Class<T> type) {
    return response(operation, (Type) type);
  }

  /** Reads the operation's {@code response} as a (possibly generic) type, or null. */
  public static <T> T response(Object operation, Type type) {
    return field(operation, "response", type);
  }

  /** Reads the operation's {@code metadata} as the given model type, or null if it has none. */
  public static <T> T metadata(Object operation, Class<T> type) {
    return metadata(operation, (Type) type);
  }

  /** Reads the operation's {@code metadata} as a (possibly generic) type, or null. */
  public static <T> T metadata(Object operation, Type type) {
    return field(operation, "metadata", type);
  }

  private static <T> T field(Object operation, String field, Type type) {
    if (operation == null) {
      return null;
    }
    var node = Json.get().tree(operation).get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Json.get().convert(node, type);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException("operation " + field + " does not fit " + type.getTypeName(), e);
    }
  }
}
