package io.discogen.runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client's {@link HttpPolicy} chain, linked once when the client is built: sending an exchange
 * allocates no chain objects. Order: user agent, per-call user policies, retry, auth, per-retry user
 * policies, compression, logging, the sender ({@link SendStep}).
 */
final class Pipeline {
  private final HttpPolicy.Chain head;
  /** Policies that carry the caller's context to where a call runs (see {@link CallContext}). */
  private final List<CallContext> callContexts = new ArrayList<>();
  private final boolean decodesOnArrival;

  Pipeline(ClientOptions options, boolean acceptGzip, HttpSender callSender, HttpSender sender) {
    List<HttpPolicy> policies = new ArrayList<>();
    policies.add(new UserAgentPolicy(options.userAgent()));
    for (HttpPolicy p : options.policies()) {
      if (p.position() == HttpPolicy.Position.PER_CALL) {
        policies.add(p);
      }
    }
    policies.add(new RetryStep());
    policies.add(new AuthPolicy(options.credentials()));
    for (HttpPolicy p : options.policies()) {
      if (p.position() != HttpPolicy.Position.PER_CALL) {
        policies.add(p);
      }
    }
    policies.add(new CompressionPolicy(acceptGzip, options.gzipRequestsAbove(), options.maxResponseBytes()));
    policies.add(new LoggingPolicy(options.logBodies()));
    for (HttpPolicy p : policies) {
      if (p instanceof CallContext c) {
        callContexts.add(c);
      }
    }
    HttpPolicy.Chain chain = new SendStep(callSender, sender);
    for (int i = policies.size() - 1; i >= 0; i--) {
      chain = new Link(policies.get(i), chain);
    }
    this.head = chain;
    this.decodesOnArrival = !options.logBodies()
        && options.policies().stream().allMatch(p -> p instanceof LeavesResponsesAlone);
  }

  /**
   * Whether a call's 2xx JSON body may be decoded while it arrives (see {@link SendStep}): then no
   * policy sees its bytes, so only where none asks for them (body logging, user policies other than
   * those that leave responses alone).
   */
  boolean decodesOnArrival() {
    return decodesOnArrival;
  }

  /** Runs policies that have only a blocking form for asynchronous calls (see {@link HttpPolicy#sendAsync}). */
  static Executor blockingPolicies() {
    return BlockingPolicies.EXECUTOR;
  }

  /** Created on first use: most clients never need it. */
  private static final class BlockingPolicies {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "discogen-policy");
      t.setDaemon(true);
      return t;
    });
  }

  /** {@code task} with the current thread's context, for each policy that needs it. */
  Runnable withCallContext(Runnable task) {
    for (CallContext c : callContexts) {
      task = c.wrap(task);
    }
    return task;
  }

  HttpResponse<?> send(Exchange exchange) throws IOException {
    return head.send(exchange);
  }

  CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange) {
    return head.sendAsync(exchange);
  }

  /** A policy and what follows it. */
  private record Link(HttpPolicy policy, HttpPolicy.Chain next) implements HttpPolicy.Chain {
    @Override
    public HttpResponse<?> send(Exchange exchange) throws IOException {
      return policy.send(exchange, next);
    }

    @Override
    public CompletableFuture<HttpResponse<?>> sendAsync(Exchange exchange) {
      try {
        CompletableFuture<HttpResponse<?>> f = policy.sendAsync(exchange, next);
        return f != null ? f : CompletableFuture.failedFuture(new NullPointerException(policy + " returned null"));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
