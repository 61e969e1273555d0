package io.discogen.runtime;

import java.time.Duration;

/**
 * When and how often to retry: exponential backoff with jitter, bounded by attempts and a total
 * deadline.
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 * @param initialBackoff the first wait
 * @param maxBackoff the longest single wait
 * @param multiplier growth of the wait per attempt
 * @param totalTimeout the deadline across all attempts
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    Duration totalTimeout) {

  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, Duration.ofMinutes(2));
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO);
  }
}
