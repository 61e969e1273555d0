package io.discogen.runtime;

/**
 * A policy that needs the context of the thread a call starts on (a tracing span, say) where the
 * call runs elsewhere: {@code executeAsync()} on a pooled thread ({@link CallThreads}) runs the
 * task {@link #wrap} returns.
 */
interface CallContext {
  /** {@code task}, to run with the current thread's context. */
  Runnable wrap(Runnable task);
}
