package io.discogen.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often to retry: exponential backoff with full jitter, bounded by attempts and a
 * total deadline.
 *
 * <p>Retried: HTTP 408, 429, 500, 502, 503 and 504, and I/O failures (connection refused or reset,
 * response cut short, timeouts), but only for calls that are safe to repeat: GET, HEAD, PUT,
 * DELETE, and POST/PATCH of methods that declare a request-id parameter (see {@link
 * RestMethod#requestIdParameter()}). A connection that could not be opened is retried for any
 * method, since nothing was sent. A {@code Retry-After} header (seconds or HTTP-date) replaces the
 * computed wait. No wait ends past the deadline: when the next attempt could not start before it,
 * the last failure is thrown at once.
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 * @param initialBackoff the cap of the first wait
 * @param maxBackoff the cap of any computed wait
 * @param multiplier growth of the cap per attempt
 * @param totalTimeout the deadline across all attempts, waits included; zero means none (each
 *     attempt is still bounded by {@link ClientOptions#requestTimeout()})
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    Duration totalTimeout) {

  /** The HTTP statuses retried. */
  public static final Set<Integer> RETRYABLE_STATUS_CODES = Set.of(408, 429, 500, 502, 503, 504);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || totalTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
  }

  /** 5 attempts, waits from up to 500 ms growing x2 to at most 30 s, within 2 minutes. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, Duration.ofMinutes(2));
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO);
  }

  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, totalTimeout);
  }

  public RetryPolicy withTotalTimeout(Duration totalTimeout) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, totalTimeout);
  }

  public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, totalTimeout);
  }

  /** Whether a response with this HTTP status is worth another attempt. */
  public boolean isRetryableStatus(int status) {
    return RETRYABLE_STATUS_CODES.contains(status);
  }

  /**
   * The wait before the attempt after {@code failedAttempts} failures: uniformly random between
   * zero and {@code min(maxBackoff, initialBackoff * multiplier^(failedAttempts-1))} ("full
   * jitter").
   */
  public Duration backoff(int failedAttempts) {
    double cap = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
    long capNanos = (long) Math.min(cap, (double) maxBackoff.toNanos());
    if (capNanos <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(capNanos + 1));
  }
}
