package io.discogen.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where {@code executeAsync()} runs its call on machines with two cores or fewer. There the JDK's
 * {@code HttpClient.sendAsync} starts a new thread for every response, whatever executor the
 * client has: it completes the future it returns through {@code CompletableFuture}'s default
 * executor, which is a thread per task when the common pool has fewer than two threads (2,000
 * calls, 2,000 threads; measured in {@code benchmarks/link.sh}). On such machines the call runs the
 * blocking pipeline, as {@code execute()} does, on a thread of this pool instead: its threads are
 * reused, one per call in flight, as the official clients' users run them. Elsewhere calls stay
 * fully asynchronous.
 */
final class CallThreads {
  /** Whether {@code sendAsync} would start a thread per response here. */
  static final boolean NEEDED = ForkJoinPool.getCommonPoolParallelism() < 2;

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "discogen-call-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

  private CallThreads() {}

  /**
   * Runs {@code call} on a pool thread, as {@code context} wraps it on this one; the future
   * completes there with its result or exception.
   * Cancelling the future interrupts the call, which aborts its exchange.
   */
  static <T> CompletableFuture<T> run(Supplier<T> call, java.util.function.UnaryOperator<Runnable> context) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Future<?> task = POOL.submit(context.apply(() -> {
      try {
        result.complete(call.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }));
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        task.cancel(true);
      }
    });
    return result;
  }
}
