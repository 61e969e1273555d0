package io.discogen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.discogen.runtime.json.Json;
import java.time.Duration;

/** Polls an operation until done. First version: fixed backoff; hardened in the runtime work. */
final class OperationPoller {
  private OperationPoller() {}

  static <O> O waitFor(ClientRequest<O, ?> request, RestMethod poll, String nameParameter, Duration timeout) {
    O op = request.execute();
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleep = 100;
    while (true) {
      JsonNode tree = Json.get().tree(op);
      if (tree.path("done").asBoolean(false)) {
        JsonNode error = tree.get("error");
        if (error != null && !error.isNull()) {
          throw new OperationException(tree.path("name").asText(), error.path("code").asInt(), error.path("message").asText());
        }
        return op;
      }
      if (System.nanoTime() > deadline) {
        throw new DiscogenException("operation " + tree.path("name").asText() + " not done within " + timeout);
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DiscogenException("interrupted waiting for operation", e);
      }
      sleep = Math.min(sleep * 2, 10_000);
      op = new PollRequest<O>(request, poll, nameParameter, tree.path("name").asText()).execute();
    }
  }

  private static final class PollRequest<O> extends ClientRequest<O, PollRequest<O>> {
    PollRequest(ClientRequest<O, ?> original, RestMethod poll, String nameParameter, String name) {
      super(original.client(), poll, null, original.responseType());
      set(nameParameter, name);
    }
  }
}
