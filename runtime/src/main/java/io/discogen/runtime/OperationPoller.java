package io.discogen.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Polls a Google long-running operation until {@code done}, asynchronously: waits between polls
 * run on a delayed executor. Each poll is an ordinary call, so it is retried like any GET.
 */
final class OperationPoller {
  private OperationPoller() {}

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static <O> O waitFor(ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    return Transport.await(waitForAsync(request, poll, nameParameter, timeout), request.method().id());
  }

  static <O> CompletableFuture<O> waitForAsync(
      ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    PollingPolicy policy = request.client().options().pollingPolicy();
    return request.client().executeAsync(request)
        .thenCompose(op -> next(request, poll, nameParameter, op, 1, deadline, timeout, policy));
  }

  private static <O> CompletableFuture<O> next(
      ClientRequest<O, ?> original, RestMethod poll, String nameParameter, O op, int polls,
      long deadline, Duration timeout, PollingPolicy policy) {
    if (op == null) {
      return CompletableFuture.failedFuture(
          new InvalidResponseException(original.method().id() + ": empty operation in response"));
    }
    JsonNode tree = Json.get().tree(op);
    String name = tree.path("name").asText(null);
    if (tree.path("done").asBoolean(false)) {
      JsonNode error = tree.get("error");
      if (error != null && error.isObject()) {
        return CompletableFuture.failedFuture(new OperationException(
            name, error.path("code").asInt(2), error.path("message").asText(null), details(error.get("details"))));
      }
      return CompletableFuture.completedFuture(op);
    }
    if (name == null || name.isEmpty()) {
      return CompletableFuture.failedFuture(new InvalidResponseException(
          original.method().id() + ": operation is not done and has no name to poll"));
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return CompletableFuture.failedFuture(new OperationTimeoutException(name, timeout));
    }
    // Never sleep past the deadline: the last poll happens at it.
    long delay = Math.min(policy.delay(polls).toNanos(), remaining);
    Transport.LOG.log(Level.DEBUG, () -> "operation " + name + " not done, polling in "
        + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
    PollRequest<O> pollRequest = new PollRequest<>(original, poll, nameParameter, name);
    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS))
        .thenCompose(ignored -> pollRequest.client().executeAsync(pollRequest))
        .thenCompose(o -> next(original, poll, nameParameter, o, polls + 1, deadline, timeout, policy));
  }

  private static List<Map<String, Object>> details(JsonNode n) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      for (JsonNode d : n) {
        if (d.isObject()) {
          out.add(Json.get().mapper().convertValue(d, MAP));
        }
      }
    }
    return out;
  }

  private static final class PollRequest<O> extends ClientRequest<O, PollRequest<O>> {
    PollRequest(ClientRequest<O, ?> original, RestMethod poll, String nameParameter, String name) {
      super(original.client(), poll, null, original.responseType());
      set(nameParameter, name);
    }
  }
}
