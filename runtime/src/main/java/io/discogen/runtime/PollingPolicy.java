package io.discogen.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link Operations} polls a long-running operation: the wait grows from {@code initialDelay}
 * by {@code multiplier} up to {@code maxDelay}; each wait is jittered to between half and all of
 * it, and never ends past the caller's timeout.
 */
public record PollingPolicy(Duration initialDelay, Duration maxDelay, double multiplier) {

  public PollingPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.isNegative() || !(multiplier >= 1.0)) {
      throw new IllegalArgumentException("invalid polling policy");
    }
  }

  /** 1 s growing x1.5 to at most 30 s. */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.5);
  }

  /** The wait before poll number {@code poll} (1-based). */
  public Duration delay(int poll) {
    double cap = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, poll - 1));
    long capNanos = (long) Math.min(cap, (double) maxDelay.toNanos());
    if (capNanos <= 1) {
      return Duration.ofNanos(Math.max(0, capNanos));
    }
    long half = capNanos / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(capNanos - half + 1));
  }
}
